"""Keeping the archive sound: reindex, reextract, verify."""

from __future__ import annotations

import sys

import click

from archive.catalog import Catalog
from archive.cli import (
    EXIT_FAILED,
    background_job,
    fail_on_archive_errors,
    json_option,
    main,
    print_json,
    progress,
    quiet_option,
    wait_option,
)
from archive.cli.logs import say, warn
from archive.config import Settings


@main.command()
@click.argument("record_ids", nargs=-1, type=int)
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
@background_job
def reextract(settings: Settings, record_ids: tuple[int, ...], as_json: bool, quiet: bool, wait: float) -> None:
    """Re-read metadata from stored text with the current rules (all records, or the IDs given).

    Values from a manifest or an edit are kept; only extracted values are replaced.
    """
    import getpass

    from archive.pipeline.reextract import reextract as run_reextract

    counts = run_reextract(settings.with_(lock_wait=wait), record_ids or None, actor=getpass.getuser())
    if as_json:
        print_json(counts)
    say(f"reextract: {counts['checked']} records checked, {counts['updated']} updated", quiet or as_json)


@main.command()
@click.option("--full", is_flag=True, help="Rebuild everything beside the live index, then swap it in.")
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
@background_job
def reindex(settings: Settings, full: bool, as_json: bool, quiet: bool, wait: float) -> None:
    """Bring the search index in step with the catalog."""
    from archive.upkeep.reindex import sync_index
    from archive.upkeep.session import writing

    with writing(settings, "reindex", wait=wait, sync=False) as session:  # synced next, once
        catalog = session.catalog
        bar = progress(catalog.count() if full else None, "record", quiet or as_json)
        try:
            summary = sync_index(
                catalog,
                settings.index_dir,
                full=full,
                progress=bar.update,
                chunk=settings.reindex_chunk,
                workers=settings.workers,
            )
        finally:
            bar.close()
    if as_json:
        print_json(summary.to_dict())
    kind = f"full rebuild, {summary.reason}" if summary.full else "incremental"
    say(f"reindex ({kind}): {summary.indexed} indexed, {summary.deleted} removed", quiet or as_json)


@main.command()
@click.option(
    "--sample",
    type=click.IntRange(1),
    metavar="N",
    help="Re-hash N originals drawn at random (nightly); all by default.",
)
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
@background_job
def verify(settings: Settings, sample: int | None, as_json: bool, quiet: bool, wait: float) -> None:
    """Check every original's SHA-256 and that catalog, store and index agree, and each PDF/A copy's SHA-256
    (reported apart). Exit 1 on any problem.

    Each run is recorded in the audit trail (`fixity`)."""
    from archive.store import Store
    from archive.upkeep.session import holding
    from archive.upkeep.verify import verify_and_log as run_verify

    # The lock alone: verify reports what a killed writer left; repairing it first would hide it.
    with holding(settings, "verify", wait=wait), Catalog(settings.catalog_path) as catalog:
        bar = progress(catalog.count(), "record", as_json or quiet)
        try:
            report = run_verify(
                catalog, Store(settings.store_dir), settings.index_dir, progress=bar.update, sample=sample
            )
        finally:
            bar.close()
    if as_json:
        print_json(report.to_dict())
    for problem in report.problems:
        where = f"record {problem.record_id}: " if problem.record_id is not None else ""
        warn(f"{problem.kind}: {where}{problem.detail}", as_json)
    for problem in report.preservation:  # the PDF/A copies, said apart from the originals
        warn(f"preservation copy: {problem['kind']}: record {problem['id']}: {problem['detail']}", as_json)
    verdict = "OK" if report.ok else f"{len(report.problems) + len(report.preservation)} problem(s)"
    line = (
        f"verify: {verdict} — {report.records} records, {report.originals_checked} originals checked, "
        f"{report.indexed} in the index, {report.copies_checked} preservation copies checked, "
        f"{report.renditions_checked} searchable PDFs and previews checked"
    )
    if report.renditions_unchecked:  # made before their digest was kept: nothing to check them against
        line += f" ({report.renditions_unchecked} searchable PDFs made before digests were kept: not checked)"
    say(line, as_json or (quiet and report.ok))
    sys.exit(0 if report.ok else EXIT_FAILED)
