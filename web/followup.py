"""Follow-up on the web: the `/followup` page (by unit, status and deadline), the record page's panel
(`_followup_panel.html`, fed by the `followup_panel` template function), its forms, and `/api/followup…`.
Every task is cut to the caller's clearance: one whose directing record they may not see does not exist
for them, in lists, counts and ids alike."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from archive.errors import UsageError
from archive.followup.counts import unit_counts
from archive.followup.listing import STATUSES, list_tasks, task_views
from archive.followup.tasks import add_task, check_task, complete_task, dismiss_candidate, visible_task
from archive.messages import Message, message_of
from web.auth import role_for
from web.context import catalog, clearance, settings
from web.parsing import as_of_arg, int_arg, json_body, text_field

followup = Blueprint("followup", __name__)
role_for(followup, "reader", writes="archivist")


def _status(raw: str | None) -> str | None:
    if raw and raw not in STATUSES:
        raise UsageError(Message("status is open, done or overdue, not %(value)r", value=raw))
    return raw or None


def tasks_for(*, unit=None, status=None, record_id=None, as_of: date) -> list[dict]:
    found = list_tasks(catalog(), clearance(), unit=unit, status=status, record_id=record_id, as_of=as_of)
    return task_views(catalog(), found, clearance(), as_of)


def _new_task(data) -> object:
    try:
        return check_task(
            text_field(data, "task"),
            text_field(data, "lead"),
            text_field(data, "due"),
            text_field(data, "every") or None,
            text_field(data, "kind") or "task",
        )
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None


def _one(task_id: int, as_of: date | None = None) -> dict:
    task = visible_task(catalog(), task_id, clearance())
    return task_views(catalog(), [task], clearance(), as_of or date.today())[0]


@followup.app_context_processor
def panel_function() -> dict:
    def followup_panel(record_id: int) -> list[dict]:
        """The record page's panel: the tasks of this record, as the reader may see them."""
        return tasks_for(record_id=record_id, as_of=date.today())

    return {"followup_panel": followup_panel}


@followup.get("/followup")
def page():
    as_of = as_of_arg(request.args.get("as_of"))
    unit, status = request.args.get("unit") or None, _status(request.args.get("status"))
    tasks = tasks_for(unit=unit, status=status, as_of=as_of)
    counts = unit_counts(catalog(), as_of, clearance())
    return render_template(
        "followup.html", tasks=tasks, counts=counts, unit=unit, status=status, as_of=as_of.isoformat()
    )


@followup.post("/records/<int:record_id>/followup")
def add_form(record_id: int):
    add_task(settings(), record_id, _new_task(request.form), clearance=clearance())
    return redirect(url_for("records.record", record_id=record_id, _anchor="followup-h"), 303)


@followup.post("/followup/<int:task_id>/done")
def done_form(task_id: int):
    closed, _ = complete_task(settings(), task_id, _evidence(request.form.get("evidence")), clearance=clearance())
    return redirect(url_for("records.record", record_id=closed.record_id, _anchor="followup-h"), 303)


@followup.post("/followup/<int:task_id>/dismiss")
def dismiss_form(task_id: int):
    task = visible_task(catalog(), task_id, clearance())
    dismiss_candidate(settings(), task_id, _evidence(request.form.get("record_id")), clearance=clearance())
    return redirect(url_for("records.record", record_id=task.record_id, _anchor="followup-h"), 303)


def _evidence(raw) -> int:
    if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not str(raw).strip().isdigit():
        raise UsageError(Message("give the id of the record showing it done"))
    value = int(str(raw))
    if value >= 2**63:
        raise UsageError(Message("give the id of the record showing it done"))
    return value


@followup.get("/api/followup")
def api_list():
    """Tasks by deadline, filtered by unit, status (open, done, overdue) and record, cut to the caller."""
    as_of = as_of_arg(request.args.get("as_of"))
    record_id = int_arg("record", 0, 0, 2**63 - 1) or None
    found = tasks_for(
        unit=request.args.get("unit") or None,
        status=_status(request.args.get("status")),
        record_id=record_id,
        as_of=as_of,
    )
    return jsonify({"as_of": as_of.isoformat(), "tasks": found})


@followup.post("/api/followup")
def api_add():
    """`{"record_id", "task", "lead", "due", "every"?, "kind"?}` → the task, 201."""
    data = json_body()
    record_id = data.get("record_id")
    if not isinstance(record_id, int) or isinstance(record_id, bool):
        raise UsageError(Message('send {"record_id": the directing record, "task", "lead", "due"}'))
    task = add_task(settings(), record_id, _new_task(data), clearance=clearance())
    return jsonify(_one(task.id)), 201


@followup.get("/api/followup/counts")
def api_counts():
    """`{unit: {"done", "open", "overdue"}}` over the tasks the caller may see."""
    as_of = as_of_arg(request.args.get("as_of"))
    return jsonify({"as_of": as_of.isoformat(), "units": unit_counts(catalog(), as_of, clearance())})


@followup.get("/api/followup/<int:task_id>")
def api_one(task_id: int):
    return jsonify(_one(task_id, as_of_arg(request.args.get("as_of"))))


@followup.post("/api/followup/<int:task_id>/done")
def api_done(task_id: int):
    """`{"evidence": record id}` → `{"done", "next"}` (next: the repeat of a repeating task, else null)."""
    closed, repeat = complete_task(settings(), task_id, _evidence(json_body().get("evidence")), clearance=clearance())
    return jsonify({"done": _one(closed.id), "next": _one(repeat.id) if repeat else None})


@followup.post("/api/followup/<int:task_id>/dismiss")
def api_dismiss(task_id: int):
    """`{"record_id": a candidate}` → `{"dismissed": true}` (false when it was dismissed already)."""
    changed = dismiss_candidate(settings(), task_id, _evidence(json_body().get("record_id")), clearance=clearance())
    return jsonify({"task": task_id, "record_id": int(json_body()["record_id"]), "dismissed": changed})
