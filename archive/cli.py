"""`archive` command line: thin commands over the pipeline; errors become messages and exit codes.

Exit codes: 0 success; 1 something failed (a file, a check, a lookup); 2 bad usage;
75 the archive is busy (another job holds the writer lock; try again later).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from html import unescape
from pathlib import Path

import click

from archive.catalog import Catalog
from archive.config import DEFAULT_HOME, Settings
from archive.errors import ArchiveError, LockedError
from archive.models import IngestOutcome, OutcomeStatus

EXIT_FAILED = 1
EXIT_BUSY = 75  # EX_TEMPFAIL: cron wrappers retry later


def _fail_on_archive_errors(command: Callable) -> Callable:
    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except LockedError as exc:
            click.echo(f"archive: {exc.message}", err=True)
            sys.exit(EXIT_BUSY)
        except ArchiveError as exc:
            click.echo(f"archive: error: {exc.message}", err=True)
            sys.exit(EXIT_FAILED)

    return wrapper


def _print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False))


def _progress(total: int | None, unit: str, quiet: bool):
    """A progress bar on a terminal (files done, rate, time left); nothing on a pipe."""
    import shutil

    from tqdm import tqdm

    size = shutil.get_terminal_size((100, 24))  # a terminal that reports no size (0×0) hides tqdm's bar
    return tqdm(
        total=total,
        unit=unit,
        file=sys.stderr,
        disable=quiet or not sys.stderr.isatty(),
        ncols=size.columns,
        nrows=size.lines or 24,
    )


wait_option = click.option(
    "--wait", type=float, default=0.0, show_default=True, help="Seconds to wait for a busy archive."
)
json_option = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="ARCHIVE_HOME",
    default=DEFAULT_HOME,
    show_default=True,
    help="The archive's home folder (env ARCHIVE_HOME).",
)
@click.option("-v", "--verbose", is_flag=True, help="Log what happens on stderr.")
@click.pass_context
def main(ctx: click.Context, home: Path, verbose: bool) -> None:
    """Records archive with full-text search for Party committee offices."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    ctx.obj = Settings.load(home)


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
@wait_option
@click.pass_obj
@_fail_on_archive_errors
def ingest(
    settings: Settings,
    paths: tuple[Path, ...],
    as_json: bool,
    quiet: bool,
    workers: int | None,
    manifest: Path | None,
    dry_run: bool,
    wait: float,
) -> None:
    """Add files and folders (recursively) to the archive."""
    from archive.ingest import ingest as run_ingest

    settings = settings.with_(lock_wait=wait, **({"workers": workers} if workers else {}))
    checked = _check_manifest(manifest, paths, dry_run, as_json) if manifest or dry_run else None
    if dry_run:
        sys.exit(0 if checked.ok else EXIT_FAILED)
    bar = _progress(None, "file", quiet)

    def on_start(total: int) -> None:
        bar.reset(total=total)

    def on_outcome(outcome: IngestOutcome) -> None:
        bar.update(1)
        if as_json:
            _print_json(outcome.to_dict())
        elif outcome.status in (OutcomeStatus.FAILED, OutcomeStatus.UNSUPPORTED):
            bar.write(f"{outcome.status}: {outcome.path}: {outcome.reason}", file=sys.stderr)

    try:
        summary = run_ingest(settings, paths, on_start=on_start, on_outcome=on_outcome, manifest=checked)
    finally:
        bar.close()
    if as_json:
        _print_json({"summary": summary.to_dict()})
    elif not (quiet and summary.ok):
        c = summary.counts
        click.echo(
            f"{summary.files} files: {c['added']} added, {c['duplicate']} duplicate, "
            f"{c['unsupported']} unsupported, {c['failed']} failed ({summary.seconds:.1f} s, batch {summary.batch_id})"
        )
    sys.exit(0 if summary.ok else EXIT_FAILED)


def _check_manifest(manifest: Path | None, paths: tuple[Path, ...], dry_run: bool, as_json: bool):
    """Load and check a manifest; print its problems; stop before ingesting when it has errors."""
    from archive.manifest import load_manifest

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
            _print_json({"manifest": str(manifest), **problem.to_dict()})
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


@main.command()
@click.argument("record_id", type=int)
@click.option(
    "--set",
    "assignments",
    multiple=True,
    required=True,
    metavar="FIELD=VALUE",
    help="A field to set (repeat for several); an empty VALUE clears it.",
)
@json_option
@wait_option
@click.pass_obj
@_fail_on_archive_errors
def edit(settings: Settings, record_id: int, assignments: tuple[str, ...], as_json: bool, wait: float) -> None:
    """Correct a record's metadata; the change is logged (who, when, old, new) and indexed at once."""
    import getpass

    from archive.editing import edit_record

    raw = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        if not sep:
            raise click.UsageError(f"--set takes FIELD=VALUE, not {assignment!r}")
        raw[name.strip()] = value
    try:
        changed = edit_record(settings.with_(lock_wait=wait), record_id, raw, actor=getpass.getuser())
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if as_json:
        _print_json({"id": record_id, "changed": changed})
    elif not changed:
        click.echo(f"record {record_id}: nothing to change")
    for name, change in changed.items() if not as_json else ():
        click.echo(f"record {record_id}: {name}: {change['old']!r} → {change['new']!r}")


@main.command()
@click.argument("query", default="")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option("--type", "doc_type", help="Document type code: NQ, CT, KL, QĐi … (loai:)")
@click.option("--number", help="Document symbol, e.g. 57-NQ/TW (so:)")
@click.option("--year", help="Year or range: 2025, 2014..2019 (nam:)")
@click.option("--issuer", help="Issuing body, e.g. 'Tỉnh ủy Quảng Trị' (coquan:)")
@click.option("--lang", help="Language code: vi, en (ngonngu:)")
@click.option("--classification", help="unclassified, confidential, secret, top_secret (domat:)")
@click.option("--issued", help="Issue dates: 2014..2019, 2024-12, 2014-05-26.. (ngay:)")
@click.option(
    "--sort",
    type=click.Choice(["relevance", "issued_desc", "issued_asc", "newest", "oldest"]),
    default="relevance",
    show_default=True,
)
@click.option("--facets", "show_facets", is_flag=True, help="Also print counts by type, year, issuer … (text output).")
@json_option
@click.pass_obj
@_fail_on_archive_errors
def search(
    settings: Settings, query: str, limit: int, page: int, sort: str, show_facets: bool, as_json: bool, **filter_options
) -> None:
    """Search the archive (accented or not); filters also work inside QUERY, e.g. `loai:NQ nam:2025`."""
    from archive.search import search_records
    from indexer.search import SearchIndex

    filters = {("type" if k == "doc_type" else k): v for k, v in filter_options.items() if v}
    if not query.strip() and not filters:
        raise click.UsageError("give a QUERY or at least one filter")
    index = SearchIndex(settings.index_dir)
    with Catalog(settings.catalog_path) as catalog:
        result = search_records(catalog, index, query, filters=filters, page=page, limit=limit, sort=sort)
    index.close()
    if as_json:
        _print_json(result)
        return
    click.echo(f"{result['total']} results for {query!r} (page {page}, {result['took_ms']} ms)")
    if result["suggestion"]:
        click.echo(f"did you mean: {result['suggestion']}")
    if show_facets:
        for facet, values in result["facets"].items():
            click.echo(f"  {facet}: " + ", ".join(f"{v['value']} ({v['count']})" for v in values))
    for n, hit in enumerate(result["hits"], start=(page - 1) * limit + 1):
        title = hit["title"] or hit["filename"]
        click.echo(f"{n:3}. [{hit['id']}] {title}  ({hit['filename']}, score {hit['score']:.2f})")
        click.echo(f"     {_terminal_snippet(hit['snippet'])}")


def _terminal_snippet(snippet: str) -> str:
    marked = snippet.replace("<mark>", "\x00").replace("</mark>", "\x01")
    text = unescape(marked)
    if sys.stdout.isatty():
        return text.replace("\x00", "\x1b[1m").replace("\x01", "\x1b[0m")
    return text.replace("\x00", "«").replace("\x01", "»")


@main.command()
@click.argument("record_id", type=int)
@json_option
@click.pass_obj
@_fail_on_archive_errors
def show(settings: Settings, record_id: int, as_json: bool) -> None:
    """Show a record's metadata."""
    from archive.search import record_detail

    with Catalog(settings.catalog_path) as catalog:
        record = record_detail(catalog, catalog.get(record_id))
    if as_json:
        _print_json(record)
        return
    provenance = record.pop("provenance")
    citations, cited_by = record.pop("citations"), record.pop("cited_by")
    width = max(len(k) for k in record)
    for key, value in record.items():
        source = f"  ({provenance[key]})" if key in provenance else ""
        click.echo(f"{key:<{width}}  {'' if value is None else value}{source}")
    for label, links in (("cites", citations), ("cited by", cited_by)):
        for link in links:
            target = f"record {link['id']}" if link["id"] else "not in the archive"
            click.echo(f"{label:<{width}}  {link['symbol']} → {target}")


@main.command()
@click.argument("record_id", type=int)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Where to write the original bytes ('-' for standard output).",
)
@click.pass_obj
@_fail_on_archive_errors
def export(settings: Settings, record_id: int, output: Path) -> None:
    """Write a record's original file, bit for bit."""
    import shutil

    from archive.store import Store

    with Catalog(settings.catalog_path) as catalog:
        record = catalog.get(record_id)
    blob = Store(settings.store_dir).path(record.sha256)
    if not blob.is_file():
        raise ArchiveError(f"the original of record {record_id} is missing from the store: run `archive verify`")
    with open(blob, "rb") as src:
        if str(output) == "-":
            shutil.copyfileobj(src, sys.stdout.buffer)
        else:
            with open(output, "wb") as dst:
                shutil.copyfileobj(src, dst)


@main.command()
@click.argument("record_ids", nargs=-1, type=int)
@json_option
@wait_option
@click.pass_obj
@_fail_on_archive_errors
def reextract(settings: Settings, record_ids: tuple[int, ...], as_json: bool, wait: float) -> None:
    """Re-read metadata from stored text with the current rules (all records, or the IDs given).

    Values from a manifest or an edit are kept; only extracted values are replaced.
    """
    import getpass

    from archive.reextract import reextract as run_reextract

    counts = run_reextract(settings.with_(lock_wait=wait), record_ids or None, actor=getpass.getuser())
    if as_json:
        _print_json(counts)
    else:
        click.echo(f"reextract: {counts['checked']} records checked, {counts['updated']} updated")


@main.command()
@click.option("--full", is_flag=True, help="Rebuild everything beside the live index, then swap it in.")
@json_option
@click.option("-q", "--quiet", is_flag=True, help="No output on success.")
@wait_option
@click.pass_obj
@_fail_on_archive_errors
def reindex(settings: Settings, full: bool, as_json: bool, quiet: bool, wait: float) -> None:
    """Bring the search index in step with the catalog."""
    from archive.lock import writer_lock
    from archive.recovery import recover
    from archive.reindex import sync_index
    from archive.store import Store

    with writer_lock(settings.lock_path, wait=wait), Catalog(settings.catalog_path) as catalog:
        bar = _progress(catalog.count() if full else None, "record", quiet or as_json)
        try:
            recover(settings, catalog, Store(settings.store_dir).ensure())
            summary = sync_index(catalog, settings.index_dir, full=full, progress=bar.update)
        finally:
            bar.close()
    if as_json:
        _print_json(summary.to_dict())
    elif not quiet:
        kind = f"full rebuild, {summary.reason}" if summary.full else "incremental"
        click.echo(f"reindex ({kind}): {summary.indexed} indexed, {summary.deleted} removed")


@main.command()
@json_option
@wait_option
@click.pass_obj
@_fail_on_archive_errors
def verify(settings: Settings, as_json: bool, wait: float) -> None:
    """Check every original's SHA-256 and that catalog, store and index agree. Exit 1 on any problem."""
    from archive.lock import writer_lock
    from archive.store import Store
    from archive.verify import verify as run_verify

    with writer_lock(settings.lock_path, wait=wait), Catalog(settings.catalog_path) as catalog:
        bar = _progress(catalog.count(), "record", as_json)
        try:
            report = run_verify(catalog, Store(settings.store_dir), settings.index_dir, progress=bar.update)
        finally:
            bar.close()
    if as_json:
        _print_json(report.to_dict())
    else:
        for problem in report.problems or []:
            where = f"record {problem.record_id}: " if problem.record_id is not None else ""
            click.echo(f"{problem.kind}: {where}{problem.detail}", err=True)
        verdict = "OK" if report.ok else f"{len(report.problems)} problem(s)"
        click.echo(
            f"verify: {verdict} — {report.records} records, {report.originals_checked} originals checked, "
            f"{report.indexed} in the index"
        )
    sys.exit(0 if report.ok else EXIT_FAILED)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=5000, show_default=True)
@click.option("--threads", type=click.IntRange(1, 64), default=8, show_default=True)
@click.pass_obj
@_fail_on_archive_errors
def serve(settings: Settings, host: str, port: int, threads: int) -> None:
    """Serve the web interface and JSON API with waitress."""
    from waitress import serve as waitress_serve

    from web import create_app

    app = create_app(settings)
    click.echo(f"Serving the archive in {settings.home} on http://{host}:{port}/", err=True)
    waitress_serve(app, host=host, port=port, threads=threads, ident="archive")
