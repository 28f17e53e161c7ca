"""Reading the audit trail: entries in a period, as rows or as CSV."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TextIO

COLUMNS = ("id", "at", "actor", "origin", "action", "record_id", "detail", "prev_hash", "hash")


@dataclass(frozen=True)
class Entry:
    id: int
    at: str
    actor: str
    origin: str
    action: str
    record_id: int | None
    detail: dict | None
    prev_hash: str | None
    hash: str | None

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in COLUMNS}


def period(start: date | None, end: date | None) -> tuple[str, str]:
    """Bounds on `at` for whole days, `end` included (timestamps are ISO strings, so they compare as text)."""
    low = start.isoformat() if start else ""
    high = (end + timedelta(days=1)).isoformat() if end else "9999"
    return low, high


def entries(
    db: sqlite3.Connection,
    start: date | None = None,
    end: date | None = None,
    *,
    action: str | None = None,
    actor: str | None = None,
    record_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> list[Entry]:
    """Entries in the period, filtered; `action` matches itself and its sub-actions (`hold` → `hold.add`)."""
    sql, args = _select(start, end, action, actor, record_id, newest_first)
    rows = db.execute(sql + " LIMIT ? OFFSET ?", [*args, -1 if limit is None else limit, offset])
    return [entry_of(row) for row in rows]


def iter_entries(
    db: sqlite3.Connection,
    start: date | None = None,
    end: date | None = None,
    *,
    action: str | None = None,
    actor: str | None = None,
    record_id: int | None = None,
) -> Iterator[Entry]:
    """As `entries`, oldest first and one at a time (an export of the whole trail need not hold it in memory)."""
    sql, args = _select(start, end, action, actor, record_id, False)
    return (entry_of(row) for row in db.execute(sql, args))


def _select(start, end, action, actor, record_id, newest_first) -> tuple[str, list]:
    low, high = period(start, end)
    sql = "SELECT * FROM events WHERE at >= ? AND at < ?"
    args: list = [low, high]
    if action:
        sql += " AND (action = ? OR action LIKE ?)"
        args += [action, action.replace("%", "").replace("_", "") + ".%"]
    if actor:
        sql += " AND actor = ?"
        args.append(actor)
    if record_id is not None:
        sql += " AND record_id = ?"
        args.append(record_id)
    return sql + f" ORDER BY id {'DESC' if newest_first else ''}", args


def entry_at(db: sqlite3.Connection, entry_id: int) -> Entry | None:
    row = db.execute("SELECT * FROM events WHERE id = ?", (entry_id,)).fetchone()
    return entry_of(row) if row else None


def write_csv(db: sqlite3.Connection, out: TextIO, start: date | None, end: date | None) -> int:
    """Every entry of the period as CSV with a header row (the hashes included, to check elsewhere)."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    low, high = period(start, end)
    count = 0
    for row in db.execute("SELECT * FROM events WHERE at >= ? AND at < ? ORDER BY id", (low, high)):
        writer.writerow([row[name] if row[name] is not None else "" for name in COLUMNS])
        count += 1
    return count


def write_entries_csv(out: TextIO, found: Iterable[Entry]) -> int:
    """These entries as CSV with a header row, as `write_csv` writes the stored ones (details as JSON)."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for entry in found:
        row = entry.to_dict()
        if row["detail"] is not None:
            row["detail"] = json.dumps(row["detail"], ensure_ascii=False, sort_keys=True)
        writer.writerow(["" if row[name] is None else row[name] for name in COLUMNS])
        count += 1
    return count


def entry_of(row: sqlite3.Row) -> Entry:
    """An `events` row as an Entry."""
    detail = json.loads(row["detail"]) if row["detail"] else None
    return Entry(
        row["id"], row["at"], row["actor"], row["origin"], row["action"], row["record_id"], detail,
        row["prev_hash"], row["hash"],
    )  # fmt: skip
