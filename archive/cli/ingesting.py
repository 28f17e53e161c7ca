"""`archive ingest`: files and folders in, with an optional manifest."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archive.cli import (
    EXIT_FAILED,
    background_job,
    broker_option,
    fail_on_archive_errors,
    json_option,
    main,
    print_json,
    progress,
    wait_option,
)
from archive.cli.logs import RUN, say
from archive.config import Settings
from archive.models import IngestOutcome, OutcomeStatus
from archive.pipeline.files import printable


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@json_option
@click.option("-q", "--quiet", is_flag=True, help="No output when every file was added or a duplicate.")
@click.option("--workers", type=click.IntRange(1, 64), help="Extraction processes (default: one per core).")
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="UTF-8 CSV keyed by file path (column 'file') whose columns set metadata; overrides what is extracted.",
)
@click.option("--dry-run", is_flag=True, help="With --manifest: check it against the folder, ingest nothing.")
@broker_option
@click.option(
    "--register",
    "book",
    type=click.Choice(["in", "out"]),
    help="Number the files archived in the incoming or outgoing register (a manifest's register column wins).",
)
@wait_option
@click.pass_obj
@fail_on_archive_errors
@background_job
def ingest(
    settings: Settings,
    paths: tuple[Path, ...],
    as_json: bool,
    quiet: bool,
    workers: int | None,
    manifest: Path | None,
    dry_run: bool,
    broker: str | None,
    book: str | None,
    wait: float,
) -> None:
    """Add files and folders (recursively) to the archive."""
    from archive.pipeline.ingest import ingest as run_ingest

    overrides = {"workers": workers, "broker": broker}
    settings = settings.with_(lock_wait=wait, **{k: v for k, v in overrides.items() if v})
    checked = _check_manifest(manifest, paths, dry_run, as_json) if manifest or dry_run else None
    if dry_run:
        sys.exit(0 if checked.ok else EXIT_FAILED)
    from archive.cli.ocr import PageProgress

    bar = progress(None, "file", quiet)
    pages = PageProgress(quiet)
    added: list[tuple[Path | None, int]] = []  # (file, new record) to register

    def on_start(total: int) -> None:
        bar.reset(total=total)

    def on_outcome(outcome: IngestOutcome) -> None:
        bar.update(1)
        if outcome.status in (OutcomeStatus.ADDED, OutcomeStatus.PENDING_OCR):
            added.append((outcome.source, outcome.record_id))
        if outcome.status in (OutcomeStatus.FAILED, OutcomeStatus.UNSUPPORTED, OutcomeStatus.PENDING_OCR):
            line = printable(f"{outcome.status}: {outcome.path}: {outcome.reason}")
        elif outcome.reason:  # added, but its OCR needs a person's review
            line = printable(f"needs review: {outcome.path}: {outcome.reason}")
        else:
            line = None
        if line:
            RUN.warning("%s", line)
        if as_json:
            print_json(outcome.to_dict())
        elif line:
            bar.write(line, file=sys.stderr)

    try:
        summary = run_ingest(
            settings, paths, on_start=on_start, on_outcome=on_outcome, manifest=checked, on_pages=pages
        )
    finally:
        pages.close()
        bar.close()
    registered_ok = _register_added(settings, added, book, checked, as_json, quiet)
    if as_json:
        print_json({"summary": summary.to_dict()})
    c = summary.counts
    say(
        f"{summary.files} files: {c['added']} added, {c['duplicate']} duplicate, "
        f"{c['unsupported']} unsupported, {c['failed']} failed"
        + (f", {c['pending_ocr']} pending OCR" if c.get("pending_ocr") else "")
        + f" ({summary.seconds:.1f} s, batch {summary.batch_id})",
        as_json or (quiet and summary.ok),
    )
    sys.exit(0 if summary.ok and registered_ok else EXIT_FAILED)


def _register_added(settings: Settings, added, book: str | None, manifest, as_json: bool, quiet: bool) -> bool:
    """Number what was archived in the register asked for (--register, or the manifest's column)."""
    if not book and not (manifest and manifest.books):
        return True
    from archive.registers.intake import register_ingested

    result = register_ingested(settings, added, book, manifest)
    for done in result.registered:
        if as_json:
            print_json({"registered": done.to_dict()})
        elif not quiet:
            click.echo(f"record {done.record_id}: {done.register} {done.year} no. {done.number}")
    for refused in result.refused:
        if as_json:
            print_json({"register_refused": refused.to_dict()})
        else:
            click.echo(f"archive: record {refused.record_id} not registered: {refused.reason}", err=True)
    return result.ok


def _check_manifest(manifest: Path | None, paths: tuple[Path, ...], dry_run: bool, as_json: bool):
    """Load and check a manifest; print its problems; stop before ingesting when it has errors."""
    from archive.pipeline.manifest import load_manifest

    if manifest is None:
        raise click.UsageError("--dry-run checks a manifest: give --manifest FILE.csv")
    if len(paths) != 1 or not paths[0].is_dir():
        raise click.UsageError("--manifest goes with exactly one FOLDER: the paths in it are relative to that folder")
    checked = load_manifest(manifest, paths[0])
    warnings = sum(not p.error for p in checked.problems)
    errors = len(checked.problems) - warnings
    for problem in checked.problems:
        if not problem.error and not dry_run:
            continue  # listed by --dry-run; an ingest only counts them
        if as_json:
            print_json({"manifest": str(manifest), **problem.to_dict()})
        else:
            where = f"{manifest}:{problem.line}: " if problem.line else f"{manifest}: "
            kind = "error" if problem.error else "warning"
            click.echo(f"{where}{kind}: {problem.message}", err=True)
    if dry_run and not as_json:
        click.echo(f"manifest {manifest}: {len(checked.rows)} rows, {errors} errors, {warnings} warnings")
    elif warnings and not errors and not as_json:
        click.echo(f"manifest: {warnings} files have no row, so their metadata is extracted (see --dry-run)", err=True)
    if errors and not dry_run:
        click.echo(f"archive: the manifest has {errors} errors; nothing was ingested", err=True)
        sys.exit(EXIT_FAILED)
    return checked
