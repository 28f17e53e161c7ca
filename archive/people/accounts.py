"""User and token changes, each with its audit entry: the one place `archive users …` and the admin area's
forms and JSON API make them. Callers hold the catalog transaction (all the changes of a request, or none)."""

from __future__ import annotations

from archive.catalog import Catalog
from archive.people.tokens import TokenInfo, cut_off, new_token, revoke_tokens
from archive.people.users import User, add_user, get_user, set_password, update_user


def add_account(
    catalog: Catalog,
    name: str,
    role: str,
    clearance: str,
    compartments: str,
    password: str,
    *,
    token_label: str | None = None,
    **profile,
) -> tuple[User, str | None]:
    """A new user (`profile`: their display name and unit, as `add_user` takes them); with `token_label`, also
    an API token: (the user, the token's secret or None)."""
    user = add_user(catalog.db, name, role, clearance, compartments, password, **profile)
    catalog.log_event("user.add", None, **user.to_dict())
    if token_label is None:
        return user, None
    secret = new_token(catalog.db, name, token_label)[1]
    catalog.log_event("token.create", None, name=name, label=token_label)
    return user, secret


def change_account(catalog: Catalog, name: str, **changes) -> dict:
    """Role, clearance, compartments or disabled (None: as they are); the changes made, `{field: {old, new}}`."""
    changed = update_user(catalog.db, name, **changes)
    if changed:
        catalog.log_event("user.set", None, name=name, changes=changed)
    return changed


def change_password(catalog: Catalog, name: str, password: str) -> None:
    """A new password; the user's sessions end and their tokens are revoked (`cut_off`), so whoever held the
    old way in is out."""
    set_password(catalog.db, name, password)
    catalog.log_event("user.password", None, name=name, **cut_off(catalog.db, get_user(catalog.db, name)))


def set_disabled(catalog: Catalog, name: str, disabled: bool) -> dict:
    """Disable a user (their sessions end; their tokens are revoked, so enabling them gives none back) or
    enable them again; the changes."""
    changed = update_user(catalog.db, name, disabled=disabled)
    cut = cut_off(catalog.db, get_user(catalog.db, name)) if disabled else {}
    if changed or cut.get("tokens_revoked"):
        catalog.log_event(f"user.{'disable' if disabled else 'enable'}", None, name=name, **cut)
    return changed


def create_token(catalog: Catalog, name: str, label: str | None) -> tuple[TokenInfo, str]:
    """A new API token: (its record, the secret, to be shown once)."""
    info, secret = new_token(catalog.db, name, label)
    catalog.log_event("token.create", None, name=name, token_id=info.id, label=label)
    return info, secret


def revoke(catalog: Catalog, name: str, token_id: int | None) -> list[int]:
    """Revoke one token of the user, or all of them; the ids revoked."""
    ids = revoke_tokens(catalog.db, name, token_id)
    catalog.log_event("token.revoke", None, name=name, tokens=ids)
    return ids
