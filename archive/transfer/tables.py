"""The catalog's transfer tables: this archive's identity, what came in from packages, transfer records.

The only module of the transfer package that speaks SQL."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass

from archive.catalog import now


def archive_id(db: sqlite3.Connection) -> str:
    """This archive's identity, a UUID made the first time a package names it (call inside a transaction
    or where a lost race only means the other writer's id is read back)."""
    row = db.execute("SELECT value FROM archive_identity WHERE key = 'archive_id'").fetchone()
    if row:
        return row[0]
    db.execute("INSERT OR IGNORE INTO archive_identity (key, value) VALUES ('archive_id', ?)", (str(uuid.uuid4()),))
    return db.execute("SELECT value FROM archive_identity WHERE key = 'archive_id'").fetchone()[0]


@dataclass(frozen=True)
class Imported:
    source_archive: str
    source_id: int
    record_id: int
    status: str  # added | duplicate
    package: str
    source_name: str | None
    imported_at: str

    def to_dict(self) -> dict:
        return {
            "archive": self.source_archive,
            "name": self.source_name,
            "id": self.source_id,
            "status": self.status,
            "package": self.package,
            "imported_at": self.imported_at,
        }


def find_import(db: sqlite3.Connection, source_archive: str, source_id: int) -> Imported | None:
    row = db.execute(
        "SELECT * FROM imports WHERE source_archive = ? AND source_id = ?", (source_archive, source_id)
    ).fetchone()
    return _imported(row) if row else None


def imports_of(db: sqlite3.Connection, record_id: int) -> list[Imported]:
    """Where a record came from: the packages that brought it (added) or brought its bytes again (duplicate)."""
    rows = db.execute("SELECT * FROM imports WHERE record_id = ? ORDER BY imported_at, source_archive", (record_id,))
    return [_imported(row) for row in rows]


def add_import(db: sqlite3.Connection, item: Imported) -> None:
    db.execute(
        "INSERT INTO imports (source_archive, source_id, record_id, status, package, source_name, imported_at) "
        "VALUES (?,?,?,?,?,?,?)",
        (
            item.source_archive,
            item.source_id,
            item.record_id,
            item.status,
            item.package,
            item.source_name,
            item.imported_at,
        ),
    )


def _imported(row: sqlite3.Row) -> Imported:
    return Imported(
        row["source_archive"],
        row["source_id"],
        row["record_id"],
        row["status"],
        row["package"],
        row["source_name"],
        row["imported_at"],
    )


@dataclass(frozen=True)
class Transfer:
    id: int
    at: str
    actor: str
    origin: str
    recipient: str
    decision: str
    file_code: str | None
    package: str | None
    records: list[dict]
    removed: bool
    purged: bool

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "at": self.at,
            "by": self.actor,
            "to": self.recipient,
            "decision": self.decision,
            "file": self.file_code,
            "package": self.package,
            "records": self.records,
            "local_copies_removed": self.removed,
            "purged": self.purged,
        }


def add_transfer(
    db: sqlite3.Connection,
    actor: str,
    origin: str,
    recipient: str,
    decision: str,
    file_code: str | None,
    package: str | None,
    records: list[dict],
    removed: bool,
) -> int:
    cursor = db.execute(
        "INSERT INTO transfers (at, actor, origin, recipient, decision, file_code, package, records, removed) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        (
            now(),
            actor,
            origin,
            recipient,
            decision,
            file_code,
            package,
            json.dumps(records, ensure_ascii=False, sort_keys=True),
            int(removed),
        ),
    )
    return cursor.lastrowid


def mark_transferred(db: sqlite3.Connection, transfer_id: int, record_id: int, sha256: str, level: str, parts: str):
    """The record leaves the catalog; its id stays taken."""
    db.execute(
        "INSERT INTO transferred (record_id, transfer_id, sha256, classification, compartments) VALUES (?,?,?,?,?)",
        (record_id, transfer_id, sha256, level, parts or None),
    )
    db.execute("DELETE FROM records WHERE id = ?", (record_id,))


def unpurged(db: sqlite3.Connection) -> list[tuple[int, list[tuple[int, str]]]]:
    """Transfers whose removed records may still sit in the index or the store: (transfer id, [(id, sha256)])."""
    found = []
    for (transfer_id,) in db.execute(
        "SELECT id FROM transfers WHERE removed = 1 AND purged = 0 ORDER BY id"
    ).fetchall():
        rows = db.execute("SELECT record_id, sha256 FROM transferred WHERE transfer_id = ?", (transfer_id,)).fetchall()
        found.append((transfer_id, [(r[0], r[1]) for r in rows]))
    return found


def mark_purged(db: sqlite3.Connection, transfer_id: int) -> None:
    db.execute("UPDATE transfers SET purged = 1 WHERE id = ?", (transfer_id,))


def list_transfers(db: sqlite3.Connection, limit: int = 1000) -> list[Transfer]:
    rows = db.execute("SELECT * FROM transfers ORDER BY id DESC LIMIT ?", (limit,))
    return [_transfer(row) for row in rows]


def find_transfer(db: sqlite3.Connection, transfer_id: int) -> Transfer | None:
    row = db.execute("SELECT * FROM transfers WHERE id = ?", (transfer_id,)).fetchone()
    return _transfer(row) if row else None


def _transfer(row: sqlite3.Row) -> Transfer:
    return Transfer(
        row["id"],
        row["at"],
        row["actor"],
        row["origin"],
        row["recipient"],
        row["decision"],
        row["file_code"],
        row["package"],
        json.loads(row["records"]),
        bool(row["removed"]),
        bool(row["purged"]),
    )


def events_of(db: sqlite3.Connection, ids: list[int]):
    """The audit entries about these records, in order, a chunk of ids at a time (bounded statements)."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        yield from db.execute(
            f"SELECT id, at, actor, origin, action, record_id, detail, hash FROM events WHERE record_id IN ({marks}) "
            "ORDER BY id",
            chunk,
        )


def citation_rows(db: sqlite3.Connection, record_id: int) -> list[dict]:
    """The record's citations as stored (symbol, key and date), for a package to carry them whole."""
    rows = db.execute(
        "SELECT symbol, symbol_key, cited_date FROM citations WHERE record_id = ? ORDER BY rowid", (record_id,)
    )
    return [{"symbol": r[0], "key": r[1], "date": r[2]} for r in rows]
