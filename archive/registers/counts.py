"""Documents received and sent per period, counted over what one reader may see (for reports)."""

from __future__ import annotations

from datetime import date

from archive.catalog import Catalog
from archive.people.access import may_see
from archive.registers import catalog as entries
from archive.registers.books import book_of
from indexer import Clearance


def register_counts(catalog: Catalog, start: date, end: date, clearance: Clearance | None = None) -> dict[str, int]:
    """`{"in": received, "out": sent}` for entries whose day (received, or issued) is in [start, end), counting
    only records (or disposal records) the reader may see; the SQL groups them, so the cost is a few groups."""
    found = {"in": 0, "out": 0}
    for row in entries.counts(catalog.db, start.isoformat(), end.isoformat()):
        names = [n for n in (row["names"] or "").split(",") if n]
        if row["level"] is not None and may_see(clearance, row["level"], names):
            found[book_of(row["register"])] += row["n"]
    return found
