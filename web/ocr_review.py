"""The OCR review, for archivists: the records OCR read with low confidence (`/admin/ocr`, and
`/api/ocr/review` for a script), least confident first, each one the caller may see; and its action: an
archivist who has checked a flagged record's OCR (against the paper, the scan, or by correcting its metadata)
marks it reviewed. The flag is cleared under the writer lock, the review goes into the audit trail with who,
when and the note (`archive.pipeline.ocr.mark_reviewed`), and the record leaves the list.
`POST /api/ocr/reviewed` does the same for a script."""

from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from archive.errors import UsageError
from archive.messages import Message
from archive.people.access import can_see
from archive.pipeline.ocr import mark_reviewed
from web.auth import role_for
from web.context import catalog, clearance, settings, writer_settings
from web.parsing import json_body

ocr_review = Blueprint("ocr_review", __name__)
role_for(ocr_review, "archivist")


def flagged() -> list[dict]:
    """OCR'd records flagged for review that the caller may see, least confident first."""
    db = catalog()
    rows = []
    for record_id in db.ocr_needing_review():
        record = db.find(record_id)
        if record is None or not can_see(clearance(), record):
            continue
        ocr = db.ocr_of(record_id)
        rows.append(
            {
                "id": record_id,
                "filename": record.filename,
                "title": record.title,
                "doc_number": record.doc_number,
                "confidence": ocr.confidence if ocr else None,
                "pages": record.pages,
                "ocr_pages": len(ocr.pages) if ocr else 0,
                "engine": f"{ocr.engine} {ocr.version}" if ocr and ocr.engine else None,
                "reason": ocr.reason if ocr else None,
                "low_pages": [
                    {"page": p.page, "confidence": p.confidence, "error": p.error}
                    for p in (ocr.pages if ocr else ())
                    if p.error or (p.confidence is not None and p.confidence < settings().ocr_min_confidence)
                ],
            }
        )
    return sorted(rows, key=lambda r: (r["confidence"] is not None, r["confidence"] or 0))


@ocr_review.get("/admin/ocr")
def ocr_page():
    return render_template("ocr.html", rows=flagged(), threshold=settings().ocr_min_confidence)


@ocr_review.get("/api/ocr/review")
def ocr_api():
    return jsonify({"threshold": settings().ocr_min_confidence, "records": flagged()})


@ocr_review.post("/admin/ocr/reviewed")
def reviewed():
    try:
        ids = [int(i) for i in request.form.getlist("id")]
    except ValueError:
        raise UsageError(Message("record ids are numbers")) from None
    mark_reviewed(writer_settings(), ids, request.form.get("note", ""), clearance=clearance())
    return redirect(url_for("ocr_review.ocr_page"), 303)


@ocr_review.post("/api/ocr/reviewed")
def reviewed_api():
    """`{"ids": [record ids], "note": "…"}` → `{"reviewed": [{"id", "confidence", "reason", "note"}]}`, as
    `archive ocr --reviewed --json`; all or nothing."""
    data = json_body()
    ids, note = data.get("ids"), data.get("note", "")
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise UsageError(Message("record ids are numbers"))
    if not isinstance(note, str):
        raise UsageError(Message("%(field)s must be text", field="note"))
    return jsonify({"reviewed": mark_reviewed(writer_settings(), ids, note, clearance=clearance())})
