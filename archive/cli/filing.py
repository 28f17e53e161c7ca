"""Fonds and files (hồ sơ): the file plan, filing, closing, contents lists and suggestions. Thin: each command
calls one use case of `archive.filing`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archive.catalog import Catalog
from archive.cli import EXIT_FAILED, fail_on_archive_errors, json_option, main, print_json, quiet_option, wait_option
from archive.cli.logs import say, warn
from archive.config import Settings


@main.group()
def fonds() -> None:
    """Fonds (phông): the archive of one body; every file belongs to one."""


@fonds.command("add")
@click.argument("code")
@click.argument("name")
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def fonds_add(settings: Settings, code: str, name: str, quiet: bool, wait: float) -> None:
    """Add a fonds: a short CODE (used in file references) and its NAME."""
    from archive.filing.fonds import add_fonds

    found = add_fonds(settings.with_(lock_wait=wait), code, name)
    say(f"fonds {found.code}: {found.name}", quiet)


@fonds.command("list")
@json_option
@click.pass_obj
@fail_on_archive_errors
def fonds_list(settings: Settings, as_json: bool) -> None:
    """Every fonds."""
    from archive.filing.fonds import list_fonds

    with Catalog(settings.catalog_path) as catalog:
        found = list_fonds(catalog)
    if as_json:
        print_json({"fonds": [f.to_dict() for f in found]})
        return
    for f in found:
        click.echo(f"{f.code}\t{f.name}")


@main.group()
def files() -> None:
    """Files (hồ sơ): the year's file plan, filing documents, closing, contents lists.

    A file is named by CODE, YEAR/CODE or FONDS/YEAR/CODE (the shorter forms when they name one file)."""


@files.group("plan")
def plan() -> None:
    """The file plan (danh mục hồ sơ)."""


@plan.command("import")
@click.argument("plan_csv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--fonds", "fonds_code", help="The fonds of rows without a fonds column (default: the only one).")
@click.option("--dry-run", is_flag=True, help="Check the plan, create nothing.")
@json_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def plan_import(
    settings: Settings, plan_csv: Path, fonds_code: str | None, dry_run: bool, as_json: bool, wait: float
) -> None:
    """Load a year's file plan from a UTF-8 CSV (columns code, title, year, heading, unit, keeper, retention,
    classification, compartments, description, kind, meeting_date, fonds). Every row is checked; with any
    problem nothing is created (exit 1)."""
    from archive.filing.plan import import_plan

    result = import_plan(settings.with_(lock_wait=wait), plan_csv, fonds=fonds_code, dry_run=dry_run)
    if as_json:
        print_json(result.to_dict())
    else:
        for problem in result.problems:
            click.echo(f"{plan_csv}:{problem.line}: error: {problem.message}", err=True)
        if dry_run:
            click.echo(f"file plan {plan_csv}: {len(result.rows)} files, {len(result.problems)} errors")
        elif result.ok:
            click.echo(f"file plan {plan_csv}: {result.imported} files created")
        else:
            click.echo(f"archive: the file plan has {len(result.problems)} errors; nothing was created", err=True)
    sys.exit(0 if result.ok else EXIT_FAILED)


@files.command("list")
@click.option("--year", type=int, help="The plan of this year.")
@click.option("--unit", help="Files of this unit.")
@click.option("--open/--closed", "is_open", default=None, help="Only open, or only closed, files.")
@json_option
@click.pass_obj
@fail_on_archive_errors
def files_list(settings: Settings, year: int | None, unit: str | None, is_open: bool | None, as_json: bool) -> None:
    """Files of the plan, newest year first."""
    from archive.filing.filing import list_visible_files

    status = None if is_open is None else "open" if is_open else "closed"
    with Catalog(settings.catalog_path) as catalog:
        found = list_visible_files(catalog, None, year=year, unit=unit, status=status)
    if as_json:
        print_json({"files": [v.to_dict() for v in found]})
        return
    for v in found:
        f = v.file
        click.echo(f"{f.ref}\t{f.status}\t{len(v.records)} documents\t{f.title}")


@files.command("open")
@click.argument("code")
@click.option("--title", required=True)
@click.option("--year", type=int, help="The plan year (default: this year).")
@click.option("--fonds", "fonds_code")
@click.option("--heading")
@click.option("--unit")
@click.option("--keeper")
@click.option("--retention", help="'permanent' or a number of years (default: each document's own).")
@click.option("--classification", default="unclassified", show_default=True, help="Of the file's own title.")
@click.option("--compartments", default="")
@click.option("--description")
@click.option("--kind", type=click.Choice(["matter", "meeting"]), default="matter", show_default=True)
@click.option("--meeting-date", help="A meeting file's date (YYYY-MM-DD).")
@json_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def files_open(settings: Settings, code: str, year: int | None, fonds_code, as_json: bool, wait: float, **raw) -> None:
    """Open a file outside the plan (ad hoc)."""
    from datetime import date

    from archive.filing.filing import open_file

    raw = {k: v for k, v in raw.items() if v is not None}
    raw |= {"code": code, "year": str(year or date.today().year)}
    file = open_file(settings.with_(lock_wait=wait), raw, fonds=fonds_code)
    if as_json:
        print_json(file.to_dict())
    else:
        click.echo(f"file {file.ref} opened: {file.title}")


@files.command("add")
@click.argument("ref")
@click.argument("record_ids", nargs=-1, required=True)
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def files_add(settings: Settings, ref: str, record_ids: tuple[str, ...], quiet: bool, wait: float) -> None:
    """File documents (ids, or symbols such as 89-KL/TU) into a file, in the order given (all or nothing; a
    document is in one file at most)."""
    from archive.filing.filing import add_documents, resolve_documents

    view = add_documents(settings.with_(lock_wait=wait), ref, resolve_documents(settings, record_ids))
    say(f"file {view.file.ref}: {len(record_ids)} filed, {len(view.records)} documents", quiet)


@files.command("remove")
@click.argument("ref")
@click.argument("record_ids", nargs=-1, required=True)
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def files_remove(settings: Settings, ref: str, record_ids: tuple[str, ...], quiet: bool, wait: float) -> None:
    """Take documents out of an open file."""
    from archive.filing.filing import remove_documents, resolve_documents

    view = remove_documents(settings.with_(lock_wait=wait), ref, resolve_documents(settings, record_ids))
    say(f"file {view.file.ref}: {len(record_ids)} removed, {len(view.records)} documents", quiet)


@files.command("order")
@click.argument("ref")
@click.argument("record_ids", nargs=-1, required=True)
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def files_order(settings: Settings, ref: str, record_ids: tuple[str, ...], quiet: bool, wait: float) -> None:
    """Set the order of an open file's documents (a meeting's agenda order): name every one, in order."""
    from archive.filing.filing import reorder_documents, resolve_documents

    view = reorder_documents(settings.with_(lock_wait=wait), ref, resolve_documents(settings, record_ids))
    say(f"file {view.file.ref}: " + ", ".join(str(r.id) for r in view.records), quiet)


@files.command("close")
@click.argument("ref")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), help="The day the matter closed.")
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def files_close(settings: Settings, ref: str, day, quiet: bool, wait: float) -> None:
    """Close a file: no more filing; its documents' retention counts from the year after."""
    from archive.filing.closing import close_file

    file = close_file(settings.with_(lock_wait=wait), ref, day.date() if day else None)
    say(f"file {file.ref} closed on {file.closed_on}", quiet)


@files.command("reopen")
@click.argument("ref")
@click.option("--reason", required=True, help="Why the matter is open again.")
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def files_reopen(settings: Settings, ref: str, reason: str, quiet: bool, wait: float) -> None:
    """Reopen a closed file (audited, with the reason)."""
    from archive.filing.closing import reopen_file

    file = reopen_file(settings.with_(lock_wait=wait), ref, reason)
    say(f"file {file.ref} reopened", quiet)


@files.command("hold")
@click.argument("ref")
@click.option("--reason", required=True)
@click.option("--lift", is_flag=True, help="Lift the file's hold instead.")
@quiet_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def files_hold(settings: Settings, ref: str, reason: str, lift: bool, quiet: bool, wait: float) -> None:
    """Put a whole file under legal hold (or --lift it): a held file is not disposed of."""
    from archive.filing.closing import hold_file, release_file

    (release_file if lift else hold_file)(settings.with_(lock_wait=wait), ref, reason)
    say(f"file {ref}: legal hold {'lifted' if lift else 'placed'}", quiet)


@files.command("show")
@click.argument("ref")
@click.option("--csv", "as_csv", is_flag=True, help="The contents list as CSV (mục lục văn bản).")
@json_option
@click.pass_obj
@fail_on_archive_errors
def files_show(settings: Settings, ref: str, as_csv: bool, as_json: bool) -> None:
    """A file's description, status and contents list."""
    from archive.filing.contents import contents_csv, contents_rows
    from archive.filing.filing import file_documents
    from archive.filing.store import file_hold

    with Catalog(settings.catalog_path) as catalog:
        view = file_documents(catalog, ref, None)
        hold = file_hold(catalog, view.file.id)
    if as_csv:
        click.echo(contents_csv(view).removeprefix("\ufeff"), nl=False)
        return
    rows = contents_rows(view)
    if as_json:
        print_json({**view.to_dict(), "hold": hold, "contents": rows})
        return
    f = view.file
    click.echo(f"{f.ref}  {f.title}")
    click.echo(f"  {f.fonds_name}; {f.status}" + (f", closed {f.closed_on}" if f.closed_on else ""))
    click.echo(f"  retention: {f.retention or 'each document its own'}" + (f"; HELD: {hold['reason']}" if hold else ""))
    for row in rows:
        click.echo(
            f"  {row['stt']:>3}. [{row['id']}] {row['doc_number'] or ''} {row['issued'] or ''} {row['title'] or ''}"
        )


@files.command("suggest")
@click.option("--accept", "accept_", nargs=2, metavar="ID FILE", help="File document ID in FILE.")
@click.option("--dismiss", "dismiss_", nargs=2, metavar="ID FILE", help="Never suggest ID for FILE again.")
@json_option
@wait_option
@click.pass_obj
@fail_on_archive_errors
def files_suggest(settings: Settings, accept_, dismiss_, as_json: bool, wait: float) -> None:
    """Unfiled documents that cite a filed one: candidates for its file. Nothing is filed automatically."""
    from archive.filing import suggestions

    if accept_ or dismiss_:
        record_id, ref = accept_ or dismiss_
        if not record_id.isdigit():
            raise click.UsageError(f"ID must be a record id, not {record_id!r}")
        act = suggestions.accept if accept_ else suggestions.dismiss
        act(settings.with_(lock_wait=wait), int(record_id), ref)
        click.echo(f"record {record_id}: {'filed in' if accept_ else 'no longer suggested for'} {ref}")
        return
    with Catalog(settings.catalog_path) as catalog:
        found = suggestions.suggestions(catalog)
    if as_json:
        print_json({"suggestions": [s.to_dict() for s in found]})
        return
    for s in found:
        click.echo(
            f"[{s.record.id}] {s.record.doc_number or s.record.filename} cites {s.cited.doc_number} → {s.file.ref}"
        )
    if not found:
        warn("no suggestions", as_json)
