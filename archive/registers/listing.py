"""A register's rows as one reader may see them, in the columns of Decree 30's appendix: number, date
(received, or issued for the outgoing book), sender or recipients, symbol, type and summary, routed to (or
the unit keeping the copy), copies, notes. A number whose record was disposed of stays, with the reason
(the disposal record's authority and day), for those who could have seen the record; rows of records the
reader may not see are left out whole."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

from archive.catalog import Catalog
from archive.messages import Message
from archive.people.access import may_see
from archive.registers import catalog as entries
from archive.registers.books import book_of, registers_of
from indexer import Clearance

COLUMNS = (
    "register",
    "number",
    "date",
    "received",
    "sender",
    "recipients",
    "symbol",
    "issued",
    "doc_type",
    "summary",
    "routed_to",
    "copies",
    "notes",
    "id",
    "gap",
)


def register_rows(catalog: Catalog, book: str, year: int, clearance: Clearance | None = None) -> list[dict]:
    """Rows of both registers of `book` (ordinary, then classified) for `year` the reader may see."""
    found = []
    for row in entries.rows(catalog.db, registers_of(book), year):
        level, names = row_access(row)
        if may_see(clearance, level, names):
            found.append(_row(row))
    return found


def read_register(catalog: Catalog, book: str, year: int, clearance: Clearance | None = None) -> list[dict]:
    """A register read by a person: its rows as they may see them, the reading in the audit trail."""
    rows = register_rows(catalog, book, year, clearance)
    catalog.log_event("register.view", None, book=book, year=year)  # no count: it would tell of hidden rows
    return rows


def row_access(row: sqlite3.Row) -> tuple[str | None, list[str]]:
    if row["present"] is not None:
        level, names = row["classification"], row["compartments"]
    else:
        level, names = row["d_classification"], row["d_compartments"]  # None: neither left (hidden from all)
    return level, [n for n in (names or "").split(",") if n]


def symbol_of(row: sqlite3.Row) -> str | None:
    """The row's document symbol, also for a disposed record (from its disposal record)."""
    if row["present"] is not None:
        return row["doc_number"]
    return json.loads(row["d_metadata"] or "{}").get("doc_number")


def _row(row: sqlite3.Row) -> dict:
    incoming = book_of(row["register"]) == "in"
    if row["present"] is None:
        kept = json.loads(row["d_metadata"] or "{}")
        gap = (
            Message("disposed of on %(day)s under %(authority)s", day=row["d_at"][:10], authority=row["d_authority"])
            if row["d_at"]
            else Message("the record is gone")
        )
    else:
        kept, gap = dict(row), None
    return {
        "register": row["register"],
        "number": row["number"],
        "date": row["day"],
        "received": kept.get("received") if incoming else None,
        "sender": (kept.get("sender") or kept.get("issuer")) if incoming else None,
        "recipients": None if incoming else kept.get("recipients"),
        "symbol": kept.get("doc_number"),
        "issued": kept.get("issued"),
        "doc_type": kept.get("doc_type"),
        "summary": kept.get("title"),
        "routed_to": kept.get("routed_to"),
        "copies": kept.get("copies"),
        "notes": kept.get("notes"),
        "id": row["record_id"],
        "gap": gap,
    }


def as_csv(rows: list[dict]) -> str:
    """The rows as CSV (UTF-8 text; the header names the columns)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return out.getvalue()
