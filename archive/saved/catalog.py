"""The saved_searches table (migration 0013) and the one records query a "since" run needs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SavedSearch:
    id: int
    owner: str
    name: str
    query: str
    filters: dict
    shared: bool
    created_at: str
    last_run_at: str | None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "owner": self.owner,
            "query": self.query,
            "filters": self.filters,
            "shared": self.shared,
            "created_at": self.created_at,
            "last_run_at": self.last_run_at,
        }


def _saved(row: sqlite3.Row) -> SavedSearch:
    return SavedSearch(
        row["id"],
        row["owner"],
        row["name"],
        row["query"],
        json.loads(row["filters"]),
        bool(row["shared"]),
        row["created_at"],
        row["last_run_at"],
    )


def insert_saved(db: sqlite3.Connection, owner: str, name: str, query: str, filters: dict, shared: bool, at: str):
    db.execute(
        "INSERT INTO saved_searches (owner, name, query, filters, shared, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (owner, name, query, json.dumps(filters, sort_keys=True, ensure_ascii=False), int(shared), at),
    )


def delete_saved(db: sqlite3.Connection, owner: str, name: str) -> bool:
    return db.execute("DELETE FROM saved_searches WHERE owner = ? AND name = ?", (owner, name)).rowcount > 0


def find_saved(db: sqlite3.Connection, owner: str, name: str) -> SavedSearch | None:
    """The owner's own search by this name, else a shared one of that name (the oldest, if several)."""
    row = db.execute(
        "SELECT * FROM saved_searches WHERE name = ? AND (owner = ? OR shared = 1) ORDER BY owner != ?, id LIMIT 1",
        (name, owner, owner),
    ).fetchone()
    return _saved(row) if row else None


def list_saved(db: sqlite3.Connection, owner: str) -> list[SavedSearch]:
    """The owner's searches, then the ones others shared; at most 200 (a bounded page)."""
    rows = db.execute(
        "SELECT * FROM saved_searches WHERE owner = ? OR shared = 1 ORDER BY owner != ?, name, id LIMIT 200",
        (owner, owner),
    )
    return [_saved(r) for r in rows]


def mark_run(db: sqlite3.Connection, saved_id: int, at: str) -> None:
    db.execute("UPDATE saved_searches SET last_run_at = ? WHERE id = ?", (at, saved_id))


def changed_since(db: sqlite3.Connection, ids: Iterable[int], since: str, *, after: bool = False) -> list[int]:
    """Of `ids`, those added or changed at or after `since` (an ISO date or time; strictly after it with
    `after`, for a last run's time), newest first."""
    op = ">" if after else ">="
    wanted = list(ids)
    found: list[tuple[str, int]] = []
    for start in range(0, len(wanted), 500):  # SQLite's bound on parameters
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found += db.execute(
            f"SELECT max(ingested_at, updated_at) AS at, id FROM records WHERE id IN ({marks}) "
            f"AND max(ingested_at, updated_at) {op} ?",
            (*chunk, since),
        ).fetchall()
    return [i for _, i in sorted(found, key=lambda r: (r[0], r[1]), reverse=True)]
