"""Bearer secrets: API tokens and web sessions. Only their SHA-256 is stored, so a copy of the catalog
cannot be used to log in; a token is shown once, when it is made. Tokens and sessions are high-entropy
random strings, so a fast hash is enough (a password needs a KDF because people choose them)."""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from archive.catalog import now
from archive.errors import NotFoundError
from archive.messages import Message
from archive.people.users import User, get_user, user_by_id

TOKEN_PREFIX = "arc_"  # tells a leaked token apart in logs and secret scanners
SESSION_HOURS = 12  # a working day; a new login after that


@dataclass(frozen=True)
class TokenInfo:
    id: int
    label: str | None
    created_at: str
    revoked_at: str | None

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "created_at": self.created_at, "revoked_at": self.revoked_at}


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token(db: sqlite3.Connection, name: str, label: str | None = None) -> tuple[TokenInfo, str]:
    """A new API token for user `name`: (its record, the token itself, which is not kept)."""
    user = get_user(db, name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    cursor = db.execute(
        "INSERT INTO tokens (user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)",
        (user.id, digest(token), label, now()),
    )
    return _token(db.execute("SELECT * FROM tokens WHERE id = ?", (cursor.lastrowid,)).fetchone()), token


def list_tokens(db: sqlite3.Connection, name: str) -> list[TokenInfo]:
    user = get_user(db, name)
    return [_token(row) for row in db.execute("SELECT * FROM tokens WHERE user_id = ? ORDER BY id", (user.id,))]


def revoke_tokens(db: sqlite3.Connection, name: str, token_id: int | None = None) -> list[int]:
    """Revoke one token of user `name`, or all of them; returns the ids revoked."""
    user = get_user(db, name)
    rows = db.execute(
        "SELECT id FROM tokens WHERE user_id = ? AND revoked_at IS NULL AND (? IS NULL OR id = ?)",
        (user.id, token_id, token_id),
    ).fetchall()
    if token_id is not None and not rows:
        raise NotFoundError(Message("user %(name)r has no live token %(token)s", name=name, token=token_id))
    ids = [row[0] for row in rows]
    db.executemany("UPDATE tokens SET revoked_at = ? WHERE id = ?", [(now(), i) for i in ids])
    return ids


def user_for_token(db: sqlite3.Connection, token: str) -> User | None:
    """The live user a live token belongs to, or None."""
    row = db.execute(
        "SELECT user_id FROM tokens WHERE token_hash = ? AND revoked_at IS NULL", (digest(token),)
    ).fetchone()
    user = user_by_id(db, row[0]) if row else None
    return user if user is not None and not user.disabled else None


# --- web sessions ---------------------------------------------------------------------------------


def new_session(db: sqlite3.Connection, user: User, origin: str | None) -> tuple[str, str]:
    """Start a session: (the cookie's value, the session's CSRF token)."""
    cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = datetime.now(UTC) + timedelta(hours=SESSION_HOURS)
    db.execute(
        "INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at, origin) VALUES (?, ?, ?, ?, ?, ?)",
        (digest(cookie), user.id, csrf, now(), _stamp(expires), origin),
    )
    return cookie, csrf


def session_user(db: sqlite3.Connection, cookie: str) -> tuple[User, str] | None:
    """(user, CSRF token) of a live session; None when it expired, ended or its user was disabled."""
    row = db.execute("SELECT user_id, csrf, expires_at FROM sessions WHERE id_hash = ?", (digest(cookie),)).fetchone()
    if row is None:
        return None
    if row["expires_at"] <= now():
        db.execute("DELETE FROM sessions WHERE id_hash = ?", (digest(cookie),))
        return None
    user = user_by_id(db, row["user_id"])
    return (user, row["csrf"]) if user is not None and not user.disabled else None


def end_session(db: sqlite3.Connection, cookie: str) -> None:
    db.execute("DELETE FROM sessions WHERE id_hash = ?", (digest(cookie),))


def end_sessions_of(db: sqlite3.Connection, user: User) -> int:
    """Log a user out everywhere (disabled, password changed)."""
    return db.execute("DELETE FROM sessions WHERE user_id = ?", (user.id,)).rowcount


def cut_off(db: sqlite3.Connection, user: User) -> dict:
    """Everything that lets `user` in without their password ends: sessions, and API tokens (revoked, not
    merely refused, so that enabling the user again gives none of them back). Done when a user is disabled
    and when their password is set or reset; returns {"sessions_ended": n, "tokens_revoked": [ids]}."""
    ended = end_sessions_of(db, user)
    revoked = revoke_tokens(db, user.name)
    return {"sessions_ended": ended, "tokens_revoked": revoked}


def _stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _token(row: sqlite3.Row) -> TokenInfo:
    return TokenInfo(row["id"], row["label"], row["created_at"], row["revoked_at"])
