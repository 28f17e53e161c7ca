"""Legal holds: a held record is never disposed of, whatever its retention period says."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field

from archive.audit import audit
from archive.catalog import Catalog, now
from archive.config import Settings
from archive.errors import ArchiveError, NotFoundError, UsageError
from archive.messages import Message
from archive.people.access import visible_record
from archive.upkeep.session import writing
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
    with writing(settings, "hold", repair="catalog") as session:
        catalog = session.catalog
        visible_record(catalog, record_id, clearance)
        if find_hold(catalog.db, record_id) is not None:
            raise UsageError(Message("record %(id)s is already under a legal hold", id=record_id))
        with catalog.transaction():
            _place(catalog, record_id, reason)
        return find_hold(catalog.db, record_id)


def _place(catalog: Catalog, record_id: int, reason: str, **detail) -> None:
    """Write one hold and its audit entry (inside the caller's transaction)."""
    catalog.db.execute(
        "INSERT INTO holds (record_id, reason, actor, at) VALUES (?, ?, ?, ?)",
        (record_id, reason, audit.current()[0], now()),
    )
    catalog.log_event("hold.add", record_id, reason=reason, **detail)


@dataclass
class HoldBatch:
    """Holds placed (or, in a preview, to be placed) on many records; `refused` non-empty means none was."""

    batch: str | None
    dry_run: bool
    ids: list[int]
    refused: list[tuple[int, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "batch": self.batch,
            "dry_run": self.dry_run,
            "records": self.ids,
            "refused": [{"id": i, "reason": r} for i, r in self.refused],
        }


def add_holds(
    settings: Settings, record_ids: list[int], reason: str, *, clearance: Clearance | None = None, dry_run=False
) -> HoldBatch:
    """Put many records under legal hold, all or nothing: every record is checked first (one not found, above
    the caller's clearance, disposed or already held, and none is held). One audit entry per record, as a single
    hold writes, sharing a batch id."""
    from archive.corrections.batch import MAX_BATCH

    reason = _reason(reason, Message("a legal hold needs a reason (the case, the request, the decision)"))
    ids = list(dict.fromkeys(record_ids))
    if not ids:
        raise UsageError(Message("tick the records to hold"))
    if len(ids) > MAX_BATCH:
        raise UsageError(Message("at most %(max)s records at once, not %(n)s", max=MAX_BATCH, n=len(ids)))
    with writing(settings, "hold", repair="catalog") as session:
        catalog = session.catalog
        refused = []
        for record_id in ids:
            try:
                visible_record(catalog, record_id, clearance)
            except ArchiveError as exc:
                refused.append((record_id, exc.message))
                continue
            if find_hold(catalog.db, record_id) is not None:
                refused.append((record_id, Message("record %(id)s is already under a legal hold", id=record_id)))
        if refused or dry_run:
            return HoldBatch(None, dry_run, ids, refused)
        batch = uuid.uuid4().hex[:16]
        with catalog.transaction():
            for record_id in ids:
                _place(catalog, record_id, reason, batch=batch)
        return HoldBatch(batch, False, ids)


def remove_hold(settings: Settings, record_id: int, reason: str, *, clearance: Clearance | None = None) -> Hold:
    """Lift a legal hold, for a reason as placing one needs; the hold and its lifting stay in the audit trail."""
    reason = _reason(reason, Message("lifting a legal hold needs a reason (the case closed, the decision)"))
    with writing(settings, "hold", repair="catalog") as session:
        catalog = session.catalog
        visible_record(catalog, record_id, clearance)
        hold = find_hold(catalog.db, record_id)
        if hold is None:
            raise NotFoundError(Message("record %(id)s is not under a legal hold", id=record_id))
        with catalog.transaction():
            catalog.db.execute("DELETE FROM holds WHERE record_id = ?", (record_id,))
            catalog.log_event("hold.remove", record_id, reason=reason, held_since=hold.at)
        return hold
