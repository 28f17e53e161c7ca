"""JSON API under /api: search, records, health. Shapes here are a public interface."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from archive.errors import QueryError
from archive.search import record_detail, search_records, similar_records
from indexer.index import index_state
from indexer.query import FILTER_NAMES
from web import catalog, search_index, settings

api = Blueprint("api", __name__)


def int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(f"parameter {name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise QueryError(f"parameter {name} must be between {low} and {high}")
    return value


@api.get("/api/search")
def search():
    query = request.args.get("q") or ""
    if not query and not any(request.args.get(name) for name in FILTER_NAMES):
        raise QueryError("parameter q (the query) or a filter (type, year, issuer …) is required")
    page = int_arg("page", 1, 1, 10_000)
    limit = int_arg("limit", 10, 1, 100)
    filters = {name: request.args[name] for name in FILTER_NAMES if request.args.get(name)}
    sort = request.args.get("sort") or "relevance"
    return jsonify(search_records(catalog(), search_index(), query, filters=filters, page=page, limit=limit, sort=sort))


@api.get("/api/records/<int:record_id>")
def record(record_id: int):
    data = record_detail(catalog(), catalog().get(record_id))
    data["links"] = {"download": f"/records/{record_id}/download", "page": f"/records/{record_id}"}
    return jsonify(data)


@api.get("/api/records/<int:record_id>/similar")
def similar(record_id: int):
    limit = int_arg("limit", 10, 1, 50)
    return jsonify(similar_records(catalog(), search_index(), record_id, limit=limit))


@api.get("/healthz")
def healthz():
    state = index_state(settings().index_dir)
    return jsonify({"status": "ok", "records": catalog().count(), "index": state})
