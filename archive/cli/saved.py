"""`archive saved`: saved searches (add, list, run, remove), per user."""

from __future__ import annotations

import getpass

import click

from archive.catalog import Catalog
from archive.cli import fail_on_archive_errors, json_option, main, print_json
from archive.config import Settings

user_option = click.option(
    "--user",
    "user",
    help="Whose saved searches (default: your login). An archive user's searches run under that user's clearance.",
)


def _who(catalog: Catalog, user: str | None):
    """(owner, clearance): an archive user runs under their own clearance; the operator's login under none."""
    from archive.errors import NotFoundError
    from archive.messages import Message
    from archive.people.users import find_user

    if user is None:
        return getpass.getuser(), None
    found = find_user(catalog.db, user)
    if found is None:
        raise NotFoundError(Message("no user named %(name)r", name=user))
    return found.name, found.access


@main.group()
def saved() -> None:
    """Saved searches: a query and filters kept under a name and run again later."""


@saved.command("add")
@click.argument("name")
@click.argument("query", default="")
@click.option("--type", "doc_type", help="Document type code (loai:)")
@click.option("--year", help="Year or range (nam:)")
@click.option("--issuer", help="Issuing body (coquan:)")
@click.option("--lang", help="Language code (ngonngu:)")
@click.option("--classification", help="Classification (domat:)")
@click.option("--number", help="Document symbol (so:)")
@click.option("--issued", help="Issue dates, e.g. 2025-07..2025-09 (ngay:)")
@click.option("--shared", is_flag=True, help="Everyone may run it (each under their own clearance).")
@user_option
@json_option
@click.pass_obj
@fail_on_archive_errors
def saved_add(settings: Settings, name: str, query: str, shared: bool, user, as_json: bool, **filter_options) -> None:
    """Save QUERY (and filters) as NAME."""
    from archive.saved.searches import save_search

    filters = {("type" if k == "doc_type" else k): v for k, v in filter_options.items() if v}
    with Catalog(settings.catalog_path) as catalog:
        owner, _ = _who(catalog, user)
        out = save_search(catalog, owner, name, query, filters, shared=shared)
    if as_json:
        print_json(out)
    else:
        click.echo(f"saved {out['name']!r}")


@saved.command("list")
@user_option
@json_option
@click.pass_obj
@fail_on_archive_errors
def saved_list(settings: Settings, user, as_json: bool) -> None:
    """The saved searches, with how many records each finds and how many are new since its last run."""
    from archive.saved.searches import list_searches
    from indexer import SearchIndex

    index = SearchIndex(settings.index_dir)
    with Catalog(settings.catalog_path) as catalog:
        owner, clearance = _who(catalog, user)
        rows = list_searches(catalog, index, owner, clearance)
    index.close()
    if as_json:
        print_json({"saved": rows})
        return
    for row in rows:
        mark = " (shared)" if row["shared"] else ""
        click.echo(
            f"{row['name']}{mark}: {row['query']!r} {row['filters'] or ''} — {row['total']} found, {row['new']} new"
        )


@saved.command("run")
@click.argument("name")
@click.option("--since", help="Only documents added or changed since this date (YYYY-MM-DD).")
@click.option("--page", type=click.IntRange(1, 10_000), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=20, show_default=True)
@user_option
@json_option
@click.pass_obj
@fail_on_archive_errors
def saved_run(settings: Settings, name: str, since, page: int, limit: int, user, as_json: bool) -> None:
    """Run the saved search NAME again."""
    from datetime import date

    from archive.saved.searches import run_search
    from indexer import SearchIndex

    if since is not None:
        try:
            since = date.fromisoformat(since).isoformat()
        except ValueError:
            raise click.UsageError(f"--since takes a date YYYY-MM-DD, not {since!r}") from None
    index = SearchIndex(settings.index_dir)
    with Catalog(settings.catalog_path) as catalog:
        owner, clearance = _who(catalog, user)
        result = run_search(catalog, index, owner, name, clearance, since=since, page=page, limit=limit)
    index.close()
    if as_json:
        print_json(result)
        return
    click.echo(f"{result['total']} results for {name!r}" + (f" since {since}" if since else ""))
    for hit in result["hits"]:
        click.echo(f"  [{hit['id']}] {hit['title'] or hit['filename']}")


@saved.command("remove")
@click.argument("name")
@user_option
@click.pass_obj
@fail_on_archive_errors
def saved_remove(settings: Settings, name: str, user) -> None:
    """Forget the saved search NAME."""
    from archive.saved.searches import remove_search

    with Catalog(settings.catalog_path) as catalog:
        owner, _ = _who(catalog, user)
        remove_search(catalog, owner, name)
    click.echo(f"removed {name!r}")
