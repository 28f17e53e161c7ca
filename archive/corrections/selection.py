"""The records a search finds, as ids to correct: every page, within the editor's clearance, bounded."""

from __future__ import annotations

from archive.catalog import Catalog
from archive.corrections.batch import MAX_BATCH
from archive.errors import UsageError
from archive.messages import Message
from indexer import Clearance, SearchIndex

PAGE = 100  # the index's largest page


def ids_for_query(
    catalog: Catalog, index: SearchIndex, query: str, filters: dict | None = None, clearance: Clearance | None = None
) -> list[int]:
    """Ids of all records the search finds that the editor may see (sorted); refused past MAX_BATCH."""
    if not query.strip() and not any((filters or {}).values()):
        raise UsageError(Message("give a query or a filter to choose the records"))
    ids: list[int] = []
    page = 1
    while True:
        result = index.search(
            query, filters=filters, page=page, limit=PAGE, sort="oldest", facets=False, clearance=clearance
        )
        if page == 1 and result.total > MAX_BATCH:
            raise UsageError(
                Message("the search finds %(n)s records; at most %(max)s at once", n=result.total, max=MAX_BATCH)
            )
        ids.extend(h.id for h in result.hits)
        if page * PAGE >= result.total or not result.hits:
            break
        page += 1
    return sorted(set(ids))
