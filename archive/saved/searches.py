"""Saving, listing and running saved searches. Every run searches again under the runner's clearance:
a search an administrator saved and shared shows a reader only what the reader may see, counts included."""

from __future__ import annotations

import sqlite3

from archive.catalog import Catalog, now
from archive.errors import NotFoundError, UsageError
from archive.messages import Message
from archive.people.access import can_see
from archive.saved import catalog as saved_db
from archive.search import hit_dict, search_records
from indexer import Clearance, SearchHit, SearchIndex

FILTERS = ("type", "year", "issuer", "issuer_exact", "lang", "classification", "number", "issued")
SCAN = 5000  # at most this many matches are looked at for a "since" run or a "new" count: a bounded cost
PAGE = 100


def save_search(
    catalog: Catalog, owner: str, name: str, query: str, filters: dict | None = None, *, shared: bool = False
) -> dict:
    name = " ".join(name.split())
    filters = {k: v.strip() for k, v in (filters or {}).items() if v and v.strip()}
    if not name or len(name) > 100:
        raise UsageError(Message("a saved search needs a name of 1 to 100 characters"))
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise UsageError(
            Message("unknown filter %(name)r; filters: %(known)s", name=unknown[0], known=", ".join(FILTERS))
        )
    if not query.strip() and not filters:
        raise UsageError(Message("give a query or at least one filter"))
    if len(query) > 1000:
        raise UsageError(Message("the query is too long (%(n)s characters; at most %(max)s)", n=len(query), max=1000))
    with catalog.transaction():
        try:
            saved_db.insert_saved(catalog.db, owner, name, query, filters, shared, now())
        except sqlite3.IntegrityError:
            raise UsageError(Message("you already have a saved search named %(name)r", name=name)) from None
        catalog.log_event("saved.add", None, actor=owner, name=name, query=query, filters=filters, shared=shared)
    return saved_db.find_saved(catalog.db, owner, name).to_dict()


def remove_search(catalog: Catalog, owner: str, name: str) -> None:
    with catalog.transaction():
        if not saved_db.delete_saved(catalog.db, owner, name):
            raise NotFoundError(Message("no saved search named %(name)r", name=name))
        catalog.log_event("saved.remove", None, actor=owner, name=name)


def list_searches(catalog: Catalog, index: SearchIndex, owner: str, clearance: Clearance | None) -> list[dict]:
    """The owner's searches (then shared ones), each with how many records it finds now and how many of them
    were added or changed since the owner last ran it, both within `clearance`."""
    out = []
    for saved in saved_db.list_saved(catalog.db, owner):
        ids = matching_ids(index, saved.query, saved.filters, clearance)
        since = saved.last_run_at if saved.owner == owner else None
        new = len(saved_db.changed_since(catalog.db, ids, since, after=True)) if since else len(ids)
        out.append({**saved.to_dict(), "total": len(ids), "new": new})
    return out


def run_search(
    catalog: Catalog,
    index: SearchIndex,
    owner: str,
    name: str,
    clearance: Clearance | None,
    *,
    since: str | None = None,
    page: int = 1,
    limit: int = 20,
) -> dict:
    """The saved search's results now (as `archive search --json`), or with `since` only the records added or
    changed since then (newest first). Audited; the owner's own run moves their "new since" mark."""
    saved = saved_db.find_saved(catalog.db, owner, name)
    if saved is None:
        raise NotFoundError(Message("no saved search named %(name)r", name=name))
    if since is None:
        result = search_records(
            catalog, index, saved.query, filters=saved.filters, page=page, limit=limit, clearance=clearance
        )
    else:
        changed = saved_db.changed_since(catalog.db, matching_ids(index, saved.query, saved.filters, clearance), since)
        window = changed[(page - 1) * limit : page * limit]
        records = catalog.get_many(window)
        hits = [_hit(records[i]) for i in window if i in records and can_see(clearance, records[i])]
        result = {"query": saved.query, "total": len(changed), "page": page, "limit": limit, "hits": hits}
    with catalog.transaction():
        if saved.owner == owner:
            saved_db.mark_run(catalog.db, saved.id, now())
        # No count in the entry: it would tell an auditor of another clearance about records hidden from them.
        catalog.log_event("saved.run", None, actor=owner, name=name, owner=saved.owner, since=since)
    return {"saved": saved.to_dict(), "since": since, **result}


def matching_ids(index: SearchIndex, query: str, filters: dict, clearance: Clearance | None) -> list[int]:
    """Ids of the first SCAN records the search finds within `clearance`."""
    ids: list[int] = []
    page = 1
    while len(ids) < SCAN:
        result = index.search(
            query, filters=filters, page=page, limit=PAGE, sort="newest", facets=False, clearance=clearance
        )
        ids.extend(h.id for h in result.hits)
        if page * PAGE >= result.total or not result.hits:
            break
        page += 1
    return ids[:SCAN]


def _hit(record) -> dict:
    return hit_dict(record, SearchHit(id=record.id, score=0.0, snippet=""))
