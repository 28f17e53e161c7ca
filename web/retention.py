"""Retention, for archivists, as pages and as JSON: records (and closed files) due for disposal, legal holds,
disposal with its confirmation step and the disposals made, and the declassification review. Each sees only
records within the caller's clearance; disposal writes its own audit entries (`archive.retention.dispose`)."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, jsonify, render_template, request, url_for
from flask_babel import gettext as _

from archive.errors import UsageError
from archive.messages import Message
from archive.people.access import can_see, disposal_seen, may_see, visible_record
from archive.retention.classification import due_for_declassification
from archive.retention.disposals import list_disposals
from archive.retention.dispose import dispose
from archive.retention.holds import find_hold, list_holds
from archive.retention.retention import due_for_disposal
from archive.retention.schedule import load_schedule
from web.auth import role_for
from web.context import catalog, clearance, settings, writer_settings
from web.messages import localize
from web.parsing import as_of_arg, json_body, text_field

retention = Blueprint("retention", __name__)
role_for(retention, "archivist")


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


# --- pages ----------------------------------------------------------------------------------------------


@retention.get("/retention")
def page():
    as_of = as_of_arg(request.args.get("as_of"))
    return render_template(
        "retention.html",
        due=retention_due(as_of),
        holds=visible_holds(),
        disposals=visible_disposals(),
        result=None,
    )


@retention.post("/retention/dispose")
def dispose_form():
    try:
        ids = [int(i) for i in request.form.getlist("id")]
    except ValueError:
        raise UsageError(Message("record ids are numbers")) from None
    if not ids:
        raise UsageError(Message("tick the records to dispose of"))
    result = dispose(writer_settings(), ids, request.form.get("authority", ""), clearance=clearance())
    as_of = as_of_arg(request.form.get("as_of"))
    status = 409 if result.refused else 200
    page = render_template(
        "retention.html",
        due=retention_due(as_of),
        holds=visible_holds(),
        disposals=visible_disposals(),
        result=result.to_dict(),
        lang_next=url_for("retention.page", as_of=request.form.get("as_of") or None),  # not this POST's address
    )
    return page, status


@retention.post("/retention/dispose/review")
def dispose_review():
    """The step before a disposal: the ticked records and the authority, to confirm (or go back). The
    confirmation posts to `dispose_form`, which does it."""
    try:
        ids = [int(i) for i in request.form.getlist("id")]
    except ValueError:
        raise UsageError(Message("record ids are numbers")) from None
    if not ids:
        raise UsageError(Message("tick the records to dispose of"))
    authority = request.form.get("authority", "").strip()
    if not authority:
        raise UsageError(Message("a disposal needs the authority that approved it"))
    records = [visible_record(catalog(), i, clearance()) for i in ids]
    as_of = request.form.get("as_of") or ""
    return render_template(
        "confirm.html",
        heading=_("Dispose of these records?"),
        explain=_(
            "The originals are destroyed for good; only the disposal record is kept. Authority: %(a)s", a=authority
        ),
        items=[f"{r.doc_number or r.filename} — {r.title or ''}" for r in records],
        action=url_for("retention.dispose_form"),
        fields=[("id", str(i)) for i in ids] + [("authority", authority), ("as_of", as_of)],
        confirm=_("Yes, dispose of them"),
        cancel=url_for("retention.page", as_of=as_of or None),
        lang_next=url_for("retention.page", as_of=as_of or None),
    )


@retention.get("/classification")
def classification():
    return render_template("classification.html", due=classification_due(as_of_arg(request.args.get("as_of"))))


# --- the same as JSON ------------------------------------------------------------------------------------


@retention.get("/api/holds")
def holds():
    return jsonify({"holds": visible_holds()})


@retention.get("/api/retention/due")
def due():
    return jsonify(retention_due(as_of_arg(request.args.get("as_of"))))


@retention.post("/api/retention/dispose")
def dispose_records():
    """`{"ids": [...], "authority": "…"}` → `{"disposed", "refused"}`; 409 and nothing disposed on any refusal."""
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


@retention.get("/api/disposals")
def disposals():
    return jsonify({"disposals": visible_disposals()})


@retention.get("/api/classification/due")
def declassification_due():
    return jsonify(classification_due(as_of_arg(request.args.get("as_of"))))
