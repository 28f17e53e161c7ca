"""JSON API under /api: search, records, health. Shapes here are a public interface.

Every answer is cut to the caller's clearance; a record they may not see is "not found", exactly as one
that does not exist. Searches and views are written to the audit trail."""

from __future__ import annotations

from flask import Blueprint, g, jsonify, request

from archive import records
from archive.errors import QueryError
from archive.messages import Message
from archive.people.access import visible_count, visible_record
from indexer import FILTER_NAMES, index_state
from web import catalog, search_index, settings
from web.auth import clearance, require

api = Blueprint("api", __name__)


def int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(
            Message("parameter %(name)s must be a whole number, not %(value)r", name=name, value=raw)
        ) from None
    if not low <= value <= high:
        raise QueryError(
            Message("parameter %(name)s must be between %(low)s and %(high)s", name=name, low=low, high=high)
        )
    return value


def run_search(
    query: str, filters: dict, *, page: int, limit: int, sort: str = "relevance", browse: bool = False
) -> dict:
    """A search cut to the caller's clearance, logged with its query text and result count (`browse`: an
    empty query lists every visible record)."""
    return records.search(
        catalog(),
        search_index(),
        query,
        filters=filters,
        page=page,
        limit=limit,
        sort=sort,
        clearance=clearance(),
        browse=browse,
    )


@api.get("/api/search")
def search():
    query = request.args.get("q") or ""
    if not query and not any(request.args.get(name) for name in FILTER_NAMES):
        raise QueryError(Message("parameter q (the query) or a filter (type, year, issuer …) is required"))
    page = int_arg("page", 1, 1, 10_000)
    limit = int_arg("limit", 10, 1, 100)
    filters = {name: request.args[name] for name in FILTER_NAMES if request.args.get(name)}
    sort = request.args.get("sort") or "relevance"
    return jsonify(run_search(query, filters, page=page, limit=limit, sort=sort))


@api.get("/api/records/<int:record_id>")
def record(record_id: int):
    """The record's metadata and citations, what OCR did for it (`ocr`, null when none ran) and links: the
    original, its page, and the searchable PDF OCR made of a scan (null when there is none)."""
    from web.records import ocr_view, rendition_of

    current, data = records.view(catalog(), record_id, clearance())
    data["ocr"] = ocr_view(record_id)
    data["links"] = {
        "download": f"/records/{record_id}/download",
        "page": f"/records/{record_id}",
        "rendition": f"/records/{record_id}/rendition" if rendition_of(current) is not None else None,
    }
    return jsonify(data)


@api.get("/api/records/<int:record_id>/similar")
def similar(record_id: int):
    limit = int_arg("limit", 10, 1, 50)
    result = records.similar(catalog(), search_index(), record_id, limit=limit, clearance=clearance())
    return jsonify(result)


@api.get("/api/records/<int:record_id>/status")
def record_status(record_id: int):
    """The record page's status box: hold, retention period and end, protection period."""
    from web.records import status

    return jsonify({"id": record_id, **status(visible_record(catalog(), record_id, clearance()))})


@api.get("/api/records/<int:record_id>/text")
def record_text(record_id: int):
    """One page of the record's text, as plain pieces marked where `q` matches (as the page shows them)."""
    from web.records import text_page

    visible_record(catalog(), record_id, clearance())
    page = text_page(record_id, int_arg("page", 1, 1, 100_000), request.args.get("q") or "")
    page["pieces"] = [{"text": text, "match": matched} for text, matched in page["pieces"]]
    return jsonify({"id": record_id, **page})


@api.get("/api/me")
def me():
    """Who is asking, as every page's header shows it: name, role, clearance, compartments, and how they signed in."""
    user = g.user
    return jsonify({"name": user.name, "role": user.role, "clearance": user.clearance,
                    "compartments": list(user.compartments), "via": g.get("via")})  # fmt: skip


@api.get("/api/ingest")
def ingest_limits():
    """What an upload may be, as the ingest page says it: the most one request may carry, in MiB."""
    require("archivist")
    return jsonify({"limit_mb": settings().max_upload_mb})


@api.get("/healthz")
def healthz():
    """Open to all; the record count is what the caller may see (null without credentials)."""
    state = index_state(settings().index_dir)
    records = visible_count(catalog(), clearance()) if g.get("user") else None
    return jsonify({"status": "ok", "records": records, "index": state})
