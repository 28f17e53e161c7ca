"""One writer session: the writer lock, then recovery of whatever a killed writer left, then the catalog and
the store, opened once in one order by every command that writes (`with writing(settings) as w:`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from archive.catalog import Catalog
from archive.config import Settings
from archive.store import Store
from archive.upkeep.lock import writer_lock
from archive.upkeep.recovery import recover


@dataclass(frozen=True)
class Writer:
    """What a writing command works with while it holds the lock."""

    settings: Settings
    catalog: Catalog
    store: Store
    recovered: dict


@contextmanager
def writing(
    settings: Settings, *, wait: float | None = None, sync: bool = True, random_ids: bool | None = None
) -> Iterator[Writer]:
    """Hold the writer lock (waiting `wait` seconds, or the settings' `lock_wait`), recover, and open the
    catalog and store. `sync=False` leaves the index to the caller (`archive reindex` brings it in step next);
    `random_ids`: whether new records and batches take random ids (default: `Settings.random_ids`)."""
    store = Store(settings.store_dir).ensure()
    lock_wait = settings.lock_wait if wait is None else wait
    with (
        writer_lock(settings.lock_path, wait=lock_wait),
        Catalog(settings.catalog_path, random_ids=settings.random_ids if random_ids is None else random_ids) as catalog,
    ):
        recovered = recover(settings, catalog, store, sync=sync)
        yield Writer(settings, catalog, store, recovered)
