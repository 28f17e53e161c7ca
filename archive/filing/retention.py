"""Retention of filed documents: the period counts from 1 January of the year after the file closed (the
matter's end), not from each document's date; a file's own period (from the plan) applies to all its documents,
else each document's period under the schedule, the longest deciding when the file is due. An open file is
never due. Unfiled documents keep `archive.retention`'s rule."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from archive.catalog import Catalog
from archive.filing import store
from archive.filing.access import can_see_file
from archive.filing.models import HoSo
from archive.messages import Message
from archive.models import Record
from archive.retention.retention import RetentionRule, ends_on, rule_for
from archive.retention.schedule import Schedule
from indexer import Clearance


def file_period(file: HoSo) -> int | str | None:
    """The file's own period in years, None for permanent, "" when the plan set none."""
    if not file.retention:
        return ""
    return None if file.retention == "permanent" else int(file.retention.split()[0])


def filed_rule(record: Record, file: HoSo, schedule: Schedule) -> RetentionRule:
    own = file_period(file)
    if own != "":
        return RetentionRule(own, Message("file %(ref)s", ref=file.ref))
    return rule_for(record, schedule)


def counted_end(rule: RetentionRule, file: HoSo) -> date | None:
    """1 January of the year after the closing, plus the period; None while open or when permanent."""
    if rule.years is None or not file.closed_on:
        return None
    return date(date.fromisoformat(file.closed_on).year + 1 + rule.years, 1, 1)


def record_retention(catalog: Catalog, record: Record, schedule: Schedule) -> tuple[RetentionRule, date | None]:
    """(rule, end) for any record: counted from its file's closing when filed, else from its own date."""
    file_id = store.file_of(catalog, record.id)
    file = store.file_by_id(catalog, file_id) if file_id else None
    if file is None:
        rule = rule_for(record, schedule)
        return rule, ends_on(record, rule)
    rule = filed_rule(record, file, schedule)
    return rule, counted_end(rule, file)


@dataclass(frozen=True)
class FileRetention:
    file: HoSo
    records: list[tuple[Record, RetentionRule, date | None]]
    permanent: bool
    ends: date | None  # the latest end among its documents; None: permanent, open, or nothing to count

    @property
    def rule(self) -> RetentionRule:
        longest = [r for _, r, _ in self.records]
        if self.permanent or not longest:
            return RetentionRule(None, Message("file %(ref)s", ref=self.file.ref))
        return max(longest, key=lambda r: r.years or 0)

    def due(self, today: date) -> bool:
        return not self.permanent and self.ends is not None and self.ends <= today and bool(self.records)


def file_retention(catalog: Catalog, file: HoSo, schedule: Schedule, records: list[Record]) -> FileRetention:
    rows = []
    for record in records:
        rule = filed_rule(record, file, schedule)
        rows.append((record, rule, counted_end(rule, file)))
    permanent = file_period(file) is None or any(rule.permanent for _, rule, _ in rows)
    ends = None if permanent or not file.closed_on or not rows else max(end for _, _, end in rows)
    return FileRetention(file, rows, permanent, ends)


def due_files(
    catalog: Catalog, schedule: Schedule, as_of: date, clearance: Clearance | None = None
) -> list[tuple[FileRetention, dict | None]]:
    """Closed files whose every document's period has ended by `as_of` (the reader's view of each), with the
    file's hold; one unit each."""
    from archive.filing.filing import visible_items

    found = []
    for file in store.list_files(catalog, status="closed"):
        if not can_see_file(clearance, file):
            continue
        held = store.file_hold(catalog, file.id)
        every = store.items(catalog, file.id)
        whole = file_retention(catalog, file, schedule, every)
        if whole.due(as_of):
            found.append((file_retention(catalog, file, schedule, visible_items(catalog, file, clearance)), held))
    found.sort(key=lambda pair: (pair[0].ends, pair[0].file.ref))
    return found


def unfiled_records(catalog: Catalog, records: Iterable[Record], chunk: int = 500) -> Iterator[Record]:
    """The records not in any file, read in chunks (the retention review of single records takes these; a filed
    record's period counts from its file's closing, and its file is reviewed as one unit)."""
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) == chunk:
            yield from _unfiled(catalog, batch)
            batch = []
    yield from _unfiled(catalog, batch)


def _unfiled(catalog: Catalog, batch: list[Record]) -> list[Record]:
    filed = store.files_of(catalog, [r.id for r in batch])
    return [r for r in batch if r.id not in filed]


def due_file_dict(entry: FileRetention, hold: dict | None, holds: dict[int, dict]) -> dict:
    rule = entry.rule
    return {
        **entry.file.to_dict(),
        "retention_period": rule.label,
        "rule": rule.source,
        "ends": entry.ends.isoformat() if entry.ends else None,
        "hold": hold,
        "documents": [
            {
                "id": r.id,
                "doc_number": r.doc_number,
                "title": r.title,
                "issued": r.issued,
                "ends": end.isoformat() if end else None,
                "hold": holds.get(r.id),
            }
            for r, _, end in entry.records
        ],
    }
