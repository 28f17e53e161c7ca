"""Users and tokens, for administrators: the page's forms (`/admin/users`) and the JSON API (`/api/users…`)
alike call the same actions here, which check what the administrator may grant; the use cases write the audit
entries (`archive.people.accounts`). Users can be granted no more than the administrator holds, so the web
never hands out access its user lacks. A new password or token is shown once, in the answer that made it;
only its hash is kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Blueprint, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from archive.errors import ForbiddenError, NotFoundError, UsageError
from archive.messages import Message, message_of
from archive.people import accounts
from archive.people.passwords import generate_password
from archive.people.tokens import list_tokens
from archive.people.users import User, get_user, list_users
from archive.vocabulary import CLASSIFICATIONS
from web.auth import role_for
from web.context import catalog
from web.labels import levels_up_to
from web.parsing import json_body

users = Blueprint("users", __name__)
role_for(users, "admin")
SQLITE_MAX = 2**63 - 1


# --- users and tokens (admins) ---------------------------------------------------------------------------


def _within_mine(level: str, compartments: list[str] | tuple[str, ...]) -> bool:
    me = g.user
    return CLASSIFICATIONS.index(level) <= CLASSIFICATIONS.index(me.clearance) and set(compartments) <= set(
        me.compartments
    )


def manageable(other: User) -> bool:
    """An administrator manages users whose access is within their own (never one who could see more)."""
    return _within_mine(other.clearance, other.compartments)


def _compartments(raw: str) -> list[str]:
    return [c.strip().lower() for c in raw.split(",") if c.strip()]


def _check_grant(level: str | None, compartments: str | None) -> None:
    if level not in CLASSIFICATIONS:
        known = ", ".join(CLASSIFICATIONS)
        raise UsageError(Message("unknown clearance %(value)r; levels: %(known)s", value=level, known=known))
    if not _within_mine(level, _compartments(compartments or "")):
        raise ForbiddenError(Message("You can grant no more access than you hold yourself."))


def users_view() -> list[dict]:
    rows = []
    for u in list_users(catalog().db):
        tokens = [t.to_dict() for t in list_tokens(catalog().db, u.name)]
        rows.append({**u.to_dict(), "manageable": manageable(u), "tokens": tokens})
    return rows


def _target(name: str) -> User:
    other = get_user(catalog().db, name)
    if not manageable(other):
        raise ForbiddenError(
            Message("This user may see more than you: only an administrator cleared as high can change them.")
        )
    return other


@contextmanager
def one_transaction() -> Iterator[None]:
    """User and token actions in one catalog transaction, undone on any refusal; the archive's own refusals
    (ValueError: a bad name or compartment) are 400."""
    try:
        with catalog().transaction():
            yield
    except ValueError as exc:
        raise UsageError(message_of(exc)) from None


def add_account(
    name: str, role: str, level: str, compartments: str, display_name: str | None = None, unit: str | None = None
) -> tuple[User, str]:
    """A new user with a generated password: (the user, the password, to be shown once)."""
    _check_grant(level, compartments)
    password = generate_password()
    user, _ = accounts.add_account(
        catalog(), name, role, level, compartments, password, display_name=display_name, unit=unit
    )
    return user, password


def change_account(
    name: str,
    role: str | None,
    level: str | None,
    compartments: str | None,
    display_name: str | None = None,
    unit: str | None = None,
) -> dict:
    """Set role, clearance, compartments, display name and unit (None: as they are), within the
    administrator's own access."""
    other = _target(name)
    _check_grant(level or other.clearance, ",".join(other.compartments) if compartments is None else compartments)
    return accounts.change_account(
        catalog(),
        name,
        role=role,
        clearance=level,
        compartments=compartments,
        display_name=display_name,
        unit=unit,
    )


def set_disabled(name: str, disabled: bool) -> dict:
    """Disable a user (their sessions end; their tokens are revoked) or enable them again (with no token: a
    new one is made for them if they need one)."""
    other = _target(name)
    if other.name == g.user.name and disabled:
        raise UsageError(Message("You cannot disable yourself."))
    return accounts.set_disabled(catalog(), name, disabled)


def reset_password(name: str) -> str:
    """A new generated password (to be shown once); the user's sessions end."""
    _target(name)
    password = generate_password()
    accounts.change_password(catalog(), name, password)
    return password


def create_token(name: str, label: str):
    """A new API token: (its record, the secret, to be shown once)."""
    _target(name)
    return accounts.create_token(catalog(), name, label)


def revoke(name: str, token_id: int | None) -> list[int]:
    """Revoke one token of the user, or all of them; returns the ids revoked."""
    _target(name)
    if token_id is not None and token_id > SQLITE_MAX:  # an id SQLite cannot hold names no token
        raise NotFoundError(Message("user %(name)r has no live token %(token)s", name=name, token=token_id))
    return accounts.revoke(catalog(), name, token_id)


@users.get("/admin/users")
def users_page():
    return render_template("users.html", users=users_view(), shown=None, levels=levels_up_to(g.user.clearance))


@users.post("/admin/users/confirm")
def users_confirm():
    """The step before locking a user out: who, and what it does; the confirmation posts to `users_post`.
    One's own account is refused here as there (and never offered on the page)."""
    name = request.form.get("name", "").strip()
    other = _target(name)
    if other.name == g.user.name:
        raise UsageError(Message("You cannot disable yourself."))
    who = f"{other.display_name} ({other.name})" if other.display_name else other.name
    return render_template(
        "confirm.html",
        heading=_("Lock the account of %(who)s?", who=who),
        explain=_("They are logged out at once, cannot log in and their API tokens stop working until enabled again."),
        items=[other.unit] if other.unit else [],
        action=url_for("users.users_post"),
        fields=[("name", other.name), ("action", "disable")],
        confirm=_("Yes, lock %(name)s", name=other.name),
        cancel=url_for("users.users_page"),
        lang_next=url_for("users.users_page"),
    )


@users.post("/admin/users")
def users_post():
    """One form per action: add, set, disable, enable, password, token, revoke."""
    form = request.form
    action, name = form.get("action", ""), form.get("name", "").strip()
    with one_transaction():
        shown = _page_action(action, name, form)
    if shown is None:
        return redirect(url_for("users.users_page"), 303)
    return render_template("users.html", users=users_view(), shown=shown, levels=levels_up_to(g.user.clearance))


def _page_action(action: str, name: str, form) -> dict | None:
    """Do one form's action; returns the secret it made, to show once (`{"name", "kind", "secret"}`), if any."""
    if action == "add":
        _, password = add_account(
            name,
            form.get("role", ""),
            form.get("clearance", ""),
            form.get("compartments", ""),
            form.get("display_name"),
            form.get("unit"),
        )
        return {"name": name, "kind": "password", "secret": password}
    if action == "set":
        change_account(
            name,
            form.get("role"),
            form.get("clearance"),
            form.get("compartments", ""),
            form.get("display_name"),
            form.get("unit"),
        )
    elif action in ("disable", "enable"):
        set_disabled(name, action == "disable")
    elif action == "password":
        return {"name": name, "kind": "password", "secret": reset_password(name)}
    elif action == "token":
        _, secret = create_token(name, form.get("label") or "web")
        return {"name": name, "kind": "token", "secret": secret}
    elif action == "revoke":
        token_id = (form.get("token") or "").strip()
        if token_id and not (token_id.isascii() and token_id.isdigit()):  # never "all of them" for a non-id
            raise UsageError(Message("a token id is a number, not %(value)r", value=token_id[:40]))
        revoke(name, int(token_id) if token_id else None)
    else:
        raise UsageError(Message("unknown action %(value)r", value=action))
    return None


# The same actions as JSON: {"user", "password"} and {"name", "id", "label", "token"} as `archive users add
# --json` and `archive users token --json` print them; a secret is in that one answer only.

USER_FIELDS = ("role", "clearance", "compartments", "disabled", "display_name", "unit")
ONE_WORD = re.compile(r"[\w.-]{1,64}")  # a compartment's name (archive.fields.compartments)


def _text(data: dict, field: str) -> str | None:
    """The field's text; None when it is not sent (sent as anything but text, null too, it is 400)."""
    if field in data and not isinstance(data[field], str):
        raise UsageError(Message("%(field)s must be text", field=field))
    return data.get(field)


def _compartment_list(data: dict) -> str | None:
    """`compartments` as sent (a list of names, as /api/users lists them), as the forms send it: "a,b"."""
    if "compartments" not in data:
        return None
    value = data["compartments"]
    if not isinstance(value, list) or not all(isinstance(c, str) and ONE_WORD.fullmatch(c) for c in value):
        raise UsageError(Message("compartments must be a list of names, one word each"))
    return ",".join(value)


@users.get("/api/users")
def users_api():
    return jsonify({"users": users_view()})


@users.post("/api/users")
def add_user_api():
    """`{"name", "role", "clearance", "compartments": [...]}` → 201 `{"user", "password"}`."""
    data = json_body()
    name, role, level = (_text(data, field) or "" for field in ("name", "role", "clearance"))
    person = {field: _text(data, field) for field in ("display_name", "unit")}
    with one_transaction():
        user, password = add_account(name.strip(), role, level, _compartment_list(data) or "", **person)
    return jsonify({"user": user.to_dict(), "password": password}), 201


@users.patch("/api/users/<name>")
def change_user_api(name: str):
    """Any of `{"role", "clearance", "compartments", "disabled"}` → `{"name", "changed"}`."""
    data = json_body()
    unknown = sorted(set(data) - set(USER_FIELDS))
    if unknown:
        known = ", ".join(USER_FIELDS)
        raise UsageError(Message("unknown field %(value)r; fields: %(known)s", value=unknown[0], known=known))
    disabled = data.get("disabled")
    if "disabled" in data and not isinstance(disabled, bool):
        raise UsageError(Message("disabled must be true or false"))
    with one_transaction():  # all the changes or none
        changed = change_account(
            name,
            _text(data, "role"),
            _text(data, "clearance"),
            _compartment_list(data),
            _text(data, "display_name"),
            _text(data, "unit"),
        )
        if disabled is not None:
            changed.update(set_disabled(name, disabled))
    return jsonify({"name": name, "changed": changed})


@users.post("/api/users/<name>/password")
def password_api(name: str):
    """A new generated password → `{"name", "password"}`; the user's sessions end."""
    with one_transaction():
        password = reset_password(name)
    return jsonify({"name": name, "password": password})


@users.post("/api/users/<name>/tokens")
def token_api(name: str):
    """`{"label"}` (optional) → 201 `{"name", "id", "label", "token"}`."""
    data = json_body() if request.get_data() else {}  # the body is optional; when sent, a JSON object
    label = _text(data, "label")
    with one_transaction():
        info, secret = create_token(name, label or "api")
    return jsonify({"name": name, "id": info.id, "label": info.label, "token": secret}), 201


@users.delete("/api/users/<name>/tokens")
def revoke_all_api(name: str):
    """Revoke every live token of the user → `{"name", "revoked": [ids]}`."""
    with one_transaction():
        revoked = revoke(name, None)
    return jsonify({"name": name, "revoked": revoked})


@users.delete("/api/users/<name>/tokens/<int:token_id>")
def revoke_api(name: str, token_id: int):
    """Revoke one token → `{"name", "revoked": [id]}`; 404 when the user has no such live token."""
    with one_transaction():
        revoked = revoke(name, token_id)
    return jsonify({"name": name, "revoked": revoked})
