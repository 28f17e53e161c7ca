"""The array evaluator matches the same documents as Whoosh's own matchers."""

import random

import numpy as np
import pytest
from whoosh import query as q

from indexer.index.doctable import DocTable
from indexer.index.evaluate import Evaluator
from indexer.index.generations import add_documents, open_index
from indexer.index.postings import PostingCache

WORDS = ["cai", "cach", "hanh", "chinh", "dang", "bo", "tinh", "quang", "tri", "nghi", "quyet"]


@pytest.fixture(scope="module")
def evaluator(tmp_path_factory):
    rng = random.Random(7)
    ix = open_index(tmp_path_factory.mktemp("ev") / "index", create=True)
    for batch in range(3):  # several segments, and deletions in one of them
        docs = [
            {
                "id": str(batch * 100 + i),
                "rev": 1,
                "body": " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12))),
            }
            for i in range(100)
        ]
        add_documents(ix, docs)
    with ix.writer() as writer:
        writer.delete_by_term("id", "150")
    searcher = ix.searcher()
    return Evaluator(searcher, DocTable(searcher.reader(), {}), PostingCache())


def whoosh_docs(evaluator, node) -> set[int]:
    """The reference: Whoosh finds each term's documents, Python sets combine them."""
    live = evaluator.table.live
    if isinstance(node, q.And):
        return set.intersection(*(whoosh_docs(evaluator, c) for c in node.subqueries))
    if isinstance(node, q.Or):
        return set.union(*(whoosh_docs(evaluator, c) for c in node.subqueries))
    if isinstance(node, q.AndNot):
        return whoosh_docs(evaluator, node.a) - whoosh_docs(evaluator, node.b)
    if isinstance(node, q.AndMaybe):
        return whoosh_docs(evaluator, node.a)
    return {d for d in evaluator.searcher.docs_for_query(node) if live[d]}


def our_docs(evaluator, node) -> set[int]:
    return set(np.flatnonzero(evaluator.run(node).mask & evaluator.table.live).tolist())


def random_query(rng: random.Random, depth: int = 0) -> q.Query:
    if depth > 2 or rng.random() < 0.4:
        return q.Term("body", rng.choice([*WORDS, "absent"]))
    kind = rng.choice(["and", "or", "andnot", "andmaybe", "prefix"])
    if kind == "prefix":
        return q.Prefix("body", rng.choice(["c", "qu", "zz"]))
    a, b = random_query(rng, depth + 1), random_query(rng, depth + 1)
    return {"and": q.And([a, b]), "or": q.Or([a, b]), "andnot": q.AndNot(a, b), "andmaybe": q.AndMaybe(a, b)}[kind]


def test_random_boolean_queries_match_what_whoosh_matches(evaluator):
    rng = random.Random(1)
    for _ in range(150):
        node = random_query(rng)
        assert our_docs(evaluator, node) == whoosh_docs(evaluator, node), node


def test_two_word_phrase_on_pairs_is_exact(evaluator):
    for a in WORDS[:5]:
        for b in WORDS[:5]:
            pair = q.Term("body_pairs", f"{a} {b}")
            assert our_docs(evaluator, q.Phrase("body", [a, b])) == whoosh_docs(evaluator, pair)


def test_deleted_documents_are_not_live(evaluator):
    table = evaluator.table
    assert 150 not in table.ids[table.live].tolist()
    assert table.live.sum() == 299


def test_scores_prefer_more_occurrences_and_shorter_texts(evaluator):
    found = evaluator.run(q.Term("body", "dang"))
    tf = {}
    lengths, _ = evaluator.table.lengths("body")
    for d in np.flatnonzero(found.mask):
        tf[d] = evaluator.searcher.stored_fields(d)
    docs = np.flatnonzero(found.mask)
    assert (found.score[docs] > 0).all()
    same_length = [d for d in docs if lengths[d] == lengths[docs[0]]]
    assert len(set(np.round(found.score[same_length], 5))) >= 1
