"""Saved searches on the web: the search page's "Lưu tìm kiếm" form and `/api/saved…`. Each is the caller's
own (or shared); each run searches again under the caller's clearance."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, g, jsonify, redirect, request

from archive.errors import UsageError
from archive.messages import Message
from archive.saved.searches import FILTERS, list_searches, remove_search, run_search, save_search
from web.auth import require, role_for
from web.context import catalog, clearance, search_index
from web.parsing import int_arg, json_body, text_field
from web.search import PAGE_MAX, SearchRequest

saved = Blueprint("saved", __name__)
role_for(saved, "reader")


def _since(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise UsageError(Message("since must be a date YYYY-MM-DD, not %(value)r", value=raw)) from None


def saved_for_start_page() -> list[dict]:
    """The caller's saved searches with their new-since-last-run counts (for the start page)."""
    user = g.user
    return list_searches(catalog(), search_index(), user.name, clearance())


def saved_searches_for_start() -> list[dict]:
    """For the start page's partial: the signed-in user's saved searches with a link to each, [] for no one."""
    user = g.get("user")
    if user is None:
        return []
    rows = list_searches(catalog(), search_index(), user.name, clearance())
    return [{**row, "url": SearchRequest(row["query"], row["filters"]).url()} for row in rows[:20]]


@saved.app_context_processor
def start_page_hook() -> dict:
    return {"saved_searches_for_start": saved_searches_for_start}


@saved.get("/api/saved")
def api_list():
    return jsonify({"saved": saved_for_start_page()})


@saved.post("/api/saved")
def api_add():
    """`{"name", "query", "filters": {...}, "shared": false}` → the saved search (shared: archivists only)."""
    user = g.user
    data = json_body()
    filters = data.get("filters") or {}
    shared = data.get("shared", False)
    if not isinstance(filters, dict) or not all(isinstance(v, str) for v in filters.values()):
        raise UsageError(Message("filters must be an object of text values"))
    if not isinstance(shared, bool):
        raise UsageError(Message("shared must be true or false"))
    if shared:
        require("archivist")
    out = save_search(catalog(), user.name, text_field(data, "name"), text_field(data, "query"), filters, shared=shared)
    return jsonify({"saved": out}), 201


@saved.get("/api/saved/<name>/run")
def api_run(name: str):
    user = g.user
    page = int_arg("page", 1, 1, PAGE_MAX)
    limit = int_arg("limit", 20, 1, 100)
    since = _since(request.args.get("since"))
    result = run_search(catalog(), search_index(), user.name, name, clearance(), since=since, page=page, limit=limit)
    return jsonify(result)


@saved.delete("/api/saved/<name>")
def api_remove(name: str):
    user = g.user
    remove_search(catalog(), user.name, name)
    return jsonify({"removed": name})


@saved.post("/saved")
def page_add():
    """The search page's "Lưu tìm kiếm" form: save the search shown, then go back to it."""
    user = g.user
    form = request.form
    state = SearchRequest.from_form(form, FILTERS)  # the filters a saved search keeps
    save_search(catalog(), user.name, form.get("name", ""), state.query, state.search_filters())
    return redirect(state.url(), 303)
