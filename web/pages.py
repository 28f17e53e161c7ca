"""HTML pages: search, a record page, downloads and inline previews of originals and of the searchable
PDFs OCR made of scans, cut to the reader's clearance through the same functions the JSON API uses."""

from __future__ import annotations

from flask import Blueprint, g, render_template, request, send_file

from archive.errors import ArchiveError, NotFoundError
from archive.filing.filing import file_for_record
from archive.messages import Message
from archive.people.access import visible_record
from archive.search import record_detail, similar_records
from archive.store import Store
from archive.vocabulary import METADATA_FIELDS
from web import catalog, search_index, settings
from web.api import int_arg, run_search
from web.auth import clearance
from web.labels import levels_up_to
from web.records import ocr_view, preview_of, rendition_of, status, text_page
from web.searching import PAGE_SIZE, SORT_NAMES, SearchState, page_numbers

pages = Blueprint("pages", __name__)
SIMILAR_SHOWN = 5


@pages.get("/")
def home():
    result, error, state = None, None, SearchState(request.args.get("q", ""))
    try:
        state = SearchState.from_request()
        if state.active:
            result = run_search(state.query, state.filters, page=state.page, limit=PAGE_SIZE, sort=state.sort)
    except ArchiveError as exc:
        error = exc.message  # said in the reader's language by the page
    last = max(1, -(-result["total"] // PAGE_SIZE)) if result else 1
    return render_template(
        "search.html",
        state=state,
        result=result,
        error=error,
        sorts=SORT_NAMES,
        pages=page_numbers(state.page, last) if result else [],
        last_page=last,
        levels=levels_up_to(g.user.clearance),
    )


@pages.get("/records/<int:record_id>")
def record(record_id: int):
    current = visible_record(catalog(), record_id, clearance())
    detail = record_detail(catalog(), current, clearance())
    catalog().log_event("view", record_id)
    query = request.args.get("q", "")
    similar = similar_records(catalog(), search_index(), record_id, limit=SIMILAR_SHOWN, clearance=clearance())
    preview, shown = preview_of(current)
    return render_template(
        "record.html",
        record=detail,
        query=query,
        text=text_page(record_id, int_arg("tp", 1, 1, 100_000), query),
        state=status(current),
        preview=preview,
        preview_is_rendition=shown is not None,
        ocr=ocr_view(record_id),
        rendition=rendition_of(current) is not None,
        similar=similar["hits"],
        fields=METADATA_FIELDS,
        levels=levels_up_to(g.user.clearance),
        filed=file_for_record(catalog(), current, clearance()),
    )


def _original(record_id: int):
    current = visible_record(catalog(), record_id, clearance())
    blob = Store(settings().store_dir).path(current.sha256)
    if not blob.is_file():
        raise NotFoundError(Message("the original of record %(id)s is missing from the store", id=record_id))
    return current, blob


@pages.get("/records/<int:record_id>/download")
def download(record_id: int):
    current, blob = _original(record_id)
    catalog().log_event("download", record_id, sha256=current.sha256)
    return send_file(
        blob,
        mimetype=current.mime,
        as_attachment=True,
        download_name=header_safe(current.filename),
        etag=current.sha256,
    )


@pages.get("/records/<int:record_id>/rendition")
def rendition(record_id: int):
    """The searchable PDF OCR made of a scan, to save: a convenience copy beside the original, never the
    original itself (download and export give that). Seen and audited as a download of the original."""
    current = visible_record(catalog(), record_id, clearance())
    path = rendition_of(current)
    if path is None:
        raise NotFoundError(Message("record %(id)s has no searchable PDF", id=record_id))
    catalog().log_event("download", record_id, sha256=current.sha256, rendition=True)
    return send_file(
        path,
        mimetype="application/pdf",
        as_attachment=True,
        download_name=rendition_name(current.filename),
        etag=f"{current.sha256}.ocr",
    )


@pages.get("/records/<int:record_id>/inline")
def inline(record_id: int):
    """The record page's preview: the original when it is a PDF or an image; a scan browsers cannot show
    (a TIFF) as the searchable PDF OCR made of it, when there is one. Anything else (HTML above all) would
    run as this site's page, so it is never served inline."""
    current, blob = _original(record_id)
    kind, rendition = preview_of(current)
    if kind is None:
        raise NotFoundError(Message("record %(id)s has no preview", id=record_id))
    if rendition is not None:
        catalog().log_event("download", record_id, sha256=current.sha256, inline=True, rendition=True)
        response = send_file(
            rendition,
            mimetype="application/pdf",
            as_attachment=False,
            download_name=rendition_name(current.filename),
            etag=f"{current.sha256}.ocr",
        )
    else:
        catalog().log_event("download", record_id, sha256=current.sha256, inline=True)
        response = send_file(
            blob,
            mimetype=current.mime,
            as_attachment=False,
            download_name=header_safe(current.filename),
            etag=current.sha256,
        )
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    response.headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'self'; sandbox"
    g.framed = True
    return response


def header_safe(filename: str) -> str:
    """The name offered for saving: control characters (a newline in a scanned file's name) cannot go in a
    header, so they become spaces."""
    return "".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in filename).strip() or "original"


def rendition_name(filename: str) -> str:
    """`scan.tif` → `scan.ocr.pdf`: the name offered for a scan's searchable PDF."""
    stem = filename.rsplit(".", 1)[0] if "." in filename.lstrip(".") else filename
    return header_safe(f"{stem}.ocr.pdf")
