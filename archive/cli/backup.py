"""Backups: `archive backup DEST` while the archive is in use, `archive restore SRC` into an empty home."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archive.cli import (
    EXIT_FAILED,
    background_job,
    fail_on_archive_errors,
    json_option,
    main,
    print_json,
    quiet_option,
    wait_option,
)
from archive.cli.logs import log_error, say, warn
from archive.config import Settings

SHOWN_PROBLEMS = 100  # on stderr (cron's mail); the backup's BACKUP.json lists them all


@main.command()
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
@background_job
def backup(settings: Settings, dest: Path, as_json: bool, quiet: bool, wait: float) -> None:
    """Write a consistent copy of the archive into DEST (new or empty), even while it is in use.

    The catalog is an online SQLite snapshot taken under the writer lock (briefly: the files it needs are
    hard-linked, then copied after the lock is released); the originals it names are copied and checked
    against their SHA-256, the index is copied or marked for rebuilding on restore. Exit 1 when an original
    is missing or damaged: everything else is copied, and the problems are named on stderr.
    """
    from archive.upkeep.copies import make_backup

    summary = make_backup(settings.with_(lock_wait=wait), dest)
    if as_json:
        print_json(summary)
    say(
        f"backup: {summary['records']} records, {summary['originals']} originals ({summary['bytes']:,} bytes), "
        f"index {summary['index']}, in {dest}",
        quiet or as_json,
    )
    if summary["problems"]:
        _fail_incomplete(dest, summary)


def _fail_incomplete(dest: Path, summary: dict) -> None:
    """A backup that is not a faithful copy says so on stderr, whatever the options, and exits 1."""
    problems, missing, damaged = summary["problems"], summary["originals_missing"], summary["originals_damaged"]
    left_out = [f"{missing} missing from the store"] if missing else []
    left_out += [f"{damaged} damaged"] if damaged else []
    lines = [
        f"archive: error: the backup in {dest} is incomplete, originals left out: {', '.join(left_out)}; "
        "everything else was copied. Run `archive verify` and bring them back from an older backup"
    ]
    lines += [f"{p['kind']}: record {p['id']}: {p['detail']}" for p in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"… and {len(problems) - SHOWN_PROBLEMS} more, listed in {dest / 'BACKUP.json'}")
    for line in lines:
        log_error(line)
        click.echo(line, err=True)
    sys.exit(EXIT_FAILED)


@main.command()
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def restore(settings: Settings, source: Path, as_json: bool, quiet: bool, wait: float) -> None:
    """Bring back a backup made by `archive backup` into an empty home (--home), then check its index."""
    from archive.upkeep.copies import bring_back

    summary = bring_back(settings.with_(lock_wait=wait), source)
    if as_json:
        print_json(summary)
    say(
        f"restore: {summary['backup']['records']} records from {source}; run `archive verify` to check",
        quiet or as_json,
    )
    lacking = summary["backup"].get("originals_missing", 0) + summary["backup"].get("originals_damaged", 0)
    if lacking:  # restored as it was made; `verify` names the records
        warn(f"restore: this backup lacks {lacking} original(s): it was incomplete when it was made", as_json)
