"""Searching the live index: ranking, sorting, facets, snippets, suggestions and similar records.

Whoosh search is pure Python and its readers keep file positions, so one shared searcher is used
under a lock: threads gain no parallelism from separate searchers (the GIL), and memory stays at one
searcher. The searcher is refreshed when the index commits or a rebuild swaps generations; per-searcher
caches (facet columns, filter document sets) are rebuilt with it.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from whoosh import highlight
from whoosh import query as whoosh_query

from archive.errors import NotFoundError, QueryError
from indexer.facets import FacetColumns
from indexer.index import open_index, read_current
from indexer.normalize import fold
from indexer.query import parse, query_words

MAX_QUERY_CHARS = 1000
MAX_LIMIT = 100
SNIPPET_CHARS = 240
SUGGEST_BELOW = 3  # "did you mean" when a query finds fewer records than this
FILTER_CACHE = 64
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
SORTS = {
    "relevance": None,
    "issued_desc": ("issued", True),
    "newest": ("issued", True),
    "issued_asc": ("issued", False),
    "oldest": ("issued", False),
}

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


class MarkFormatter(highlight.Formatter):
    """Escaped text with each match in a bare `<mark>` element."""

    between = " … "

    def _text(self, text: str) -> str:
        return escape(text, quote=False)

    def format_token(self, text: str, token, replace: bool = False) -> str:
        return f"<mark>{escape(highlight.get_text(text, token, replace), quote=False)}</mark>"


def plain_snippet(text: str) -> str:
    """The start of the text, escaped: the snippet when no match falls in the body."""
    flat = " ".join(text.split())
    return escape(flat[:SNIPPET_CHARS] + ("…" if len(flat) > SNIPPET_CHARS else ""), quote=False)


def clean_query(raw: str) -> str:
    text = CONTROL.sub(" ", raw or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    return text


class SearchIndex:
    """Read access to the live index for a long-lived process (web server) or a single command."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._lock = threading.Lock()
        self._searcher = None
        self._generation = None
        self._facets: FacetColumns | None = None
        self._filters: OrderedDict[str, set[int]] = OrderedDict()

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def _fresh_searcher(self):
        generation = read_current(self.index_dir)
        if self._searcher is None or generation != self._generation:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = open_index(self.index_dir).searcher()
            self._generation = generation
            self._forget_caches()
        elif not self._searcher.up_to_date():
            self._searcher = self._searcher.refresh()
            self._forget_caches()
        return self._searcher

    def _forget_caches(self) -> None:
        self._facets = None
        self._filters.clear()

    def _filter_docs(self, searcher, restrict) -> set[int] | None:
        """The document set of a filter query, cached per searcher (filters repeat: type, year, clearance)."""
        if restrict is None:
            return None
        key = repr(restrict)
        if key in self._filters:
            self._filters.move_to_end(key)
        else:
            self._filters[key] = set(searcher.docs_for_query(restrict))
            if len(self._filters) > FILTER_CACHE:
                self._filters.popitem(last=False)
        return self._filters[key]

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
    ) -> SearchResult:
        """Hits for `query` within `filters`, page `page` of `limit`; snippets only for that page."""
        started = time.perf_counter()
        text = clean_query(query)
        if page < 1:
            raise QueryError("page must be 1 or more")
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
        if sort not in SORTS:
            raise QueryError(f"sort must be one of {', '.join(SORTS)}")
        if not text and not any((filters or {}).values()):
            return SearchResult(query=text, total=0, page=page, limit=limit, hits=[], sort=sort)
        with self._lock:
            searcher = self._fresh_searcher()
            try:
                parsed = parse(text, searcher.schema, filters)
            except QueryError:
                raise
            except Exception as exc:  # the parser is lenient; anything it still rejects is the query's fault
                raise QueryError(f"cannot understand the query: {exc}") from exc
            allowed = self._filter_docs(searcher, parsed.filter)
            if allowed is not None and not allowed:  # Whoosh reads an empty filter set as "no filter"
                return SearchResult(text, 0, page, limit, [], sort, {}, None, _ms(started))
            order = SORTS[sort]
            options = {"sortedby": order[0], "reverse": order[1]} if order else {}
            try:
                results = searcher.search(parsed.query, filter=allowed, limit=page * limit, terms=True, **options)
                matched = results.docs()
            except whoosh_query.QueryError as exc:  # e.g. a phrase on a field without positions
                raise QueryError(f"cannot run the query: {exc}") from exc
            results.fragmenter = highlight.ContextFragmenter(maxchars=160, surround=40)
            results.formatter = MarkFormatter()
            window = results[(page - 1) * limit : page * limit]
            ids = [int(hit["id"]) for hit in window]
            bodies = texts_for(ids) if texts_for else {}
            hits = [_hit(hit, bodies.get(int(hit["id"]), ""), scored=order is None) for hit in window]
            counts = self._count_facets(searcher, matched) if facets else {}
            suggestion = None
            if len(matched) < SUGGEST_BELOW and parsed.has_text:
                suggestion = self._suggest(searcher, text, filters, allowed, len(matched))
        return SearchResult(text, len(matched), page, limit, hits, sort, counts, suggestion, _ms(started))

    def _count_facets(self, searcher, matched) -> dict[str, list[dict]]:
        if self._facets is None:
            self._facets = FacetColumns(searcher.reader())
        return self._facets.count(matched)

    def _suggest(self, searcher, text: str, filters, allowed, found: int) -> str | None:
        """A spelling correction from the index's own vocabulary, offered only if it finds more records
        under the same filters (so a suggestion never reveals a word of a record the user cannot see).
        An unknown word takes the candidate that most often stands beside its neighbours in the archive
        (`cahc` between `cai` and `hanh` is `cach`, not the commoner `cac`), then the one finding most."""
        words = query_words(text)
        corrected = text
        for i, word in enumerate(words):
            if searcher.doc_frequency("body", fold(word).lower()) > 0:
                continue
            neighbours = [fold(w).lower() for w in words[max(0, i - 1) : i] + words[i + 1 : i + 2]]

            def rank(candidate: str, i=i, neighbours=neighbours) -> tuple[int, int]:
                pairs = [
                    f"{n} {candidate}" if j == 0 and i > 0 else f"{candidate} {n}" for j, n in enumerate(neighbours)
                ]
                together = sum(searcher.doc_frequency("body_pairs", pair) for pair in pairs)
                return together, searcher.doc_frequency("body", candidate)

            candidates = searcher.suggest("body", fold(word).lower(), limit=8, maxdist=2, prefix=1)
            if candidates:
                best = max(candidates, key=rank)
                corrected = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", best, corrected, count=1)
        if corrected == text:
            return None
        found_now = len(
            searcher.search(parse(corrected, searcher.schema, filters).query, filter=allowed, limit=1).docs()
        )
        return corrected if found_now > found else None

    def similar(
        self, record_id: int, text: str, *, limit: int = 10, filters: dict[str, str] | None = None
    ) -> list[SearchHit]:
        """Records most like this one, by its most distinctive terms ("more like this")."""
        with self._lock:
            searcher = self._fresh_searcher()
            docnum = searcher.document_number(id=str(record_id))
            if docnum is None:
                raise NotFoundError(f"record {record_id} not found")
            restrict = parse("", searcher.schema, filters).filter if filters else None
            allowed = self._filter_docs(searcher, restrict)
            if allowed is not None and not allowed:
                return []
            results = searcher.more_like(docnum, "body", text=text, top=limit, numterms=12, filter=allowed)
            return [SearchHit(int(hit["id"]), round(float(hit.score), 4), "") for hit in results]


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _hit(hit, body: str, *, scored: bool = True) -> SearchHit:
    flat = " ".join(body.split())  # a snippet is one line, whatever the document's layout
    snippet = hit.highlights("body", text=flat, top=2) if flat else ""
    score = round(float(hit.score or 0), 4) if scored else 0.0  # sorted by date: Whoosh's "score" is the sort key
    return SearchHit(id=int(hit["id"]), score=score, snippet=snippet or plain_snippet(flat))
