"""Answer a search with catalog data: the shape shared by the JSON API and `archive search --json`."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

from archive.catalog import Catalog
from archive.models import Record
from archive.people.access import can_see, visible_record
from indexer import Clearance, SearchHit, SearchIndex, free_words, index_state, plain_snippet
from indexer.normalize import fold


def record_detail(catalog: Catalog, record: Record, clearance: Clearance | None = None) -> dict:
    """All metadata of a record with its resolved citations and the records citing it.

    A cited record the reader may not see is shown as not archived (`id` null), and a citing record they
    may not see is left out: the record's own text names the symbols it cites, nothing more."""
    citations, cited_by = catalog.citations_of(record), catalog.cited_by(record)
    linked = catalog.get_many({c["id"] for c in citations + cited_by if c["id"]})
    seen = {i for i, r in linked.items() if can_see(clearance, r)}
    citations = [{**c, "id": c["id"] if c["id"] in seen else None} for c in citations]
    cited_by = [c for c in cited_by if c["id"] in seen]
    return {**record.to_dict(), "citations": citations, "cited_by": cited_by}


def hit_dict(record: Record, hit: SearchHit) -> dict:
    return {
        "id": record.id,
        "title": record.title,
        "filename": record.filename,
        "language": record.language,
        "issued": record.issued,
        "doc_number": record.doc_number,
        "doc_type": record.doc_type,
        "issuer": record.issuer,
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
    clearance: Clearance | None = None,
    browse: bool = False,
) -> dict:
    """`{"query", "total", "page", "limit", "sort", "hits", "facets", "suggestion", "took_ms"}`;
    display values come from the catalog. With a `clearance`, only what it may see exists. With `browse`,
    an empty query lists every record the reader may see."""
    if index_state(index.index_dir) == "missing" and catalog.count() == 0:  # a new, empty archive
        return {"query": query, "total": 0, "page": page, "limit": limit, "sort": sort, "hits": [], "facets": {},
                "suggestion": None, "took_ms": 0.0}  # fmt: skip
    result = index.search(
        query,
        filters=filters,
        page=page,
        limit=limit,
        sort=sort,
        texts_for=catalog.texts,
        clearance=clearance,
        browse=browse,
    )
    records = catalog.get_many(hit.id for hit in result.hits)
    # The catalog is checked too: between an edit's commit and its reindex, the index may lag behind.
    hits = [hit_dict(records[h.id], h) for h in result.hits if h.id in records and can_see(clearance, records[h.id])]
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


def similar_records(
    catalog: Catalog, index: SearchIndex, record_id: int, *, limit: int = 10, clearance: Clearance | None = None
) -> dict:
    """`{"id", "hits": [...]}`: the records most like this one (that the reader may see)."""
    record = visible_record(catalog, record_id, clearance)
    found = index.similar(record.id, catalog.text(record.id), limit=limit, clearance=clearance)
    records = catalog.get_many(hit.id for hit in found)
    texts = catalog.texts(records)
    hits = []
    for hit in found:
        if hit.id in records and can_see(clearance, records[hit.id]):
            snippet = SearchHit(hit.id, hit.score, plain_snippet(texts.get(hit.id, "")))
            hits.append(hit_dict(records[hit.id], snippet))
    return {"id": record.id, "hits": hits}


START_RECENT = 8
MARK = re.compile(r"<mark>(.*?)</mark>")


def start_page(catalog: Catalog, index: SearchIndex, clearance: Clearance | None = None) -> dict:
    """What the start page shows, over the records the reader may see only: `{"total", "recent": [hits],
    "facets"}`, the most recently added first and counts by type, year and classification. Not a search the
    reader made, so not logged as one."""
    result = search_records(catalog, index, "", limit=START_RECENT, sort="added", clearance=clearance, browse=True)
    return {"total": result["total"], "recent": result["hits"], "facets": result["facets"]}


def with_accents(catalog: Catalog, index: SearchIndex, suggestion: str, clearance: Clearance | None = None) -> str:
    """A "did you mean" as a person writes it: each of its free words typed without accents is given the
    accented form most often marked in the first visible records it finds ("ngan sach" → "ngân sách").
    Filters, symbols and words found nowhere stay as they are. One bounded search; not logged as a search."""
    found = index.search(suggestion, limit=5, facets=False, texts_for=catalog.texts, clearance=clearance)
    forms: dict[str, Counter] = {}
    for hit in found.hits:
        for marked in MARK.findall(hit.snippet):
            word = unescape(marked).lower()
            forms.setdefault(fold(word), Counter())[word] += 1
    pieces, last = [], 0
    for word in free_words(suggestion):
        seen = forms.get(fold(word.text).lower())
        if seen and fold(word.text) == word.text:  # typed bare: the form the records use
            pieces += [suggestion[last : word.start], seen.most_common(1)[0][0]]
            last = word.end
    return "".join(pieces) + suggestion[last:]
