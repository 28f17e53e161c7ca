"""Tasks done, open, and overdue by unit, counted over what one reader may see (for reports)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from archive.catalog import Catalog
from archive.followup import catalog as tasks
from archive.people.access import may_see
from indexer import Clearance


def unit_counts(catalog: Catalog, as_of: date, clearance: Clearance | None = None) -> dict[str, dict[str, int]]:
    """`{unit: {"done", "open", "overdue"}}` (overdue ones are open too); the SQL groups them by access."""
    found: dict[str, dict[str, int]] = defaultdict(lambda: {"done": 0, "open": 0, "overdue": 0})
    for row in tasks.unit_counts(catalog.db, as_of.isoformat()):
        names = [n for n in (row["names"] or "").split(",") if n]
        if row["level"] is None and clearance is not None:
            continue
        if clearance is not None and not may_see(clearance, row["level"], names):
            continue
        found[row["unit"]][row["status"]] += row["n"]
        if row["overdue"]:
            found[row["unit"]]["overdue"] += row["n"]
    return dict(found)
