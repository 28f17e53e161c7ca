"""Checking and exporting the audit trail, each itself an entry in it: the one place `archive audit …` and
the admin area's audit page and API do them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TextIO

from archive.audit.audit import ChainReport, verify_chain
from archive.audit.auditlog import Entry, write_csv, write_entries_csv
from archive.catalog import Catalog


def verify_trail(catalog: Catalog, anchor: str | None = None) -> ChainReport:
    """Recompute the hash chain (against a head kept elsewhere, `anchor`: a bad one is a ValueError); logged."""
    report = verify_chain(catalog.db, anchor)
    catalog.log_event("audit.verify", None, ok=report.ok, entries=report.entries, head=report.head)
    return report


def export_period(catalog: Catalog, out: TextIO, start: date | None, end: date | None) -> int:
    """Every stored entry of the period as CSV, hashes included; the export is logged. The count written."""
    count = write_csv(catalog.db, out, start, end)
    period = {"from": start.isoformat() if start else None, "to": end.isoformat() if end else None}
    catalog.log_event("audit.export", None, entries=count, **period)
    return count


def export_entries(
    catalog: Catalog,
    out: TextIO,
    found: Iterable[Entry],
    *,
    record_id: int | None,
    filters: dict,
    start: date | None,
    end: date | None,
) -> int:
    """Entries as a viewer may read them, chosen by the filters, as CSV; the export is logged, about the record
    when one was chosen (so it is withheld, as its entries are, from who may not see it). The count written."""
    count = write_entries_csv(out, found)
    catalog.log_event(
        "audit.export",
        record_id,
        entries=count,
        filters=filters,
        **{"from": start and start.isoformat(), "to": end and end.isoformat()},
    )
    return count
