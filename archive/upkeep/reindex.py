"""Bring the derived index in step with the catalog: incrementally, or by a full rebuild and swap."""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from archive.catalog import Catalog
from archive.filing.store import files_of
from archive.upkeep import failpoint
from indexer import (
    add_documents,
    add_segment,
    clear_staging,
    delete_ids,
    document_for,
    index_state,
    indexed_revs,
    indexed_revs_and_copies,
    open_index,
    resume_or_create_generation,
    staging_dir,
    swap_in,
    write_segment_files,
)

log = logging.getLogger("archive.reindex")  # the name log files have always shown
# Documents per commit (Settings.reindex_chunk, ARCHIVE_REINDEX_CHUNK, overrides both): memory stays bounded
# (a few hundred MB), and a run that is killed keeps what it committed. Larger commits are cheaper: writing a
# segment costs about one Python step per distinct word in it, and 500 records hold nearly as many words as
# 5,000 (at 1,000,000 records, 1% of them edited took 69 s in commits of 500 and 25 s in commits of 5,000).
CHUNK = 5000  # when updating the live index
BULK_CHUNK = 5000  # in a full rebuild: one segment each


@dataclass
class ReindexSummary:
    full: bool = False
    indexed: int = 0
    deleted: int = 0
    reason: str = ""
    resumed: int = 0  # documents a killed full rebuild had already written, kept

    def to_dict(self) -> dict:
        return {"full": self.full, "indexed": self.indexed, "deleted": self.deleted, "reason": self.reason,
                "resumed": self.resumed}  # fmt: skip


Progress = Callable[[int], None]


def sync_index(
    catalog: Catalog,
    index_dir,
    *,
    full: bool = False,
    progress: Progress | None = None,
    chunk: int | None = None,
    workers: int = 1,
) -> ReindexSummary:
    """Index what changed since the index was last written (or everything, with `full`).

    `chunk`: documents per commit, instead of CHUNK (or BULK_CHUNK for a rebuild); `workers`: processes
    writing a rebuild's segments."""
    state = index_state(index_dir)
    if full or state != "ok":
        reason = "requested" if full else f"index {state}"
        if not full and catalog.count():
            log.warning("search index is %s: rebuilding it from the catalog", state, extra={"repair": True})
        return rebuild(catalog, index_dir, reason=reason, progress=progress, chunk=chunk, workers=workers)
    ix = open_index(index_dir)
    in_index, copies = indexed_revs_and_copies(ix)  # copies: rewritten once each, replacing every copy
    in_catalog = catalog.id_revs()
    stale = [i for i, rev in in_catalog.items() if in_index.get(i) != rev or i in copies]
    removed = [i for i in in_index if i not in in_catalog]
    summary = ReindexSummary(deleted=delete_ids(ix, removed), reason="incremental")
    size = chunk or CHUNK
    for start in range(0, len(stale), size):
        ids = stale[start : start + size]
        done = _index_chunk(catalog, ix, ids, replace=True)
        failpoint.reach("reindex:committed")  # a crash test's kill: the chunk indexed, the catalog not yet told
        catalog.mark_indexed(done)
        summary.indexed += len(done)
        if progress:
            progress(len(ids))
    # A run killed between its index commit and its catalog update leaves correct documents unmarked.
    lagging = [i for i in catalog.pending_index() if in_index.get(i) == in_catalog[i]]
    catalog.mark_indexed((i, in_catalog[i]) for i in lagging)
    return summary


def reindex_records(catalog: Catalog, ix, ids: list[int]) -> int:
    """Write these records' current revisions to the open live index `ix` now and note them indexed (an edit,
    a manifest correction: through the writer session, `Writer.reindex`)."""
    done = _index_chunk(catalog, ix, ids, replace=True)
    catalog.mark_indexed(done)
    return len(done)


def rebuild(
    catalog: Catalog,
    index_dir,
    *,
    reason: str = "requested",
    progress: Progress | None = None,
    chunk: int | None = None,
    workers: int = 1,
) -> ReindexSummary:
    """Build a complete new generation beside the live index, then swap it in atomically.

    Each `chunk` (BULK_CHUNK) records, in record-id order, become one segment, written whole by one of
    `workers` processes (`indexer.index.bulk`); this process only adds the segments, in record-id order as they
    arrive (ties between equal scores break by document number, so the order is the answers'), each in a
    commit of its own. A rebuild killed part way is resumed by the next one (under the same schema), which
    keeps what was committed and writes only the rest."""
    size = chunk or BULK_CHUNK
    name, ix, resumed = resume_or_create_generation(index_dir)
    failpoint.reach("rebuild:started")  # crash tests' kills: the generation made, then after each commit
    summary = ReindexSummary(full=True, reason=reason)
    in_catalog = catalog.id_revs()
    written = indexed_revs(ix) if resumed else {}
    kept = {i: rev for i, rev in written.items() if in_catalog.get(i) == rev}
    delete_ids(ix, [i for i in written if i not in kept])  # changed or removed since the killed run
    summary.resumed = len(kept)
    if progress and kept:
        progress(len(kept))
    done: list[tuple[int, int]] = list(kept.items())
    try:
        clear_staging(ix)  # segments a killed run wrote but never added
        ids = sorted(i for i in in_catalog if i not in kept)
        parts = [ids[start : start + size] for start in range(0, len(ids), size)]
        if workers <= 1 or len(parts) <= 1:
            for part in parts:
                done.extend(_index_chunk(catalog, ix, part, replace=False))
                failpoint.reach("rebuild:committed")
                if progress:
                    progress(len(part))
        else:
            for part, (written, pairs) in zip(parts, _segments(catalog, staging_dir(ix), parts, workers), strict=True):
                if written is not None:
                    add_segment(ix, written)
                    failpoint.reach("rebuild:committed")
                done.extend(pairs)
                if progress:
                    progress(len(part))
        clear_staging(ix)
    finally:
        ix.close()  # on failure the generation stays, marked as being built, for the next run to resume
    swap_in(index_dir, name)
    catalog.mark_indexed(done)  # only now is it true: the new generation is live
    summary.indexed = len(done) - len(kept)
    return summary


def _segments(catalog: Catalog, folder: Path, parts: list[list[int]], workers: int) -> Iterator[tuple]:
    """(written segment, its (id, rev) pairs) for each part, in order, from worker processes. Spawned, not
    forked: the caller may hold threads and an open database."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        min(workers, len(parts)), mp_context=context, initializer=_open_worker_catalog, initargs=(catalog.path,)
    ) as pool:  # a worker that dies fails the rebuild (BrokenProcessPool) rather than hanging it
        yield from pool.map(_worker_part, [(folder, part) for part in parts])


_worker_catalog: Catalog | None = None
PR_SET_PDEATHSIG = 1  # prctl(2)


def _open_worker_catalog(path) -> None:
    global _worker_catalog
    _die_with_parent()
    _worker_catalog = Catalog(path, migrate=False)


def _die_with_parent() -> None:
    """A rebuild killed outright (SIGKILL) must not leave its workers running: Linux kills this process when
    the one that started it dies."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the workers end when their task pipe closes
        return
    if os.getppid() == 1:  # the parent died before the call above
        os._exit(1)


def _worker_part(task: tuple[Path, list[int]]) -> tuple:
    return _write_part(_worker_catalog, *task)


def _write_part(catalog: Catalog, folder: Path, ids: list[int]) -> tuple:
    documents, pairs = _documents(catalog, ids)
    return write_segment_files(folder, documents), pairs


def _index_chunk(catalog: Catalog, ix, ids: list[int], *, replace: bool) -> list[tuple[int, int]]:
    """Index these records in one commit; returns the (id, rev) pairs written."""
    documents, pairs = _documents(catalog, ids)
    add_documents(ix, documents, replace=replace)
    return pairs


def _documents(catalog: Catalog, ids: list[int]) -> tuple[Iterator[dict], list[tuple[int, int]]]:
    """The index documents of those of these records that exist, and their (id, rev) pairs: one place, so
    that a worker's segment and a commit of this process hold the same fields (they once differed: the
    workers left out the hồ sơ)."""
    records = catalog.get_many(ids)
    texts = catalog.texts(ids)
    cited = catalog.citation_keys(ids)
    filed = files_of(catalog, ids)
    written = [records[i] for i in ids if i in records]
    documents = (document_for(r, texts.get(r.id, ""), cited[r.id], filed.get(r.id)) for r in written)
    return documents, [(r.id, r.rev) for r in written]
