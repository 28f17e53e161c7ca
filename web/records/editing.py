"""Changing a record, for archivists: the record page's forms (edit, declassify, legal hold; plain
server-rendered forms, each with its CSRF token) and the same as JSON (`PATCH /api/records/<id>`,
`/api/records/<id>/hold`). Each sees only records within the caller's clearance; the use cases write the
audit entries (`archive.editing`, `archive.retention.holds`)."""

from __future__ import annotations

from flask import Blueprint, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from archive.editing import beyond_clearance, declassify, edit_record
from archive.errors import UsageError
from archive.fields import validate
from archive.messages import Message, message_of
from archive.people.access import ACCESS_FIELDS, visible_record
from archive.retention.holds import add_hold, remove_hold
from archive.vocabulary import METADATA_FIELDS
from web.auth import role_for
from web.context import catalog, clearance, writer_settings
from web.parsing import json_body, text_field
from web.paths import local_path
from web.records.reading import record_page

editing = Blueprint("editing", __name__)
role_for(editing, "archivist")


@editing.post("/records/<int:record_id>/declassify")
def declassify_form(record_id: int):
    """Declassify with the decision and reason: first a confirmation page, then (`confirm`) the change,
    reported at the top of the record page."""
    user = g.user
    decision, reason = request.form.get("decision", "").strip(), request.form.get("reason", "").strip()
    record = visible_record(catalog(), record_id, clearance())
    if not decision or not reason:
        raise UsageError(Message("declassifying needs the decision number and the reason"))
    if request.form.get("confirm") != "1":
        return render_template(
            "confirm.html",
            heading=_("Declassify this document?"),
            explain=_("Everyone with access to the archive will be able to read it."),
            items=[
                f"{record.doc_number or record.filename} — {record.title or ''}",
                _("Decision: %(d)s", d=decision),
                _("Reason: %(r)s", r=reason),
            ],
            action=url_for("editing.declassify_form", record_id=record_id),
            fields=[("decision", decision), ("reason", reason), ("confirm", "1")],
            confirm=_("Yes, declassify"),
            cancel=url_for("records.record", record_id=record_id),
            lang_next=url_for("records.record", record_id=record_id),
        )
    try:
        declassify(writer_settings(), record_id, decision, reason, actor=user.name, clearance=clearance())
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None
    return redirect(url_for("records.record", record_id=record_id, done="declassified"), 303)


DONE = {  # what the record page says after an action, at its top
    "declassified": _l(
        "Declassified: the document is now unclassified; the decision and reason are in the audit trail."
    ),
    "hold-added": _l("The legal hold is placed."),
    "hold-removed": _l("The legal hold is lifted."),
}


@editing.app_context_processor
def done_texts() -> dict:
    return {"done_text": lambda code: str(DONE.get(code, ""))}


@editing.post("/records/<int:record_id>/hold")
def hold(record_id: int):
    if request.form.get("action") == "remove":
        remove_hold(writer_settings(), record_id, request.form.get("reason", ""), clearance=clearance())
    else:
        add_hold(writer_settings(), record_id, request.form.get("reason", ""), clearance=clearance())
    done = "hold-removed" if request.form.get("action") == "remove" else "hold-added"
    return redirect(url_for("records.record", record_id=record_id, done=done), 303)


@editing.post("/records/<int:record_id>/edit")
def edit(record_id: int):
    """From the record page: `field`/`value` for one field ("Declassify" posts classification=unclassified),
    or the whole form's `set-FIELD` values, of which only those that differ are changed (one audited edit)."""
    user = g.user
    if "field" in request.form:
        values = {request.form.get("field", ""): request.form.get("value", "")}
    else:
        values = _changed(record_id)
        refused = _refused(record_id, values)
        if refused:
            return _form_again(record_id, refused), 400
    try:
        if values:
            edit_record(writer_settings(), record_id, values, actor=user.name, clearance=clearance())
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None
    back = local_path(request.form.get("back"))
    if back or "field" in request.form:
        return redirect(back or url_for("records.record", record_id=record_id), 303)
    # The whole form: the record page again, saying at its top what was saved, with the search kept.
    kept = {k[5:]: v for k, v in request.form.items() if k.startswith("keep-") and v}
    saved = ",".join(values) or "1"
    return redirect(url_for("records.record", record_id=record_id, saved=saved, **kept) + "#notice", 303)


def _refused(record_id: int, values: dict[str, str]) -> dict[str, str]:
    """{field: why} for each value the catalog would refuse (`archive.fields.validate`), and a classification
    or compartments beyond the archivist's own clearance."""
    refused, valid = {}, {}
    for name, value in values.items():
        try:
            valid[name] = validate(name, value)
        except ValueError as exc:
            refused[name] = message_of(exc)  # said in the reader's language by the page
    beyond = beyond_clearance(visible_record(catalog(), record_id, clearance()), valid, clearance())
    for name in ACCESS_FIELDS if beyond else ():
        if name in valid:
            refused[name] = beyond
    return refused


def _form_again(record_id: int, refused: dict[str, str]) -> str:
    """The record page again, nothing saved, its edit form holding what the archivist typed and each refusal
    beside its field (`edit_form` in the template)."""
    typed = {name: request.form[f"set-{name}"] for name in METADATA_FIELDS if f"set-{name}" in request.form}
    g.edit_form = {"typed": typed, "refused": refused}
    return record_page(record_id)


@editing.app_context_processor
def edit_form() -> dict:
    return {"edit_form": g.get("edit_form")}


def _changed(record_id: int) -> dict[str, str]:
    current = visible_record(catalog(), record_id, clearance()).to_dict()
    changed = {}
    for name in METADATA_FIELDS:
        sent = request.form.get(f"set-{name}")
        if sent is None:
            continue
        sent = sent.strip()
        now = current.get(name)
        now = ",".join(now) if isinstance(now, list) else ("" if now is None else str(now))
        if sent != now and _stored(name, sent) != _stored(name, now):  # 20/02/2025 is the stored 2025-02-20
            changed[name] = sent
    return changed


def _stored(name: str, value: str):
    """The form the catalog would keep `value` in, or the text itself when it would refuse it."""
    try:
        return validate(name, value)
    except ValueError:
        return value


# --- the same as JSON ------------------------------------------------------------------------------------


@editing.patch("/api/records/<int:record_id>")
def api_edit(record_id: int):
    """`{"set": {field: value}}` → `{"id", "changed"}`, as `archive edit --json`."""
    user = g.user
    values = json_body().get("set")
    if not isinstance(values, dict) or not values or not all(isinstance(v, str) for v in values.values()):
        raise UsageError('send {"set": {"field": "value", …}} with text values')
    try:
        changed = edit_record(writer_settings(), record_id, values, actor=user.name, clearance=clearance())
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None
    return jsonify({"id": record_id, "changed": changed})


@editing.post("/api/records/<int:record_id>/hold")
def api_hold(record_id: int):
    placed = add_hold(writer_settings(), record_id, text_field(json_body(), "reason"), clearance=clearance())
    return jsonify({"hold": placed.to_dict()}), 201


@editing.delete("/api/records/<int:record_id>/hold")
def api_unhold(record_id: int):
    data = request.get_json(silent=True)
    data = data if isinstance(data, dict) else {}  # no body (or not an object): no reason, which is refused
    lifted = remove_hold(writer_settings(), record_id, text_field(data, "reason"), clearance=clearance())
    return jsonify({"lifted": lifted.to_dict()})
