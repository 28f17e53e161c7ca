"""Disposal: destroy records whose retention period has ended, keeping a disposal record of each.

Every record asked for is checked first; if any is refused (held, permanent, not yet due, not found)
nothing is disposed. Then, under the writer lock: one catalog transaction writes the disposal records
and deletes the records (text, citations and OCR go with them), SQLite overwriting what it deletes;
the index drops them and rewrites the segments that held them; the store deletes the originals. A run
killed after the catalog commit leaves blobs and index entries that the next writer's recovery removes
(a disposal is a writer too: run again, it finishes what the killed run left, then refuses the records
already disposed of).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from archive.audit import audit
from archive.catalog import Catalog, now
from archive.config import Settings
from archive.errors import ArchiveError, UsageError
from archive.messages import Message
from archive.models import Record
from archive.people.access import visible_record
from archive.retention.disposals import Disposal, find_disposal
from archive.retention.holds import find_hold
from archive.retention.purging import purge
from archive.retention.retention import RetentionRule, ends_on, rule_for
from archive.retention.schedule import load_schedule
from archive.upkeep.failpoint import reach
from archive.upkeep.session import Writer, writing
from indexer import Clearance


@dataclass(frozen=True)
class Refusal:
    record_id: int
    reason: str

    def to_dict(self) -> dict:
        return {"id": self.record_id, "reason": self.reason}


@dataclass
class DisposalResult:
    disposed: list[Disposal] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"disposed": [d.to_dict() for d in self.disposed], "refused": [r.to_dict() for r in self.refused]}


def dispose(
    settings: Settings,
    ids: Iterable[int],
    authority: str,
    *,
    clearance: Clearance | None = None,
    today: date | None = None,
) -> DisposalResult:
    """Dispose of these records under `authority` (the approving decision), all or none."""
    authority = " ".join(authority.split())
    if not authority:
        raise UsageError(Message("a disposal needs --authority: the decision that approved it"))
    today = today or date.today()
    schedule = load_schedule(settings.home)
    result = DisposalResult()
    with writing(settings, "dispose") as session:  # recovery finishes a disposal killed half way, too
        catalog = session.catalog
        approved: list[tuple[Record, RetentionRule]] = []
        for record_id in dict.fromkeys(ids):
            try:
                record = visible_record(catalog, record_id, clearance)
            except ArchiveError as exc:
                result.refused.append(Refusal(record_id, exc.message))
                continue
            rule = rule_for(record, schedule)
            refusal = filed_refusal(catalog, record, clearance) or _refusal(catalog, record, rule, today)
            if refusal:
                result.refused.append(Refusal(record_id, refusal))
            else:
                approved.append((record, rule))
        if result.refused or not approved:
            return result
        _destroy(session, approved, authority)
        result.disposed = [find_disposal(catalog.db, record.id) for record, _ in approved]
    return result


def filed_refusal(catalog: Catalog, record: Record, clearance: Clearance | None) -> str | None:
    """A filed document is disposed of with its whole file (`dispose_file`), never alone: its period counts
    from the file's closing."""
    from archive.filing.access import can_see_file
    from archive.filing.store import file_by_id, file_of

    file_id = file_of(catalog, record.id)
    if file_id is None:
        return None
    file = file_by_id(catalog, file_id)
    if file is not None and can_see_file(clearance, file):
        return Message(
            "record %(id)s is filed in %(file)s: dispose of the whole file (retention dispose --file)",
            id=record.id,
            file=file.ref,
        )
    return Message("record %(id)s is filed: dispose of the whole file (retention dispose --file)", id=record.id)


def _refusal(catalog: Catalog, record: Record, rule: RetentionRule, today: date) -> str | None:
    hold = find_hold(catalog.db, record.id)
    if hold is not None:
        return Message(
            "record %(id)s is under a legal hold since %(since)s: %(reason)s",
            id=record.id,
            since=hold.at[:10],
            reason=hold.reason,
        )
    if rule.permanent:
        return Message("record %(id)s is kept permanently (%(rule)s)", id=record.id, rule=rule.source)
    ends = ends_on(record, rule)
    if ends is None:
        return Message(
            "record %(id)s has no date, so its %(period)s cannot be counted: set `issued` first",
            id=record.id,
            period=rule.label,
        )
    if ends > today:
        return Message(
            "record %(id)s is kept %(period)s (%(rule)s), until %(ends)s",
            id=record.id,
            period=rule.label,
            rule=rule.source,
            ends=ends.isoformat(),
        )
    return None


def _destroy(session: Writer, approved: list[tuple[Record, RetentionRule]], authority: str):
    catalog = session.catalog
    actor, origin = audit.current()
    catalog.db.execute("PRAGMA secure_delete = ON")  # deleted text is overwritten in the file, not left in free pages
    reach("dispose:checked")  # crash tests' kills: before anything is written, then once the disposals are in
    with catalog.transaction():
        write_disposals(catalog, approved, authority, actor, origin)
    reach("dispose:committed")
    purge(catalog, session.store, session.indexes)


def write_disposals(
    catalog: Catalog,
    approved: list[tuple[Record, RetentionRule]],
    authority: str,
    actor: str,
    origin: str,
    extra: dict | None = None,
) -> None:
    """Write a disposal record for each record and delete the records (call inside a transaction; `purge`
    then removes them from the index and the store). `extra` joins each record's kept metadata."""
    for record, rule in approved:
        metadata = {**record.to_dict(), "citations": catalog.citations_of(record), **(extra or {})}
        catalog.db.execute(
            "INSERT INTO disposals (record_id, disposed_at, actor, origin, authority, sha256, size, filename, "
            "classification, compartments, retention, metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                record.id,
                now(),
                actor,
                origin,
                authority,
                record.sha256,
                record.size,
                record.filename,
                record.classification,
                ",".join(record.compartments) or None,
                f"{rule.label} ({rule.source})",
                json.dumps(metadata, ensure_ascii=False, sort_keys=True),
            ),
        )
        catalog.db.execute("DELETE FROM records WHERE id = ?", (record.id,))
        catalog.log_event("disposal", record.id, authority=authority, sha256=record.sha256, filename=record.filename)
