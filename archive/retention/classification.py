"""Protection periods of state secrets: which classified records are due for a declassification review.
Pure functions: the date is passed in; declassifying is an audited edit (`archive edit … classification=`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from archive.models import Record
from archive.retention.retention import record_date
from archive.retention.schedule import Schedule

DEFAULT_PERIODS = {"top_secret": 30, "secret": 20, "confidential": 10}


@dataclass(frozen=True)
class Review:
    record: Record
    years: int
    ends: date

    def to_dict(self) -> dict:
        r = self.record
        return {
            "id": r.id,
            "doc_number": r.doc_number,
            "title": r.title,
            "filename": r.filename,
            "issued": r.issued,
            "classification": r.classification,
            "protection_years": self.years,
            "ends": self.ends.isoformat(),
        }


def protection_years(record: Record, schedule: Schedule) -> int | None:
    """Years a record's level protects it; None for unclassified records."""
    if record.classification not in DEFAULT_PERIODS:
        return None
    return schedule.protection.get(record.classification, DEFAULT_PERIODS[record.classification])


def protection_ends(record: Record, years: int) -> date | None:
    """The anniversary of the record's date `years` later (28 February for a 29th)."""
    issued = record_date(record)
    if issued is None:
        return None
    try:
        return issued.replace(year=issued.year + years)
    except ValueError:
        return issued.replace(year=issued.year + years, day=28)


def due_for_declassification(
    records: Iterable[Record], schedule: Schedule, as_of: date
) -> tuple[list[Review], list[Record]]:
    """(classified records whose protection period has ended by `as_of`, classified records with no date)."""
    due, undated = [], []
    for record in records:
        years = protection_years(record, schedule)
        if years is None:
            continue
        ends = protection_ends(record, years)
        if ends is None:
            undated.append(record)
        elif ends <= as_of:
            due.append(Review(record, years, ends))
    due.sort(key=lambda r: (r.ends, r.record.id))
    return due, undated
