"""What a record page and its JSON say of a record's format, its PDF/A copy and where it came from."""

from __future__ import annotations

from archive.catalog import Catalog
from archive.models import Record
from archive.preservation.formats import identify
from archive.preservation.renditions import rendition_of
from archive.store import Store
from archive.transfer.tables import imports_of


def preservation_detail(catalog: Catalog, record: Record, store: Store | None = None) -> dict:
    """`{"format": {"mime", "puid", "name", "basis"}, "preservation": {...} | None, "sources": [...]}`;
    `store` defaults to the one beside the catalog in the home folder."""
    store = store or Store(catalog.path.parent / "store")
    copy = rendition_of(catalog.db, record.id)
    return {
        "format": identify(record.mime, store.path(record.sha256)),
        "preservation": copy.to_dict() if copy else None,
        "sources": [i.to_dict() for i in imports_of(catalog.db, record.id)],
    }
