"""`archive renditions`: PDF/A preservation copies of the records."""

from __future__ import annotations

import sys

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
from archive.cli.logs import say, warn
from archive.config import Settings


def parse_ids(value: str | None) -> list[int] | None:
    """`--ids 3,5-7 9` → [3, 5, 6, 7, 9]; a bad item is bad usage."""
    if value is None:
        return None
    found: list[int] = []
    for item in value.replace(",", " ").split():
        first, dash, last = item.partition("-")
        try:
            low, high = int(first), int(last) if dash else int(first)
        except ValueError:
            raise click.UsageError(f"--ids takes numbers and ranges like 3,5-7, not {item!r}") from None
        if high < low or high - low > 1_000_000:
            raise click.UsageError(f"--ids: the range {item!r} is empty or too large")
        found.extend(range(low, high + 1))
    return found


@main.command()
@click.option("--pending", is_flag=True, help="Only records not yet tried or waiting for a tool (not failed ones).")
@click.option("--ids", help="These records only (remade even if done): 3,5-7.")
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
@background_job
def renditions(settings: Settings, pending: bool, ids: str | None, as_json: bool, quiet: bool, wait: float) -> None:
    """Make a PDF/A copy of each record (scans through ocrmypdf, office and HTML files through LibreOffice),
    stored beside the original with its own checksum. Without the tool a record waits as pending; a later
    run makes it. Exit 1 when a copy failed."""
    from archive.preservation.renditions import make_renditions

    summary = make_renditions(settings.with_(lock_wait=wait), parse_ids(ids), pending_only=pending)
    if as_json:
        print_json(summary.to_dict())
    for r in summary.pending:
        warn(f"record {r.record_id}: pending: {r.reason}", as_json or quiet)
    for r in summary.failed:
        warn(f"record {r.record_id}: failed: {r.reason}", as_json)
    say(
        f"renditions: {len(summary.done)} made, {len(summary.pending)} pending, {len(summary.failed)} failed",
        as_json or quiet,
    )
    sys.exit(EXIT_FAILED if summary.failed else 0)
