"""Disposal of a whole file: every document in it and the file itself, all or nothing, under one authority.

Refused when the file is open, held, permanent or not yet due, when any document in it is held, or when the
person disposing may not see all of it. One catalog transaction writes a disposal record per document, one for
the file, and deletes the documents; `archive.retention.purging.purge` then clears the index and the store. A run killed
after the commit is finished by the next writer's recovery; before it, nothing happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from archive.audit import audit
from archive.config import Settings
from archive.errors import UsageError
from archive.filing import store
from archive.filing.access import visible_file
from archive.filing.retention import file_retention
from archive.messages import Message
from archive.people.access import can_see
from archive.retention.dispose import write_disposals
from archive.retention.holds import find_hold
from archive.retention.purging import purge
from archive.retention.schedule import load_schedule
from archive.upkeep.failpoint import reach
from archive.upkeep.session import writing
from indexer import Clearance


@dataclass
class FileDisposalResult:
    file: str
    disposed: list[int] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"file": self.file, "disposed": self.disposed, "refused": self.refused}


def dispose_file(
    settings: Settings,
    ref: str,
    authority: str,
    *,
    clearance: Clearance | None = None,
    today: date | None = None,
) -> FileDisposalResult:
    authority = " ".join((authority or "").split())
    if not authority:
        raise UsageError(Message("a disposal needs --authority: the decision that approved it"))
    today = today or date.today()
    schedule = load_schedule(settings.home)
    with writing(settings, "dispose") as session:  # recovery finishes a disposal killed half way, too
        catalog = session.catalog
        file = visible_file(catalog, ref, clearance)
        result = FileDisposalResult(file.ref)
        records = store.items(catalog, file.id)
        whole = file_retention(catalog, file, schedule, records)
        result.refused = _refusals(catalog, file, whole, records, clearance, today)
        if result.refused:
            return result
        actor, origin = audit.current()
        approved = [(record, rule) for record, rule, _ in whole.records]
        rule = whole.rule
        period = f"{rule.label} ({rule.source}), closed {file.closed_on}"
        catalog.db.execute("PRAGMA secure_delete = ON")
        with catalog.transaction():
            # A document's disposal record is shown to whoever could see the document: it names its file only
            # when the file is open to all, the rest stays in the file's own disposal record.
            named = {"file": file.ref} if file.classification == "unclassified" and not file.compartments else {}
            write_disposals(catalog, approved, authority, actor, origin, extra=named)
            store.insert_file_disposal(
                catalog,
                file,
                actor=actor,
                origin=origin,
                authority=authority,
                retention=period,
                records=[r.id for r in records],
            )
            store.set_disposed(catalog, file.id)
            catalog.log_event("file.disposal", None, file_id=file.id, authority=authority, records=len(records))
            reach("file-disposal:before-commit")
        reach("file-disposal:after-commit")
        purge(catalog, session.store, session.indexes)
        result.disposed = [r.id for r in records]
        return result


def _refusals(catalog, file, whole, records, clearance, today: date) -> list[str]:
    if file.disposed_at:
        return [Message("file %(ref)s was disposed of", ref=file.ref)]
    if any(not can_see(clearance, r) for r in records):
        return [Message("file %(ref)s can be disposed of only by someone cleared for all of it", ref=file.ref)]
    if file.closed_on is None:
        return [Message("file %(ref)s is open: close it first; its period counts from the closing", ref=file.ref)]
    refused = []
    held = store.file_hold(catalog, file.id)
    if held:
        refused.append(
            Message(
                "file %(ref)s is under a legal hold since %(since)s: %(reason)s",
                ref=file.ref,
                since=held["since"][:10],
                reason=held["reason"],
            )
        )
    for record in records:
        hold = find_hold(catalog.db, record.id)
        if hold is not None:
            refused.append(
                Message(
                    "record %(id)s is under a legal hold since %(since)s: %(reason)s",
                    id=record.id,
                    since=hold.at[:10],
                    reason=hold.reason,
                )
            )
    if not records:
        refused.append(Message("file %(ref)s holds no documents", ref=file.ref))
    elif whole.permanent:
        refused.append(Message("file %(ref)s is kept permanently", ref=file.ref))
    elif whole.ends and whole.ends > today:
        refused.append(Message("file %(ref)s is kept until %(ends)s", ref=file.ref, ends=whole.ends.isoformat()))
    return refused
