"""Pages for archivists: records due for disposal or declassification review, holds, disposal; and the
forms on a record page (hold, edit, declassify). Plain server-rendered forms, each with its CSRF token."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from archive.dispose import dispose
from archive.editing import edit_record
from archive.errors import UsageError
from archive.holds import add_hold, remove_hold
from web.auth import clearance, require
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
        raise UsageError("record ids are numbers") from None
    if not ids:
        raise UsageError("tick the records to dispose of")
    result = dispose(writer_settings(), ids, request.form.get("authority", ""), clearance=clearance())
    as_of = as_of_arg(request.form.get("as_of"))
    status = 409 if result.refused else 200
    page = render_template(
        "retention.html",
        due=retention_due(as_of),
        holds=visible_holds(),
        disposals=visible_disposals(),
        result=result.to_dict(),
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
    """One field at a time from the record page; "Declassify" posts classification=unclassified."""
    user = require("archivist")
    field, value = request.form.get("field", ""), request.form.get("value", "")
    try:
        edit_record(writer_settings(), record_id, {field: value}, actor=user.name, clearance=clearance())
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    back = request.form.get("back") or ""
    local = back.startswith("/") and not back.startswith("//") and "\\" not in back  # never off the site
    target = back if local else url_for("pages.record", record_id=record_id)
    return redirect(target, 303)
