"""Corrections to many records in one go: checked in full first, then written in one transaction, logged one
audit entry per record under a shared batch id, and indexed in one update."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from archive.catalog import Catalog
from archive.config import Settings
from archive.editing import _plain, beyond_clearance, hour_refusal
from archive.errors import ArchiveError, UsageError
from archive.fields import validate
from archive.messages import Message, message_of
from archive.people.access import ACCESS_FIELDS, visible_record
from archive.upkeep.session import writing
from indexer import Clearance

MAX_BATCH = 5000  # records one batch may touch: bounds a request's cost and a mistake's reach


@dataclass(frozen=True)
class Refusal:
    id: int | str  # a record id, or the key a sheet named it by (a checksum)
    reason: str

    def to_dict(self) -> dict:
        return {"id": self.id, "reason": self.reason}


@dataclass
class BatchResult:
    batch: str | None  # None for a dry run or a refused batch: nothing was written
    dry_run: bool
    changes: list[dict] = field(default_factory=list)  # [{"id", "changed": {field: {"old", "new"}}}]
    refused: list[Refusal] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused

    def to_dict(self) -> dict:
        return {
            "batch": self.batch,
            "dry_run": self.dry_run,
            "records": self.changes,
            "changed": sum(1 for c in self.changes if c["changed"]),
            "refused": [r.to_dict() for r in self.refused],
        }


def edit_many(
    settings: Settings,
    ids: list[int],
    raw: dict[str, str],
    *,
    actor: str,
    clearance: Clearance | None = None,
    dry_run: bool = False,
) -> BatchResult:
    """Set the same fields on each of `ids`."""
    return apply_corrections(
        settings, {i: raw for i in ids}, actor=actor, clearance=clearance, dry_run=dry_run, source="edited"
    )


def apply_corrections(
    settings: Settings,
    corrections: dict[int, dict[str, str]],
    *,
    actor: str,
    clearance: Clearance | None = None,
    dry_run: bool = False,
    source: str = "edited",
    refused: list[Refusal] | None = None,
) -> BatchResult:
    """Set per-record values. Every record is checked before any is written: one refusal (a record not
    found or above the editor's clearance, a disposed one, an unknown field, a bad value, a classification
    beyond the editor's own) and nothing is changed. `refused` carries refusals found earlier (a sheet's
    unknown checksum), which stop the batch too."""
    refusals = list(refused or [])
    if not corrections and not refusals:
        raise UsageError(Message("no records to correct"))
    if len(corrections) > MAX_BATCH:
        raise UsageError(Message("at most %(max)s records at once, not %(n)s", max=MAX_BATCH, n=len(corrections)))
    with writing(settings, "edit", repair="catalog") as session:
        catalog = session.catalog
        plans = _plan(catalog, corrections, clearance, refusals)
        result = BatchResult(None, dry_run, refused=refusals)
        if refusals or dry_run:
            result.changes = [{"id": i, "changed": _preview(r, v)} for i, (r, v) in plans.items()]
            return result
        batch = uuid.uuid4().hex[:16]
        touched = []
        with catalog.transaction():
            for record_id, (_, values) in plans.items():
                changed = catalog.update_fields(record_id, values, source=source, actor=actor, batch=batch)
                access = {
                    f: {"old": _plain(o), "new": _plain(n)} for f, (o, n) in changed.items() if f in ACCESS_FIELDS
                }
                if access:
                    declassified = "classification" in access and access["classification"]["new"] == "unclassified"
                    catalog.log_event(
                        "classification.changed",
                        record_id,
                        actor=actor,
                        declassified=declassified,
                        batch=batch,
                        **access,
                    )
                if changed:
                    touched.append(record_id)
                result.changes.append(
                    {
                        "id": record_id,
                        "changed": {f: {"old": _plain(o), "new": _plain(n)} for f, (o, n) in changed.items()},
                    }
                )
        if touched:
            session.reindex(touched)  # one index update for the whole batch
        result.batch = batch
    return result


def _plan(catalog: Catalog, corrections, clearance, refusals: list[Refusal]) -> dict:
    """{id: (record, validated values)} for the records that pass; a Refusal in `refusals` for each other."""
    plans = {}
    for record_id, raw in sorted(corrections.items()):
        try:
            values = {name: validate(name, value) for name, value in raw.items()}
            record = visible_record(catalog, record_id, clearance)
            refusal = beyond_clearance(record, values, clearance) or hour_refusal(record, values)
            if refusal:
                raise ValueError(refusal)
        except ArchiveError as exc:
            refusals.append(Refusal(record_id, exc.message))
            continue
        except ValueError as exc:
            refusals.append(Refusal(record_id, message_of(exc)))
            continue
        plans[record_id] = (record, values)
    return plans


def _preview(record, values: dict) -> dict:
    """What writing `values` would change: {field: {"old", "new"}}."""
    return {
        f: {"old": _plain(getattr(record, f)), "new": _plain(v)} for f, v in values.items() if getattr(record, f) != v
    }
