"""The lean searcher: segment sub-files read in place (no heap copy), columns read whole, caches sized by the
index."""

import io
import pickle
import random

import numpy as np
from whoosh.filedb.filestore import FileStorage

import indexer.index.doctable as doctable
from indexer.index.generations import add_segment, staging_dir, write_segment_files
from indexer.index.mapped import ViewFile
from indexer.index.schema import FACET_FIELDS, build_schema
from indexer.index.search import POSTINGS_MAX, POSTINGS_MIN, SearchIndex, cache_budget
from tests.indexer.test_bulk import documents


def test_the_view_reads_as_bytesio_does():
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(5000)).replace(b"\x00", b"\n")
    view, copy = ViewFile(memoryview(data)).file, io.BytesIO(data)
    for _ in range(400):
        step = rng.choice(("read", "readline", "seek", "seek_cur", "seek_end"))
        n = rng.randrange(-1, 300)
        if step == "read":
            assert view.read(n) == copy.read(n)
        elif step == "readline":
            assert view.readline(n) == copy.readline(n)
        elif step == "seek":
            assert view.seek(abs(n)) == copy.seek(abs(n))
        elif step == "seek_cur":
            assert view.seek(abs(n) // 3, 1) == copy.seek(abs(n) // 3, 1)
        else:
            assert view.seek(-abs(n), 2) == copy.seek(-abs(n), 2)
        assert view.tell() == copy.tell()
    pickled = pickle.dumps((1, "hai", [3.0]), 2) + b"rest"
    assert pickle.load(ViewFile(memoryview(pickled)).file) == (1, "hai", [3.0])


def built(tmp_path, n=300):
    folder = tmp_path / "ix"
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(build_schema())
    for start in range(0, n, 120):  # several segments, the last one short
        add_segment(ix, write_segment_files(staging_dir(ix), documents(min(120, n - start), start)))
    return ix


def test_segment_files_are_read_through_the_view_not_copied(tmp_path):
    ix = built(tmp_path)
    with ix.searcher() as searcher:
        for leaf, _ in searcher.reader().leaf_readers():
            assert type(leaf._terms._dbfile) is ViewFile and type(leaf._terms._postfile) is ViewFile
            assert isinstance(leaf._terms._postfile._buf, memoryview), "a view of the map, not bytes"


def test_columns_read_whole_equal_columns_read_one_value_at_a_time(tmp_path, monkeypatch):
    ix = built(tmp_path)
    with ix.searcher() as searcher:
        leaves = [leaf for leaf, _ in searcher.reader().leaf_readers()]
        fast = [doctable.read_segment(leaf) for leaf in leaves]
        fast_lengths = [doctable._segment_lengths(leaf, "body") for leaf in leaves]
        monkeypatch.setattr(doctable, "numeric_column", lambda reader, size: None)
        monkeypatch.setattr(doctable, "bytes_column", lambda reader, size: None)
        slow = [doctable.read_segment(leaf) for leaf in leaves]
        slow_lengths = [doctable._segment_lengths(leaf, "body") for leaf in leaves]
    for a, b in zip(fast, slow, strict=True):
        assert np.array_equal(a.ids, b.ids) and np.array_equal(a.issued, b.issued)
        for name in FACET_FIELDS:
            (codes_a, labels_a), (codes_b, labels_b) = a.facets[name], b.facets[name]
            assert [labels_a[c] for c in codes_a] == [labels_b[c] for c in codes_b], name
    assert all(np.array_equal(a, b) for a, b in zip(fast_lengths, slow_lengths, strict=True))
    assert any(len(labels) > 2 for labels in (fast[0].facets["year"][1], fast[0].facets["doc_type"][1]))
    assert fast[0].ids.tolist() == list(range(1, 121))


def test_caches_grow_with_the_index_within_bounds(tmp_path):
    ix = built(tmp_path)
    folder = tmp_path / "ix"
    assert cache_budget(folder) == POSTINGS_MIN, "a small index keeps the smallest budget"
    own = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    with open(folder / "big.bin", "wb") as f:
        f.truncate(POSTINGS_MIN + 12345)  # sparse: the size counts, no disk is used
    assert cache_budget(folder) == POSTINGS_MIN + 12345 + own
    with open(folder / "big.bin", "wb") as f:
        f.truncate(POSTINGS_MAX * 2)
    assert cache_budget(folder) == POSTINGS_MAX
    assert ix.doc_count() == 300


def test_filter_masks_are_dropped_by_bytes(tmp_path, monkeypatch):
    built(tmp_path)
    index = SearchIndex(tmp_path / "unused")
    index._budget = 4 * 1000  # a quarter holds one mask of 1,000 bytes
    for key in ("a", "b", "c"):
        index._cached(key, lambda: np.zeros(1000, dtype=bool))
    assert list(index._filters) == ["c"] and index._filter_bytes == 1000


def test_variable_length_columns_find_their_values_where_whoosh_does(tmp_path):
    """The offsets summed by numpy are Whoosh's own, value for value (ids, facets, an empty value)."""
    import copy

    from indexer.index import mapped

    ix = built(tmp_path)
    checked = 0
    with ix.searcher() as searcher:
        for leaf, _ in searcher.reader().leaf_readers():
            for name in ("id", "doc_type", "issuer_exact", "language", "hoso"):
                reader = leaf.column_reader(name, translate=False)
                if not hasattr(reader, "_lengths"):
                    continue
                theirs = copy.copy(reader)
                mapped._whoosh_read_offsets_and_lengths(theirs)
                assert reader._offsets.tolist() == list(theirs._offsets), name
                assert reader._lengths.tolist() == list(theirs._lengths), name
                assert [reader[i] for i in range(leaf.doc_count_all())] == list(theirs), name
                checked += 1
    assert checked >= 5


def test_distinct_values_of_a_bytes_column_hold_even_when_two_values_share_a_hash():
    k, mask = 1099511628211, 2**64 - 1
    w1, w2 = int.from_bytes(b"issuer-A", "little"), int.from_bytes(b"tail1234", "little")
    twin_w1 = w1 + 1  # the second word chosen so that both values hash alike: w1·k ^ w2 == twin_w1·k ^ twin_w2
    twin_w2 = ((w1 * k) & mask) ^ w2 ^ ((twin_w1 * k) & mask)
    a = w1.to_bytes(8, "little") + w2.to_bytes(8, "little")
    b = twin_w1.to_bytes(8, "little") + twin_w2.to_bytes(8, "little")
    assert a != b and b[-1] != 0
    for values in (np.array([a, b, a, b"short"], dtype="S16"), np.array([b"x", b"yy", b"x", b""], dtype="S2")):
        distinct, inverse = doctable.distinct_values(values)
        assert np.array_equal(distinct[inverse], values) and len(distinct) == len(set(values.tolist()))


def test_a_configured_cache_budget_replaces_the_one_sized_by_the_index(tmp_path):
    from indexer.index.generations import add_documents, open_index

    add_documents(open_index(tmp_path / "index", create=True), list(documents(50, 0)))
    sized, capped = SearchIndex(tmp_path / "index"), SearchIndex(tmp_path / "index", cache_bytes=64 * 2**20)
    assert sized.search("văn bản").total == capped.search("văn bản").total > 0
    assert sized._postings.max_bytes == POSTINGS_MIN, "a small index: the floor"
    assert capped._postings.max_bytes == 64 * 2**20 and capped._table.merged.max_bytes == 32 * 2**20
