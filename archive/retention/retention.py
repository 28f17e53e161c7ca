"""How long each record is kept, and which records' periods have ended. Pure functions: the date is passed
in and nothing is deleted here (`archive.retention.dispose` does that, after a person's review)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from archive.messages import Message, Term
from archive.models import Record
from archive.retention.schedule import Schedule
from indexer.normalize import fold

# Reports are kept by the period they cover, told from their title (folded: no diacritics, lower case).
REPORT_PATTERNS = (
    ("half_year", re.compile(r"\b(6|9|sau|chin) thang\b|six.month|nine.month|half.year|semi.?annual")),
    ("quarterly", re.compile(r"\bquy (i{1,3}|iv|[1-4])\b|\bquarter")),
    ("monthly", re.compile(r"\bthang \d{1,2}\b|\bmonth")),
    ("annual", re.compile(r"\bnam \d{4}\b|\btong ket\b|\bhang nam\b|\bannual\b|\byear \d{4}\b")),
)


@dataclass(frozen=True)
class RetentionRule:
    years: int | None  # None: permanent
    source: str  # where the period comes from, for the person reviewing it (a Message: see `rule_source`)

    @property
    def permanent(self) -> bool:
        return self.years is None

    @property
    def label(self) -> str:
        return period_label(self.years)


def period_label(years: int | None) -> str:
    """ "permanent" or "10 years" (a Message: a page says it in the reader's language)."""
    return Message("permanent") if years is None else Message("%(years)s years", years=years)


def source_label(kind: str, detail: str) -> str:
    """Where a period comes from: "record (manifest)" (its own, and how it was set), "schedule: own KL",
    "schedule: received CV", "schedule: report, quarterly" (the schedule, for this type and issuer)."""
    if kind == "record":
        return Message("record (%(how)s)", how=Term("provenance", detail))
    if kind == "report":
        return Message("schedule: report, %(kind)s", kind=Term("report", detail))
    if kind == "received":
        return Message("schedule: received %(type)s", type=detail)
    return Message("schedule: own %(type)s", type=detail)


STORED_RULE = re.compile(
    r"record \((?P<record>[^()]*)\)|schedule: (?:report, (?P<report>\w+)|(?P<side>own|received) (?P<type>\S+))"
)


def stored_retention(text: str | None) -> str:
    """A period as a disposal record keeps it ("10 years (schedule: own CV)", written from a rule's label
    and source) made a Message again, for a page to translate; other text as it is."""
    text = text or ""
    period, _, rest = text.partition(" (")
    years = re.fullmatch(r"(\d+) years", period)
    if period != "permanent" and years is None:
        return text
    label = period_label(int(years.group(1)) if years else None)
    if not rest:
        return label
    source = STORED_RULE.fullmatch(rest.removesuffix(")"))
    if source is None:
        return text
    if source["record"] is not None:
        rule = source_label("record", source["record"])
    elif source["report"]:
        rule = source_label("report", source["report"])
    else:
        rule = source_label(source["side"], source["type"])
    return Message("%(period)s (%(rule)s)", period=label, rule=rule)


@dataclass(frozen=True)
class Due:
    record: Record
    rule: RetentionRule
    ends: date

    def to_dict(self) -> dict:
        r = self.record
        return {
            "id": r.id,
            "doc_number": r.doc_number,
            "doc_type": r.doc_type,
            "title": r.title,
            "filename": r.filename,
            "issued": r.issued,
            "classification": r.classification,
            "retention": self.rule.label,
            "rule": self.rule.source,
            "ends": self.ends.isoformat(),
        }


def report_kind(title: str | None) -> str:
    folded = fold(title or "").lower()
    for kind, pattern in REPORT_PATTERNS:
        if pattern.search(folded):
            return kind
    return "other"


def is_own(record: Record, schedule: Schedule) -> bool:
    """The committee's own record? Unknown (no committee configured, nothing to tell by) counts as own."""
    if not schedule.committee_known:
        return True
    body = record.doc_number.rsplit("/", 1)[-1] if record.doc_number and "/" in record.doc_number else None
    if record.issuer is None and body is None:
        return True
    return schedule.is_own_issuer(record.issuer) or schedule.is_own_body(body)


def rule_for(record: Record, schedule: Schedule) -> RetentionRule:
    """The record's own period if one was set, else the schedule's for its type, report period and issuer."""
    if record.retention:
        years = None if record.retention == "permanent" else int(record.retention.split()[0])
        return RetentionRule(years, source_label("record", record.provenance.get("retention", "set")))
    code = record.doc_type or "none"
    if not is_own(record, schedule):
        table = schedule.received
        return RetentionRule(table.get(code, table.get("default", 10)), source_label("received", code))
    if record.doc_type == "BC" and schedule.reports:
        kind = report_kind(record.title)
        return RetentionRule(
            schedule.reports.get(kind, schedule.reports.get("other", 20)), source_label("report", kind)
        )
    table = schedule.own
    return RetentionRule(table.get(code, table.get("default", 20)), source_label("own", code))


def record_date(record: Record) -> date | None:
    try:
        return date.fromisoformat(record.issued) if record.issued else None
    except ValueError:
        return None


def ends_on(record: Record, rule: RetentionRule) -> date | None:
    """The day the period ends: it counts from 1 January of the year after the record's date."""
    issued = record_date(record)
    if rule.years is None or issued is None:
        return None
    return date(issued.year + 1 + rule.years, 1, 1)


def due_for_disposal(
    records: Iterable[Record], schedule: Schedule, as_of: date
) -> tuple[list[Due], list[tuple[Record, RetentionRule]]]:
    """(records whose period has ended by `as_of`, records with a limited period but no date to count from)."""
    due, undated = [], []
    for record in records:
        rule = rule_for(record, schedule)
        if rule.permanent:
            continue
        ends = ends_on(record, rule)
        if ends is None:
            undated.append((record, rule))
        elif ends <= as_of:
            due.append(Due(record, rule, ends))
    due.sort(key=lambda d: (d.ends, d.record.id))
    return due, undated
