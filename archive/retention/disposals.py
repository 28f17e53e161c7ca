"""Disposal records: what outlives a disposed record (its metadata, SHA-256, the authority, who, when)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from archive.messages import Message


@dataclass(frozen=True)
class Disposal:
    record_id: int
    disposed_at: str
    actor: str
    origin: str
    authority: str
    sha256: str
    size: int
    filename: str
    classification: str
    compartments: tuple[str, ...]
    retention: str
    metadata: dict

    def to_dict(self) -> dict:
        return {
            "id": self.record_id,
            "disposed_at": self.disposed_at,
            "disposed_by": self.actor,
            "origin": self.origin,
            "authority": self.authority,
            "sha256": self.sha256,
            "size": self.size,
            "filename": self.filename,
            "classification": self.classification,
            "compartments": list(self.compartments),
            "retention": self.retention,
            "metadata": self.metadata,
        }

    @property
    def message(self) -> str:
        return Message(
            "record %(id)s was disposed of on %(day)s under %(authority)s",
            id=self.record_id,
            day=self.disposed_at[:10],
            authority=self.authority,
        )


def find_disposal(db: sqlite3.Connection, record_id: int) -> Disposal | None:
    row = db.execute("SELECT * FROM disposals WHERE record_id = ?", (record_id,)).fetchone()
    return _disposal(row) if row else None


def disposal_of_bytes(db: sqlite3.Connection, sha256: str) -> Disposal | None:
    """The disposal of a record with these bytes (the latest, should there be several), or None."""
    row = db.execute(
        "SELECT * FROM disposals WHERE sha256 = ? ORDER BY disposed_at DESC, record_id DESC LIMIT 1", (sha256,)
    ).fetchone()
    return _disposal(row) if row else None


def list_disposals(db: sqlite3.Connection) -> list[Disposal]:
    return [_disposal(row) for row in db.execute("SELECT * FROM disposals ORDER BY disposed_at, record_id")]


def _disposal(row: sqlite3.Row) -> Disposal:
    return Disposal(
        record_id=row["record_id"],
        disposed_at=row["disposed_at"],
        actor=row["actor"],
        origin=row["origin"],
        authority=row["authority"],
        sha256=row["sha256"],
        size=row["size"],
        filename=row["filename"],
        classification=row["classification"],
        compartments=tuple(n for n in (row["compartments"] or "").split(",") if n),
        retention=row["retention"],
        metadata=json.loads(row["metadata"]),
    )
