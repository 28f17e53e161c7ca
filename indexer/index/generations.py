"""The Whoosh index on disk: generations, atomic swaps, writing and bookkeeping.

`index/` holds one or more generation folders (`gen-000001/` …) and a `CURRENT` file naming the live
one with its schema version. A full rebuild writes a new generation beside the live one and swaps
`CURRENT` with an atomic rename, so searches never see a half-built index and a failed rebuild leaves
the old one in place. The index is derived: everything in it can be rebuilt from the catalog.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader

from indexer.core.errors import IndexOutdatedError
from indexer.core.messages import Message
from indexer.index import mapped
from indexer.index.bulk import BulkSegmentWriter, write_segment
from indexer.index.doctable import deleted_mask, segment_ids, segment_revs
from indexer.index.schema import SCHEMA_VERSION, build_schema

log = logging.getLogger("indexer.index")  # the name log files have always shown
mapped.install()  # segment sub-files read in place, not copied into each process's heap

CURRENT = "CURRENT"
BUILDING = "BUILDING"  # names the generation a full rebuild is filling, so a killed rebuild can resume
PREFIX = "gen-"


@dataclass(frozen=True)
class Generation:
    name: str
    schema_version: int


def read_current(index_dir: Path) -> Generation | None:
    """The live generation, or None when no index has been built yet."""
    return _read_pointer(index_dir / CURRENT)


def read_building(index_dir: Path) -> Generation | None:
    """The generation an unfinished full rebuild was filling, if it can still be resumed."""
    pending = _read_pointer(index_dir / BUILDING)
    if pending and pending.schema_version == SCHEMA_VERSION and (index_dir / pending.name).is_dir():
        return pending
    return None


def _read_pointer(path: Path) -> Generation | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return Generation(data["generation"], int(data["schema_version"]))


def _write_current(index_dir: Path, generation: Generation) -> None:
    _write_pointer(index_dir, CURRENT, generation)


def _write_pointer(index_dir: Path, name: str, generation: Generation) -> None:
    tmp = index_dir / f"{name}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"generation": generation.name, "schema_version": generation.schema_version}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / name)
    fd = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _storage(path: Path) -> FileStorage:
    return FileStorage(str(path))


def create_generation(index_dir: Path):
    """A new, empty index in a fresh generation folder (not live until `swap_in`)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name[len(PREFIX) :]) for p in index_dir.glob(f"{PREFIX}*") if p.name[len(PREFIX) :].isdigit()]
    name = f"{PREFIX}{max(numbers, default=0) + 1:06d}"
    path = index_dir / name
    path.mkdir()
    return name, _storage(path).create_index(build_schema())


def resume_or_create_generation(index_dir: Path):
    """(name, index, resumed): the generation a killed rebuild left unfinished, or a new one, marked as
    being built so that a rebuild killed from now on can be resumed too."""
    pending = read_building(index_dir)
    if pending is not None:
        try:
            return pending.name, whoosh_index.open_dir(str(index_dir / pending.name)), True
        except Exception:  # killed before its first commit, or damaged: start again
            log.warning(
                "cannot resume the unfinished index generation %s: starting a new one",
                pending.name,
                extra={"repair": True},  # a repair: a quiet command keeps it to its log file
            )
    name, ix = create_generation(index_dir)
    _write_pointer(index_dir, BUILDING, Generation(name, SCHEMA_VERSION))
    return name, ix, False


def swap_in(index_dir: Path, name: str) -> None:
    """Make generation `name` the live index (atomic), then delete the others."""
    _write_current(index_dir, Generation(name, SCHEMA_VERSION))
    (index_dir / BUILDING).unlink(missing_ok=True)
    remove_unused_generations(index_dir)


def copy_live_generation(index_dir: Path, target: Path, copy_function=shutil.copy2) -> bool:
    """Copy the live generation and the pointer naming it into `target` (a backup; `copy_function` may link
    instead); False when there is no live generation to copy."""
    current = read_current(index_dir)
    if current is None or not (index_dir / current.name).is_dir():
        return False
    shutil.copytree(index_dir / current.name, target / current.name, copy_function=copy_function)
    shutil.copy2(index_dir / CURRENT, target / CURRENT)
    return True


def remove_unused_generations(index_dir: Path) -> list[str]:
    """Delete generation folders that are neither live nor a rebuild that can be resumed."""
    keep = {g.name for g in (read_current(index_dir), read_building(index_dir)) if g is not None}
    removed = []
    for path in index_dir.glob(f"{PREFIX}*"):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed


def index_state(index_dir: Path) -> str:
    """`missing`, `outdated` or `ok`."""
    current = read_current(index_dir)
    if current is None or not (index_dir / current.name).is_dir():
        return "missing"
    return "ok" if current.schema_version == SCHEMA_VERSION else "outdated"


def open_index(index_dir: Path, *, create: bool = False):
    """Open the live index; with `create`, make one when none exists yet."""
    state = index_state(index_dir)
    if state == "missing":
        if not create:
            raise IndexOutdatedError(Message("the archive has no search index yet: run `archive reindex`"))
        name, ix = create_generation(index_dir)
        _write_current(index_dir, Generation(name, SCHEMA_VERSION))
        return ix
    if state == "outdated":
        raise IndexOutdatedError(Message("the search index was built by another version: run `archive reindex`"))
    return whoosh_index.open_dir(str(index_dir / read_current(index_dir).name))


POOL_MB = 512  # the pool of Whoosh's own writer (only a benchmark's reference still uses it)
# Posting blocks of 1,024 rather than 128: searching decodes whole posting lists a block at a time
# (indexer.index.postings), about four times faster with the larger blocks.
CODEC_BLOCK = 1024


class _ConstantLengths:
    """Stands in for the documents' field lengths while postings are written (see LeanCodec)."""

    @staticmethod
    def doc_field_length(docnum: int, fieldname: str) -> int:
        return 1


class _LeanFieldWriter(W3FieldWriter):
    def add_postings(self, schema, lengths, items):
        super().add_postings(schema, _ConstantLengths, items)


class LeanCodec(W3Codec):
    """Whoosh's W3 format, written without a document-length lookup for every posting.

    Whoosh looks up each posting's field length to keep per-block min/max-length statistics, which only its
    own scorer's block skipping reads; searches here score from the length columns (`indexer.index.doctable`),
    which are written as before. The lookup was a third of the time spent writing postings."""

    def field_writer(self, storage, segment):
        return _LeanFieldWriter(self, storage, segment)

    def __reduce__(self):
        # Segments keep their codec in the index's table of contents: store plain W3, which reads the same
        # files, so that an index never depends on this class's name.
        return W3Codec, (self._blocklimit, self._compression, self._inlinelimit)


CODEC = LeanCodec(blocklimit=CODEC_BLOCK)


@contextmanager
def writing(ix) -> Iterator:
    """A writer that commits on success and cancels (then re-raises) on any error.

    It is Whoosh's segment writer with the bulk writer's pool (`indexer.index.bulk`): the same files, without
    sorting every posting. (Whoosh's `procs=2` was measured slower here: it pickles every document to its
    worker processes; a full rebuild's workers write whole segments instead, `write_segment_files`.)
    """
    writer = BulkSegmentWriter(ix, codec=CODEC)
    try:
        yield writer
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=tiered_merge)


# The tiered merge policy. Tier 0 holds segments below SMALL_SEGMENT documents; tier k the segments from
# SMALL_SEGMENT × MERGE_AT**(k-1) up to MERGE_AT times that. A segment of FULL_TIER's size (5,000 documents, a
# full rebuild's segment) or more is never merged: only a full rebuild lays those out again.
SMALL_SEGMENT = 50
MERGE_AT = 10  # segments a tier holds before they are merged into one (and each tier's size factor)
FULL_TIER = 3
DELETED_SHARE = 1 / 3  # a segment with this share of its documents deleted counts by the ones left


def merge_size(segment) -> int:
    """The documents a segment counts as: all it holds, or the live ones once many are deleted (so a segment
    that has lost a third of its documents falls to a lower tier and is rewritten without them)."""
    total = segment.doc_count_all()
    live = segment.doc_count()
    return live if total - live >= DELETED_SHARE * total else total


def tier_of(size: int) -> int:
    tier, bound = 0, SMALL_SEGMENT
    while size >= bound and tier < FULL_TIER:
        tier, bound = tier + 1, bound * MERGE_AT
    return tier


def segments_to_merge(segments) -> list:
    """The segments the next commit merges: the smallest MERGE_AT of the lowest tier that holds MERGE_AT or
    more (one tier a commit, so a commit's cost stays bounded), in index order; none below that."""
    tiers: dict[int, list] = {}
    for position, segment in enumerate(segments):
        tier = tier_of(merge_size(segment))
        if tier < FULL_TIER:
            tiers.setdefault(tier, []).append((merge_size(segment), position, segment))
    for tier in sorted(tiers):
        if len(tiers[tier]) >= MERGE_AT:
            chosen = sorted(tiers[tier], key=lambda t: (t[0], t[1]))[:MERGE_AT]
            return [segment for _, _, segment in sorted(chosen, key=lambda t: t[1])]
    return []


def tiered_merge(writer, segments):
    """Merge policy (Whoosh's `mergetype`): the segments `segments_to_merge` picks go into this commit's new
    segment, their decoded postings and per-document columns copied (`BulkSegmentWriter.add_reader`: no text
    is analysed again), deleted documents dropped; the rest stay as they are.

    Whoosh's default policy merged large segments on an ordinary ingest commit (minutes per batch at 100,000
    records). Here each tier is merged only once it holds MERGE_AT segments, so a document is rewritten about
    once per tier (log-many times), a commit merges at most MERGE_AT segments of one tier, and a rebuild's
    segments are left alone. The commit's table of contents is the switch: a merge killed part way leaves the
    index as it was (the orphan files are removed by the next commit)."""
    chosen = segments_to_merge(segments)
    if not chosen:
        return segments
    for segment in chosen:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    merged = {id(s) for s in chosen}
    return [s for s in segments if id(s) not in merged]


merge_small_segments = tiered_merge  # the name the policy had


def add_documents(ix, docs: Iterable[dict], *, replace: bool = False) -> int:
    """Add documents in one commit; with `replace`, first delete any older version of each id."""
    docs = list(docs)
    if not docs:
        return 0
    with writing(ix) as writer:
        if replace:
            _delete_records(ix, writer, [doc["id"] for doc in docs])
        for doc in docs:
            writer.add_document(**doc)
    return len(docs)


def delete_ids(ix, ids: Iterable[int]) -> int:
    ids = list(ids)
    if not ids:
        return 0
    with writing(ix) as writer:
        return _delete_records(ix, writer, ids)


def _delete_records(ix, writer, ids: Iterable) -> int:
    """Mark every live document of these record ids deleted in `writer`'s commit; how many.

    Found in the segments' id columns (one array per segment, kept while the segment lives) rather than
    term by term: Whoosh's `delete_by_term` looks each id up in every segment, which at 1,000,000 records
    (200 segments) was half of an incremental reindex's time."""
    wanted = np.unique(np.fromiter((int(i) for i in ids), np.int64))
    deleted = 0
    with ix.searcher() as searcher:  # the writer's own segments: it holds the lock, nothing changed since
        for leaf, offset, ids_of_segment in _id_columns(searcher.reader()):
            found = np.isin(ids_of_segment, wanted)
            gone = deleted_mask(leaf)
            if gone is not None:
                found &= ~gone
            for docnum in np.flatnonzero(found).tolist():
                writer.delete_document(offset + docnum)
                deleted += 1
    return deleted


_ID_COLUMNS: dict[str, np.ndarray] = {}  # segment → its record ids (a segment's name is unique and its files fixed)


def _id_columns(reader) -> list[tuple]:
    """(leaf, offset, record ids) of each segment of `reader`; each segment's ids are read once and kept
    while it exists (segments never change; only their deletions do)."""
    leaves = []
    for leaf, offset in reader.leaf_readers():
        segment = leaf.segment()
        if segment is None:  # an index with no segment yet
            continue
        key = segment.segment_id()
        if key not in _ID_COLUMNS:
            _ID_COLUMNS[key] = segment_ids(leaf)
        leaves.append((leaf, offset, _ID_COLUMNS[key]))
    present = {leaf.segment().segment_id() for leaf, _, _ in leaves}
    for key in [k for k in _ID_COLUMNS if k not in present]:  # merged away (or another index's)
        del _ID_COLUMNS[key]
    return leaves


def indexed_revs(ix) -> dict[int, int]:
    """{record id: revision} of every live document in the index, read from columns (fast)."""
    return indexed_revs_and_copies(ix)[0]


def indexed_revs_and_copies(ix) -> tuple[dict[int, int], dict[int, int]]:
    """`indexed_revs`, and {record id: copies} of every record the index holds more than once (a writer bug,
    or damage), which the first keeps one copy of and would hide: one pass over the columns for both."""
    with ix.searcher() as searcher:
        ids, revs = [], []
        for leaf, _, ids_of_segment in _id_columns(searcher.reader()):
            revs_of_segment = segment_revs(leaf)
            gone = deleted_mask(leaf)
            if gone is not None:
                ids_of_segment, revs_of_segment = ids_of_segment[~gone], revs_of_segment[~gone]
            ids.append(ids_of_segment)
            revs.append(revs_of_segment)
    if not ids:
        return {}, {}
    all_ids, all_revs = np.concatenate(ids), np.concatenate(revs)
    in_index = dict(zip(all_ids.tolist(), all_revs.tolist(), strict=True))
    if len(in_index) == len(all_ids):
        return in_index, {}
    unique, counts = np.unique(all_ids, return_counts=True)
    return in_index, {int(i): int(n) for i, n in zip(unique, counts, strict=True) if n > 1}


def doc_count(ix) -> int:
    return ix.doc_count()


STAGING = "staging"  # inside a generation folder: segments written by a rebuild's workers, not yet added


def staging_dir(ix) -> Path:
    """Where a worker process writes a segment for this index (Whoosh's file cleaning never looks there)."""
    path = Path(ix.storage.folder) / STAGING
    path.mkdir(exist_ok=True)
    return path


def clear_staging(ix) -> None:
    """Forget segments that were written but never added (a rebuild killed before adding them)."""
    shutil.rmtree(Path(ix.storage.folder) / STAGING, ignore_errors=True)


def write_segment_files(folder: Path, docs: Iterable[dict]):
    """One segment of these documents written to `folder` (see `indexer.index.bulk.write_segment`); safe to run in
    another process. Returns what `add_segment` takes, or None for no documents."""
    segment, filename = write_segment(folder, docs, CODEC)
    return None if segment is None else (segment, filename)


def add_segment(ix, written) -> None:
    """Add a segment written by `write_segment_files` to the index, in one commit of its own: the file is
    moved in, then a new table of contents lists it after the others (so document numbers follow the order
    in which segments are added)."""
    from whoosh.index import TOC, clean_files

    segment, filename = written
    with _write_lock(ix):
        toc = ix._read_toc()
        os.replace(staging_dir(ix) / filename, Path(ix.storage.folder) / filename)
        segments = [*toc.segments, segment]
        TOC(toc.schema, segments, toc.generation + 1).write(ix.storage, ix.indexname)
        clean_files(ix.storage, ix.indexname, toc.generation + 1, segments)
    if segments_to_merge(segments):
        with writing(ix):  # a commit of nothing: the merge policy folds a tier's segments together
            pass


@contextmanager
def _write_lock(ix):
    lock = ix.lock("WRITELOCK")
    if not lock.acquire():
        from whoosh.index import LockError

        raise LockError("the index is being written by another writer")
    try:
        yield
    finally:
        lock.release()
