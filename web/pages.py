"""HTML pages: the search page, a record page and downloads of originals."""

from __future__ import annotations

from flask import Blueprint, render_template, request, send_file

from archive.errors import ArchiveError, NotFoundError
from archive.search import record_detail, search_records
from archive.store import Store
from web import catalog, search_index, settings
from web.api import int_arg

pages = Blueprint("pages", __name__)


@pages.get("/")
def home():
    query = request.args.get("q", "")
    page = int_arg("page", 1, 1, 10_000)
    result, error = None, None
    if query.strip():
        try:
            result = search_records(catalog(), search_index(), query, page=page, limit=20)
        except ArchiveError as exc:
            error = exc.message
    return render_template("search.html", query=query, result=result, error=error, page=page)


@pages.get("/records/<int:record_id>")
def record(record_id: int):
    detail = record_detail(catalog(), catalog().get(record_id))
    return render_template("record.html", record=detail, text=catalog().text(record_id))


@pages.get("/records/<int:record_id>/download")
def download(record_id: int):
    current = catalog().get(record_id)
    blob = Store(settings().store_dir).path(current.sha256)
    if not blob.is_file():
        raise NotFoundError(f"the original of record {record_id} is missing from the store")
    return send_file(
        blob, mimetype=current.mime, as_attachment=True, download_name=current.filename, etag=current.sha256
    )
