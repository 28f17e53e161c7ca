"""The tiered merge (indexer.index.generations.tiered_merge): which segments a commit merges, that the merged
segment answers every query as the segments it replaced did, without their deleted documents, and that a
merge killed part way leaves the index as it was."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import indexer.index.generations as index
from indexer.core.failpoint import VARIABLE as FAILPOINT
from indexer.index.evaluate import Budget
from indexer.index.search import SearchIndex
from indexer.index.visibility import Clearance
from tests.indexer.test_bulk import documents

ROOT = Path(__file__).resolve().parents[2]
DELETED = (3, 17, 18, 40, 95, 150, 151, 260)  # record ids
QUERIES = ["văn bản", "thông báo kết luận", '"cải cách hành chính"', "nghị quyết -huyện", "meeting plan", "tỉnh ủy",
           "số 17", "17", "tb/tu", "đảng bộ OR huyện", "thong bao", "ket luan cai cach"]  # fmt: skip
FILTERS = [None, {"type": "NQ"}, {"year": "2005"}, {"lang": "en"}]


def segment(total: int, deleted: int = 0):
    return SimpleNamespace(doc_count_all=lambda: total, doc_count=lambda: total - deleted, name=f"{total}-{deleted}")


def test_each_tier_is_merged_once_it_holds_merge_at_segments_and_full_segments_never():
    full = [segment(5000) for _ in range(30)]  # a full rebuild's segments: never merged, however many
    assert index.segments_to_merge(full) == []
    small = [segment(1 + n) for n in range(9)]
    assert index.segments_to_merge([*full, *small]) == [], "nine of tier 0: not yet"
    tenth = segment(7)
    assert index.segments_to_merge([*full, *small, tenth]) == [*small, tenth]
    tier2 = [segment(500 + n) for n in range(12)]  # more than MERGE_AT: the smallest ten, in index order
    assert index.segments_to_merge([*tier2, *full]) == tier2[:10]
    assert index.segments_to_merge([*small, tenth, *tier2]) == [*small, tenth], "the lowest tier first"
    # A full segment that has lost a third of its documents counts by those left: it falls to tier 2.
    worn = [segment(5000, deleted=1700) for _ in range(10)]
    assert index.segments_to_merge([*full, *worn]) == worn
    assert index.segments_to_merge([segment(5000, deleted=1600) for _ in range(10)]) == []


def build(path: Path, deleted=DELETED) -> Path:
    """An index of ten small segments (tier 0), some documents deleted: nothing merged yet."""
    ix = index.open_index(path, create=True)
    docs = documents(300)
    for start in range(0, 270, 30):
        index.add_documents(ix, docs[start : start + 30])
    index.delete_ids(ix, deleted)  # this commit sees nine segments: no merge
    index.add_documents(ix, docs[270:])
    segments = ix._read_toc().segments
    assert len(segments) == 10 and sum(s.deleted_count() for s in segments) == len(deleted)
    return path


def answers(path: Path) -> list:
    bodies = {int(d["id"]): d["body"] for d in documents(300)}
    searcher = SearchIndex(path, lambda: Budget(seconds=600))  # the cost bounds are tested elsewhere; a busy machine
    out = []
    for clearance in (Clearance("secret"), Clearance("unclassified"), Clearance("secret", frozenset({"to-chuc"}))):
        for query in QUERIES:
            for filters in FILTERS:
                for sort in ("relevance", "newest"):
                    result = searcher.search(query, filters=filters, sort=sort, limit=50, clearance=clearance,
                                             texts_for=lambda ids: {i: bodies[i] for i in ids})  # fmt: skip
                    out.append((query, filters, sort, result.total, result.hits, result.facets, result.suggestion))
        out += [searcher.search("", browse=True, page=p, limit=100, clearance=clearance).hits for p in (1, 2, 3)]
        out.append(searcher.similar(5, bodies[5], clearance=clearance))
    searcher.close()
    return out


def test_a_merged_segment_answers_as_the_segments_it_replaced_did_without_their_deleted_documents(tmp_path):
    unmerged = build(tmp_path / "unmerged")
    merged = tmp_path / "merged"
    shutil.copytree(unmerged, merged)
    ix = index.open_index(merged)
    with index.writing(ix):  # a commit of nothing: the policy finds ten segments in tier 0
        pass
    [segment] = ix._read_toc().segments
    assert segment.doc_count_all() == segment.doc_count() == 300 - len(DELETED)
    before = answers(unmerged)
    assert before == answers(merged)
    assert sum(1 for row in before if isinstance(row, tuple) and row[3]) > 100, "most queries find records"
    live = {i for i in range(1, 301) if i not in DELETED}
    assert set(index.indexed_revs(ix)) == live
    with ix.reader() as reader:  # the deleted documents' own words are gone from the lexicon, not just hidden
        words = {text for field, text in reader.all_terms() if field == "id"}
        assert {str(i).encode() for i in DELETED}.isdisjoint(words)
        assert {str(i).encode() for i in live} <= words
    with index.open_index(unmerged).reader() as reader:
        assert {str(i).encode() for i in DELETED} <= {t for f, t in reader.all_terms() if f == "id"}


def test_ingest_and_incremental_reindex_commits_trigger_the_merge(settings, inbox):
    from archive.catalog import Catalog
    from archive.editing import edit_record
    from archive.pipeline.ingest import ingest
    from archive.upkeep.reindex import sync_index
    from tests.conftest import write

    def sizes() -> list[tuple[int, int]]:
        return [(s.doc_count_all(), s.doc_count()) for s in index.open_index(settings.index_dir)._read_toc().segments]

    for n in range(12):  # one ingest (one index commit) a file: the eleventh finds ten segments in tier 0
        write(inbox / f"{n}" / f"tb-{n}.txt", f"Thông báo kết luận số {n}-TB/TU về cải cách hành chính.\n" * 5)
        ingest(settings, [inbox / f"{n}"])
        assert len(sizes()) == (n + 1 if n < 10 else n - 9), sizes()
    assert sizes() == [(11, 11), (1, 1)]
    ids = list(index.indexed_revs(index.open_index(settings.index_dir)))  # in document order: the first segment's first
    for record_id in ids[:8]:  # an edit writes the record again at once (one commit each, a deletion each)
        edit_record(settings, record_id, {"title": f"Thông báo {record_id} (sửa)"}, actor="test")
    # The first segment has lost 8 of its 11: it counts as the 3 left, in tier 0 with the nine others.
    assert sizes() == [(11, 3), (1, 1), *[(1, 1)] * 8]
    edit_record(settings, ids[8], {"title": "Thông báo (sửa)"}, actor="test")  # this commit finds ten: merged
    assert sizes() == [(12, 12)], "the merge dropped the replaced versions"
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        for record_id in ids:  # every record changed in the catalog, as a batch correction leaves them
            catalog.update_fields(record_id, {"place": "Quảng Trị"}, source="edited", actor="test")
    with Catalog(settings.catalog_path) as catalog:
        summary = sync_index(catalog, settings.index_dir, chunk=1)  # twelve one-record commits, merging as they go
    assert summary.indexed == 12
    assert sum(live for _, live in sizes()) == 12
    assert len(sizes()) < 10 and sum(total for total, _ in sizes()) < 24, sizes()


CHILD = """
import sys
import indexer.index.generations as index
ix = index.open_index(__import__("pathlib").Path(sys.argv[1]))
with index.writing(ix):
    pass
"""


def test_a_merge_killed_before_its_table_of_contents_leaves_the_index_as_it_was(tmp_path):
    path = build(tmp_path / "index")
    before_toc = [s.segment_id() for s in index.open_index(path)._read_toc().segments]
    before = answers(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), FAILPOINT: "merge:written"}
    child = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env, capture_output=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    generation = path / index.read_current(path).name
    toc_ids = {s.segment_id() for s in index.open_index(path)._read_toc().segments}
    on_disk = {p.name.split(".")[0] for p in generation.glob("MAIN_*.seg")}
    assert on_disk - toc_ids, "the merged segment was written before the kill"
    assert [s.segment_id() for s in index.open_index(path)._read_toc().segments] == before_toc
    assert answers(path) == before
    # The next commit merges again and removes the killed one's orphan files.
    with index.writing(index.open_index(path)):
        pass
    ix = index.open_index(path)
    assert len(ix._read_toc().segments) == 1 and answers(path) == before
    left = {p.name.split(".")[0] for p in generation.glob("MAIN_*.seg")}
    assert left == {s.segment_id() for s in ix._read_toc().segments}


@pytest.mark.parametrize("deleted", [(), DELETED])
def test_the_merged_segment_has_the_files_whooshs_own_merge_writes(tmp_path, deleted):
    """The same segments merged by Whoosh's writer (its pool, re-sorting every posting) and by the tiered
    merge: the same sub-files, byte for byte."""
    from whoosh.reading import SegmentReader
    from whoosh.writing import SegmentWriter

    from tests.indexer.test_bulk import sub_files

    whoosh_ix, tiered_ix = (index.open_index(build(tmp_path / name, deleted)) for name in ("whoosh", "tiered"))
    writer = SegmentWriter(whoosh_ix, codec=index.CODEC)  # Whoosh's own writer and merge
    for seg in whoosh_ix._read_toc().segments:
        reader = SegmentReader(whoosh_ix.storage, whoosh_ix.schema, seg)
        writer.add_reader(reader)
        reader.close()
    writer.commit(mergetype=lambda w, s: [])
    with index.writing(tiered_ix):
        pass
    assert len(tiered_ix._read_toc().segments) == 1
    assert sub_files(tiered_ix) == sub_files(whoosh_ix)
