"""A record's whole text split into plain and matched pieces for a query, so a page can mark the search
terms with its own escaping (the pieces are plain text, never HTML)."""

from __future__ import annotations

from functools import lru_cache

from indexer.core.errors import QueryError
from indexer.index.schema import build_schema
from indexer.index.search import clean_query, marked_terms, parse_query
from indexer.index.snippets import Terms


@lru_cache(maxsize=1)
def _schema():
    return build_schema()


@lru_cache(maxsize=256)
def query_terms(query: str) -> Terms:
    """What a snippet for `query` would mark; nothing for a query that cannot be parsed."""
    try:
        text = clean_query(query)
        if not text:
            return Terms()
        return marked_terms(parse_query(text, _schema(), None).query, _schema())
    except QueryError:
        return Terms()


def pieces(text: str, query: str) -> list[tuple[str, bool]]:
    """`text` as consecutive (piece, matched) pairs; joined, the pieces are `text` again."""
    terms = query_terms(query)
    found = terms.find(text) if terms else []
    out, last = [], 0
    for start, end, _ in found:
        if start < last:
            continue
        if start > last:
            out.append((text[last:start], False))
        out.append((text[start:end], True))
        last = end
    if last < len(text):
        out.append((text[last:], False))
    return out
