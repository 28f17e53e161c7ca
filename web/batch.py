"""The search page's batch correction for archivists: the records ticked, or all N results of the search
(cut to the archivist's clearance), previewed old → new, then corrected all or nothing."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from archive.corrections.batch import apply_corrections
from archive.corrections.selection import ids_for_query
from archive.errors import UsageError
from archive.messages import Message
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
    field, value = form.get("field", ""), form.get("value", "")
    if not ids or not field:
        raise UsageError(Message("tick the records to correct"))
    dry_run = form.get("apply") != "1"
    result = apply_corrections(
        writer_settings(), {i: {field: value} for i in ids}, actor=user.name, clearance=clearance(), dry_run=dry_run
    )
    return render_template("batch.html", result=result, ids=ids, field=field, value=value, back=state.url()), (
        409 if result.refused else 200
    )
