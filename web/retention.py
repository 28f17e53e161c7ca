"""JSON API for archivists: metadata edits (declassifying too), legal holds, retention and disposal,
declassification review. Each needs the archivist role and sees only records within the caller's clearance."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, jsonify, request

from archive.corrections.batch import apply_corrections
from archive.corrections.selection import ids_for_query
from archive.editing import edit_record
from archive.errors import QueryError, UsageError
from archive.messages import Message, message_of
from archive.people.access import can_see, disposal_seen, may_see
from archive.retention.classification import due_for_declassification
from archive.retention.disposals import list_disposals
from archive.retention.dispose import dispose
from archive.retention.holds import add_hold, find_hold, list_holds, remove_hold
from archive.retention.retention import due_for_disposal
from archive.retention.schedule import load_schedule
from web import catalog, search_index, settings
from web.auth import clearance, require
from web.messages import localize

workflow_api = Blueprint("workflow_api", __name__)
LOCK_WAIT = 10.0  # seconds a web request waits for another writer (an ingest) before answering 503


def writer_settings():
    return settings().with_(lock_wait=LOCK_WAIT)


def as_of_arg(raw: str | None) -> date:
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise QueryError(Message("as_of must be a date YYYY-MM-DD, not %(value)r", value=raw)) from None


def json_body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise UsageError(Message("send a JSON object (Content-Type: application/json)"))
    return data


def text_field(data: dict, name: str) -> str:
    """`data[name]` when it is text, "" when it is absent or null; anything else (a list, a number) is 400."""
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise UsageError(Message("%(field)s must be text", field=name))
    return value or ""


def visible_records():
    return (r for r in catalog().iter_records() if can_see(clearance(), r))


def retention_due(as_of: date) -> dict:
    """Unfiled records whose period ended, and (`files`) closed files due as one unit each: a filed record's
    period counts from its file's closing."""
    from archive.filing.retention import due_file_dict, due_files, unfiled_records

    schedule = load_schedule(settings().home)
    found, undated = due_for_disposal(unfiled_records(catalog(), visible_records()), schedule, as_of)
    holds = {d.record.id: find_hold(catalog().db, d.record.id) for d in found}
    rows = [{**d.to_dict(), "hold": holds[d.record.id].to_dict() if holds[d.record.id] else None} for d in found]
    units = due_files(catalog(), schedule, as_of, clearance())
    held = {r.id: h.to_dict() for e, _ in units for r, _, _ in e.records if (h := find_hold(catalog().db, r.id))}
    files = [due_file_dict(entry, hold, held) for entry, hold in units]
    return {"as_of": as_of.isoformat(), "records": rows, "undated": [r.id for r, _ in undated], "files": files}


def classification_due(as_of: date) -> dict:
    found, undated = due_for_declassification(visible_records(), load_schedule(settings().home), as_of)
    return {"as_of": as_of.isoformat(), "records": [r.to_dict() for r in found], "undated": [r.id for r in undated]}


def visible_disposals() -> list[dict]:
    return [
        disposal_seen(catalog(), d, clearance())
        for d in list_disposals(catalog().db)
        if may_see(clearance(), d.classification, d.compartments)
    ]


def visible_holds() -> list[dict]:
    ids = {h.record_id for h in list_holds(catalog().db)}
    seen = {i for i, r in catalog().get_many(ids).items() if can_see(clearance(), r)}
    return [h.to_dict() for h in list_holds(catalog().db) if h.record_id in seen]


@workflow_api.patch("/api/records/<int:record_id>")
def edit(record_id: int):
    """`{"set": {field: value}}` → `{"id", "changed"}`, as `archive edit --json`."""
    user = require("archivist")
    values = json_body().get("set")
    if not isinstance(values, dict) or not values or not all(isinstance(v, str) for v in values.values()):
        raise UsageError('send {"set": {"field": "value", …}} with text values')
    try:
        changed = edit_record(writer_settings(), record_id, values, actor=user.name, clearance=clearance())
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None
    return jsonify({"id": record_id, "changed": changed})


@workflow_api.patch("/api/records")
def edit_batch():
    """Many records at once, all or nothing: `{"ids": [...], "set": {...}}`, `{"query": "…", "set": {...}}`
    or `{"records": [{"id", "set"}, …]}`, with `"dry_run": true` to preview; 409 and nothing changed on
    any refusal (the ids the editor may not see are refused as not found)."""
    user = require("archivist")
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


@workflow_api.post("/api/records/<int:record_id>/hold")
def hold(record_id: int):
    require("archivist")
    placed = add_hold(writer_settings(), record_id, text_field(json_body(), "reason"), clearance=clearance())
    return jsonify({"hold": placed.to_dict()}), 201


@workflow_api.delete("/api/records/<int:record_id>/hold")
def unhold(record_id: int):
    require("archivist")
    data = request.get_json(silent=True)
    data = data if isinstance(data, dict) else {}  # no body (or not an object): no reason, which is refused
    lifted = remove_hold(writer_settings(), record_id, text_field(data, "reason"), clearance=clearance())
    return jsonify({"lifted": lifted.to_dict()})


@workflow_api.get("/api/holds")
def holds():
    require("archivist")
    return jsonify({"holds": visible_holds()})


@workflow_api.get("/api/retention/due")
def due():
    require("archivist")
    return jsonify(retention_due(as_of_arg(request.args.get("as_of"))))


@workflow_api.post("/api/retention/dispose")
def dispose_records():
    """`{"ids": [...], "authority": "…"}` → `{"disposed", "refused"}`; 409 and nothing disposed on any refusal."""
    require("archivist")
    data = json_body()
    ids = data.get("ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, int) for i in ids):
        raise UsageError('send {"ids": [record ids], "authority": "the approving decision"}')
    result = dispose(writer_settings(), ids, text_field(data, "authority"), clearance=clearance())
    if result.refused:
        message = Message("nothing was disposed: %(reasons)s", reasons="; ".join(r.reason for r in result.refused))
        text = Message(
            "nothing was disposed: %(reasons)s", reasons="; ".join(localize(r.reason) for r in result.refused)
        )
        error = {"status": 409, "message": message, "text": localize(text)}
        return jsonify({"error": error, **result.to_dict()}), 409
    return jsonify(result.to_dict())


@workflow_api.get("/api/disposals")
def disposals():
    require("archivist")
    return jsonify({"disposals": visible_disposals()})


@workflow_api.get("/api/classification/due")
def declassification_due():
    require("archivist")
    return jsonify(classification_due(as_of_arg(request.args.get("as_of"))))
