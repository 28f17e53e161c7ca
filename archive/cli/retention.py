"""Retention, legal holds, disposal and declassification review."""

from __future__ import annotations

import sys
from datetime import date

import click

from archive.catalog import Catalog
from archive.cli import EXIT_FAILED, fail_on_archive_errors, json_option, main, print_json, quiet_option, wait_option
from archive.cli.logs import say, warn
from archive.config import Settings

as_of_option = click.option(
    "--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Count to this day (YYYY-MM-DD) instead of today."
)


def _day(value) -> date:
    return value.date() if value else date.today()


@main.group()
def retention() -> None:
    """How long records are kept: what is due, disposal, disposal records."""


@retention.command()
@as_of_option
@json_option
@click.pass_obj
@fail_on_archive_errors
def due(settings: Settings, as_of, as_json: bool) -> None:
    """Records whose retention period has ended, for review (nothing is deleted)."""
    from archive.retention.holds import find_hold
    from archive.retention.retention import due_for_disposal
    from archive.retention.schedule import load_schedule

    day = _day(as_of)
    schedule = load_schedule(settings.home)
    with Catalog(settings.catalog_path) as catalog:
        found, undated = due_for_disposal(catalog.iter_records(), schedule, day)
        holds = {d.record.id: find_hold(catalog.db, d.record.id) for d in found}
    rows = [{**d.to_dict(), "hold": holds[d.record.id].to_dict() if holds[d.record.id] else None} for d in found]
    if as_json:
        print_json({"as_of": day.isoformat(), "records": rows, "undated": [r.id for r, _ in undated]})
        return
    click.echo(f"{len(rows)} records due for review as of {day} (schedule: {schedule.source})")
    for row in rows:
        held = f"  HELD: {row['hold']['reason']}" if row["hold"] else ""
        label = row["doc_number"] or row["filename"]
        click.echo(
            f"  [{row['id']}] {label} {row['title'] or ''} — {row['retention']} ({row['rule']}), "
            f"ended {row['ends']}{held}"
        )
    if undated:
        click.echo(
            f"{len(undated)} records have a limited period but no date: " + ", ".join(str(r.id) for r, _ in undated)
        )


@retention.command()
@click.argument("record_ids", nargs=-1, type=int, required=True)
@click.option("--authority", required=True, help='The approving decision, e.g. "Quyết định số 12-QĐ/VPTU".')
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def dispose(
    settings: Settings, record_ids: tuple[int, ...], authority: str, as_json: bool, quiet: bool, wait: float
) -> None:
    """Destroy records whose period has ended: original, text and index entries go, a disposal record stays.

    Held and permanent records (and any not yet due) are refused; then nothing is disposed. Exit 1 on refusal.
    """
    from archive.retention.dispose import dispose as run_dispose

    result = run_dispose(settings.with_(lock_wait=wait), record_ids, authority)
    if as_json:
        print_json(result.to_dict())
    for refusal in result.refused:  # a hold's reason is free text: the log file gets the record id only
        warn(f"refused: {refusal.reason}", as_json, logged=f"refused: record {refusal.record_id} (reason on stderr)")
    for disposal in result.disposed:
        say(f"disposed: record {disposal.record_id} ({disposal.filename}, sha256 {disposal.sha256})", quiet or as_json)
    if result.refused:
        warn("nothing was disposed", as_json)
    sys.exit(EXIT_FAILED if result.refused else 0)


@retention.command()
@click.argument("record_id", type=int, required=False)
@json_option
@click.pass_obj
@fail_on_archive_errors
def disposed(settings: Settings, record_id: int | None, as_json: bool) -> None:
    """Disposal records: every one, or that of RECORD_ID."""
    from archive.errors import NotFoundError
    from archive.retention.disposals import find_disposal, list_disposals

    with Catalog(settings.catalog_path) as catalog:
        found = [find_disposal(catalog.db, record_id)] if record_id is not None else list_disposals(catalog.db)
    if record_id is not None and found[0] is None:
        raise NotFoundError(f"record {record_id} was not disposed of")
    if as_json:
        print_json({"disposals": [d.to_dict() for d in found]})
        return
    for d in found:
        title = d.metadata.get("title") or ""
        click.echo(f"[{d.record_id}] {d.filename} {title} — disposed {d.disposed_at} by {d.actor} under {d.authority}")
        click.echo(f"      sha256 {d.sha256}, {d.size} bytes, {d.classification}, {d.retention}")


@retention.command()
@click.pass_obj
@fail_on_archive_errors
def schedule(settings: Settings) -> None:
    """Print the retention schedule file (written with the defaults if missing) and its path."""
    from archive.retention.schedule import ensure_schedule, load_schedule

    path = ensure_schedule(settings.home)
    load_schedule(settings.home)  # reports a mistake in the file
    click.echo(f"# {path}")
    click.echo(path.read_text(encoding="utf-8"), nl=False)


@main.group()
def hold() -> None:
    """Legal holds: a held record is never disposed of."""


@hold.command("add")
@click.argument("record_id", type=int)
@click.option("--reason", required=True, help="Why: the case, the request, the decision.")
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def hold_add(settings: Settings, record_id: int, reason: str, quiet: bool, wait: float) -> None:
    """Put a record under legal hold."""
    from archive.retention.holds import add_hold

    add_hold(settings.with_(lock_wait=wait), record_id, reason)
    say(f"record {record_id}: under legal hold ({reason})", quiet, logged=f"record {record_id}: under legal hold")


@hold.command("remove")
@click.argument("record_id", type=int)
@click.option("--reason", required=True, help="Why the hold ends: the case closed, the decision.")
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def hold_remove(settings: Settings, record_id: int, reason: str, quiet: bool, wait: float) -> None:
    """Lift a legal hold."""
    from archive.retention.holds import remove_hold

    remove_hold(settings.with_(lock_wait=wait), record_id, reason)
    say(f"record {record_id}: legal hold lifted", quiet)


@hold.command("list")
@json_option
@click.pass_obj
@fail_on_archive_errors
def hold_list(settings: Settings, as_json: bool) -> None:
    """Records under legal hold."""
    from archive.retention.holds import list_holds

    with Catalog(settings.catalog_path) as catalog:
        found = list_holds(catalog.db)
    if as_json:
        print_json({"holds": [h.to_dict() for h in found]})
    for h in found if not as_json else ():
        click.echo(f"[{h.record_id}] since {h.at} by {h.actor}: {h.reason}")


@main.group()
def classification() -> None:
    """Protection periods of state secrets and declassification review."""


@classification.command("due")
@as_of_option
@json_option
@click.pass_obj
@fail_on_archive_errors
def classification_due(settings: Settings, as_of, as_json: bool) -> None:
    """Classified records whose protection period has ended, for a declassification review.

    Declassify with `archive classification declassify ID --decision D --reason R` (audited).
    """
    from archive.retention.classification import due_for_declassification
    from archive.retention.schedule import load_schedule

    day = _day(as_of)
    with Catalog(settings.catalog_path) as catalog:
        found, undated = due_for_declassification(catalog.iter_records(), load_schedule(settings.home), day)
    if as_json:
        print_json(
            {"as_of": day.isoformat(), "records": [r.to_dict() for r in found], "undated": [r.id for r in undated]}
        )
        return
    click.echo(f"{len(found)} classified records due for declassification review as of {day}")
    for review in found:
        r = review.record
        click.echo(
            f"  [{r.id}] {r.doc_number or r.filename} {r.title or ''} — {r.classification}, {review.years} years "
            f"from {r.issued}, ended {review.ends}"
        )
    if undated:
        click.echo(f"{len(undated)} classified records have no date: " + ", ".join(str(r.id) for r in undated))


@classification.command("declassify")
@click.argument("record_id", type=int)
@click.option("--decision", required=True, help="The decision that allows it (number and symbol).")
@click.option("--reason", required=True, help="Why the record may now be read by all.")
@json_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def classification_declassify(settings: Settings, record_id: int, decision: str, reason: str, as_json, wait) -> None:
    """Declassify a record, recording the decision and the reason in its audit entry (as the web's
    "Giải mật" does)."""
    import getpass

    from archive.editing import declassify

    try:
        changed = declassify(settings.with_(lock_wait=wait), record_id, decision, reason, actor=getpass.getuser())
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if as_json:
        print_json({"id": record_id, "changed": changed})
        return
    if not changed:
        click.echo(f"record {record_id}: already unclassified")
    for name, change in changed.items():
        click.echo(f"record {record_id}: {name}: {change['old']!r} → {change['new']!r}")
