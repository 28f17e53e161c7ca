"""Purge: take disposed records out of the index and the store, once the catalog has their disposal records.

Both a disposal and recovery (which finishes a disposal killed half way) call it; it lives apart from
`archive.retention.dispose` so that recovery does not import the disposal that imports recovery."""

from __future__ import annotations

from archive.catalog import Catalog
from archive.store import Store
from archive.upkeep.failpoint import reach
from archive.upkeep.indexing import IndexWriter


def purge(catalog: Catalog, store: Store, index: IndexWriter) -> int:
    """Remove disposed records from the index and the store (also finishes a disposal killed half way;
    call under the writer lock, with its session's index writer). Returns how many were purged."""
    rows = catalog.db.execute("SELECT record_id, sha256 FROM disposals WHERE purged = 0").fetchall()
    if not rows:
        return 0
    index.purge([row[0] for row in rows])
    reach("purge:index-purged")  # crash tests' kills, each between two steps of the purge
    for _, sha256 in rows:
        store.remove(sha256)
        reach("purge:original-removed")
    with catalog.transaction():
        catalog.db.executemany("UPDATE disposals SET purged = 1 WHERE record_id = ?", [(row[0],) for row in rows])
    reach("purge:noted")
    # Old page images of the text may sit in the write-ahead log until a checkpoint copies it back.
    catalog.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return len(rows)
