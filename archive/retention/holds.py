"""Legal holds: a held record is never disposed of, whatever its retention period says."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from archive.audit import audit
from archive.catalog import Catalog, now
from archive.config import Settings
from archive.errors import NotFoundError, UsageError
from archive.messages import Message
from archive.people.access import visible_record
from archive.upkeep.lock import writer_lock
from indexer import Clearance


@dataclass(frozen=True)
class Hold:
    record_id: int
    reason: str
    actor: str
    at: str

    def to_dict(self) -> dict:
        return {"id": self.record_id, "reason": self.reason, "by": self.actor, "since": self.at}


def find_hold(db: sqlite3.Connection, record_id: int) -> Hold | None:
    row = db.execute("SELECT * FROM holds WHERE record_id = ?", (record_id,)).fetchone()
    return Hold(row["record_id"], row["reason"], row["actor"], row["at"]) if row else None


def list_holds(db: sqlite3.Connection) -> list[Hold]:
    rows = db.execute("SELECT * FROM holds ORDER BY at, record_id")
    return [Hold(r["record_id"], r["reason"], r["actor"], r["at"]) for r in rows]


def _reason(reason: str, why: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise UsageError(why)
    return reason


def add_hold(settings: Settings, record_id: int, reason: str, *, clearance: Clearance | None = None) -> Hold:
    """Put a record under legal hold (under the writer lock: disposal must see it); logged."""
    reason = _reason(reason, Message("a legal hold needs a reason (the case, the request, the decision)"))
    with writer_lock(settings.lock_path, wait=settings.lock_wait), Catalog(settings.catalog_path) as catalog:
        visible_record(catalog, record_id, clearance)
        if find_hold(catalog.db, record_id) is not None:
            raise UsageError(Message("record %(id)s is already under a legal hold", id=record_id))
        actor = audit.current()[0]
        with catalog.transaction():
            catalog.db.execute(
                "INSERT INTO holds (record_id, reason, actor, at) VALUES (?, ?, ?, ?)",
                (record_id, reason, actor, now()),
            )
            catalog.log_event("hold.add", record_id, reason=reason)
        return find_hold(catalog.db, record_id)


def remove_hold(settings: Settings, record_id: int, reason: str, *, clearance: Clearance | None = None) -> Hold:
    """Lift a legal hold, for a reason as placing one needs; the hold and its lifting stay in the audit trail."""
    reason = _reason(reason, Message("lifting a legal hold needs a reason (the case closed, the decision)"))
    with writer_lock(settings.lock_path, wait=settings.lock_wait), Catalog(settings.catalog_path) as catalog:
        visible_record(catalog, record_id, clearance)
        hold = find_hold(catalog.db, record_id)
        if hold is None:
            raise NotFoundError(Message("record %(id)s is not under a legal hold", id=record_id))
        with catalog.transaction():
            catalog.db.execute("DELETE FROM holds WHERE record_id = ?", (record_id,))
            catalog.log_event("hold.remove", record_id, reason=reason, held_since=hold.at)
        return hold
