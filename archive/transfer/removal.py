"""Finish the removal of records handed on: take them out of the index and the store once the catalog has
their transfer record. A transfer and recovery (after a transfer killed half way) both call it; it lives
apart from `archive.transfer.transfers` so that recovery does not import what imports recovery."""

from __future__ import annotations

from archive.catalog import Catalog
from archive.store import Store
from archive.transfer import tables
from archive.upkeep.indexing import IndexWriter


def finish_removals(catalog: Catalog, store: Store, index: IndexWriter) -> int:
    """Purge every removed-but-not-purged transfer's records (call under the writer lock, with its session's
    index writer); how many."""
    done = 0
    for transfer_id, rows in tables.unpurged(catalog.db):
        index.purge([record_id for record_id, _ in rows])
        for _, sha256 in rows:
            if catalog.find_by_sha(sha256) is None:  # bytes imported again since stay
                store.remove(sha256)
        with catalog.transaction():
            tables.mark_purged(catalog.db, transfer_id)
        done += len(rows)
    return done
