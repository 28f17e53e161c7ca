"""The catalog's `previews` table: the SHA-256 of each PDF preview as it was made (migration 0014)."""

from __future__ import annotations

import sqlite3

from archive.catalog import now


def preview_digest(db: sqlite3.Connection, original_sha256: str) -> str | None:
    """The recorded SHA-256 of the preview of the original with this digest, or None (none recorded)."""
    row = db.execute("SELECT pdf_sha256 FROM previews WHERE sha256 = ?", (original_sha256,)).fetchone()
    return row[0] if row else None


def save_preview_digest(db: sqlite3.Connection, original_sha256: str, pdf_sha256: str, size: int) -> None:
    db.execute(
        "INSERT OR REPLACE INTO previews (sha256, pdf_sha256, size, made_at) VALUES (?, ?, ?, ?)",
        (original_sha256, pdf_sha256, size, now()),
    )


def preview_digests(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(original's SHA-256, preview's SHA-256) of every preview made since digests are kept."""
    return [(r[0], r[1]) for r in db.execute("SELECT sha256, pdf_sha256 FROM previews ORDER BY sha256")]
