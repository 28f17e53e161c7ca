"""One writer session: the writer lock, then recovery of whatever a killed writer left, then the catalog and
the store, opened once in one order by every command that writes (`with writing(settings, "edit") as w:`).

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


@contextmanager
def writing(
    settings: Settings,
    purpose: str,
    *,
    wait: float | None = None,
    repair: Repair = "all",
    sync: bool = True,
    random_ids: bool = False,
) -> Iterator[Writer]:
    """Hold the writer lock (waiting `wait` seconds, or the settings' `lock_wait`), recover, and open the
    catalog and store. `purpose` is a short label of the job, kept in the lock file so that a command that
    finds the lock held, and the status page, can say what holds it.

    `repair="all"` (the default) repairs everything a killed writer left, the index brought in step too.
    `repair="catalog"` finishes only what a killed writer committed half way in the catalog (a disposal or a
    transfer not yet purged, batches left running) — enough for a command that reads and writes a few
    catalog rows and reindexes the records it touched (an edit, a hold, filing): the file repairs walk the
    whole store and may index thousands of records, which a web request must not wait for, and they remove
    the temporary files of web requests running beside it (a plan upload spooled in the store's tmp).
    `sync=False` leaves the index to the caller (`archive reindex` brings it in step next); `random_ids`:
    new records and batches take random ids (`Settings.random_ids`, for ingest)."""
    store = Store(settings.store_dir).ensure()
    lock_wait = settings.lock_wait if wait is None else wait
    with (
        writer_lock(settings.lock_path, wait=lock_wait, purpose=purpose),
        Catalog(settings.catalog_path, random_ids=random_ids) as catalog,
    ):
        recovered = recover(settings, catalog, store, sync=sync, scope=repair)
        yield Writer(settings, catalog, store, recovered)


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
