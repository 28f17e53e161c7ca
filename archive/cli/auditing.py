"""`archive audit`: check the tamper-evident trail, export it, read it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archive.catalog import Catalog
from archive.cli import EXIT_FAILED, fail_on_archive_errors, json_option, main, print_json

day = click.DateTime(formats=["%Y-%m-%d"])


@main.group()
def audit() -> None:
    """The audit trail: every access and change, hash-chained."""


@audit.command()
@click.option("--anchor", metavar="ID:HASH", help="A head printed by an earlier verify, kept elsewhere.")
@json_option
@click.pass_obj
@fail_on_archive_errors
def verify(settings, anchor: str | None, as_json: bool) -> None:
    """Recompute the hash chain; exit 1 if any entry was edited, deleted, reordered or cut off."""
    from archive.audit.trail import verify_trail

    with Catalog(settings.catalog_path) as catalog:
        try:
            report = verify_trail(catalog, anchor)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    if as_json:
        print_json(report.to_dict())
    else:
        for problem in report.problems:
            click.echo(f"{problem.kind}: entry {problem.entry}: {problem.detail}", err=True)
        if report.broken > len(report.problems):
            click.echo(f"… and {report.broken - len(report.problems)} more", err=True)
        verdict = "OK" if report.ok else f"{report.broken} problem(s)"
        click.echo(f"audit: {verdict} — {report.entries} entries, head {report.head}")
    sys.exit(0 if report.ok else EXIT_FAILED)


@audit.command()
@click.option("--from", "start", type=day, help="First day (YYYY-MM-DD), included.")
@click.option("--to", "end", type=day, help="Last day (YYYY-MM-DD), included.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default="-", show_default=True
)
@click.pass_obj
@fail_on_archive_errors
def export(settings, start, end, output: Path) -> None:
    """Write the entries of a period as CSV (with their hashes); the export itself is logged."""
    from archive.audit.trail import export_period

    start, end = (start.date() if start else None), (end.date() if end else None)
    with Catalog(settings.catalog_path) as catalog:
        if str(output) == "-":
            count = export_period(catalog, sys.stdout, start, end)
        else:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = export_period(catalog, out, start, end)
    if str(output) != "-":
        click.echo(f"audit: {count} entries written to {output}", err=True)


@audit.command("list")
@click.option("--from", "start", type=day, help="First day, included.")
@click.option("--to", "end", type=day, help="Last day, included.")
@click.option("--action", help="ingest, view, download, export, search, metadata, classification, hold, disposal …")
@click.option("--actor", help="A user's name.")
@click.option("--record", "record_id", type=int, help="Entries about this record.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@json_option
@click.pass_obj
@fail_on_archive_errors
def list_(settings, start, end, action, actor, record_id, limit, as_json) -> None:
    """The latest entries, newest first."""
    from archive.audit.auditlog import entries

    start, end = (start.date() if start else None), (end.date() if end else None)
    with Catalog(settings.catalog_path) as catalog:
        found = entries(
            catalog.db, start, end, action=action, actor=actor, record_id=record_id, limit=limit, newest_first=True
        )
    if as_json:
        print_json({"entries": [e.to_dict() for e in found]})
        return
    for e in found:
        about = f" record {e.record_id}" if e.record_id is not None else ""
        click.echo(f"{e.id:>6} {e.at} {e.actor}@{e.origin} {e.action}{about} {e.detail or ''}")
