"""Registering what an ingest has just archived: `archive ingest --register in|out`, or a manifest's
`register` column (in, out) per file, which wins over the option."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from archive.catalog import Catalog
from archive.config import Settings
from archive.pipeline.manifest import Manifest
from archive.registers.numbering import RegisterResult, register_records
from indexer import Clearance


def register_ingested(
    settings: Settings,
    added: Iterable[tuple[Path | None, int]],
    book: str | None,
    manifest: Manifest | None = None,
    *,
    clearance: Clearance | None = None,
) -> RegisterResult:
    """Register each (source file, new record id) in the book its manifest row names, else in `book`;
    files with neither are left unregistered. A batch is numbered in the order the documents arrived
    (received) or were issued, not the order extraction happened to finish them in."""
    by_book: dict[str, list[int]] = {"in": [], "out": []}
    for source, record_id in added:
        chosen = (manifest.book_for(source) if manifest and source else None) or book
        if chosen:
            by_book[chosen].append(record_id)
    result = RegisterResult()
    with Catalog(settings.catalog_path) as catalog:
        records = catalog.get_many([i for ids in by_book.values() for i in ids])
    for name, ids in by_book.items():
        day = (lambda r: r.received or "") if name == "in" else (lambda r: r.issued or "")
        ids = sorted(ids, key=lambda i: (day(records[i]), i) if i in records else ("", i))
        if ids:
            done = register_records(settings, name, ids, clearance=clearance)
            result.registered += done.registered
            result.refused += done.refused
    return result
