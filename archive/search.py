"""Answer a search with catalog data: the shape shared by the JSON API and `archive search --json`."""

from __future__ import annotations

from archive.catalog import Catalog
from archive.models import Record
from indexer.index import index_state
from indexer.search import SearchHit, SearchIndex
from indexer.snippets import plain_snippet


def record_detail(catalog: Catalog, record: Record) -> dict:
    """All metadata of a record with its resolved citations and the records citing it."""
    return {**record.to_dict(), "citations": catalog.citations_of(record), "cited_by": catalog.cited_by(record)}


def hit_dict(record: Record, hit: SearchHit) -> dict:
    return {
        "id": record.id,
        "title": record.title,
        "filename": record.filename,
        "language": record.language,
        "issued": record.issued,
        "doc_number": record.doc_number,
        "doc_type": record.doc_type,
        "classification": record.classification,
        "score": hit.score,
        "snippet": hit.snippet,
    }


def search_records(
    catalog: Catalog,
    index: SearchIndex,
    query: str,
    *,
    filters: dict[str, str] | None = None,
    page: int = 1,
    limit: int = 10,
    sort: str = "relevance",
) -> dict:
    """`{"query", "total", "page", "limit", "sort", "hits", "facets", "suggestion", "took_ms"}`;
    display values come from the catalog."""
    if index_state(index.index_dir) == "missing" and catalog.count() == 0:  # a new, empty archive
        return {"query": query, "total": 0, "page": page, "limit": limit, "sort": sort, "hits": [], "facets": {},
                "suggestion": None, "took_ms": 0.0}  # fmt: skip
    result = index.search(query, filters=filters, page=page, limit=limit, sort=sort, texts_for=catalog.texts)
    records = catalog.get_many(hit.id for hit in result.hits)
    hits = [hit_dict(records[h.id], h) for h in result.hits if h.id in records]
    return {
        "query": result.query,
        "total": result.total,
        "page": result.page,
        "limit": result.limit,
        "sort": result.sort,
        "hits": hits,
        "facets": result.facets,
        "suggestion": result.suggestion,
        "took_ms": result.took_ms,
    }


def similar_records(catalog: Catalog, index: SearchIndex, record_id: int, *, limit: int = 10) -> dict:
    """`{"id", "hits": [...]}`: the records most like this one."""
    record = catalog.get(record_id)
    found = index.similar(record.id, catalog.text(record.id), limit=limit)
    records = catalog.get_many(hit.id for hit in found)
    texts = catalog.texts(records)
    hits = []
    for hit in found:
        if hit.id in records:
            snippet = SearchHit(hit.id, hit.score, plain_snippet(texts.get(hit.id, "")))
            hits.append(hit_dict(records[hit.id], snippet))
    return {"id": record.id, "hits": hits}
