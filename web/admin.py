"""The admin area's index, linking every review (retention, declassification, OCR, registers, follow-up,
the audit trail, users), and the index / verify status (`web.status`), as page and JSON; for archivists,
each count cut to the caller's clearance. The reviews themselves are each their feature's module."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template

from web.auth import role_for
from web.status import index_status

admin = Blueprint("admin", __name__)
role_for(admin, "archivist")


@admin.get("/admin")
def index():
    return render_template("admin.html", status=index_status())


# --- status (`web.status`) ------------------------------------------------------------------------------


@admin.get("/api/status")
def status_api():
    return jsonify(index_status())
