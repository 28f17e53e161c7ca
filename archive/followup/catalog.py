"""SQL over follow-up tasks and dismissed candidates. A task row comes with its directing record's symbol,
title, classification and compartments (or, once that record is disposed of, its disposal record's)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

MAX_ROWS = 5_000  # tasks read for one listing, before they are cut to the reader: a bound on the cost

TASK_SQL = """
SELECT t.*, r.doc_number AS symbol, r.title AS title,
       coalesce(r.classification, d.classification) AS classification,
       coalesce(r.compartments, d.compartments) AS compartments
FROM followup_tasks t
LEFT JOIN records r ON r.id = t.record_id
LEFT JOIN disposals d ON d.record_id = t.record_id
"""


@dataclass(frozen=True)
class Task:
    id: int
    record_id: int
    kind: str
    task: str
    lead: str
    due: str
    every_months: int | None
    status: str
    evidence_id: int | None
    done_at: str | None
    done_by: str | None
    next_id: int | None
    created_at: str
    created_by: str
    symbol: str | None
    title: str | None
    classification: str | None  # None when neither the record nor its disposal record is left
    compartments: tuple[str, ...]

    def overdue(self, as_of: str) -> bool:
        return self.status == "open" and self.due < as_of


def _task(row: sqlite3.Row) -> Task:
    values = dict(row)
    values["compartments"] = tuple(n for n in (values["compartments"] or "").split(",") if n)
    return Task(**values)


def insert_task(db: sqlite3.Connection, values: dict) -> int:
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return db.execute(f"INSERT INTO followup_tasks ({names}) VALUES ({marks})", tuple(values.values())).lastrowid


def get_task(db: sqlite3.Connection, task_id: int) -> Task | None:
    if not -(2**63) <= task_id < 2**63:
        return None
    row = db.execute(f"{TASK_SQL} WHERE t.id = ?", (task_id,)).fetchone()
    return _task(row) if row else None


def close_task(db: sqlite3.Connection, task_id: int, evidence_id: int, at: str, actor: str, next_id) -> None:
    db.execute(
        "UPDATE followup_tasks SET status = 'done', evidence_id = ?, done_at = ?, done_by = ?, next_id = ? "
        "WHERE id = ?",
        (evidence_id, at, actor, next_id, task_id),
    )


def find_tasks(
    db: sqlite3.Connection,
    *,
    record_id: int | None = None,
    unit: str | None = None,
    status: str | None = None,
    due_before: str | None = None,
) -> list[Task]:
    """Tasks matching every filter given (status open/done; due_before: open tasks due before that day),
    by deadline; at most MAX_ROWS."""
    where, args = [], []
    if record_id is not None:
        where.append("t.record_id = ?")
        args.append(record_id)
    if unit:
        where.append("t.lead = ? COLLATE NOCASE")
        args.append(unit)
    if status:
        where.append("t.status = ?")
        args.append(status)
    if due_before:
        where.append("t.status = 'open' AND t.due < ?")
        args.append(due_before)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = db.execute(f"{TASK_SQL} {clause} ORDER BY t.due, t.id LIMIT ?", (*args, MAX_ROWS)).fetchall()
    return [_task(row) for row in rows]


def units(db: sqlite3.Connection) -> list[str]:
    return [row[0] for row in db.execute("SELECT DISTINCT lead FROM followup_tasks ORDER BY lead LIMIT 1000")]


def dismiss(db: sqlite3.Connection, task_id: int, record_id: int, actor: str, at: str) -> bool:
    cursor = db.execute(
        "INSERT OR IGNORE INTO followup_dismissed (task_id, record_id, actor, at) VALUES (?, ?, ?, ?)",
        (task_id, record_id, actor, at),
    )
    return cursor.rowcount > 0


def dismissed(db: sqlite3.Connection, task_ids: list[int]) -> set[tuple[int, int]]:
    if not task_ids:
        return set()
    marks = ", ".join("?" for _ in task_ids)
    rows = db.execute(f"SELECT task_id, record_id FROM followup_dismissed WHERE task_id IN ({marks})", task_ids)
    return {(row[0], row[1]) for row in rows}


def unit_counts(db: sqlite3.Connection, as_of: str) -> list[sqlite3.Row]:
    """Tasks by unit, status, overdue and the access of their directing record: a few groups."""
    return db.execute(
        "SELECT t.lead AS unit, t.status AS status, (t.status = 'open' AND t.due < ?) AS overdue, "
        "coalesce(r.classification, d.classification) AS level, coalesce(r.compartments, d.compartments) AS names, "
        "count(*) AS n FROM followup_tasks t LEFT JOIN records r ON r.id = t.record_id "
        "LEFT JOIN disposals d ON d.record_id = t.record_id GROUP BY 1, 2, 3, 4, 5",
        (as_of,),
    ).fetchall()


def same_open_task(db: sqlite3.Connection, record_id: int, kind: str, task: str, lead: str, due: str) -> int | None:
    """The id of an open task with exactly these values, if there is one."""
    row = db.execute(
        "SELECT id FROM followup_tasks WHERE record_id = ? AND kind = ? AND task = ? AND lead = ? AND due = ? "
        "AND status = 'open' ORDER BY id LIMIT 1",
        (record_id, kind, task, lead, due),
    ).fetchone()
    return row[0] if row else None


def record_with_symbol(db: sqlite3.Connection, key: str) -> int | None:
    """The newest record whose symbol has this key (symbols repeat across terms: the latest is meant)."""
    row = db.execute(
        "SELECT id FROM records WHERE doc_number_key = ? ORDER BY issued DESC, ingested_at DESC, id DESC LIMIT 1",
        (key,),
    ).fetchone()
    return row[0] if row else None
