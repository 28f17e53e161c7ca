"""This request's context, as Flask's tutorial keeps `db.py`: the catalog connection, the settings, the
shared search index and the user asking. Blueprints get them from here, never from `web/__init__.py`."""

from __future__ import annotations

from flask import current_app, g

from archive.catalog import Catalog
from archive.config import Settings
from archive.people.users import User
from indexer import Clearance, SearchIndex

LOCK_WAIT = 10.0  # seconds a web request waits for another writer (an ingest) before answering 503


def catalog() -> Catalog:
    """This request's catalog connection (SQLite connections are per thread), closed at the request's end."""
    if "catalog" not in g:
        g.catalog = Catalog(settings().catalog_path, migrate=False)
    return g.catalog


def close_catalog(_exc=None) -> None:
    """`teardown_appcontext`: close the connection `catalog()` opened, if it did."""
    opened = g.pop("catalog", None)
    if opened is not None:
        opened.close()


def settings() -> Settings:
    return current_app.config["ARCHIVE_SETTINGS"]


def writer_settings() -> Settings:
    """The settings a writing request runs under: it waits `LOCK_WAIT` seconds for the writer lock."""
    return settings().with_(lock_wait=LOCK_WAIT)


def search_index() -> SearchIndex:
    """The app's one long-lived index (its searcher reopens after each commit)."""
    return current_app.extensions["archive_index"]


def user() -> User | None:
    """Who is asking (set by `web.auth.authenticate_request`); None on the few pages open to all."""
    return g.get("user")


def clearance() -> Clearance:
    """The requesting user's clearance: every answer is cut to it."""
    return g.user.access
