"""Closing a file ends its matter: nothing more is filed until it is reopened (for a reason, audited), and
its documents' retention counts from the year after the closing."""

from __future__ import annotations

from datetime import date

from archive.config import Settings
from archive.errors import UsageError
from archive.filing import store
from archive.filing.access import visible_file
from archive.filing.models import HoSo
from archive.messages import Message
from archive.upkeep.session import writing
from indexer import Clearance


def close_file(settings: Settings, ref: str, day: date | None = None, *, clearance: Clearance | None = None) -> HoSo:
    """Close the file on `day` (today by default; not in the future)."""
    day = day or date.today()
    if day > date.today():
        raise UsageError(Message("a file cannot be closed in the future (%(day)s)", day=day.isoformat()))
    with writing(settings, "filing", repair="catalog") as session:
        catalog = session.catalog
        file = visible_file(catalog, ref, clearance)
        if file.disposed_at:
            raise UsageError(Message("file %(ref)s was disposed of", ref=file.ref))
        if file.closed_on:
            raise UsageError(Message("file %(ref)s is closed already (on %(day)s)", ref=file.ref, day=file.closed_on))
        with catalog.transaction():
            store.set_closed(catalog, file.id, day.isoformat())
            catalog.log_event("file.close", None, file_id=file.id, closed_on=day.isoformat())
        return store.file_by_id(catalog, file.id)


def reopen_file(settings: Settings, ref: str, reason: str, *, clearance: Clearance | None = None) -> HoSo:
    """Reopen a closed file so documents may be filed again; the reason and the old closing are audited."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise UsageError(Message("reopening a file needs a reason"))
    with writing(settings, "filing", repair="catalog") as session:
        catalog = session.catalog
        file = visible_file(catalog, ref, clearance)
        if file.disposed_at:
            raise UsageError(Message("file %(ref)s was disposed of", ref=file.ref))
        if not file.closed_on:
            raise UsageError(Message("file %(ref)s is open", ref=file.ref))
        with catalog.transaction():
            store.set_closed(catalog, file.id, None)
            catalog.log_event("file.reopen", None, file_id=file.id, reason=reason, was_closed_on=file.closed_on)
        return store.file_by_id(catalog, file.id)


def hold_file(settings: Settings, ref: str, reason: str, *, clearance: Clearance | None = None) -> dict:
    """Put a whole file under legal hold: it is not disposed of while held."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise UsageError(Message("a legal hold needs a reason (the case, the request, the decision)"))
    with writing(settings, "filing", repair="catalog") as session:
        catalog = session.catalog
        file = visible_file(catalog, ref, clearance)
        if store.file_hold(catalog, file.id):
            raise UsageError(Message("file %(ref)s is already under a legal hold", ref=file.ref))
        with catalog.transaction():
            store.insert_file_hold(catalog, file.id, reason, catalog_actor())
            catalog.log_event("file.hold.add", None, file_id=file.id, reason=reason)
        return store.file_hold(catalog, file.id)


def release_file(settings: Settings, ref: str, reason: str, *, clearance: Clearance | None = None) -> None:
    reason = " ".join((reason or "").split())
    if not reason:
        raise UsageError(Message("lifting a legal hold needs a reason (the case closed, the decision)"))
    with writing(settings, "filing", repair="catalog") as session:
        catalog = session.catalog
        file = visible_file(catalog, ref, clearance)
        if not store.file_hold(catalog, file.id):
            raise UsageError(Message("file %(ref)s is not under a legal hold", ref=file.ref))
        with catalog.transaction():
            store.delete_file_hold(catalog, file.id)
            catalog.log_event("file.hold.remove", None, file_id=file.id, reason=reason)


def catalog_actor() -> str:
    from archive.audit import audit

    return audit.current()[0]
