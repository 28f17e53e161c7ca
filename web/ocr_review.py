"""The OCR review page's action: an archivist who has checked a flagged record's OCR (against the paper,
the scan, or by correcting its metadata) marks it reviewed. The flag is cleared under the writer lock, the
review goes into the audit trail with who, when and the note, and the record leaves the list on /admin/ocr
(whose list lives in `web.admin_area`). `POST /api/ocr/reviewed` does the same for a script."""

from __future__ import annotations

from flask import Blueprint, jsonify, redirect, request, url_for

from archive.errors import UsageError
from archive.messages import Message
from archive.pipeline.ocr import mark_reviewed
from web.auth import clearance, require
from web.workflow_api import json_body, writer_settings

ocr_review = Blueprint("ocr_review", __name__)


@ocr_review.post("/admin/ocr/reviewed")
def reviewed():
    require("archivist")
    try:
        ids = [int(i) for i in request.form.getlist("id")]
    except ValueError:
        raise UsageError(Message("record ids are numbers")) from None
    mark_reviewed(writer_settings(), ids, request.form.get("note", ""), clearance=clearance())
    return redirect(url_for("admin_area.ocr_page"), 303)


@ocr_review.post("/api/ocr/reviewed")
def reviewed_api():
    """`{"ids": [record ids], "note": "…"}` → `{"reviewed": [{"id", "confidence", "reason", "note"}]}`, as
    `archive ocr --reviewed --json`; all or nothing."""
    require("archivist")
    data = json_body()
    ids, note = data.get("ids"), data.get("note", "")
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise UsageError(Message("record ids are numbers"))
    if not isinstance(note, str):
        raise UsageError(Message("%(field)s must be text", field="note"))
    return jsonify({"reviewed": mark_reviewed(writer_settings(), ids, note, clearance=clearance())})
