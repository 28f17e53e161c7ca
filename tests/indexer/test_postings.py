"""Posting lists decoded into arrays must say exactly what Whoosh's own matchers say."""

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.index.analysis import exact_analyzer, exact_view, folded_view, folding_analyzer, pairs_analyzer, pairs_view
from indexer.index.generations import add_documents, open_index
from indexer.index.postings import PostingCache, decode

WORDS = ["cải", "cách", "hành", "chính", "đảng", "bộ", "tỉnh", "Quảng", "Trị", "nghị", "quyết", "kết", "luận", "x"]


def slow_decode(matcher):
    docs, weights = [], []
    while matcher.is_active():
        docs.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return docs, weights


def build(tmp_path, count: int):
    rng = random.Random(count)
    ix = open_index(tmp_path / "index", create=True)
    docs = [
        {"id": str(i), "rev": 1, "body": " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))}
        for i in range(count)
    ]
    add_documents(ix, docs)
    return ix


def test_block_decoding_matches_whoosh_over_many_blocks(tmp_path):
    ix = build(tmp_path, 3000)  # common words span several 1,024-posting blocks
    with ix.searcher() as searcher:
        reader = searcher.reader()
        for field in ("body", "body_exact", "body_pairs"):
            for term in list(reader.lexicon(field))[:12]:
                docs, weights = decode(reader.postings(field, term))
                want_docs, want_weights = slow_decode(reader.postings(field, term))
                assert docs.tolist() == want_docs
                assert np.allclose(weights, want_weights)
        assert max(reader.doc_frequency("body", t) for t in reader.lexicon("body")) > 2048


def test_cache_keeps_within_its_byte_budget(tmp_path):
    ix = build(tmp_path, 500)
    cache = PostingCache(max_bytes=6000)
    with ix.searcher() as searcher:
        leaf = searcher.reader()
        for term in leaf.lexicon("body"):
            docs, _ = cache.get(leaf, "seg", "body", term.decode())
            assert len(docs) == leaf.doc_frequency("body", term)
        assert cache.size <= 6000 or len(cache._entries) == 1
        assert cache.get(leaf, "seg", "body", "absent")[0].size == 0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâbcdđeêhiklmnoôơuưy ÀÁẢÃẠàáảãạĐđ.,-\n\t̀́0123")), max_size=60))
def test_views_give_the_analyzers_terms(text):
    """Indexing counts view terms; queries use the analyzers: both must give the same terms."""
    for view, analyzer in ((folded_view, folding_analyzer()), (exact_view, exact_analyzer())):
        assert view(text) == [t.text for t in analyzer(text)]
    if len(folded_view(text)) > 0:
        assert pairs_view(text) == [t.text for t in pairs_analyzer()(text)]


def test_a_segment_with_deletions_is_decoded_whole_by_blocks_and_searches_mask_the_deleted(tmp_path):
    from whoosh.query import Term

    from indexer.index.postings import segment_postings
    from indexer.index.search import SearchIndex

    ix = build(tmp_path, 1500)
    with ix.searcher() as searcher:
        term = max(searcher.lexicon("body"), key=lambda t: searcher.doc_frequency("body", t)).decode()
        before = {hit["id"] for hit in searcher.search(Term("body", term), limit=None)}
    victim = min(before, key=int)
    with ix.writer() as writer:
        writer.delete_by_term("id", victim)
    with ix.searcher() as searcher:
        leaf = searcher.reader()
        assert leaf.has_deletions()
        matcher = segment_postings(leaf, "body", term)
        assert type(matcher).__name__ == "W3LeafMatcher"  # the block decoder's fast path, not a filter
        docs, _ = decode(matcher)
        assert len(docs) == len(before)  # the deleted document's posting is still there, masked by searches
        assert segment_postings(leaf, "body", "absent") is None
    index = SearchIndex(tmp_path / "index")
    found = index.search(term, limit=100)
    assert found.total == len(before) - 1
    assert int(victim) not in {hit.id for hit in index.search(term, limit=100, page=1).hits} or found.total < 100
    index.close()


def test_the_lean_codec_writes_what_whoosh_reads_and_the_index_names_only_whoosh(tmp_path):
    import pickle

    from whoosh.codec.whoosh3 import W3Codec

    from indexer.index.generations import CODEC, add_documents

    ix = build(tmp_path, 2600)  # common words fill several blocks: each block's statistics are merged
    add_documents(ix, [{"id": "9999", "rev": 1, "body": "cải cách"}])  # a second segment, then a merge below
    with ix.writer(codec=CODEC) as writer:
        writer.merge = True
        writer.optimize = True
    with ix.searcher() as searcher:
        reader = searcher.reader()
        assert reader.doc_count_all() == 2601 and len(list(reader.leaf_readers())) == 1
        for term in list(reader.lexicon("body"))[:8]:
            docs, weights = decode(reader.postings("body", term))
            want_docs, want_weights = slow_decode(reader.postings("body", term))
            assert docs.tolist() == want_docs and np.allclose(weights, want_weights)
            assert len(docs) == reader.doc_frequency("body", term)
    toc = max((tmp_path / "index").glob("gen-*/*.toc")).read_bytes()
    assert b"W3Codec" in toc and b"LeanCodec" not in toc and type(pickle.loads(pickle.dumps(CODEC))) is W3Codec
