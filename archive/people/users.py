"""People who may use the archive: a role, a clearance, compartments, a password; stored in the catalog."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from archive.catalog import now
from archive.errors import NotFoundError, UsageError
from archive.fields import compartments as parse_compartments
from archive.messages import Message
from archive.people.passwords import check_password, hash_password
from archive.vocabulary import CLASSIFICATIONS
from indexer import Clearance

ROLES = ("reader", "archivist", "admin")  # each may do what the ones before it may
NAME = re.compile(r"[\w.@-]{1,64}")


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    clearance: str
    compartments: tuple[str, ...]
    disabled: bool
    has_password: bool
    created_at: str
    updated_at: str
    display_name: str | None = None  # the person's full name, as pages show them
    unit: str | None = None  # the office they work in

    @property
    def access(self) -> Clearance:
        """What this user may see, as the search index applies it."""
        return Clearance(self.clearance, frozenset(self.compartments))

    def can(self, role: str) -> bool:
        """True when the user's role is `role` or above it."""
        return ROLES.index(self.role) >= ROLES.index(role)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "role": self.role,
            "clearance": self.clearance,
            "compartments": list(self.compartments),
            "disabled": self.disabled,
            "password": self.has_password,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "display_name": self.display_name,
            "unit": self.unit,
        }


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UsageError(Message("unknown role %(value)r; roles: %(known)s", value=role, known=", ".join(ROLES)))
    return role


def check_clearance(level: str) -> str:
    if level not in CLASSIFICATIONS:
        known = ", ".join(CLASSIFICATIONS)
        raise UsageError(Message("unknown clearance %(value)r; levels: %(known)s", value=level, known=known))
    return level


def add_user(
    db: sqlite3.Connection,
    name: str,
    role: str,
    clearance: str,
    compartments: str = "",
    password: str | None = None,
    *,
    display_name: str | None = None,
    unit: str | None = None,
) -> User:
    if not NAME.fullmatch(name):
        raise UsageError(Message("a user name is 1–64 letters, digits or . @ - _, not %(value)r", value=name))
    if find_user(db, name) is not None:
        raise UsageError(Message("user %(name)r exists already", name=name))
    stamp = now()
    db.execute(
        "INSERT INTO users (name, role, clearance, compartments, password_hash, created_at, updated_at, "
        "display_name, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            name,
            check_role(role),
            check_clearance(clearance),
            _column(compartments),
            hash_password(password) if password else None,
            stamp,
            stamp,
            person_text(display_name),
            person_text(unit),
        ),
    )
    return get_user(db, name)


def person_text(value: str | None) -> str | None:
    """A display name or unit: one line of at most 200 characters; empty is none."""
    text = " ".join((value or "").split())
    if len(text) > 200:
        raise UsageError(Message("a name or unit is at most 200 characters"))
    return text or None


def find_user(db: sqlite3.Connection, name: str) -> User | None:
    row = db.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
    return _user(row) if row else None


def get_user(db: sqlite3.Connection, name: str) -> User:
    user = find_user(db, name)
    if user is None:
        raise NotFoundError(Message("no user %(name)r", name=name))
    return user


def user_by_id(db: sqlite3.Connection, user_id: int) -> User | None:
    row = db.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    return _user(row) if row else None


def list_users(db: sqlite3.Connection) -> list[User]:
    return [_user(row) for row in db.execute("SELECT * FROM users ORDER BY name")]


def update_user(db: sqlite3.Connection, name: str, **changes) -> dict:
    """Set role, clearance, compartments, disabled, display name or unit; returns {field: {"old", "new"}} for
    what changed."""
    user = get_user(db, name)
    checks = {
        "role": check_role,
        "clearance": check_clearance,
        "compartments": parse_compartments,
        "disabled": bool,
        "display_name": person_text,
        "unit": person_text,
    }
    changed = {}
    for field, value in changes.items():
        if value is None:
            continue
        new = checks[field](value)
        old = getattr(user, field)
        if new != old:
            changed[field] = {"old": list(old) if field == "compartments" else old, "new": _plain(new)}
    if changed:
        values = {f: _column(c["new"]) if f == "compartments" else c["new"] for f, c in changed.items()}
        values["updated_at"] = now()
        assignments = ", ".join(f"{f} = ?" for f in values)
        db.execute(f"UPDATE users SET {assignments} WHERE id = ?", (*values.values(), user.id))
    return changed


def set_password(db: sqlite3.Connection, name: str, password: str) -> None:
    user = get_user(db, name)
    db.execute(
        "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", (hash_password(password), now(), user.id)
    )


def authenticate(db: sqlite3.Connection, name: str, password: str) -> User | None:
    """The user when the name and password match and the user is not disabled; None otherwise (same time)."""
    row = db.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
    if not check_password(row["password_hash"] if row else None, password):
        return None
    user = _user(row)
    return None if user.disabled else user


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


def _column(names) -> str | None:
    if isinstance(names, str):
        names = parse_compartments(names)
    return ",".join(names) if names else None


def _user(row: sqlite3.Row) -> User:
    return User(
        id=row["id"],
        name=row["name"],
        role=row["role"],
        clearance=row["clearance"],
        compartments=tuple(n for n in (row["compartments"] or "").split(",") if n),
        disabled=bool(row["disabled"]),
        has_password=row["password_hash"] is not None,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        display_name=row["display_name"],
        unit=row["unit"],
    )
