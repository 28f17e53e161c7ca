"""Corrections to a record's metadata by a person: validated, logged old → new, indexed at once."""

from __future__ import annotations

from archive.config import Settings
from archive.fields import hour_missing, validate
from archive.messages import Message
from archive.models import Record
from archive.people.access import ACCESS_FIELDS, may_classify, visible_record
from archive.upkeep.session import writing
from indexer import Clearance


def edit_record(
    settings: Settings,
    record_id: int,
    raw: dict[str, str],
    *,
    actor: str,
    clearance: Clearance | None = None,
    grounds: dict[str, str] | None = None,
) -> dict:
    """Set fields of one record; returns {field: {"old", "new"}} for what changed. Raises ValueError on bad input.

    A change of classification or compartments (declassifying, too) is also logged as `classification.changed`,
    and reaches the index before this returns, so it holds from the next request on. `grounds` (a decision
    and a reason) go into that entry."""
    values = {name: validate(name, value) for name, value in raw.items()}
    with writing(settings, "edit", repair="catalog") as session:
        catalog = session.catalog
        record = visible_record(catalog, record_id, clearance)
        refusal = beyond_clearance(record, values, clearance) or hour_refusal(record, values)
        if refusal:
            raise ValueError(refusal)
        with catalog.transaction():
            changed = catalog.update_fields(record_id, values, source="edited", actor=actor)
            access = {
                f: {"old": _plain(old), "new": _plain(new)} for f, (old, new) in changed.items() if f in ACCESS_FIELDS
            }
            if access:
                declassified = "classification" in access and access["classification"]["new"] == "unclassified"
                catalog.log_event(
                    "classification.changed",
                    record_id,
                    actor=actor,
                    declassified=declassified,
                    **access,
                    **(grounds or {}),
                )
        if changed:
            session.reindex([record_id])
    return {name: {"old": _plain(old), "new": _plain(new)} for name, (old, new) in changed.items()}


def declassify(
    settings: Settings,
    record_id: int,
    decision: str,
    reason: str,
    *,
    actor: str,
    clearance: Clearance | None = None,
) -> dict:
    """Declassify a record on the grounds the law asks to be recorded: the decision that allows it and the
    reason, both kept in its `classification.changed` audit entry. Raises ValueError when either is missing."""
    decision, reason = " ".join((decision or "").split()), " ".join((reason or "").split())
    if not decision or not reason:
        raise ValueError(Message("declassifying needs the decision number and the reason"))
    grounds = {"decision": decision, "reason": reason}
    return edit_record(
        settings, record_id, {"classification": "unclassified"}, actor=actor, clearance=clearance, grounds=grounds
    )


def beyond_clearance(record: Record, values: dict, clearance: Clearance | None) -> Message | None:
    """Why a person may not set these (validated) values, when they would classify the record beyond the
    person's own clearance or compartments: one may only mark what one is cleared to read. None when they may
    (and always for the command line, which runs as the archive's operator)."""
    if may_classify(clearance, values, record):
        return None
    return Message("you may not classify a record beyond your own clearance")


def hour_refusal(record: Record, values: dict) -> Message | None:
    """Why an edit would leave a very urgent or flash incoming document's arrival without its hour."""
    after = {"urgency": record.urgency, "received": record.received, **values}
    if hour_missing(after["urgency"], after["received"]):
        return Message("a very urgent or flash document's received needs the hour (DD/MM/YYYY HH:MM)")
    return None


def _plain(value):
    return list(value) if isinstance(value, tuple) else value
