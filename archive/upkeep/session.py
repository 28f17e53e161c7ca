"""One writer session: the writer lock, then recovery of whatever a killed writer left, then the catalog, the
store and the index writer, opened once in one order by every command that writes
(`with writing(settings, "edit") as w:`). The index is opened on first use (`w.index`, `w.reindex(ids)`), after
recovery, and closed when the session ends.

A writing command is one that changes records, files (hồ sơ), holds, or what the store or the index hold:
ingest, OCR, edits, holds, filing, disposal, transfer, re-extraction, renditions, reindex. The desk's own
rows (register entries, follow-up tasks), people, tokens and saved searches touch neither the store nor the
index: each is one catalog transaction (SQLite orders them) and goes on beside an hours-long ingest, as the
registry desk needs, so they take no lock. Nothing outside this module takes the writer lock or runs
recovery (tests/test_architecture.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from archive.catalog import Catalog
from archive.config import Settings
from archive.store import Store
from archive.upkeep.indexing import IndexWriter
from archive.upkeep.lock import writer_lock
from archive.upkeep.recovery import recover

Repair = Literal["all", "catalog"]


@dataclass(frozen=True)
class Writer:
    """What a writing command works with while it holds the lock."""

    settings: Settings
    catalog: Catalog
    store: Store
    recovered: dict
    indexes: IndexWriter

    @property
    def index(self):
        """The live search index, opened on first use (refused, asking for `archive reindex`, when the home
        has none or one built by another version)."""
        return self.indexes.handle()

    def ensure_index(self):
        """The live search index, an empty one made first when the home has none yet (ingest, an import)."""
        return self.indexes.handle(create=True)

    def reindex(self, ids: list[int]) -> int:
        """Write these records' current revisions to the index and note them indexed; how many."""
        return self.indexes.reindex(self.catalog, ids)

    def add(self, documents) -> None:
        """Add new documents to the index in one commit (the caller notes their revisions)."""
        self.indexes.add(documents)

    def purge(self, ids: list[int]) -> None:
        """Take records out of the index for good (disposed of, handed on)."""
        self.indexes.purge(ids)


@contextmanager
def writing(
    settings: Settings,
    purpose: str,
    *,
    wait: float | None = None,
    repair: Repair = "all",
    sync: bool = True,
) -> Iterator[Writer]:
    """Hold the writer lock (waiting `wait` seconds, or the settings' `lock_wait`), recover, and open the
    catalog, store and index writer. `purpose` is a short label of the job, kept in the lock file so that a
    command that finds the lock held, and the status page, can say what holds it.

    `repair="all"` (the default) repairs everything a killed writer left, the index brought in step too.
    `repair="catalog"` finishes only what a killed writer committed half way in the catalog (a disposal or a
    transfer not yet purged, batches left running) — enough for a command that reads and writes a few
    catalog rows and reindexes the records it touched (an edit, a hold, filing): the file repairs walk the
    whole store and may index thousands of records, which a web request must not wait for, and they empty
    the store's tmp (a web request keeps nothing there: a plan upload is held in memory).
    `sync=False` leaves the index to the caller (`archive reindex` brings it in step next). New records and
    batches take random ids or counted ones as `Settings.random_ids` says, whichever writer makes them."""
    store = Store(settings.store_dir).ensure()
    lock_wait = settings.lock_wait if wait is None else wait
    with (
        writer_lock(settings.lock_path, wait=lock_wait, purpose=purpose),
        Catalog(settings.catalog_path, random_ids=settings.random_ids) as catalog,
    ):
        indexes = IndexWriter(settings.index_dir)
        try:
            recovered = recover(settings, catalog, store, sync=sync, scope=repair, index=indexes)
            yield Writer(settings, catalog, store, recovered, indexes)
        finally:
            indexes.close()


@contextmanager
def holding(
    settings: Settings, purpose: str, *, wait: float | None = None, command: str | None = None
) -> Iterator[None]:
    """The writer lock alone: no recovery, nothing opened. For jobs that keep writers out but must meet the
    home as it is: `verify` reports what a killed writer left instead of repairing it first, `backup` copies
    it, `restore` puts a backup's catalog in place. `command` replaces this process's command line in the
    lock file."""
    lock_wait = settings.lock_wait if wait is None else wait
    with writer_lock(settings.lock_path, wait=lock_wait, command=command, purpose=purpose):
        yield
