"""Logging in and out of the web, with the audit entries that record each try: a name that failed too
often lately is refused before its password is even checked, so guessing costs the guesser time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from archive.catalog import Catalog
from archive.people.tokens import end_session, new_session
from archive.people.users import User, authenticate

FAILED_LOGINS_ALLOWED = 5  # per name within LOCKOUT; then the name is refused until the window passes
LOCKOUT = timedelta(minutes=15)


@dataclass(frozen=True)
class Login:
    """What a login try came to: `outcome` is "ok", "failed" (wrong name or password) or "refused" (too many
    failures lately); on "ok", the user and their new session's cookie value and CSRF token."""

    outcome: str
    user: User | None = None
    cookie: str | None = None
    csrf: str | None = None


def log_in(catalog: Catalog, name: str, password: str, origin: str | None) -> Login:
    """Check a name and password and start a session; every try is in the audit trail."""
    if catalog.count_events("login.failed", since=_since(), name=name) >= FAILED_LOGINS_ALLOWED:
        catalog.log_event("login.refused", None, name=name)
        return Login("refused")
    found = authenticate(catalog.db, name, password) if name and password else None
    if found is None:
        catalog.log_event("login.failed", None, name=name)
        return Login("failed")
    cookie, csrf = new_session(catalog.db, found, origin)
    catalog.log_event("login", None, actor=found.name, name=found.name)
    return Login("ok", found, cookie, csrf)


def log_out(catalog: Catalog, cookie: str) -> None:
    """End the session the cookie names."""
    end_session(catalog.db, cookie)
    catalog.log_event("logout", None)


def _since() -> str:
    return (datetime.now(UTC) - LOCKOUT).replace(microsecond=0).isoformat().replace("+00:00", "Z")
