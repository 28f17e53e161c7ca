"""Report periods: a month `2025-07`, a quarter `2025-Q3`, a half `2025-H1`, a year `2025`, or from/to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from archive.errors import UsageError
from archive.messages import Message


@dataclass(frozen=True)
class Period:
    label: str
    start: date  # first day, inclusive
    end: date  # last day, inclusive

    @property
    def issued(self) -> str:
        """The period as `archive search --issued` takes it (inclusive both ends)."""
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def months(self) -> list[tuple[int, int]]:
        out, (y, m) = [], (self.start.year, self.start.month)
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def _month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)


def parse_period(text: str | None = None, start: str | None = None, end: str | None = None) -> Period:
    if text:
        raw = text.strip().upper()
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", raw):
            y, q = int(m[1]), int(m[2])
            return Period(raw, date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
        if m := re.fullmatch(r"(\d{4})-H([12])", raw):
            y, h = int(m[1]), int(m[2])
            return Period(raw, date(y, 6 * h - 5, 1), _month_end(y, 6 * h))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", raw):
            y, mo = int(m[1]), int(m[2])
            if 1 <= mo <= 12:
                return Period(raw, date(y, mo, 1), _month_end(y, mo))
        if m := re.fullmatch(r"\d{4}", raw):
            y = int(raw)
            return Period(raw, date(y, 1, 1), date(y, 12, 31))
        raise UsageError(Message("a period is 2025-07, 2025-Q3, 2025-H1 or 2025, not %(value)r", value=text))
    try:
        first, last = date.fromisoformat(start or ""), date.fromisoformat(end or "")
    except ValueError:
        raise UsageError(Message("give a period, or --from and --to as YYYY-MM-DD")) from None
    if last < first or (last - first).days > 366 * 10:
        raise UsageError(Message("--to must follow --from, at most ten years later"))
    return Period(f"{first.isoformat()}..{last.isoformat()}", first, last)
