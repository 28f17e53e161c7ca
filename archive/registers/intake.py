"""Registering what an ingest has just archived: `archive ingest --register in|out`, or a manifest's
`register` column (in, out) per file, which wins over the option."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from archive.config import Settings
from archive.manifest import Manifest
from archive.registers.numbering import RegisterResult, register_records
from indexer.visibility import Clearance


def register_ingested(
    settings: Settings,
    added: Iterable[tuple[Path | None, int]],
    book: str | None,
    manifest: Manifest | None = None,
    *,
    clearance: Clearance | None = None,
) -> RegisterResult:
    """Register each (source file, new record id) in the book its manifest row names, else in `book`;
    files with neither are left unregistered. The ids go in the order they were archived."""
    by_book: dict[str, list[int]] = {"in": [], "out": []}
    for source, record_id in added:
        chosen = (manifest.book_for(source) if manifest and source else None) or book
        if chosen:
            by_book[chosen].append(record_id)
    result = RegisterResult()
    for name, ids in by_book.items():
        if ids:
            done = register_records(settings, name, ids, clearance=clearance)
            result.registered += done.registered
            result.refused += done.refused
    return result
