"""`archive followup`: tasks that directing documents set, their deadlines and the evidence they were done."""

from __future__ import annotations

import sys
from datetime import date

import click

from archive.catalog import Catalog
from archive.cli import EXIT_FAILED, fail_on_archive_errors, json_option, main, print_json, quiet_option
from archive.config import Settings


@main.group()
def followup() -> None:
    """Follow up what resolutions, directives and conclusions ask (theo dõi thực hiện)."""


def _day(raw: str | None) -> date:
    from archive.fields import validate

    if not raw:
        return date.today()
    try:
        return date.fromisoformat(validate("issued", raw))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def _line(task: dict) -> str:
    state = "overdue" if task["overdue"] else task["status"]
    symbol = task["symbol"] or f"record {task['record_id']}"
    return f"[{task['id']}] {task['due']}  {state:<8} {task['lead']}: {task['task']}  ({symbol})"


@followup.command("add")
@click.argument("record")
@click.option("--task", "text", help="What is to be done (default for a review: Sơ kết / Tổng kết …).")
@click.option("--lead", required=True, help="The unit in charge.")
@click.option("--due", required=True, help="Deadline: DD/MM/YYYY or YYYY-MM-DD.")
@click.option("--every", help="Comes back every so often once done: 6m, 1y …")
@click.option(
    "--kind", default="task", show_default=True, help="task, so-ket (preliminary review) or tong-ket (final)."
)
@click.option("--exists-ok", is_flag=True, help="An open task with the same values is kept as it is (no second one).")
@json_option
@click.pass_obj
@fail_on_archive_errors
def add(settings: Settings, record: str, text, lead, due, every, kind, exists_ok: bool, as_json: bool) -> None:
    """Attach a task to a directing document, by id or symbol (it takes the document's classification)."""
    from archive.followup.listing import task_view
    from archive.followup.tasks import add_task, check_task, directing_record

    try:
        new = check_task(text, lead, due, every, kind)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    task = add_task(settings, directing_record(settings, record), new, exists_ok=exists_ok)
    with Catalog(settings.catalog_path) as catalog:
        view = task_view(task, date.today(), catalog, None)
    if as_json:
        print_json(view)
    else:
        click.echo(f"task {task.id}: {_line(view)}")


@followup.command("list")
@click.option("--unit", help="Only this lead unit's tasks.")
@click.option("--status", type=click.Choice(["open", "done", "overdue"]))
@click.option("--overdue", is_flag=True, help="Only open tasks past their deadline (as --status overdue).")
@click.option("--record", "record_id", type=int, help="Only the tasks of this directing document.")
@click.option("--as-of", "as_of", help="The day deadlines are counted to (default: today).")
@json_option
@click.pass_obj
@fail_on_archive_errors
def list_command(settings: Settings, unit, status, overdue: bool, record_id, as_of, as_json: bool) -> None:
    """Tasks by deadline, each with the records that may show it done (candidates)."""
    from archive.followup.listing import list_tasks, task_views

    day = _day(as_of)
    with Catalog(settings.catalog_path) as catalog:
        found = list_tasks(catalog, unit=unit, status="overdue" if overdue else status, record_id=record_id, as_of=day)
        views = task_views(catalog, found, None, day)
    if as_json:
        print_json({"as_of": day.isoformat(), "tasks": views})
        return
    for view in views:
        click.echo(_line(view))
        for candidate in view["candidates"]:
            click.echo(f"      candidate evidence: record {candidate['id']} {candidate['symbol'] or ''}")


@followup.command("done")
@click.argument("task_id", type=int)
@click.option("--evidence", type=int, required=True, help="The record showing it done (a report, a plan …).")
@json_option
@click.pass_obj
@fail_on_archive_errors
def done(settings: Settings, task_id: int, evidence: int, as_json: bool) -> None:
    """Close a task with its evidence; a repeating task comes back with its next deadline."""
    from archive.followup.listing import task_view
    from archive.followup.tasks import complete_task

    closed, repeat = complete_task(settings, task_id, evidence)
    with Catalog(settings.catalog_path) as catalog:
        views = [task_view(t, date.today(), catalog, None) for t in (closed, repeat) if t]
    if as_json:
        print_json({"done": views[0], "next": views[1] if repeat else None})
        return
    click.echo(f"task {task_id}: done, evidence record {evidence}")
    if repeat:
        click.echo(f"task {repeat.id}: next due {repeat.due}")


@followup.command("dismiss")
@click.argument("task_id", type=int)
@click.argument("record_id", type=int)
@click.pass_obj
@fail_on_archive_errors
def dismiss(settings: Settings, task_id: int, record_id: int) -> None:
    """Stop offering a record as evidence for a task."""
    from archive.followup.tasks import dismiss_candidate

    changed = dismiss_candidate(settings, task_id, record_id)
    click.echo(f"task {task_id}: record {record_id} " + ("dismissed" if changed else "was dismissed already"))


@followup.command("overdue")
@click.option("--as-of", "as_of", help="The day deadlines are counted to (default: today).")
@json_option
@quiet_option
@click.pass_obj
@fail_on_archive_errors
def overdue(settings: Settings, as_of, as_json: bool, quiet: bool) -> None:
    """Open tasks past their deadline; exit 1 when there are any (a cron job: silent with --quiet)."""
    from archive.followup.listing import list_tasks, task_views

    day = _day(as_of)
    with Catalog(settings.catalog_path) as catalog:
        views = task_views(catalog, list_tasks(catalog, status="overdue", as_of=day), None, day)
    if as_json:
        print_json({"as_of": day.isoformat(), "tasks": views})
    else:
        for view in views:  # with --quiet on stderr, where cron mails it from
            click.echo(_line(view), err=quiet)
        if not views and not quiet:
            click.echo(f"no task overdue on {day.isoformat()}")
    sys.exit(EXIT_FAILED if views else 0)
