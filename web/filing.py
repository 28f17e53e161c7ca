"""Files (hồ sơ) on the web: the fonds and the year's file plan (`/files`, `/files?year=2025`), a file's page
with its contents list (`/files/<ref>`), the contents list as CSV, a meeting's package, and the JSON API under
`/api/files` and `/api/fonds`. Everything is cut to the reader's clearance by `archive.filing`: a file above
it is "not found" exactly as a reference naming no file; documents above it are simply not in the list."""

from __future__ import annotations

import re
from datetime import date

from flask import Blueprint, Response, jsonify, redirect, render_template, request, send_file, url_for
from werkzeug.routing import BaseConverter

from archive.errors import QueryError, UsageError
from archive.filing import store as filing_store
from archive.filing.closing import close_file, hold_file, release_file, reopen_file
from archive.filing.contents import contents_csv, contents_rows
from archive.filing.filing import (
    add_documents,
    list_visible_files,
    open_file,
    read_contents,
    remove_documents,
    reorder_documents,
    resolve_documents,
    view_file,
    visible_years,
)
from archive.filing.fonds import add_fonds, list_fonds
from archive.filing.package import file_package
from archive.filing.plan import PLAN_UPLOAD_MAX, PlanTooLarge, import_plan_bytes
from archive.filing.retention import file_retention
from archive.filing.suggestions import dismiss, suggestions
from archive.messages import Message
from archive.retention.schedule import load_schedule
from archive.store import Store
from web.auth import role_for
from web.context import catalog, clearance, settings, writer_settings
from web.messages import localize
from web.parsing import json_body, text_field

filing = Blueprint("filing", __name__)
role_for(filing, "reader", writes="archivist", api_suggestions="archivist")


class FileRefConverter(BaseConverter):
    """CODE, YEAR/CODE or FONDS/YEAR/CODE, and nothing longer: `/api/files/01.KL/close` is never read as a
    file named "01.KL/close", nor `/api/files/plan` as a file coded "plan" (name such a file YEAR/plan)."""

    regex = r"(?!(?:plan|suggestions)(?![^/]))(?:(?:[^/]+/)?\d{4}/)?[^/]+"  # /api/files/plan is not a file
    part_isolating = False


filing.record_once(lambda state: state.app.url_map.converters.setdefault("fileref", FileRefConverter))


@filing.app_context_processor
def start_page_files() -> dict:
    """`year_files()` for the start page's partial: the newest plan year the reader has files in, with them
    (called only when that partial is drawn)."""

    def year_files() -> dict:
        years = visible_years(catalog(), clearance())
        if not years:
            return {"year": None, "files": []}
        return {"year": years[0], "files": list_visible_files(catalog(), clearance(), year=years[0])}

    return {"year_files": year_files}


def _year_arg() -> int | None:
    raw = (request.args.get("year") or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or len(raw) != 4:
        raise QueryError(Message("year must be four digits, not %(value)r", value=raw))
    return int(raw)


def _status_arg() -> str | None:
    raw = (request.args.get("status") or "").strip()
    if raw and raw not in ("open", "closed"):
        raise QueryError(Message("status must be open or closed, not %(value)r", value=raw))
    return raw or None


def file_detail(ref: str) -> dict:
    """What a file's page and `/api/files/<ref>` show: description, status, retention, hold, contents (the
    view is audited)."""
    view = view_file(catalog(), ref, clearance())
    whole = file_retention(catalog(), view.file, load_schedule(settings().home), view.records)
    rule = whole.rule
    return {
        **view.to_dict(),
        "hold": filing_store.file_hold(catalog(), view.file.id),
        "retention_period": rule.label if view.records or view.file.retention else None,
        "retention_rule": rule.source if view.records or view.file.retention else None,
        "retention_ends": whole.ends.isoformat() if whole.ends else None,
        "contents": contents_rows(view),
    }


def plan_listing() -> dict:
    year = _year_arg()
    found = list_visible_files(catalog(), clearance(), year=year, unit=request.args.get("unit"), status=_status_arg())
    years = visible_years(catalog(), clearance())
    return {
        "year": year,
        "years": years,
        "fonds": [f.to_dict() for f in list_fonds(catalog())],
        "files": [v.to_dict() for v in found],
    }


# --- pages -------------------------------------------------------------------------------------------


@filing.get("/files")
def files_page():
    return render_template("files.html", listing=plan_listing())


@filing.get("/files/<fileref:ref>/contents.csv")
def contents_page_csv(ref: str):
    view = read_contents(catalog(), ref, clearance())
    name = f"muc-luc-{view.file.year}-{view.file.code}.csv"
    return Response(
        contents_csv(view),
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{_ascii(name)}"'},
    )


@filing.get("/files/<fileref:ref>/package.zip")
def package(ref: str):
    name, package_file = file_package(catalog(), Store(settings().store_dir), ref, clearance())
    return send_file(package_file, mimetype="application/zip", as_attachment=True, download_name=_ascii(name))


@filing.get("/files/<fileref:ref>")
def file_page(ref: str):
    detail = file_detail(ref)
    return render_template("file.html", file=detail)


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in ".-_") else "_" for c in name)


# --- archivists' forms on a file's page ------------------------------------------------------------


@filing.post("/files/<fileref:ref>/documents")
def file_documents_form(ref: str):
    """Documents by id or symbol (89-KL/TU), separated by spaces or commas, filed in that order."""
    names = [n for n in re.split(r"[\s,;]+", request.form.get("documents", "")) if n]
    ids = resolve_documents(settings(), names, clearance())
    view = add_documents(writer_settings(), ref, ids, clearance=clearance())
    return redirect(url_for("filing.file_page", ref=view.file.ref), 303)


@filing.post("/files/<fileref:ref>/close")
def close_form(ref: str):
    raw = (request.form.get("date") or "").strip()
    try:
        day = date.fromisoformat(raw) if raw else None
    except ValueError:
        raise UsageError(Message("date must be YYYY-MM-DD, not %(value)r", value=raw)) from None
    file = close_file(writer_settings(), ref, day, clearance=clearance())
    return redirect(url_for("filing.file_page", ref=file.ref), 303)


@filing.post("/files/<fileref:ref>/reopen")
def reopen_form(ref: str):
    file = reopen_file(writer_settings(), ref, request.form.get("reason", ""), clearance=clearance())
    return redirect(url_for("filing.file_page", ref=file.ref), 303)


# --- JSON API ----------------------------------------------------------------------------------------


@filing.get("/api/fonds")
def api_fonds():
    return jsonify({"fonds": [f.to_dict() for f in list_fonds(catalog())]})


@filing.post("/api/fonds")
def api_add_fonds():
    """Archivists: add a fonds `{"code", "name"}`."""
    data = json_body()
    found = add_fonds(writer_settings(), text_field(data, "code"), text_field(data, "name"))
    return jsonify(found.to_dict()), 201


@filing.post("/api/files/plan")
def api_import_plan():
    """Archivists: a year's file plan as a CSV body (text/csv, UTF-8); `?dry_run=1` only checks. With any
    problem nothing is created (422, each problem with its line)."""
    # Held in memory, bounded: a file in the store's tmp would be removed under it by the recovery of an ingest
    # or a disposal starting meanwhile.
    if (request.content_length or 0) > PLAN_UPLOAD_MAX:
        raise PlanTooLarge()
    body = request.get_data(cache=False)
    if len(body) > PLAN_UPLOAD_MAX:  # sent without a length
        raise PlanTooLarge()
    dry_run = request.args.get("dry_run") in ("1", "true", "yes")
    result = import_plan_bytes(writer_settings(), body, "plan.csv", dry_run=dry_run, clearance=clearance())
    problems = [{**p.to_dict(), "text": localize(p.message)} for p in result.problems]
    return jsonify({**result.to_dict(), "problems": problems}), 200 if result.ok else 422


@filing.post("/api/files/<fileref:ref>/hold")
def api_hold(ref: str):
    """Archivists: put a whole file under legal hold `{"reason"}`."""
    return jsonify(
        {"hold": hold_file(writer_settings(), ref, text_field(json_body(), "reason"), clearance=clearance())}
    ), 201


@filing.delete("/api/files/<fileref:ref>/hold")
def api_release(ref: str):
    release_file(writer_settings(), ref, text_field(json_body(), "reason"), clearance=clearance())
    return jsonify({"hold": None})


@filing.get("/api/files")
def api_files():
    return jsonify(plan_listing())


@filing.post("/api/files")
def api_open_file():
    """Open a file ad hoc (archivists): code, title, year, and the plan's other columns."""
    data = json_body()
    raw = {
        name: text_field(data, name)
        for name in (
            "code",
            "title",
            "heading",
            "unit",
            "keeper",
            "retention",
            "classification",
            "description",
            "kind",
            "meeting_date",
            "fonds",
            "compartments",
        )
    }
    year = data.get("year", date.today().year)
    if not isinstance(year, int) or isinstance(year, bool):
        raise UsageError(Message("%(field)s must be a whole number", field="year"))
    file = open_file(writer_settings(), {**raw, "year": str(year)}, clearance=clearance())
    return jsonify(file.to_dict()), 201


@filing.get("/api/files/suggestions")
def api_suggestions():
    return jsonify({"suggestions": [s.to_dict() for s in suggestions(catalog(), clearance())]})


@filing.post("/api/files/<fileref:ref>/dismissed")
def api_dismiss(ref: str):
    """Never suggest these documents for this file again: `{"ids": [..]}` (accepting is filing them)."""
    for record_id in _ids(json_body()):
        dismiss(writer_settings(), record_id, ref, clearance=clearance())
    return jsonify({"suggestions": [s.to_dict() for s in suggestions(catalog(), clearance())]})


@filing.get("/api/files/<fileref:ref>")
def api_file(ref: str):
    detail = file_detail(ref)
    return jsonify(detail)


@filing.post("/api/files/<fileref:ref>/documents")
def api_add(ref: str):
    """File documents: `{"ids": [..]}`, in that order, all or nothing."""
    view = add_documents(writer_settings(), ref, _ids(json_body()), clearance=clearance())
    return jsonify({**view.to_dict(), "contents": contents_rows(view)})


@filing.delete("/api/files/<fileref:ref>/documents")
def api_remove(ref: str):
    view = remove_documents(writer_settings(), ref, _ids(json_body()), clearance=clearance())
    return jsonify({**view.to_dict(), "contents": contents_rows(view)})


@filing.put("/api/files/<fileref:ref>/order")
def api_order(ref: str):
    """Set the order of the documents the caller sees (a meeting's agenda): `{"ids": [..]}`, every one once."""
    view = reorder_documents(writer_settings(), ref, _ids(json_body()), clearance=clearance())
    return jsonify({**view.to_dict(), "contents": contents_rows(view)})


@filing.post("/api/files/<fileref:ref>/close")
def api_close(ref: str):
    raw = text_field(json_body(), "date")
    try:
        day = date.fromisoformat(raw) if raw else None
    except ValueError:
        raise UsageError(Message("date must be YYYY-MM-DD, not %(value)r", value=raw)) from None
    return jsonify(close_file(writer_settings(), ref, day, clearance=clearance()).to_dict())


@filing.post("/api/files/<fileref:ref>/reopen")
def api_reopen(ref: str):
    reason = text_field(json_body(), "reason")
    return jsonify(reopen_file(writer_settings(), ref, reason, clearance=clearance()).to_dict())


def _ids(data: dict) -> list[int]:
    ids = data.get("ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise UsageError(Message("ids must be a list of record ids"))
    return ids
