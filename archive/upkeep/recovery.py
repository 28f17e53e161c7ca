"""Repair what a killed writer left behind; run at the start of every writing command, by
`archive.upkeep.session.writing` (wholly, or only the catalog's half-done work: see `recover`).

A repair that succeeded is no problem for the person reading the night's jobs: it is logged with
`extra={"repair": True}`, which the command line keeps to its log file under --quiet (`archive.cli.logs`).
"""

from __future__ import annotations

import logging

from archive.catalog import Catalog
from archive.config import Settings
from archive.retention.purging import purge
from archive.store import Store
from archive.upkeep.backup import remove_abandoned_staging
from archive.upkeep.indexing import IndexWriter
from archive.upkeep.reindex import sync_index
from indexer import index_state, remove_unused_generations

log = logging.getLogger("archive.recovery")  # the name log files have always shown


def recover(
    settings: Settings,
    catalog: Catalog,
    store: Store,
    *,
    sync: bool = True,
    scope: str = "all",
    index: IndexWriter | None = None,
) -> dict[str, int]:
    """Call only while holding the writer lock (`archive.upkeep.session.writing` does both): then nothing in
    flight belongs to a live process. `sync=False` leaves the index to the caller (`archive reindex`, which
    brings it in step next, once).

    `scope="catalog"` does only the repairs of what a killed writer committed half way in the catalog: batches
    left running, a disposal or a transfer whose records are not yet purged. Their cost follows what was
    interrupted, not the archive's size. `scope="all"` also clears temporary files, removes originals stored
    by a run killed before its catalog commit and unused index generations, and indexes what is not yet
    indexed: a walk of the whole store and possibly a long indexing run. `index`: the session's index writer,
    which purges what an unfinished disposal or transfer left in the index."""
    if scope not in ("all", "catalog"):
        raise ValueError(f"recovery scope is 'all' or 'catalog', not {scope!r}")
    files = scope == "all"
    report = {
        "temporary_files": store.clear_tmp() if files else 0,
        "interrupted_batches": catalog.interrupt_running_batches(),
        "unused_index_generations": len(remove_unused_generations(settings.index_dir))
        if files and settings.index_dir.is_dir()
        else 0,
        "abandoned_backup_staging": remove_abandoned_staging(settings.home) if files else 0,  # a killed backup's links
        "orphaned_originals": 0,
        "reindexed": 0,
    }
    index = index or IndexWriter(settings.index_dir)
    report["unfinished_disposals"] = purge(catalog, store, index)
    from archive.transfer.removal import finish_removals  # a feature package's repair, like purge's

    report["unfinished_transfers"] = finish_removals(catalog, store, index)
    if files:
        known = catalog.digests()
        for digest in list(store.iter_digests()):
            if digest not in known:
                store.remove(digest)  # stored by a run killed before its catalog commit
                report["orphaned_originals"] += 1
    if files and sync and (catalog.pending_index() or index_state(settings.index_dir) != "ok"):
        report["reindexed"] = sync_index(catalog, settings.index_dir).indexed
    found = {k: v for k, v in report.items() if v}
    if found:
        log.warning("recovered from an interrupted run: %s", found, extra={"repair": True})
    return report
