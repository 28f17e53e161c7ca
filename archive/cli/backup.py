"""Backups: `archive backup DEST` while the archive is in use, `archive restore SRC` into an empty home."""

from __future__ import annotations

from pathlib import Path

import click

from archive.cli import background_job, fail_on_archive_errors, json_option, main, print_json, quiet_option, wait_option
from archive.cli.logs import say
from archive.config import Settings


@main.command()
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@json_option
@quiet_option
@click.pass_obj
@fail_on_archive_errors
@background_job
def backup(settings: Settings, dest: Path, as_json: bool, quiet: bool) -> None:
    """Write a consistent copy of the archive into DEST (new or empty), even while it is in use.

    The catalog is an online SQLite snapshot, the originals it names are copied and checked against
    their SHA-256, the index is copied or marked for rebuilding on restore.
    """
    from archive.backup import backup as run_backup
    from archive.catalog import Catalog

    summary = run_backup(settings, dest)
    with Catalog(settings.catalog_path) as catalog:  # a copy of every original left the archive: audited
        catalog.log_event("backup", None, dest=str(dest.resolve()), records=summary["records"])
    if as_json:
        print_json(summary)
    say(
        f"backup: {summary['records']} records, {summary['originals']} originals ({summary['bytes']:,} bytes), "
        f"index {summary['index']}, in {dest}",
        quiet or as_json,
    )


@main.command()
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def restore(settings: Settings, source: Path, as_json: bool, quiet: bool, wait: float) -> None:
    """Bring back a backup made by `archive backup` into an empty home (--home), then check its index."""
    from archive.backup import restore as run_restore
    from archive.catalog import Catalog

    summary = run_restore(settings.with_(lock_wait=wait), source)
    with Catalog(settings.catalog_path) as catalog:
        catalog.log_event("restore", None, source=str(source.resolve()), records=summary["backup"]["records"])
    if as_json:
        print_json(summary)
    say(
        f"restore: {summary['backup']['records']} records from {source}; run `archive verify` to check",
        quiet or as_json,
    )
