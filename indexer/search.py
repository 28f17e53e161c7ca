"""Searching the live index: query parsing, ranking, paging and highlighted snippets.

Whoosh search is pure Python and its readers keep file positions, so one shared searcher is used
under a lock: threads gain no parallelism from separate searchers (the GIL), and memory stays at one
searcher. The searcher is refreshed when the index commits or a rebuild swaps generations.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from whoosh import highlight
from whoosh import query as whoosh_query

from archive.errors import QueryError
from indexer.index import open_index, read_current
from indexer.query import parse

MAX_QUERY_CHARS = 1000
MAX_LIMIT = 100
SNIPPET_CHARS = 240
CONTROL = re.compile(r"[\x00-\x1f\x7f]")

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
        elif not self._searcher.up_to_date():
            self._searcher = self._searcher.refresh()
        return self._searcher

    def search(
        self,
        query: str,
        *,
        filters: dict[str, str] | None = None,
        page: int = 1,
        limit: int = 10,
        texts_for: TextsFor | None = None,
    ) -> SearchResult:
        """Ranked hits for `query` within `filters`, page `page` of `limit`; snippets only for that page."""
        text = clean_query(query)
        if page < 1:
            raise QueryError("page must be 1 or more")
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
        if not text and not any((filters or {}).values()):
            return SearchResult(query=text, total=0, page=page, limit=limit, hits=[])
        with self._lock:
            searcher = self._fresh_searcher()
            try:
                parsed = parse(text, searcher.schema, filters)
            except QueryError:
                raise
            except Exception as exc:  # the parser is lenient; anything it still rejects is the query's fault
                raise QueryError(f"cannot understand the query: {exc}") from exc
            try:
                results = searcher.search(parsed.query, filter=parsed.filter, limit=page * limit, terms=True)
            except whoosh_query.QueryError as exc:  # e.g. a phrase on a field without positions
                raise QueryError(f"cannot run the query: {exc}") from exc
            results.fragmenter = highlight.ContextFragmenter(maxchars=160, surround=40)
            results.formatter = MarkFormatter()
            window = results[(page - 1) * limit : page * limit]
            ids = [int(hit["id"]) for hit in window]
            bodies = texts_for(ids) if texts_for else {}
            hits = [_hit(hit, bodies.get(int(hit["id"]), "")) for hit in window]
            return SearchResult(query=text, total=len(results), page=page, limit=limit, hits=hits)


def _hit(hit, body: str) -> SearchHit:
    flat = " ".join(body.split())  # a snippet is one line, whatever the document's layout
    snippet = hit.highlights("body", text=flat, top=2) if flat else ""
    return SearchHit(id=int(hit["id"]), score=round(float(hit.score), 4), snippet=snippet or plain_snippet(flat))
