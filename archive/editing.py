"""Corrections to a record's metadata by a person: validated, logged old → new, indexed at once."""

from __future__ import annotations

from archive.catalog import Catalog
from archive.config import Settings
from archive.fields import validate
from archive.lock import writer_lock
from archive.reindex import reindex_records


def edit_record(settings: Settings, record_id: int, raw: dict[str, str], *, actor: str) -> dict:
    """Set fields of one record; returns {field: {"old", "new"}} for what changed. Raises ValueError on bad input."""
    values = {name: validate(name, value) for name, value in raw.items()}
    with writer_lock(settings.lock_path, wait=settings.lock_wait), Catalog(settings.catalog_path) as catalog:
        with catalog.transaction():
            changed = catalog.update_fields(record_id, values, source="edited", actor=actor)
        if changed:
            reindex_records(catalog, settings.index_dir, [record_id])
    return {name: {"old": old, "new": new} for name, (old, new) in changed.items()}
