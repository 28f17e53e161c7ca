"""Registering documents: each gets the next number of its register for the year, once, for ever.

The number is read and the entry written in one write transaction (BEGIN IMMEDIATE), which SQLite
serialises across processes: two clerks registering at the same moment never get the same number, and
the table's UNIQUE constraints refuse a second entry for a number or a record whatever happens. Entries
are never deleted, so a number once given (even to a record later disposed of) is never given again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from archive.audit import audit
from archive.catalog import Catalog, now
from archive.config import Settings
from archive.errors import ArchiveError, UsageError
from archive.fields import hour_missing, validate
from archive.messages import Message
from archive.people.access import visible_record
from archive.registers import catalog as entries
from archive.registers.books import DIRECTION_OF, check_book, register_for
from indexer import Clearance

DESK_FIELDS = ("received", "sender", "recipients", "routed_to", "copies")  # what a clerk may give when registering


@dataclass(frozen=True)
class Registered:
    record_id: int
    register: str
    year: int
    number: int

    def to_dict(self) -> dict:
        return {"id": self.record_id, "register": self.register, "year": self.year, "number": self.number}


@dataclass(frozen=True)
class Refused:
    record_id: int
    reason: str

    def to_dict(self) -> dict:
        return {"id": self.record_id, "reason": self.reason}


@dataclass
class RegisterResult:
    registered: list[Registered] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused

    def to_dict(self) -> dict:
        return {
            "registered": [r.to_dict() for r in self.registered],
            "refused": [r.to_dict() for r in self.refused],
        }


def desk_values(raw: dict[str, str]) -> dict:
    """The clerk's values (received, sender, recipients, routed_to, copies) validated; ValueError says which."""
    unknown = set(raw) - set(DESK_FIELDS)
    if unknown:
        raise ValueError(
            Message("unknown field %(name)r; fields: %(known)s", name=sorted(unknown)[0], known=", ".join(DESK_FIELDS))
        )
    values = {name: validate(name, value) for name, value in raw.items()}
    return {name: value for name, value in values.items() if value is not None}


def register_records(
    settings: Settings,
    book: str,
    ids: Iterable[int],
    values: dict | None = None,
    *,
    clearance: Clearance | None = None,
    clock: datetime | None = None,
) -> RegisterResult:
    """Register these records in `book` (in or out) with the clerk's validated `values` (see `desk_values`);
    a record that cannot be registered is refused with its reason and the others go on."""
    check_book(book)
    result = RegisterResult()
    with Catalog(settings.catalog_path) as catalog:
        for record_id in dict.fromkeys(ids):
            try:
                result.registered.append(_register_one(catalog, book, record_id, values or {}, clearance, clock))
            except ArchiveError as exc:
                result.refused.append(Refused(record_id, exc.message))
    return result


def _register_one(
    catalog: Catalog, book: str, record_id: int, values: dict, clearance: Clearance | None, clock: datetime | None
) -> Registered:
    record = visible_record(catalog, record_id, clearance)
    direction = DIRECTION_OF[book]
    if record.direction and record.direction != direction:
        raise UsageError(
            Message(
                "record %(id)s is marked %(direction)s: it does not go in the %(book)s register",
                id=record_id,
                direction=record.direction,
                book=book,
            )
        )
    stamp = (clock or datetime.now()).strftime("%Y-%m-%d %H:%M")  # the desk's local time, to the minute
    columns = {"direction": direction, **values}
    if book == "in":
        columns["received"] = values.get("received") or record.received or stamp
        if hour_missing(record.urgency, columns["received"]):
            raise UsageError(
                Message(
                    "record %(id)s is very urgent or flash: give the hour it was received (DD/MM/YYYY HH:MM)",
                    id=record_id,
                )
            )
    day = columns["received"][:10] if book == "in" else (record.issued or stamp[:10])
    register = register_for(book, record)
    actor, _ = audit.current()
    try:
        with catalog.transaction():
            found = entries.entry_of(catalog.db, record_id)
            if found is not None:
                raise _already(record_id, found)
            number = entries.next_number(catalog.db, register, int(day[:4]))
            entry = entries.Entry(register, int(day[:4]), number, record_id, day, now(), actor)
            entries.add_entry(catalog.db, entry)
            columns |= {"register": register, "register_number": number}
            entries.set_columns(catalog.db, record_id, columns, dict.fromkeys(columns, "registered"), now())
            catalog.log_event("register", record_id, register=register, year=entry.year, number=number)
    except sqlite3.IntegrityError:  # registered by another process between our read and write: never twice
        raise _already(record_id, entries.entry_of(catalog.db, record_id)) from None
    return Registered(record_id, register, entry.year, number)


def _already(record_id: int, entry: entries.Entry | None) -> ArchiveError:
    if entry is None:
        return UsageError(Message("record %(id)s could not be registered; try again", id=record_id))
    return UsageError(
        Message(
            "record %(id)s is already registered: %(register)s %(year)s no. %(number)s",
            id=record_id,
            register=entry.register,
            year=entry.year,
            number=entry.number,
        )
    )
