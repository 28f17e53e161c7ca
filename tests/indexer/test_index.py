"""Index generations, swaps and bookkeeping."""

from indexer.index.generations import (
    add_documents,
    create_generation,
    delete_ids,
    indexed_revs,
    indexed_revs_and_copies,
    open_index,
    read_current,
    swap_in,
)


def doc(record_id: int, rev: int = 1, body: str = "văn bản") -> dict:
    return {"id": str(record_id), "rev": rev, "body": body, "filename": "a.txt", "language": "vi"}


def test_empty_index_has_no_revisions(tmp_path):
    assert indexed_revs(open_index(tmp_path / "index", create=True)) == {}


def test_replace_keeps_one_document_per_id(tmp_path):
    ix = open_index(tmp_path / "index", create=True)
    add_documents(ix, [doc(1), doc(2)])
    add_documents(ix, [doc(2, rev=5)], replace=True)
    assert indexed_revs(ix) == {1: 1, 2: 5} and ix.doc_count() == 2


def test_replacing_and_deleting_across_segments_touch_exactly_the_named_records(tmp_path, monkeypatch):
    """Deletions are found in each segment's id column (kept between commits), not term by term: every
    version of a named record goes, in whichever segment it lies, and nothing else; a merge between two
    commits renumbers the documents, and the next commit still finds the right ones."""
    import indexer.index.generations as index

    monkeypatch.setattr(index, "SMALL_SEGMENT", 3)
    monkeypatch.setattr(index, "MERGE_AT", 3)
    ix = open_index(tmp_path / "index", create=True)
    for start in range(1, 31, 5):  # six segments of five; tier merges fold some of them together
        add_documents(ix, [doc(i) for i in range(start, start + 5)])
    add_documents(ix, [doc(i, rev=2) for i in (2, 7, 12, 29)], replace=True)
    assert delete_ids(ix, [3, 8, 999]) == 2, "999 was never indexed"
    add_documents(ix, [doc(i, rev=3) for i in (2, 13, 30)], replace=True)
    expected = {i: 1 for i in range(1, 31) if i not in (3, 8)}
    expected.update({7: 2, 12: 2, 29: 2, 2: 3, 13: 3, 30: 3})
    assert indexed_revs_and_copies(ix) == (expected, {})
    assert ix.doc_count() == len(expected)
    assert delete_ids(ix, [2, 2, 3]) == 1 and 2 not in indexed_revs(ix)


def test_swap_in_makes_a_new_generation_live_and_removes_the_old(tmp_path):
    index_dir = tmp_path / "index"
    add_documents(open_index(index_dir, create=True), [doc(1)])
    old = read_current(index_dir).name
    name, ix = create_generation(index_dir)
    add_documents(ix, [doc(7)])
    assert indexed_revs(open_index(index_dir)) == {1: 1}, "not live before the swap"
    swap_in(index_dir, name)
    assert read_current(index_dir).name == name != old
    assert indexed_revs(open_index(index_dir)) == {7: 1}
    assert not (index_dir / old).exists()


def test_commits_merge_small_segments_only_and_never_rewrite_big_ones(tmp_path, monkeypatch):
    import indexer.index.generations as index

    monkeypatch.setattr(index, "SMALL_SEGMENT", 5)
    monkeypatch.setattr(index, "MERGE_AT", 3)
    ix = open_index(tmp_path / "index", create=True)
    add_documents(ix, [doc(i) for i in range(1, 11)])  # one big segment (10 ≥ 5)
    big = [s.segment_id() for s in ix._segments()]
    for n in range(11, 15):  # small commits: the fourth finds three small segments and merges them with itself
        add_documents(ix, [doc(n)])
    segments = {s.segment_id(): s.doc_count_all() for s in ix._segments()}
    assert big[0] in segments and segments[big[0]] == 10, "the big segment is left as it was"
    assert sorted(segments.values()) == [4, 10]
    assert indexed_revs(ix) == {i: 1 for i in range(1, 15)}


def test_warm_opens_the_searcher_before_the_first_search_and_tolerates_no_index(tmp_path):
    from indexer.index.search import SearchIndex

    nothing = SearchIndex(tmp_path / "none")
    nothing.warm()  # no index yet: the first search reports it, warming says nothing
    assert nothing._searcher is None
    add_documents(open_index(tmp_path / "index", create=True), [doc(1), doc(2)])
    warmed = SearchIndex(tmp_path / "index")
    warmed.warm()
    assert warmed._searcher is not None and warmed._table is not None and warmed._table.size == 2
    warmed.close()
