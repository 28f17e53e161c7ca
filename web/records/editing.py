"""Pages for archivists: records due for disposal or declassification review, holds, disposal; and the
forms on a record page (hold, edit, declassify). Plain server-rendered forms, each with its CSRF token."""

from __future__ import annotations

from flask import Blueprint, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from archive.editing import beyond_clearance, declassify, edit_record
from archive.errors import UsageError
from archive.fields import validate
from archive.messages import Message, message_of
from archive.people.access import ACCESS_FIELDS, visible_record
from archive.retention.dispose import dispose
from archive.retention.holds import add_hold, remove_hold
from archive.vocabulary import METADATA_FIELDS
from web import catalog
from web.auth import clearance, require
from web.paths import local_path
from web.workflow_api import (
    as_of_arg,
    classification_due,
    retention_due,
    visible_disposals,
    visible_holds,
    writer_settings,
)

workflow = Blueprint("workflow", __name__)


@workflow.get("/retention")
def retention():
    require("archivist")
    as_of = as_of_arg(request.args.get("as_of"))
    return render_template(
        "retention.html",
        due=retention_due(as_of),
        holds=visible_holds(),
        disposals=visible_disposals(),
        result=None,
    )


@workflow.post("/retention/dispose")
def dispose_form():
    require("archivist")
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
        lang_next=url_for("workflow.retention", as_of=request.form.get("as_of") or None),  # not this POST's address
    )
    return page, status


@workflow.post("/retention/dispose/review")
def dispose_review():
    """The step before a disposal: the ticked records and the authority, to confirm (or go back). The
    confirmation posts to `dispose_form`, which does it."""
    require("archivist")
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
        action=url_for("workflow.dispose_form"),
        fields=[("id", str(i)) for i in ids] + [("authority", authority), ("as_of", as_of)],
        confirm=_("Yes, dispose of them"),
        cancel=url_for("workflow.retention", as_of=as_of or None),
        lang_next=url_for("workflow.retention", as_of=as_of or None),
    )


@workflow.post("/records/<int:record_id>/declassify")
def declassify_form(record_id: int):
    """Declassify with the decision and reason: first a confirmation page, then (`confirm`) the change,
    reported at the top of the record page."""
    user = require("archivist")
    decision, reason = request.form.get("decision", "").strip(), request.form.get("reason", "").strip()
    record = visible_record(catalog(), record_id, clearance())
    if not decision or not reason:
        raise UsageError(Message("declassifying needs the decision number and the reason"))
    if request.form.get("confirm") != "1":
        return render_template(
            "confirm.html",
            heading=_("Declassify this document?"),
            explain=_("Everyone with access to the archive will be able to read it."),
            items=[
                f"{record.doc_number or record.filename} — {record.title or ''}",
                _("Decision: %(d)s", d=decision),
                _("Reason: %(r)s", r=reason),
            ],
            action=url_for("workflow.declassify_form", record_id=record_id),
            fields=[("decision", decision), ("reason", reason), ("confirm", "1")],
            confirm=_("Yes, declassify"),
            cancel=url_for("pages.record", record_id=record_id),
            lang_next=url_for("pages.record", record_id=record_id),
        )
    try:
        declassify(writer_settings(), record_id, decision, reason, actor=user.name, clearance=clearance())
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None
    return redirect(url_for("pages.record", record_id=record_id, done="declassified"), 303)


DONE = {  # what the record page says after an action, at its top
    "declassified": _l(
        "Declassified: the document is now unclassified; the decision and reason are in the audit trail."
    ),
    "hold-added": _l("The legal hold is placed."),
    "hold-removed": _l("The legal hold is lifted."),
}


@workflow.app_context_processor
def done_texts() -> dict:
    return {"done_text": lambda code: str(DONE.get(code, ""))}


@workflow.get("/classification")
def classification():
    require("archivist")
    return render_template("classification.html", due=classification_due(as_of_arg(request.args.get("as_of"))))


@workflow.post("/records/<int:record_id>/hold")
def hold(record_id: int):
    require("archivist")
    if request.form.get("action") == "remove":
        remove_hold(writer_settings(), record_id, request.form.get("reason", ""), clearance=clearance())
    else:
        add_hold(writer_settings(), record_id, request.form.get("reason", ""), clearance=clearance())
    done = "hold-removed" if request.form.get("action") == "remove" else "hold-added"
    return redirect(url_for("pages.record", record_id=record_id, done=done), 303)


@workflow.post("/records/<int:record_id>/edit")
def edit(record_id: int):
    """From the record page: `field`/`value` for one field ("Declassify" posts classification=unclassified),
    or the whole form's `set-FIELD` values, of which only those that differ are changed (one audited edit)."""
    user = require("archivist")
    if "field" in request.form:
        values = {request.form.get("field", ""): request.form.get("value", "")}
    else:
        values = _changed(record_id)
        refused = _refused(record_id, values)
        if refused:
            return _form_again(record_id, refused), 400
    try:
        if values:
            edit_record(writer_settings(), record_id, values, actor=user.name, clearance=clearance())
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None
    back = local_path(request.form.get("back"))
    if back or "field" in request.form:
        return redirect(back or url_for("pages.record", record_id=record_id), 303)
    # The whole form: the record page again, saying at its top what was saved, with the search kept.
    kept = {k[5:]: v for k, v in request.form.items() if k.startswith("keep-") and v}
    saved = ",".join(values) or "1"
    return redirect(url_for("pages.record", record_id=record_id, saved=saved, **kept) + "#notice", 303)


def _refused(record_id: int, values: dict[str, str]) -> dict[str, str]:
    """{field: why} for each value the catalog would refuse (`archive.fields.validate`), and a classification
    or compartments beyond the archivist's own clearance."""
    refused, valid = {}, {}
    for name, value in values.items():
        try:
            valid[name] = validate(name, value)
        except ValueError as exc:
            refused[name] = message_of(exc)  # said in the reader's language by the page
    beyond = beyond_clearance(visible_record(catalog(), record_id, clearance()), valid, clearance())
    for name in ACCESS_FIELDS if beyond else ():
        if name in valid:
            refused[name] = beyond
    return refused


def _form_again(record_id: int, refused: dict[str, str]) -> str:
    """The record page again, nothing saved, its edit form holding what the archivist typed and each refusal
    beside its field (`edit_form` in the template)."""
    from web.pages import record

    typed = {name: request.form[f"set-{name}"] for name in METADATA_FIELDS if f"set-{name}" in request.form}
    g.edit_form = {"typed": typed, "refused": refused}
    return record(record_id)


@workflow.app_context_processor
def edit_form() -> dict:
    return {"edit_form": g.get("edit_form")}


def _changed(record_id: int) -> dict[str, str]:
    current = visible_record(catalog(), record_id, clearance()).to_dict()
    changed = {}
    for name in METADATA_FIELDS:
        sent = request.form.get(f"set-{name}")
        if sent is None:
            continue
        sent = sent.strip()
        now = current.get(name)
        now = ",".join(now) if isinstance(now, list) else ("" if now is None else str(now))
        if sent != now and _stored(name, sent) != _stored(name, now):  # 20/02/2025 is the stored 2025-02-20
            changed[name] = sent
    return changed


def _stored(name: str, value: str):
    """The form the catalog would keep `value` in, or the text itself when it would refuse it."""
    try:
        return validate(name, value)
    except ValueError:
        return value
