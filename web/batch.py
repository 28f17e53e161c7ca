"""Batch work for archivists: the search page's form on the records ticked, or all N results of the search
(cut to the archivist's clearance): a correction (previewed old → new), a legal hold, or filing into a hồ
sơ, each previewed first, then applied all or nothing; and `PATCH /api/records`, many corrections at once."""

from __future__ import annotations

from flask import Blueprint, g, jsonify, render_template, request

from archive.corrections.batch import apply_corrections
from archive.corrections.selection import ids_for_query
from archive.errors import ArchiveError, UsageError
from archive.filing.filing import add_documents, preview_filing
from archive.messages import Message
from archive.retention.holds import add_holds
from web.auth import role_for
from web.context import catalog, clearance, search_index, writer_settings
from web.messages import localize
from web.parsing import json_body
from web.search import SearchRequest

batch = Blueprint("batch", __name__)
role_for(batch, "archivist")


@batch.app_context_processor
def batch_fields() -> dict:
    """The fields the search page's batch correction offers."""
    from archive.vocabulary import METADATA_FIELDS

    return {"batch_fields": METADATA_FIELDS}


@batch.post("/records/batch")
def correct():
    user = g.user
    form = request.form
    state = SearchRequest.from_form(form)
    if form.get("all") == "1":
        ids = ids_for_query(catalog(), search_index(), state.query, state.search_filters(), clearance())
    else:
        try:
            ids = sorted({int(i) for i in form.getlist("ids")})
        except ValueError:
            raise UsageError(Message("tick the records to correct")) from None
    dry_run = form.get("apply") != "1"
    action = form.get("action", "edit")
    if action == "hold":
        return _hold(ids, form.get("reason", ""), dry_run, state.url())
    if action == "file":
        return _file(ids, form.get("file", "").strip(), dry_run, state.url())
    field, value = form.get("field", ""), form.get("value", "")
    if not ids or not field:
        raise UsageError(Message("tick the records to correct"))
    result = apply_corrections(
        writer_settings(), {i: {field: value} for i in ids}, actor=user.name, clearance=clearance(), dry_run=dry_run
    )
    return render_template("batch.html", result=result, ids=ids, field=field, value=value, back=state.url()), (
        409 if result.refused else 200
    )


def _hold(ids: list[int], reason: str, dry_run: bool, back: str):
    result = add_holds(writer_settings(), ids, reason, clearance=clearance(), dry_run=dry_run)
    page = render_template("batch_action.html", action="hold", ids=ids, reason=reason, result=result, back=back)
    return page, 409 if result.refused else 200


def _file(ids: list[int], ref: str, dry_run: bool, back: str):
    if not ids or not ref:
        raise UsageError(Message("tick the records and name the file"))
    try:
        call = preview_filing if dry_run else add_documents
        view = call(writer_settings(), ref, ids, clearance=clearance())
    except ArchiveError as exc:  # all or nothing: nothing was filed; the page says why
        refused = [(None, exc.message)]
        page = render_template("batch_action.html", action="file", ids=ids, ref=ref, refused=refused, back=back)
        return page, 409
    page = render_template(
        "batch_action.html", action="file", ids=ids, ref=ref, view=view, dry_run=dry_run, refused=[], back=back
    )
    return page, 200


# --- the same as JSON ------------------------------------------------------------------------------------


@batch.patch("/api/records")
def api_correct():
    """Many records at once, all or nothing: `{"ids": [...], "set": {...}}`, `{"query": "…", "set": {...}}`
    or `{"records": [{"id", "set"}, …]}`, with `"dry_run": true` to preview; 409 and nothing changed on
    any refusal (the ids the editor may not see are refused as not found)."""
    user = g.user
    data = json_body()
    dry_run = data.get("dry_run", False)
    if not isinstance(dry_run, bool):
        raise UsageError("dry_run must be true or false")
    corrections = batch_corrections(data)
    result = apply_corrections(writer_settings(), corrections, actor=user.name, clearance=clearance(), dry_run=dry_run)
    body = result.to_dict()
    body["refused"] = [{"id": r.id, "reason": localize(r.reason)} for r in result.refused]
    if result.refused:
        text = Message(
            "nothing was changed: %(reasons)s", reasons="; ".join(localize(r.reason) for r in result.refused)
        )
        return jsonify({"error": {"status": 409, "message": text, "text": localize(text)}, **body}), 409
    return jsonify(body)


def _texts(values) -> bool:
    return isinstance(values, dict) and bool(values) and all(isinstance(v, str) for v in values.values())


def batch_corrections(data: dict) -> dict[int, dict[str, str]]:
    """{id: {field: value}} from a PATCH /api/records body."""
    usage = 'send {"ids": [...], "set": {...}}, {"query": "…", "set": {...}} or {"records": [{"id", "set"}, …]}'
    if "records" in data:
        rows = data["records"]
        if not isinstance(rows, list) or not rows:
            raise UsageError(usage)
        corrections = {}
        for row in rows:
            if not isinstance(row, dict) or not isinstance(row.get("id"), int) or not _texts(row.get("set")):
                raise UsageError(usage)
            corrections[row["id"]] = row["set"]
        return corrections
    values = data.get("set")
    if not _texts(values):
        raise UsageError(usage)
    if "ids" in data:
        ids = data["ids"]
        if not isinstance(ids, list) or not ids or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise UsageError(usage)
    elif isinstance(data.get("query"), str):
        filters = data.get("filters") or {}
        if not isinstance(filters, dict) or not all(isinstance(v, str) for v in filters.values()):
            raise UsageError(usage)
        ids = ids_for_query(catalog(), search_index(), data["query"], filters, clearance())
    else:
        raise UsageError(usage)
    return {i: values for i in ids}
