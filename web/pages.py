"""HTML pages: the search page, a record page and downloads of originals, cut to the reader's clearance."""

from __future__ import annotations

from flask import Blueprint, render_template, request, send_file

from archive.access import visible_record
from archive.errors import ArchiveError, NotFoundError
from archive.holds import find_hold
from archive.search import record_detail
from archive.store import Store
from archive.vocabulary import METADATA_FIELDS
from web import catalog, settings
from web.api import int_arg, run_search
from web.auth import clearance

pages = Blueprint("pages", __name__)


@pages.get("/")
def home():
    query = request.args.get("q", "")
    page = int_arg("page", 1, 1, 10_000)
    result, error = None, None
    if query.strip():
        try:
            result = run_search(query, {}, page=page, limit=20)
        except ArchiveError as exc:
            error = exc.message
    return render_template("search.html", query=query, result=result, error=error, page=page)


@pages.get("/records/<int:record_id>")
def record(record_id: int):
    current = visible_record(catalog(), record_id, clearance())
    detail = record_detail(catalog(), current, clearance())
    catalog().log_event("view", record_id)
    return render_template(
        "record.html",
        record=detail,
        text=catalog().text(record_id),
        hold=find_hold(catalog().db, record_id),
        fields=METADATA_FIELDS,
    )


@pages.get("/records/<int:record_id>/download")
def download(record_id: int):
    current = visible_record(catalog(), record_id, clearance())
    blob = Store(settings().store_dir).path(current.sha256)
    if not blob.is_file():
        raise NotFoundError(f"the original of record {record_id} is missing from the store")
    catalog().log_event("download", record_id, sha256=current.sha256)
    return send_file(
        blob, mimetype=current.mime, as_attachment=True, download_name=current.filename, etag=current.sha256
    )
