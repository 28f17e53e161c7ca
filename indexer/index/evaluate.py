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
import re
import time
from dataclasses import dataclass, field

import numpy as np
from whoosh import query as q

from indexer.core.errors import QueryError
from indexer.core.messages import Message
from indexer.index.doctable import DocTable
from indexer.index.postings import PostingCache

K1, B = 1.2, 0.75  # BM25's usual constants
MAX_EXPANSION = 512  # words a prefix or wildcard may stand for; beyond that the query is too vague to rank
# What one query may cost at most, whatever its text: words of the vocabulary looked at by its prefixes and
# wildcards, postings those read, and time. Past any of them the query stops with QueryTooBroad.
MAX_SCANNED_TERMS = 50_000
MAX_EXPANSION_POSTINGS = 5_000_000
WALL_GRACE, WALL_AFTER_CPU = 0.25, 0.1  # the wall-clock limit's extra time, and the CPU a query must have used
DEADLINE_SECONDS = 0.6  # the default; `archive serve` and `archive search` take ARCHIVE_SEARCH_DEADLINE_MS
# The default deadline is for this many records, and grows in proportion beyond: an ordinary query's first
# run decodes every posting of its words, and a common word is in most records (at 1,000,000 records a
# three-word query of common syllables took 1.0-1.5 s of CPU before its postings were cached).
DEADLINE_RECORDS = 250_000
PAIRS_FIELD = "body_pairs"
PHRASE_ON_PAIRS = {"body"}  # long text: phrases matched by adjacent pairs
NO_PHRASE = {"body_en", "body_exact", "title_en"}  # stemmed or accent views: the folded views carry the phrase


class QueryTooBroad(QueryError):
    """A query stopped at one of its cost bounds: the reader is asked to narrow it."""


@dataclass
class Budget:
    """The cost left to one search: a deadline (in its thread's CPU time), and the vocabulary words and postings
    its expansions may read. Every node of the query, every uncached posting list and every word an expansion
    looks at spends from it, so no query text can hold a worker longer than the deadline (plus one posting
    list)."""

    seconds: float = DEADLINE_SECONDS
    terms: int = MAX_SCANNED_TERMS
    postings: int = MAX_EXPANSION_POSTINGS
    per_records: int | None = DEADLINE_RECORDS  # `seconds` is for this many records (None: for any number)
    deadline: float = field(init=False)

    def __post_init__(self) -> None:
        self.deadline = time.thread_time() + self.seconds
        self.wall_deadline = time.monotonic() + self.seconds + WALL_GRACE

    def for_archive(self, records: int) -> Budget:
        """This budget, its deadline lengthened in proportion for an archive of more than `per_records`
        records (the expansion bounds stay: they do not grow with the archive)."""
        if self.per_records and records > self.per_records:
            extra = self.seconds * (records / self.per_records - 1)
            self.seconds += extra
            self.deadline += extra
            self.wall_deadline += extra
        return self

    def check(self) -> None:
        # Mostly the search's own CPU time: the bound is on the work a query makes, which a busy machine (other
        # processes, the worker's other threads) does not add to, so a small query is never "too broad" on a
        # loaded machine. A query that has done real work is also held to the wall clock, a little later.
        now = time.thread_time()
        started = self.deadline - self.seconds
        worked = now - started > WALL_AFTER_CPU
        if now > self.deadline or (worked and time.monotonic() > self.wall_deadline):
            raise QueryTooBroad(
                Message(
                    "the query is too broad: it was stopped after %(ms)s ms; use fewer words with * or ?, "
                    "fewer OR, or more letters before a *",
                    ms=f"{self.seconds * 1000:,.0f}",
                )
            )

    def scan(self, word: str) -> None:
        self.terms -= 1
        if self.terms < 0:
            raise QueryTooBroad(
                Message(
                    "the query is too broad: %(word)r stands for too many words; give more letters before the *",
                    word=word,
                )
            )
        if self.terms % 256 == 0:
            self.check()

    def read(self, word: str, count: int) -> None:
        self.postings -= count
        if self.postings < 0:
            raise QueryTooBroad(
                Message(
                    "the query is too broad: the words %(word)r stands for are found too often; "
                    "give more letters before the *",
                    word=word,
                )
            )


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
    """Evaluates queries against one searcher's documents.

    Relevance statistics (how many records hold a word, a field's mean length, how many records there are)
    are those of the `population`, the records the reader may see (`within`); by default every live one.
    So a score, and the order it makes, are the same whether or not records hidden from the reader exist."""

    def __init__(self, searcher, table: DocTable, cache: PostingCache) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.table = table
        self.cache = cache
        self.size = table.size
        self.budget = Budget(seconds=float("inf"), terms=2**62, postings=2**62)
        self._population(table.live)

    def within(self, population: np.ndarray, budget: Budget | None = None) -> Evaluator:
        """Score as if only `population` existed, and spend from `budget`."""
        self._population(population)
        if budget is not None:
            self.budget = budget
        return self

    def _population(self, population: np.ndarray) -> None:
        self.population = population
        self.count = int(np.count_nonzero(population))
        self._means: dict[str, float] = {}

    def run(self, node: q.Query) -> Match:
        return self.dense(self._run(node))

    def _run(self, node: q.Query) -> Match | Hits:
        self.budget.check()
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
        found = int(np.count_nonzero(self.population[docs]))  # records the reader may see that hold it
        idf = math.log(1 + (self.count - found + 0.5) / (found + 0.5))
        lengths, _ = self.table.lengths(field)
        norm = K1 * ((1 - B) + B * lengths[docs] / self.mean_length(field))
        return Hits(docs, (boost * idf * tf * (K1 + 1) / (tf + norm)).astype(np.float32))

    def mean_length(self, field: str) -> float:
        """The field's mean length over the population."""
        if field not in self._means:
            lengths, _ = self.table.lengths(field)
            self._means[field] = float(lengths[self.population].mean()) if self.count else 1.0
            self._means[field] = self._means[field] or 1.0
        return self._means[field]

    def key_terms(self, field: str, text: str, number: int) -> list[tuple[str, float]]:
        """The `number` words of `text` that most set it apart, by Whoosh's Bo1 model (as its
        `key_terms_from_text`), but counted over the population: which words a record's "more like this"
        looks for does not depend on records hidden from the reader."""
        weights: dict[str, float] = {}
        from_bytes = self.schema[field].from_bytes
        for btext, _, weight, _ in self.schema[field].index(text):
            word = from_bytes(btext)
            weights[word] = weights.get(word, 0.0) + weight
        scored, best = [], 0.0
        for word, weight in weights.items():
            self.budget.check()
            docs, tf = self.postings(field, word)
            seen = float(tf[self.population[docs]].sum()) if len(docs) else 0.0
            if not seen:
                continue
            f = seen / max(self.count, 1)
            score = weight * math.log((1.0 + f) / f, 2) + math.log(1.0 + f, 2)
            best = max(best, score)
            scored.append((score, word))
        if not scored:
            return []
        f = best / max(self.count, 1)
        norm = (best * math.log((1.0 + f) / f) + math.log(1.0 + f)) / math.log(2.0)
        scored.sort(key=lambda p: (-p[0], p[1]))
        return [(word, score / norm) for score, word in scored[:number]]

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
        """Prefix, wildcard, range: the first MAX_EXPANSION words it stands for that a record of the population
        holds, at a constant score. A word only hidden records hold takes no place among them, so new hidden
        records never push a reader's words out; every word looked at and posting read spends the budget."""
        match = self.empty()
        field = node.field()
        kept = 0
        for text in self._candidates(node, field):
            docs, _ = self.postings(field, text)
            self.budget.read(_typed(node), len(docs))
            if not len(docs) or not self.population[docs].any():
                continue
            match.mask[docs] = True
            kept += 1
            if kept >= MAX_EXPANSION:
                break
        match.score[match.mask] = node.boost
        return match

    def _candidates(self, node: q.MultiTerm, field: str):
        """The words of `field` that `node` stands for, each looked at counted against the budget (a wildcard
        looks at every word after its literal prefix, Whoosh's own expansion at those it yields)."""
        word = _typed(node)
        if isinstance(node, q.Wildcard):
            pattern = re.compile(node._get_pattern())
            prefix = node._find_prefix(node.text)
            source = self.reader.expand_prefix(field, prefix) if prefix else self.reader.lexicon(field)
            from_bytes = self.schema[field].from_bytes
            for btext in source:
                self.budget.scan(word)
                text = from_bytes(btext)
                if pattern.match(text):
                    yield text
            return
        for text in node._btexts(self.reader):
            self.budget.scan(word)
            yield text.decode("utf-8") if isinstance(text, bytes) else text

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
            # Each term's documents are distinct, so a fancy-indexed add per term is right, and twice as fast as
            # one bincount over all of them; summed in float64 in the same order, the scores are the same.
            total = np.zeros(self.size, dtype=np.float64)
            for term_docs, term_scores in zip(docs, scores, strict=True):
                match.mask[term_docs] = True
                total[term_docs] += term_scores
            match.score += total.astype(np.float32)
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


def _typed(node: q.MultiTerm) -> str:
    """An expansion as the reader typed it (`cong*` for the prefix `cong`), for messages."""
    text = str(getattr(node, "text", ""))
    return f"{text}*" if isinstance(node, q.Prefix) else text


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
