"""`archive users`: people, their role, clearance and compartments, passwords and API tokens.

The command line is the local administrator: whoever can run it already holds the archive's files.
"""

from __future__ import annotations

import sys

import click

from archive.catalog import Catalog
from archive.cli import fail_on_archive_errors, json_option, main, print_json
from archive.config import Settings
from archive.people.users import ROLES
from archive.vocabulary import CLASSIFICATIONS

role_option = click.option("--role", type=click.Choice(ROLES), help="reader, archivist or admin.")
clearance_option = click.option(
    "--clearance", type=click.Choice(CLASSIFICATIONS), help="The highest classification the user may see."
)
compartments_option = click.option(
    "--compartments", metavar="A,B", help="Compartments (units) the user belongs to; empty clears them."
)
password_option = click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
display_name_option = click.option("--display-name", metavar="TEXT", help="The person's full name, as pages show it.")
unit_option = click.option("--unit", metavar="TEXT", help="The office they work in.")


@main.group()
def users() -> None:
    """Users: role, clearance, compartments, password, API tokens."""


def _read_password() -> str:
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise click.UsageError("--password-stdin: no password on standard input")
    return line


@users.command("add")
@click.argument("name")
@role_option
@clearance_option
@compartments_option
@password_option
@display_name_option
@unit_option
@click.option("--token", "with_token", is_flag=True, help="Also make an API token and print it.")
@click.option("--exists-ok", is_flag=True, help="Do nothing (exit 0) when the user exists already.")
@json_option
@click.pass_obj
@fail_on_archive_errors
def add(
    settings: Settings,
    name,
    role,
    clearance,
    compartments,
    password_stdin,
    display_name,
    unit,
    with_token,
    exists_ok,
    as_json,
):
    """Add a user; prints a generated password (once) unless --password-stdin gives one."""
    from archive.people.accounts import add_account
    from archive.people.passwords import generate_password
    from archive.people.users import find_user

    if not role or not clearance:
        raise click.UsageError("a new user needs --role and --clearance")
    with Catalog(settings.catalog_path) as catalog:
        if exists_ok and find_user(catalog.db, name) is not None:
            click.echo(f"user {name} exists already (`archive users set {name} --reset-password` for a new password)")
            return
        password = _read_password() if password_stdin else generate_password()
        try:
            with catalog.transaction():
                label = "cli" if with_token else None
                user, token = add_account(
                    catalog,
                    name,
                    role,
                    clearance,
                    compartments or "",
                    password,
                    token_label=label,
                    display_name=display_name,
                    unit=unit,
                )
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    shown = None if password_stdin else password
    if as_json:
        print_json({"user": user.to_dict(), "password": shown, "token": token})
        return
    click.echo(
        f"user {name} added: {role}, cleared for {clearance}"
        + (f", compartments {','.join(user.compartments)}" if user.compartments else "")
    )
    if shown:
        click.echo(f"password: {shown}   (shown once; log in at /login)")
    if token:
        click.echo(f"token: {token}   (shown once; send it as `Authorization: Bearer …`)")


@users.command("list")
@json_option
@click.pass_obj
@fail_on_archive_errors
def list_(settings: Settings, as_json: bool) -> None:
    """List users."""
    from archive.people.users import list_users

    with Catalog(settings.catalog_path) as catalog:
        found = list_users(catalog.db)
    if as_json:
        print_json({"users": [u.to_dict() for u in found]})
        return
    for u in found:
        state = "disabled" if u.disabled else "active"
        extra = f" [{','.join(u.compartments)}]" if u.compartments else ""
        click.echo(f"{u.name:<20} {u.role:<10} {u.clearance:<13}{extra}  {state}")


@users.command("set")
@click.argument("name")
@role_option
@clearance_option
@compartments_option
@password_option
@display_name_option
@unit_option
@click.option("--reset-password", is_flag=True, help="Generate a new password and print it.")
@click.option("--enable", is_flag=True, help="Enable a disabled user.")
@json_option
@click.pass_obj
@fail_on_archive_errors
def set_(
    settings: Settings,
    name,
    role,
    clearance,
    compartments,
    password_stdin,
    display_name,
    unit,
    reset_password,
    enable,
    as_json,
):
    """Change a user's role, clearance, compartments, full name, unit or password; effective on their next
    request."""
    from archive.people.accounts import change_account, change_password
    from archive.people.passwords import generate_password

    if password_stdin and reset_password:
        raise click.UsageError("give --password-stdin or --reset-password, not both")
    password = _read_password() if password_stdin else generate_password() if reset_password else None
    with Catalog(settings.catalog_path) as catalog:
        try:
            with catalog.transaction():
                changes = change_account(
                    catalog,
                    name,
                    role=role,
                    clearance=clearance,
                    compartments=compartments,
                    disabled=False if enable else None,
                    display_name=display_name,
                    unit=unit,
                )
                if password:
                    change_password(catalog, name, password)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    shown = password if reset_password else None
    if as_json:
        print_json({"name": name, "changed": changes, "password": shown})
        return
    for field, change in changes.items():
        click.echo(f"user {name}: {field}: {change['old']!r} → {change['new']!r}")
    if password:
        click.echo(f"user {name}: new password" + (f": {shown}   (shown once)" if shown else " set"))
    if not changes and not password:
        click.echo(f"user {name}: nothing to change")


@users.command()
@click.argument("name")
@click.pass_obj
@fail_on_archive_errors
def disable(settings: Settings, name: str) -> None:
    """Disable a user: their sessions end and their tokens are revoked (enabling them again gives none back)."""
    from archive.people.accounts import set_disabled

    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        changes = set_disabled(catalog, name, True)
    click.echo(f"user {name} disabled" if changes else f"user {name} was disabled already")


@users.command()
@click.argument("name")
@click.option("--label", help="What the token is for (a script, a machine).")
@click.option("--list", "list_only", is_flag=True, help="List the user's tokens instead.")
@click.option("--revoke", type=int, metavar="TOKEN_ID", help="Revoke one token (its id from --list).")
@click.option("--revoke-all", is_flag=True, help="Revoke every token of the user.")
@json_option
@click.pass_obj
@fail_on_archive_errors
def token(settings: Settings, name, label, list_only, revoke, revoke_all, as_json) -> None:
    """Print a new API token for NAME (stored hashed, shown once); or list or revoke tokens."""
    from archive.people.accounts import create_token
    from archive.people.accounts import revoke as revoke_tokens
    from archive.people.tokens import list_tokens

    if sum(map(bool, (list_only, revoke is not None, revoke_all))) > 1:
        raise click.UsageError("give one of --list, --revoke, --revoke-all")
    with Catalog(settings.catalog_path) as catalog:
        if list_only:
            tokens = list_tokens(catalog.db, name)
            if as_json:
                print_json({"name": name, "tokens": [t.to_dict() for t in tokens]})
            for t in tokens if not as_json else ():
                state = f"revoked {t.revoked_at}" if t.revoked_at else "live"
                click.echo(f"{t.id:>5}  {t.label or '':<20} created {t.created_at}  {state}")
            return
        with catalog.transaction():
            if revoke is not None or revoke_all:
                result = {"name": name, "revoked": revoke_tokens(catalog, name, revoke)}
            else:
                info, secret = create_token(catalog, name, label)
                result = {"name": name, "id": info.id, "token": secret}
    if as_json:
        print_json(result)
    elif "token" in result:
        click.echo(result["token"])
    else:
        click.echo(f"user {name}: revoked {len(result['revoked'])} token(s)")
