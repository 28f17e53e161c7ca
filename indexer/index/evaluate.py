"""Runs a parsed Whoosh query over whole posting arrays: which documents match, and how well.

Every node becomes a `Match`: a boolean per document (does it match?) and a float per document (its
score). Terms score by BM25 in their own field (BM25F: a word's scores summed over the fields it is
found in, each field weighted by the query's boost); And/Or/AndNot/AndMaybe combine whole arrays, so
the cost of a query grows with its posting lists, not with Python work per document.

Phrases are matched on the adjacent-pairs view (`body_pairs`): "a b c" is a record holding the pairs
"a b" and "b c", with no positional check. Short fields without positions take all the phrase's words.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from whoosh import query as q

from indexer.index.doctable import DocTable
from indexer.index.postings import PostingCache

K1, B = 1.2, 0.75  # BM25's usual constants
MAX_EXPANSION = 512  # terms a prefix or wildcard may stand for; beyond that the query is too vague to rank
PAIRS_FIELD = "body_pairs"
PHRASE_ON_PAIRS = {"body"}  # long text: phrases matched by adjacent pairs
NO_PHRASE = {"body_en", "body_exact", "title_en"}  # stemmed or accent views: the folded views carry the phrase


@dataclass
class Match:
    mask: np.ndarray  # bool per document
    score: np.ndarray  # float32 per document (meaningful where mask is True)


@dataclass
class Hits:
    """A term's matches kept sparse (its documents and their scores) until something combines them:
    an Or of a word over a dozen fields then costs one pass over the archive, not one per field."""

    docs: np.ndarray  # int64, each document once
    scores: np.ndarray  # float32


class Evaluator:
    """Evaluates queries against one searcher's documents."""

    def __init__(self, searcher, table: DocTable, cache: PostingCache) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.table = table
        self.cache = cache
        self.size = table.size

    def run(self, node: q.Query) -> Match:
        return self.dense(self._run(node))

    def _run(self, node: q.Query) -> Match | Hits:
        handler = HANDLERS.get(type(node))
        if handler is not None:
            return handler(self, node)
        if isinstance(node, q.MultiTerm):
            return self._expanded(node)
        if hasattr(node, "child"):  # wrappers such as ConstantScoreQuery
            return self._scaled(self.run(node.child), getattr(node, "boost", 1.0))
        return self._documents(node)

    # Leaves

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Global document numbers and term weights of one term, over every segment (kept per searcher)."""
        key = (field, text)
        found = self.table.merged.lookup(key)
        if found is None:
            docs, weights = [], []
            for leaf, offset, segment in self.table.leaves:
                local, weight = self.cache.get(leaf, segment, field, text)
                if len(local):
                    docs.append(local.astype(np.int64) + offset)
                    weights.append(weight)
            if docs:
                found = (np.concatenate(docs), np.concatenate(weights))
            else:
                found = (np.zeros(0, np.int64), np.zeros(0, np.float32))
            self.table.merged.keep(key, found)
        return found

    def term(self, field: str, text: str, boost: float = 1.0) -> Match:
        return self.dense(self.hits(field, text, boost))

    def hits(self, field: str, text: str, boost: float = 1.0) -> Hits:
        docs, tf = self.postings(field, text)
        if not len(docs):
            return Hits(docs, tf)
        idf = math.log(1 + (self.size - len(docs) + 0.5) / (len(docs) + 0.5))
        lengths, mean = self.table.lengths(field)
        norm = K1 * ((1 - B) + B * lengths[docs] / mean)
        return Hits(docs, (boost * idf * tf * (K1 + 1) / (tf + norm)).astype(np.float32))

    def _term(self, node: q.Term) -> Hits:
        return self.hits(node.fieldname, node.text, node.boost)

    def _phrase(self, node: q.Phrase) -> Match:
        words, field = list(node.words), node.fieldname
        if not words:
            return self.empty()
        if len(words) == 1:
            return self.hits(field, words[0], node.boost)
        if field in NO_PHRASE:
            return self.empty()
        if field in PHRASE_ON_PAIRS:
            pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
            return self._all([self.term(PAIRS_FIELD, pair, node.boost) for pair in pairs])
        if self.schema[field].format.supports("positions"):  # short positional fields: Whoosh checks positions
            found = self._documents(node)
            words_match = self._all([self.term(field, w, node.boost) for w in words])
            return Match(found.mask & words_match.mask, words_match.score)
        return self._all([self.term(field, w, node.boost) for w in words])

    def _expanded(self, node: q.MultiTerm) -> Match:
        """Prefix, wildcard, range: every term it stands for (at most MAX_EXPANSION), at a constant score."""
        match = self.empty()
        field = node.field()
        for count, text in enumerate(node._btexts(self.reader)):
            if count >= MAX_EXPANSION:
                break
            docs, _ = self.postings(field, text.decode("utf-8") if isinstance(text, bytes) else text)
            match.mask[docs] = True
        match.score[match.mask] = node.boost
        return match

    def _documents(self, node: q.Query) -> Match:
        """Anything else (ranges, field-less Every): Whoosh finds the documents, each scoring its boost."""
        match = self.empty()
        docs = np.fromiter(node.docs(self.searcher), dtype=np.int64)
        match.mask[docs] = True
        match.score[docs] = getattr(node, "boost", 1.0)
        return match

    # Combinations

    def _and(self, node) -> Match:
        return self._scaled(self._all([self.run(child) for child in node.subqueries]), node.boost)

    def _or(self, node) -> Match:
        match = self.empty()
        docs, scores = [], []
        for child in node.subqueries:
            found = self._run(child)
            if isinstance(found, Hits):
                docs.append(found.docs)
                scores.append(found.scores)
            else:
                match.mask |= found.mask
                match.score += np.where(found.mask, found.score, 0)
        if docs:
            every = np.concatenate(docs)
            match.mask[every] = True
            match.score += np.bincount(every, weights=np.concatenate(scores), minlength=self.size).astype(np.float32)
        return self._scaled(match, node.boost)

    def _and_not(self, node: q.AndNot) -> Match:
        positive, negative = self.run(node.a), self.run(node.b)
        return Match(positive.mask & ~negative.mask, positive.score)

    def _and_maybe(self, node: q.AndMaybe) -> Match:
        required, optional = self.run(node.a), self.run(node.b)
        return Match(required.mask, required.score + np.where(optional.mask, optional.score, 0))

    def _require(self, node: q.Require) -> Match:
        scored, required = self.run(node.a), self.run(node.b)
        return Match(scored.mask & required.mask, scored.score)

    def _not(self, node: q.Not) -> Match:
        return Match(~self.run(node.query).mask, np.zeros(self.size, np.float32))

    def _every(self, node: q.Every) -> Match:
        if node.fieldname not in (None, "", "*"):
            return self._documents(node)
        return Match(np.ones(self.size, dtype=bool), np.zeros(self.size, np.float32))

    def _null(self, node) -> Match:
        return self.empty()

    # Helpers

    def empty(self) -> Match:
        return Match(np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float32))

    def dense(self, found: Match | Hits) -> Match:
        if isinstance(found, Match):
            return found
        match = self.empty()
        match.mask[found.docs] = True
        match.score[found.docs] = found.scores
        return match

    def _all(self, matches: list[Match]) -> Match:
        if not matches:
            return self.empty()
        mask, score = matches[0].mask.copy(), matches[0].score.copy()
        for match in matches[1:]:
            mask &= match.mask
            score += match.score
        return Match(mask, score)

    @staticmethod
    def _scaled(match: Match, boost: float) -> Match:
        if boost != 1.0:
            match.score *= boost
        return match


HANDLERS = {
    q.Term: Evaluator._term,
    q.Phrase: Evaluator._phrase,
    q.And: Evaluator._and,
    q.Or: Evaluator._or,
    q.DisjunctionMax: Evaluator._or,
    q.AndNot: Evaluator._and_not,
    q.AndMaybe: Evaluator._and_maybe,
    q.Require: Evaluator._require,
    q.Not: Evaluator._not,
    q.Every: Evaluator._every,
    type(q.NullQuery): Evaluator._null,
}
