"""Commands on records: search, show, export, edit."""

from __future__ import annotations

import sys
from html import unescape
from pathlib import Path

import click

from archive.catalog import Catalog
from archive.cli import fail_on_archive_errors, json_option, main, print_json, quiet_option, wait_option
from archive.config import Settings


@main.command()
@click.argument("record_id", type=int, required=False)
@click.option(
    "--set",
    "assignments",
    multiple=True,
    required=True,
    metavar="FIELD=VALUE",
    help="A field to set (repeat for several); an empty VALUE clears it.",
)
@click.option("--ids", help="Correct many records at once: ids separated by commas (3,4,9).")
@click.option("--query", "query", help="Correct many records at once: every record this search finds.")
@click.option("--dry-run", is_flag=True, help="With --ids or --query: show old and new values, change nothing.")
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def edit(
    settings: Settings,
    record_id: int | None,
    assignments: tuple[str, ...],
    ids: str | None,
    query: str | None,
    dry_run: bool,
    as_json: bool,
    quiet: bool,
    wait: float,
) -> None:
    """Correct a record's metadata; the change is logged (who, when, old, new) and indexed at once.

    With --ids or --query instead of RECORD_ID, many records at once: all or nothing (one refusal changes
    nothing and exits 1), one audit entry per record under a shared batch id, one index update."""
    import getpass

    from archive.editing import edit_record

    raw = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        if not sep:
            raise click.UsageError(f"--set takes FIELD=VALUE, not {assignment!r}")
        raw[name.strip()] = value
    if sum(x is not None for x in (record_id, ids, query)) != 1:
        raise click.UsageError("give one of RECORD_ID, --ids or --query")
    if record_id is None:
        _edit_many(settings.with_(lock_wait=wait), ids, query, raw, dry_run, as_json, quiet, getpass.getuser())
        return
    if dry_run:
        raise click.UsageError("--dry-run goes with --ids or --query")
    try:
        changed = edit_record(settings.with_(lock_wait=wait), record_id, raw, actor=getpass.getuser())
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if as_json:
        print_json({"id": record_id, "changed": changed})
    if as_json or quiet:
        return
    if not changed:
        click.echo(f"record {record_id}: nothing to change")
    for name, change in changed.items():
        click.echo(f"record {record_id}: {name}: {change['old']!r} → {change['new']!r}")


def _parse_ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise click.UsageError(f"--ids takes record ids separated by commas, not {text!r}") from None


def _edit_many(settings: Settings, ids, query, raw, dry_run: bool, as_json: bool, quiet: bool, actor: str) -> None:
    from archive.corrections.batch import edit_many
    from archive.corrections.selection import ids_for_query
    from indexer import SearchIndex

    if ids is not None:
        chosen = _parse_ids(ids)
    else:
        index = SearchIndex(settings.index_dir)
        with Catalog(settings.catalog_path) as catalog:
            chosen = ids_for_query(catalog, index, query)
        index.close()
    result = edit_many(settings, chosen, raw, actor=actor, dry_run=dry_run)
    report_batch(result, as_json, quiet)


def report_batch(result, as_json: bool, quiet: bool) -> None:
    """Print a batch's outcome (old → new per record, or the refusals) and exit 1 if it was refused."""
    if as_json:
        print_json(result.to_dict())
    elif not quiet:
        for row in result.changes:
            if not row["changed"]:
                click.echo(f"record {row['id']}: nothing to change")
            for name, change in row["changed"].items():
                click.echo(f"record {row['id']}: {name}: {change['old']!r} → {change['new']!r}")
        for refusal in result.refused:
            click.echo(f"record {refusal.id}: refused: {refusal.reason}", err=True)
        if result.refused:
            click.echo("nothing was changed", err=True)
        elif result.dry_run:
            click.echo("dry run: nothing was changed")
        else:
            click.echo(f"batch {result.batch}: {sum(1 for r in result.changes if r['changed'])} records changed")
    if result.refused:
        sys.exit(1)


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
@fail_on_archive_errors
def search(
    settings: Settings, query: str, limit: int, page: int, sort: str, show_facets: bool, as_json: bool, **filter_options
) -> None:
    """Search the archive (accented or not); filters also work inside QUERY, e.g. `loai:NQ nam:2025`."""
    from archive.records import search as search_records
    from indexer import SearchIndex

    filters = {("type" if k == "doc_type" else k): v for k, v in filter_options.items() if v}
    if not query.strip() and not filters:
        raise click.UsageError("give a QUERY or at least one filter")
    index = SearchIndex(settings.index_dir, settings.search_budget, settings.search_cache_bytes)
    with Catalog(settings.catalog_path) as catalog:
        result = search_records(catalog, index, query, filters=filters, page=page, limit=limit, sort=sort)
    index.close()
    if as_json:
        print_json(result)
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
@fail_on_archive_errors
def show(settings: Settings, record_id: int, as_json: bool) -> None:
    """Show a record's metadata."""
    from archive.records import view

    with Catalog(settings.catalog_path) as catalog:
        record = view(catalog, record_id, None)[1]
    if as_json:
        print_json(record)
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
            symbol = link["symbol"] or "(no symbol)"  # a citing record may have none
            click.echo(f"{label:<{width}}  {symbol} → {target}")


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
@fail_on_archive_errors
def export(settings: Settings, record_id: int, output: Path) -> None:
    """Write a record's original file, bit for bit, checked against its SHA-256 as it is copied."""
    from archive.errors import FixityError
    from archive.records import export_original
    from archive.store import Store
    from archive.upkeep.fixity import checked_original

    with Catalog(settings.catalog_path) as catalog:
        record, blob = export_original(catalog, Store(settings.store_dir), record_id, output)
        chunks = checked_original(catalog, record, blob, via="export")  # the last chunk only once it all matched
        if str(output) == "-":
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            return
        try:
            with open(output, "wb") as dst:
                for chunk in chunks:
                    dst.write(chunk)
        except FixityError:
            output.unlink(missing_ok=True)  # nothing of a damaged original is left behind
            raise


@main.group()
def manifest() -> None:
    """Spreadsheets (CSV) of metadata for records already in the archive."""


@manifest.command("apply")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show old and new values, change nothing.")
@json_option
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def manifest_apply(settings: Settings, sheet: Path, dry_run: bool, as_json: bool, quiet: bool, wait: float) -> None:
    """Correct existing records from SHEET: a row per record named by `id` or `sha256`, with the columns to
    set (an empty cell leaves a field as it is); all or nothing, without the files."""
    import getpass

    from archive.corrections.sheet import apply_sheet

    result = apply_sheet(settings.with_(lock_wait=wait), sheet, actor=getpass.getuser(), dry_run=dry_run)
    report_batch(result, as_json, quiet)
