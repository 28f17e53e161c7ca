"""Pages for archivists: records due for disposal or declassification review, holds, disposal; and the
forms on a record page (hold, edit, declassify). Plain server-rendered forms, each with its CSRF token."""

from __future__ import annotations

from flask import Blueprint, g, redirect, render_template, request, url_for

from archive.editing import beyond_clearance, edit_record
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
    return redirect(url_for("pages.record", record_id=record_id), 303)


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
    target = local_path(request.form.get("back")) or url_for("pages.record", record_id=record_id)
    return redirect(target, 303)


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
        if sent != now:
            changed[name] = sent
    return changed
