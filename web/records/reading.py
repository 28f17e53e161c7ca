"""A record, as page and as JSON: the record page and `/api/records/<id>` (with its status, text and similar
records), the download of the original, and inline previews of originals and of the searchable PDFs OCR made
of scans; each cut to the reader's clearance, the viewing and every download audited (`archive.records`)."""

from __future__ import annotations

import itertools
from urllib.parse import urlencode

from flask import Blueprint, g, jsonify, render_template, request, send_file, stream_with_context

from archive import records as archive_records
from archive.errors import ArchiveError, FixityError, NotFoundError
from archive.filing.filing import file_for_record
from archive.messages import Message
from archive.people.access import visible_record
from archive.preview.office import checked_preview, convertible, why_no_preview
from archive.search import similar_records
from archive.store import Store
from archive.upkeep.fixity import CHUNK, checked_file, checked_original
from archive.vocabulary import METADATA_FIELDS
from web.auth import role_for
from web.context import catalog, clearance, search_index, settings
from web.labels import edit_choices, label, levels_up_to
from web.parsing import int_arg
from web.records.shown import ocr_view, preview_of, rendition_of, status, text_page
from web.search import SEARCH_ARGS

records = Blueprint("records", __name__)
role_for(records, "reader")
SIMILAR_SHOWN = 5
# Panels other features add beside a record's metadata (its hồ sơ, its register entry, its follow-up tasks),
# each a template of its own included when it exists, given `record` (as the reader may see it) and `user`.
RECORD_HOOKS = ("partials/record_file.html", "partials/record_register.html", "partials/record_tasks.html")


@records.get("/records/<int:record_id>")
def record(record_id: int):
    return record_page(record_id)


def record_page(record_id: int) -> str:
    """The record page (also shown again, nothing saved, by a refused edit: `web.records.editing`)."""
    current, detail = archive_records.view(catalog(), record_id, clearance())
    # Cited records the reader may see (record_detail keeps their ids) are named by their titles on the page.
    cited = catalog().get_many({c["id"] for c in detail["citations"] if c["id"]})
    detail["citations"] = [
        {**c, "title": cited[c["id"]].title if c["id"] in cited else None} for c in detail["citations"]
    ]
    query = request.args.get("q", "")
    # The search the reader came from, to go back to ("← Quay lại kết quả") and to keep while paging the text.
    search_args = {k: v for k, v in request.args.items() if k in SEARCH_ARGS} or {
        k[5:]: v for k, v in request.form.items() if k.startswith("keep-") and k[5:] in SEARCH_ARGS
    }  # a refused edit's page again: the search came with the form
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
        search_args=search_args,
        record_hooks=RECORD_HOOKS,
        back=("/?" + urlencode(search_args)) if search_args else None,
        saved=request.args.get("saved"),
        saved_fields=[label("field", f) for f in (request.args.get("saved") or "").split(",") if f in METADATA_FIELDS],
        done=request.args.get("done"),
        choices=edit_choices(),
        convertible=convertible(current),
        no_preview=why_no_preview(current),
        filed=file_for_record(catalog(), current, clearance()),
    )


def _original(record_id: int):
    current = visible_record(catalog(), record_id, clearance())
    blob = Store(settings().store_dir).path(current.sha256)
    if not blob.is_file():
        raise NotFoundError(Message("the original of record %(id)s is missing from the store", id=record_id))
    return current, blob


@records.get("/records/<int:record_id>/download")
def download(record_id: int):
    """The original, checked against its SHA-256 as it is read (`archive.upkeep.fixity`)."""
    current, blob = _original(record_id)
    chunks = checked_original(catalog(), current, blob, via="download")
    first = next(chunks, b"")  # a file of one chunk is checked whole before any answer is given
    archive_records.downloaded(catalog(), current)
    return checked_response(
        chunks,
        first,
        blob,
        mimetype=current.mime,
        as_attachment=True,
        download_name=header_safe(current.filename),
        etag=current.sha256,
    )


def checked_response(chunks, first: bytes, path, **sending):
    """`send_file`'s headers for `path`, its body the checked `chunks` (`first` already read: a file of one
    chunk is checked whole before any answer is given). Whole files only: a range could not be checked."""
    response = send_file(path, conditional=False, **sending)
    response.response.close()  # its headers are kept; its body is the checked one
    response.response = stream_with_context(itertools.chain([first], chunks))
    response.direct_passthrough = False
    return response


def checked_rendition(current, path, via: str):
    """The searchable PDF's bytes checked against the SHA-256 recorded when OCR made it; one made before
    digests were kept has none to be checked against (`archive verify` counts them) and goes out as it is."""
    ocr = catalog().ocr_of(current.id)
    digest = ocr.rendition_sha256 if ocr is not None else None
    if digest is None:
        return _unchecked(path)
    return checked_file(catalog(), current, path, digest, via, kind="rendition")


def _unchecked(path):
    with open(path, "rb") as source:
        while data := source.read(CHUNK):
            yield data


@records.get("/records/<int:record_id>/rendition")
def rendition(record_id: int):
    """The searchable PDF OCR made of a scan, to save: a convenience copy beside the original, never the
    original itself (download and export give that). Seen and audited as a download of the original;
    checked as originals are against the SHA-256 recorded when it was made."""
    current = visible_record(catalog(), record_id, clearance())
    path = rendition_of(current)
    if path is None:
        raise NotFoundError(Message("record %(id)s has no searchable PDF", id=record_id))
    chunks = checked_rendition(current, path, via="download")
    first = next(chunks, b"")
    archive_records.downloaded(catalog(), current, rendition=True)
    return checked_response(
        chunks,
        first,
        path,
        mimetype="application/pdf",
        as_attachment=True,
        download_name=rendition_name(current.filename),
        etag=f"{current.sha256}.ocr",
    )


@records.get("/records/<int:record_id>/inline")
def inline(record_id: int):
    """The record page's preview: the original when it is a PDF or an image; a scan browsers cannot show
    (a TIFF) as the searchable PDF OCR made of it, when there is one. Anything else (HTML above all) would
    run as this site's page, so it is never served inline. Either is checked against its SHA-256 as it is
    read, as a download is."""
    current, blob = _original(record_id)
    kind, rendition = preview_of(current)
    if kind is None and convertible(current):
        return office_preview(current)
    if kind is None:
        raise NotFoundError(Message("record %(id)s has no preview", id=record_id))
    if rendition is not None:
        chunks = checked_rendition(current, rendition, via="inline")
        first = next(chunks, b"")
        archive_records.downloaded(catalog(), current, inline=True, rendition=True)
        response = checked_response(
            chunks,
            first,
            rendition,
            mimetype="application/pdf",
            as_attachment=False,
            download_name=rendition_name(current.filename),
            etag=f"{current.sha256}.ocr",
        )
    else:
        chunks = checked_original(catalog(), current, blob, via="inline")
        first = next(chunks, b"")
        archive_records.downloaded(catalog(), current, inline=True)
        response = checked_response(
            chunks,
            first,
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


def office_preview(current):
    """A DOCX, ODT or HTML original as the PDF LibreOffice made of it (`archive.preview.office`), shown in
    the record page's frame (the HTML itself never is); audited as an inline view of the original. When
    none can be made, a sentence saying why, in the frame."""
    g.framed = True
    framing = {"X-Frame-Options": "SAMEORIGIN", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'self'"}
    try:
        chunks = checked_preview(settings(), catalog(), current)
        first = next(chunks, b"")
    except FixityError:
        raise
    except ArchiveError as exc:
        page = render_template("preview_missing.html", message=exc.message)
        return (
            page,
            404,
            {**framing, "Content-Security-Policy": framing["Content-Security-Policy"] + "; style-src 'self'"},
        )
    archive_records.downloaded(catalog(), current, inline=True, preview=True)
    response = checked_response(
        chunks,
        first,
        Store(settings().store_dir).preview_path(current.sha256),
        mimetype="application/pdf",
        as_attachment=False,
        download_name=rendition_name(current.filename).replace(".ocr.pdf", ".pdf"),
        etag=f"{current.sha256}.preview",
    )
    response.headers.update(framing)
    response.headers["Content-Security-Policy"] += "; sandbox"
    return response


def header_safe(filename: str) -> str:
    """The name offered for saving: control characters (a newline in a scanned file's name) cannot go in a
    header, so they become spaces."""
    return "".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in filename).strip() or "original"


def rendition_name(filename: str) -> str:
    """`scan.tif` → `scan.ocr.pdf`: the name offered for a scan's searchable PDF."""
    stem = filename.rsplit(".", 1)[0] if "." in filename.lstrip(".") else filename
    return header_safe(f"{stem}.ocr.pdf")


# --- the same as JSON (`/api/records/<id>…`) --------------------------------------------------------------


@records.get("/api/records/<int:record_id>")
def api_record(record_id: int):
    """The record's metadata and citations, what OCR did for it (`ocr`, null when none ran) and links: the
    original, its page, and the searchable PDF OCR made of a scan (null when there is none)."""
    current, data = archive_records.view(catalog(), record_id, clearance())
    data["ocr"] = ocr_view(record_id)
    data["file"] = file_for_record(
        catalog(), current, clearance()
    )  # its hồ sơ and neighbours, if the caller may see it
    data["links"] = {
        "download": f"/records/{record_id}/download",
        "page": f"/records/{record_id}",
        "rendition": f"/records/{record_id}/rendition" if rendition_of(current) is not None else None,
    }
    return jsonify(data)


@records.get("/api/records/<int:record_id>/similar")
def api_similar(record_id: int):
    limit = int_arg("limit", 10, 1, 50)
    result = archive_records.similar(catalog(), search_index(), record_id, limit=limit, clearance=clearance())
    return jsonify(result)


@records.get("/api/records/<int:record_id>/status")
def api_status(record_id: int):
    """The record page's status box: hold, retention period and end, protection period."""
    return jsonify({"id": record_id, **status(visible_record(catalog(), record_id, clearance()))})


@records.get("/api/records/<int:record_id>/text")
def api_text(record_id: int):
    """One page of the record's text, as plain pieces marked where `q` matches (as the page shows them)."""
    visible_record(catalog(), record_id, clearance())
    page = text_page(record_id, int_arg("page", 1, 1, 100_000), request.args.get("q") or "")
    page["pieces"] = [{"text": text, "match": matched} for text, matched in page["pieces"]]
    return jsonify({"id": record_id, **page})
