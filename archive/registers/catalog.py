"""SQL over the registers: entries (one per number ever given) and the record columns registration writes.

Registration changes no field the search index holds, so it sets its columns without a new revision: the
index stays current and registering needs no writer lock, only the catalog's own write transaction."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

MAX_ROWS = 20_000  # a register-year read at once: more than any office registers in a year

# What a register row needs: the entry, the record's columns (absent once disposed) and its disposal.
ROW_SQL = """
SELECT e.register, e.year, e.number, e.record_id, e.day, e.registered_at, e.actor,
       r.id AS present, r.classification, r.compartments, r.doc_number, r.doc_type, r.title, r.issued, r.issuer,
       r.received, r.sender, r.recipients, r.routed_to, r.copies, r.notes, r.urgency,
       d.classification AS d_classification, d.compartments AS d_compartments, d.metadata AS d_metadata,
       d.authority AS d_authority, d.disposed_at AS d_at
FROM register_entries e
LEFT JOIN records r ON r.id = e.record_id
LEFT JOIN disposals d ON d.record_id = e.record_id
"""


@dataclass(frozen=True)
class Entry:
    register: str
    year: int
    number: int
    record_id: int
    day: str
    registered_at: str
    actor: str


def entry_of(db: sqlite3.Connection, record_id: int) -> Entry | None:
    row = db.execute(
        "SELECT register, year, number, record_id, day, registered_at, actor FROM register_entries WHERE record_id = ?",
        (record_id,),
    ).fetchone()
    return Entry(*row) if row else None


def next_number(db: sqlite3.Connection, register: str, year: int) -> int:
    """One more than the highest number ever given in the register that year (call inside the transaction that
    adds the entry: SQLite's write lock makes the read and the insert one step for every process)."""
    row = db.execute(
        "SELECT coalesce(max(number), 0) + 1 FROM register_entries WHERE register = ? AND year = ?", (register, year)
    ).fetchone()
    return row[0]


def add_entry(db: sqlite3.Connection, entry: Entry) -> None:
    db.execute(
        "INSERT INTO register_entries (register, year, number, record_id, day, registered_at, actor) "
        "VALUES (?,?,?,?,?,?,?)",
        (entry.register, entry.year, entry.number, entry.record_id, entry.day, entry.registered_at, entry.actor),
    )


def set_columns(db: sqlite3.Connection, record_id: int, values: dict, provenance: dict, at: str) -> None:
    """Write registry columns and their provenance (no new revision: the index holds none of them)."""
    row = db.execute("SELECT provenance FROM records WHERE id = ?", (record_id,)).fetchone()
    merged = {**json.loads(row[0] or "{}"), **provenance}
    names = ", ".join(f"{name} = ?" for name in values)
    db.execute(
        f"UPDATE records SET {names}, provenance = ?, updated_at = ? WHERE id = ?",
        (*values.values(), json.dumps(merged, sort_keys=True), at, record_id),
    )


def rows(db: sqlite3.Connection, registers: tuple[str, ...], year: int) -> list[sqlite3.Row]:
    """Every entry of these registers in that year, by register and number (bounded by MAX_ROWS)."""
    marks = ", ".join("?" for _ in registers)
    return db.execute(
        f"{ROW_SQL} WHERE e.register IN ({marks}) AND e.year = ? ORDER BY e.register, e.number LIMIT ?",
        (*registers, year, MAX_ROWS),
    ).fetchall()


def duplicate_numbers(db: sqlite3.Connection, registers: tuple[str, ...], year: int) -> list[tuple[str, int, int]]:
    """(register, number, times) given more than once: the table forbids it, so only a damaged catalog has any."""
    marks = ", ".join("?" for _ in registers)
    return db.execute(
        f"SELECT register, number, count(*) FROM register_entries WHERE register IN ({marks}) AND year = ? "
        "GROUP BY register, number HAVING count(*) > 1 ORDER BY register, number",
        (*registers, year),
    ).fetchall()


def counts(db: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """Entries of days in [start, end) by register, grouped by the access their record (or disposal) has:
    few groups, however many entries."""
    return db.execute(
        "SELECT e.register, coalesce(r.classification, d.classification) AS level, "
        "coalesce(r.compartments, d.compartments) AS names, count(*) AS n "
        "FROM register_entries e LEFT JOIN records r ON r.id = e.record_id "
        "LEFT JOIN disposals d ON d.record_id = e.record_id "
        "WHERE e.day >= ? AND e.day < ? GROUP BY 1, 2, 3",
        (start, end),
    ).fetchall()


def latest_year(db: sqlite3.Connection, registers: tuple[str, ...]) -> int | None:
    """The latest year these registers have entries for (a year, never which entries)."""
    marks = ", ".join("?" for _ in registers)
    row = db.execute(f"SELECT max(year) FROM register_entries WHERE register IN ({marks})", registers).fetchone()
    return row[0]
