"""The search page's batch work for archivists on the records ticked, or all N results of the search (cut to
the archivist's clearance): a correction (previewed old → new), a legal hold, or filing into a hồ sơ; each
previewed first, then applied all or nothing."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from archive.corrections.batch import apply_corrections
from archive.corrections.selection import ids_for_query
from archive.errors import ArchiveError, UsageError
from archive.filing.filing import add_documents, preview_filing
from archive.messages import Message
from archive.retention.holds import add_holds
from web import catalog, search_index
from web.auth import clearance, require
from web.searching import DATE_RANGE, FILTERS, SearchState
from web.workflow_api import writer_settings

batch = Blueprint("batch", __name__)


@batch.app_context_processor
def batch_fields() -> dict:
    """The fields the search page's batch correction offers."""
    from archive.vocabulary import METADATA_FIELDS

    return {"batch_fields": METADATA_FIELDS}


@batch.post("/records/batch")
def correct():
    user = require("archivist")
    form = request.form
    state = SearchState(form.get("q", ""), {k: form[k] for k in (*FILTERS, *DATE_RANGE) if form.get(k)})
    if form.get("all") == "1":
        ids = ids_for_query(catalog(), search_index(), state.query, state.search_filters(), clearance())
    else:
        try:
            ids = sorted({int(i) for i in form.getlist("ids")})
        except ValueError:
            raise UsageError(Message("tick the records to correct")) from None
    dry_run = form.get("apply") != "1"
    action = form.get("action", "edit")
    if action == "hold":
        return _hold(ids, form.get("reason", ""), dry_run, state.url())
    if action == "file":
        return _file(ids, form.get("file", "").strip(), dry_run, state.url())
    field, value = form.get("field", ""), form.get("value", "")
    if not ids or not field:
        raise UsageError(Message("tick the records to correct"))
    result = apply_corrections(
        writer_settings(), {i: {field: value} for i in ids}, actor=user.name, clearance=clearance(), dry_run=dry_run
    )
    return render_template("batch.html", result=result, ids=ids, field=field, value=value, back=state.url()), (
        409 if result.refused else 200
    )


def _hold(ids: list[int], reason: str, dry_run: bool, back: str):
    result = add_holds(writer_settings(), ids, reason, clearance=clearance(), dry_run=dry_run)
    page = render_template("batch_action.html", action="hold", ids=ids, reason=reason, result=result, back=back)
    return page, 409 if result.refused else 200


def _file(ids: list[int], ref: str, dry_run: bool, back: str):
    if not ids or not ref:
        raise UsageError(Message("tick the records and name the file"))
    try:
        call = preview_filing if dry_run else add_documents
        view = call(writer_settings(), ref, ids, clearance=clearance())
    except ArchiveError as exc:  # all or nothing: nothing was filed; the page says why
        refused = [(None, exc.message)]
        page = render_template("batch_action.html", action="file", ids=ids, ref=ref, refused=refused, back=back)
        return page, 409
    page = render_template(
        "batch_action.html", action="file", ids=ids, ref=ref, view=view, dry_run=dry_run, refused=[], back=back
    )
    return page, 200
