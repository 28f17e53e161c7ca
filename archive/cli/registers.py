"""`archive register`: number documents in the incoming and outgoing registers, list a register, check it."""

from __future__ import annotations

import sys

import click

from archive.catalog import Catalog
from archive.cli import EXIT_FAILED, fail_on_archive_errors, json_option, main, print_json, quiet_option
from archive.config import Settings


@main.group()
def register() -> None:
    """Registers of incoming and outgoing documents (sổ văn bản đến / đi)."""


def desk_options(command):
    for option in reversed(
        (
            click.option("--received", help="When it arrived: 'DD/MM/YYYY HH:MM' (default: now; in only)."),
            click.option("--sender", help="Who sent it (in)."),
            click.option("--recipients", help="Nơi nhận, entries separated by ';' (out)."),
            click.option("--routed-to", "routed_to", help="The unit or person it goes on to (or keeps the copy)."),
            click.option("--copies", help="Number of copies."),
        )
    ):
        command = option(command)
    return command


def _register(settings: Settings, book: str, ids: tuple[int, ...], raw: dict, as_json: bool, quiet: bool) -> None:
    from archive.registers.numbering import desk_values, register_records

    if book == "out" and raw.get("received"):
        raise click.UsageError("--received is for the incoming register")
    try:
        values = desk_values({name: value for name, value in raw.items() if value is not None})
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    result = register_records(settings, book, ids, values)
    if as_json:
        print_json(result.to_dict())
    else:
        for done in result.registered:
            if not quiet:
                click.echo(f"record {done.record_id}: {done.register} {done.year} no. {done.number}")
        for refused in result.refused:
            click.echo(f"archive: {refused.reason}", err=True)  # every reason names its record
    sys.exit(0 if result.ok else EXIT_FAILED)


@register.command("in")
@click.argument("ids", nargs=-1, required=True, type=int)
@desk_options
@json_option
@quiet_option
@click.pass_obj
@fail_on_archive_errors
def register_in(settings: Settings, ids: tuple[int, ...], as_json: bool, quiet: bool, **raw) -> None:
    """Number documents received in the incoming register (classified ones in its classified register)."""
    _register(settings, "in", ids, raw, as_json, quiet)


@register.command("out")
@click.argument("ids", nargs=-1, required=True, type=int)
@desk_options
@json_option
@quiet_option
@click.pass_obj
@fail_on_archive_errors
def register_out(settings: Settings, ids: tuple[int, ...], as_json: bool, quiet: bool, **raw) -> None:
    """Number documents sent in the outgoing register (classified ones in its classified register)."""
    _register(settings, "out", ids, raw, as_json, quiet)


book_option = click.option("--book", type=click.Choice(["in", "out"]), required=True, help="Incoming or outgoing.")
year_option = click.option("--year", type=click.IntRange(1900, 9999), required=True)


@register.command("list")
@book_option
@year_option
@click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")
@json_option
@click.pass_obj
@fail_on_archive_errors
def register_list(settings: Settings, book: str, year: int, as_csv: bool, as_json: bool) -> None:
    """A register's rows for a year, in Decree 30's columns."""
    from archive.registers import listing

    with Catalog(settings.catalog_path) as catalog:
        rows = listing.read_register(catalog, book, year)
    if as_json:
        print_json({"book": book, "year": year, "rows": rows})
    elif as_csv:
        click.echo(listing.as_csv(rows), nl=False)
    else:
        for row in rows:
            who = row["sender"] if book == "in" else row["recipients"]
            what = row["gap"] or " ".join(x for x in (row["symbol"], row["summary"]) if x)
            click.echo(f"{row['register']:<15} {row['number']:>5}  {row['date']}  {who or '—'}  {what}")


@register.command("check")
@book_option
@year_option
@json_option
@quiet_option
@click.pass_obj
@fail_on_archive_errors
def register_check(settings: Settings, book: str, year: int, as_json: bool, quiet: bool) -> None:
    """Duplicates and gaps in a register's numbers (and outgoing symbols); exit 1 when there are any."""
    from archive.registers.checking import MAX_LISTED, check_and_log

    with Catalog(settings.catalog_path) as catalog:
        report = check_and_log(catalog, book, year)
    if as_json:
        print_json(report.to_dict())
    else:
        for problem in report.problems[:MAX_LISTED]:
            click.echo(f"archive: {problem}", err=True)
        if len(report.problems) > MAX_LISTED:
            click.echo(f"archive: … and {len(report.problems) - MAX_LISTED} more", err=True)
        if not quiet and report.ok:
            click.echo(f"register {book} {year}: {report.entries} entries, no duplicates or gaps")
    sys.exit(0 if report.ok else EXIT_FAILED)
