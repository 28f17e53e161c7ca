"""Searching the live index: ranking, sorting, facets, snippets, suggestions and similar records.

Queries run as array operations over posting lists (`indexer.index.evaluate`), not through Whoosh's
per-document matchers. Whoosh's readers keep file positions, so one shared searcher is used under a
lock; it is refreshed when the index commits or a rebuild swaps generations. Column arrays and decoded
postings are kept per segment (segments never change), filter masks per searcher.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
from whoosh import query as whoosh_query

from indexer.core.errors import NotFoundError, QueryError
from indexer.core.messages import Message
from indexer.index.analysis import stem_token
from indexer.index.doctable import NO_DATE, DocTable, SegmentColumns
from indexer.index.evaluate import Budget, Evaluator, QueryTooBroad
from indexer.index.facets import count_facets
from indexer.index.generations import open_index, read_current
from indexer.index.postings import PostingCache
from indexer.index.query import TEXT_FIELDS, TypedWord, free_words, parse
from indexer.index.snippets import Terms, snippet
from indexer.index.visibility import Clearance, visible_mask
from indexer.normalize import fold

MAX_QUERY_CHARS = 1000
MAX_LIMIT = 100
SUGGEST_BELOW = 3  # "did you mean" when a query finds fewer records than this
SUGGEST_CANDIDATES, SUGGEST_DISTANCE = 8, 2  # spellings weighed per unknown word, and how far they may differ
SUGGEST_MAX_WORDS = 12  # a longer query is not a typo to correct (and would cost a lookup per word)
# Caches are sized by the index's bytes on disk, so that a bigger archive's common words still fit (at
# 1,000,000 records one common word over a dozen fields decodes to ~100 MB): decoded postings per segment
# take the index's size, between 256 MB and 2 GB; postings merged over segments half of that; filter masks
# (one byte per document each) and spelling candidates a quarter.
POSTINGS_MIN, POSTINGS_MAX = 256 * 2**20, 2 * 2**30
FILTER_ENTRY_BYTES = 1024  # what a cached spelling candidate set is counted as
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
SORTS = {
    "relevance": None,
    "issued_desc": ("issued", True),
    "newest": ("issued", True),
    "issued_asc": ("issued", False),
    "oldest": ("issued", False),
    "added": ("ingested", True),  # most recently archived first: the start page's list
}

MARKED_FIELDS = {f for f in TEXT_FIELDS if not f.endswith("_en")}  # folded text fields: their words are marked
TextsFor = Callable[[list[int]], dict[int, str]]


@dataclass(frozen=True)
class SearchHit:
    id: int
    score: float
    snippet: str  # HTML: escaped text, matches wrapped in <mark>


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    page: int
    limit: int
    hits: list[SearchHit]
    sort: str = "relevance"
    facets: dict[str, list[dict]] = field(default_factory=dict)
    suggestion: str | None = None
    took_ms: float = 0.0


def cache_budget(generation_dir: Path) -> int:
    """Bytes of decoded postings a searcher keeps for this index (see POSTINGS_MIN)."""
    size = sum(p.stat().st_size for p in generation_dir.glob("*") if p.is_file())
    return max(POSTINGS_MIN, min(POSTINGS_MAX, size))


def clean_query(raw: str) -> str:
    text = CONTROL.sub(" ", raw or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            Message("the query is too long (%(n)s characters; at most %(max)s)", n=len(text), max=MAX_QUERY_CHARS)
        )
    return text


class SearchIndex:
    """Read access to the live index for a long-lived process (web server) or a single command."""

    def __init__(self, index_dir: Path, budget: Callable[[], Budget] = Budget, cache_bytes: int | None = None) -> None:
        self.index_dir = index_dir
        self.budget = budget  # what one search may cost (time, vocabulary read) before it answers "too broad"
        self.cache_bytes = cache_bytes  # decoded postings kept (see POSTINGS_MIN); None: sized by the index
        self._lock = threading.Lock()
        self._searcher = None
        self._generation = None
        self._table: DocTable | None = None
        self._segments: dict[str, SegmentColumns] = {}  # kept across refreshes: segments never change
        self._postings = PostingCache(POSTINGS_MIN)
        self._filters: OrderedDict[str, tuple[object, int]] = OrderedDict()  # key → (value, bytes counted)
        self._filter_bytes = 0
        self._budget = POSTINGS_MIN

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def warm(self) -> None:
        """Open the searcher and read its columns now, so that a new server process's first reader doesn't
        wait for them (seconds on a large archive); a missing index is left for the first search to report."""
        with self._lock:
            if read_current(self.index_dir) is not None:
                self._fresh()

    def _fresh(self) -> Evaluator:
        generation = read_current(self.index_dir)
        stale = self._searcher is None or generation != self._generation or not self._searcher.up_to_date()
        if stale:
            # Reopen rather than refresh: Whoosh's refresh keeps the reader (and so the deletions) of every
            # unchanged segment, and a record re-indexed after an edit would then match in both versions.
            # Column arrays and postings stay cached per segment, so reopening costs one open.
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = open_index(self.index_dir).searcher()
            self._generation = generation
            self._table = None
        if self._table is None:
            self._budget = self.cache_bytes or cache_budget(self.index_dir / generation.name)
            self._postings.max_bytes = self._budget
            self._table = DocTable(self._searcher.reader(), self._segments, merged_bytes=self._budget // 2)
            present = {key for _, _, key in self._table.leaves}
            for key in set(self._segments) - present:  # merged away
                del self._segments[key]
            self._filters.clear()
            self._filter_bytes = 0
        return Evaluator(self._searcher, self._table, self._postings)

    def _allowed(self, evaluator: Evaluator, restrict, clearance: Clearance | None) -> np.ndarray:
        """Live documents the reader may see and the filter passes; masks are cached per searcher."""
        mask = evaluator.table.live
        if clearance is not None:
            mask = mask & self._cached(clearance.key, lambda: visible_mask(evaluator, clearance))
        if restrict is not None:
            mask = mask & self._cached(repr(restrict), lambda: evaluator.run(restrict).mask)
        return mask

    def _cached(self, key, compute: Callable[[], object]):
        """Filter masks and spelling candidates, least recently used dropped past a quarter of the budget."""
        if key in self._filters:
            self._filters.move_to_end(key)
            return self._filters[key][0]
        value = compute()
        size = value.nbytes if isinstance(value, np.ndarray) else FILTER_ENTRY_BYTES
        self._filters[key] = (value, size)
        self._filter_bytes += size
        while self._filter_bytes > self._budget // 4 and len(self._filters) > 1:
            _, (_, dropped) = self._filters.popitem(last=False)
            self._filter_bytes -= dropped
        return value

    def search(
        self,
        query: str,
        *,
        filters: dict[str, str] | None = None,
        page: int = 1,
        limit: int = 10,
        sort: str = "relevance",
        facets: bool = True,
        texts_for: TextsFor | None = None,
        clearance: Clearance | None = None,
        browse: bool = False,
    ) -> SearchResult:
        """Hits for `query` within `filters`, page `page` of `limit`; snippets only for that page.
        With a `clearance`, records above it are treated as if they did not exist. An empty query finds
        nothing, unless `browse`: then it lists every record (the web's start page and empty search)."""
        started = time.perf_counter()
        text = clean_query(query)
        if page < 1:
            raise QueryError(Message("page must be 1 or more"))
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(Message("limit must be between 1 and %(max)s", max=MAX_LIMIT))
        if sort not in SORTS:
            raise QueryError(Message("sort must be one of %(sorts)s", sorts=", ".join(SORTS)))
        if not text and not any((filters or {}).values()) and not browse:
            return SearchResult(query=text, total=0, page=page, limit=limit, hits=[], sort=sort)
        with self._lock:
            evaluator = self._fresh()
            budget = self.budget().for_archive(evaluator.table.size)  # from here: parsing a long query counts too
            parsed = parse_query(text, evaluator.schema, filters)
            evaluator.within(self._allowed(evaluator, None, clearance), budget)
            budget.check()
            allowed = self._allowed(evaluator, parsed.filter, clearance)
            found = evaluator.run(parsed.query)
            mask = found.mask & allowed
            total = int(np.count_nonzero(mask))
            ranked = _ranked(mask, found.score, evaluator.table, page * limit, SORTS[sort])
            window = ranked[(page - 1) * limit : page * limit]
            ids = [int(evaluator.table.ids[d]) for d in window]
            counts = count_facets(evaluator.table, mask) if facets else {}
            suggestion = None
            if total < SUGGEST_BELOW and parsed.has_text:
                try:
                    suggestion = self._suggest(evaluator, text, filters, allowed, total, clearance)
                except QueryTooBroad:  # the search itself answered in time: it goes without a suggestion
                    suggestion = None
            terms = marked_terms(parsed.query, evaluator.schema)
        bodies = texts_for(ids) if texts_for else {}
        hits = [
            SearchHit(id=i, score=round(float(found.score[d]), 4), snippet=snippet(bodies.get(i, ""), terms))
            for i, d in zip(ids, window, strict=True)
        ]
        return SearchResult(text, total, page, limit, hits, sort, counts, suggestion, _ms(started))

    def _suggest(
        self, evaluator: Evaluator, text: str, filters, allowed: np.ndarray, found: int, clearance
    ) -> str | None:
        """A spelling correction from the words of the records this reader may see, offered only if it finds
        more of them under the same filters. Hidden records neither supply a word nor weigh in the ranking:
        every count here is of visible records. An unknown word takes the candidate that most often stands
        beside its neighbours (`cahc` between `cai` and `hanh` is `cach`, not the commoner `cac`), then the
        one found in most visible records. Only free-text words are corrected, in place: filters, symbols,
        operators and quotes stay as typed."""
        visible = self._allowed(evaluator, None, clearance)
        seen = partial(_visible_count, evaluator, visible)
        typed = free_words(text)
        words = [w.text for w in typed]
        if len(words) > SUGGEST_MAX_WORDS:
            return None
        corrections: dict[int, str] = {}
        for i, word in enumerate(words):
            evaluator.budget.check()
            folded = fold(word).lower()
            if seen("body", folded):
                continue
            spellings = self._cached(
                ("suggest", clearance.key if clearance else None, folded),
                partial(self._visible_spellings, evaluator, seen, folded),
            )
            if spellings:
                best = _best_spelling(spellings, words, i, seen)
                if _stands_beside(best, text, typed, i, seen):
                    corrections[i] = best
        corrected = _rewritten(text, typed, corrections)
        if corrected == text or not _words_typed_or_visible(corrected, words, seen):
            return None
        again = evaluator.run(parse_query(corrected, evaluator.schema, filters).query)
        found_now = int(np.count_nonzero(again.mask & allowed))
        return corrected if found_now > found else None

    def _visible_spellings(self, evaluator: Evaluator, seen: Callable[[str, str], int], word: str) -> dict[str, int]:
        """Up to SUGGEST_CANDIDATES words of the `body` vocabulary close to `word` (the nearest edit distance
        first, then the most visible records) that occur in a visible record: {word: visible records}.

        The index's own document frequency (hidden records included) only bounds the visible one from above,
        so a level stops being read once no word left in it can reach the candidates already kept; it never
        orders or chooses them."""
        reader = evaluator.reader
        chosen: dict[str, int] = {}
        nearer: set[str] = {word}
        for distance in range(1, SUGGEST_DISTANCE + 1):
            room = SUGGEST_CANDIDATES - len(chosen)
            if room <= 0:
                break
            within = self._cached(("spelling", word, distance), partial(_terms_within, reader, word, distance))
            level = sorted(((reader.doc_frequency("body", t), t) for t in within - nearer), key=lambda p: (-p[0], p[1]))
            nearer |= within
            kept: list[tuple[int, str]] = []
            for bound, term in level:
                if len(kept) >= room and bound < sorted(kept, reverse=True)[room - 1][0]:
                    break  # no word left at this distance can be seen in as many records as those kept
                count = seen("body", term)
                if count:
                    kept.append((count, term))
            kept.sort(key=lambda p: (-p[0], p[1]))
            chosen.update((term, count) for count, term in kept[:room])
        return chosen

    def similar(
        self,
        record_id: int,
        text: str,
        *,
        limit: int = 10,
        filters: dict[str, str] | None = None,
        clearance: Clearance | None = None,
    ) -> list[SearchHit]:
        """Records most like this one, by its most distinctive terms ("more like this")."""
        with self._lock:
            evaluator = self._fresh()
            table = evaluator.table
            docnums = np.flatnonzero((table.ids == record_id) & self._allowed(evaluator, None, clearance))
            if not len(docnums):  # absent, or above the reader's clearance: the same answer
                raise NotFoundError(Message("record %(id)s not found", id=record_id))
            restrict = parse_query("", evaluator.schema, filters).filter if filters else None
            allowed = self._allowed(evaluator, restrict, clearance).copy()
            allowed[docnums] = False
            evaluator.within(self._allowed(evaluator, None, clearance), self.budget().for_archive(table.size))
            try:
                terms = evaluator.key_terms("body", text, 12)
                found = evaluator.run(whoosh_query.Or([whoosh_query.Term("body", t, boost=w) for t, w in terms]))
            except QueryTooBroad:  # a long record on a cold searcher: no suggestions rather than a failed page
                return []
            ranked = _ranked(found.mask & allowed, found.score, table, limit, None)
            return [SearchHit(int(table.ids[d]), round(float(found.score[d]), 4), "") for d in ranked]


def parse_query(text: str, schema, filters):
    """The query tree of `text` (search and highlights share it); a query it cannot read is a QueryError."""
    try:
        return parse(text, schema, filters)
    except QueryError:
        raise
    except Exception as exc:  # the parser is lenient; anything it still rejects is the query's fault
        raise QueryError(Message("cannot understand the query: %(error)s", error=str(exc))) from exc


def _visible_count(evaluator: Evaluator, visible: np.ndarray, field: str, term: str) -> int:
    """How many records the reader may see hold `term` in `field`."""
    docs, _ = evaluator.postings(field, term)
    return int(np.count_nonzero(visible[docs]))


def _best_spelling(spellings: dict[str, int], words: list[str], i: int, seen: Callable[[str, str], int]) -> str:
    """The spelling for word `i` seen most often beside its neighbours in visible records, then in most of them."""
    before = [fold(w).lower() for w in words[max(0, i - 1) : i]]
    after = [fold(w).lower() for w in words[i + 1 : i + 2]]

    def rank(candidate: str) -> tuple[int, int]:
        pairs = [f"{n} {candidate}" for n in before] + [f"{candidate} {n}" for n in after]
        return sum(seen("body_pairs", pair) for pair in pairs), spellings[candidate]

    return max(spellings, key=rank)


def _stands_beside(candidate: str, text: str, typed: list[TypedWord], i: int, seen: Callable[[str, str], int]) -> bool:
    """Whether a correction makes a real phrase: beside one of its neighbours in a visible record, when it
    has a neighbour (a known word, not across an OR); else it may stand alone. "ngan sahc" is not corrected
    to "ngan san", which no record says."""

    def neighbour(j: int, between: str) -> str | None:
        word = fold(typed[j].text).lower()
        return word if "OR" not in between.split() and seen("body", word) else None

    before = neighbour(i - 1, text[typed[i - 1].end : typed[i].start]) if i > 0 else None
    after = neighbour(i + 1, text[typed[i].end : typed[i + 1].start]) if i + 1 < len(typed) else None
    pairs = ([f"{before} {candidate}"] if before else []) + ([f"{candidate} {after}"] if after else [])
    return not pairs or any(seen("body_pairs", pair) for pair in pairs)


def _terms_within(reader, word: str, distance: int) -> set[str]:
    """The `body` vocabulary within `distance` edits of `word`, sharing its first letter (whole index)."""
    return set(reader.terms_within("body", word, distance, prefix=1))


def _rewritten(text: str, typed: list[TypedWord], corrections: dict[int, str]) -> str:
    """`text` with word `i` of `typed` replaced by `corrections[i]`, every other character as typed."""
    pieces, last = [], 0
    for i, spelling in sorted(corrections.items()):
        pieces += [text[last : typed[i].start], spelling]
        last = typed[i].end
    return "".join(pieces) + text[last:]


def _words_typed_or_visible(suggested: str, typed: list[str], seen: Callable[[str, str], int]) -> bool:
    """Whether each free word of a suggestion is the reader's own or occurs in a record they may see: checked
    word by word, since an OR query finds visible records even with one word that only hidden ones hold."""
    own = {fold(w).lower() for w in typed}
    return all(fold(w.text).lower() in own or seen("body", fold(w.text).lower()) for w in free_words(suggested))


def _ranked(mask: np.ndarray, score: np.ndarray, table: DocTable, count: int, order) -> np.ndarray:
    """The first `count` matching documents: best score first, or by date (undated last) then score. Ties
    go by record id, which says nothing of other records (not by the place in the index, which moves when
    segments holding records the reader cannot see are merged)."""
    docs = np.flatnonzero(mask)
    if order is None:
        primary = -score[docs]
    else:
        dates = getattr(table, order[0])[docs]
        primary = np.where(dates != NO_DATE, -dates if order[1] else dates, np.iinfo(np.int64).max)
    if len(docs) > count:  # only the best `count` need sorting; ties at the boundary stay in
        boundary = np.partition(primary, count - 1)[count - 1]
        keep = primary <= boundary
        docs, primary = docs[keep], primary[keep]
    ids = table.ids[docs]
    keys = (ids, primary) if order is None else (ids, -score[docs], primary)
    return docs[np.lexsort(keys)][:count]


def marked_terms(node, schema) -> Terms:
    """The words a snippet marks: everything the query asks for, except what it excludes."""
    terms = Terms()
    _collect(node, terms)
    if terms.stems:
        terms.stem = stem_token
    return terms


def _collect(node, terms: Terms) -> None:
    if isinstance(node, (whoosh_query.AndNot, whoosh_query.Require)):
        _collect(node.a, terms)
        return
    if isinstance(node, whoosh_query.Not):
        return
    if isinstance(node, whoosh_query.Term):
        field, text = node.fieldname, str(node.text)
        if field.endswith("_en"):
            terms.stems.add(text)
        elif field.endswith("_exact"):
            terms.exact.add(text)  # an accented word as typed: marked in this form only
        elif field in ("doc_number", "citations"):
            terms.symbols.add(text)  # a symbol's key: marked where the text prints it
        elif field in MARKED_FIELDS:  # not pairs (their words are the query's own) nor a type code
            terms.words.add(fold(text).lower())
    elif isinstance(node, whoosh_query.Phrase):
        words = tuple(fold(str(w)).lower() for w in node.words)
        if node.fieldname.endswith("_en") or not words:
            pass
        elif len(words) == 1:
            terms.words.add(words[0])
        else:
            terms.phrases.add(words)  # marked only where its words stand side by side
    elif isinstance(node, whoosh_query.Prefix):
        terms.prefixes.add(fold(str(node.text)).lower())
    for child in node.children():
        _collect(child, terms)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
