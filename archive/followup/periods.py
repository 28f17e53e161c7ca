"""How often a task comes back ("6m", "1y", "3 tháng") and the deadline after the one met."""

from __future__ import annotations

import calendar
import re
from datetime import date

from archive.messages import Message
from indexer.normalize import fold

EVERY = re.compile(r"(\d{1,3})\s*(m|months?|thang|y|years?|nam)")


def months_in(raw: str) -> int:
    """Months in "6m", "1y", "6 tháng", "1 năm"; ValueError otherwise."""
    found = EVERY.fullmatch(fold(raw.strip()).lower())
    if not found or int(found.group(1)) == 0:
        raise ValueError(Message("--every is a number of months or years such as 6m or 1y, not %(value)r", value=raw))
    count = int(found.group(1))
    return count * 12 if found.group(2)[0] in "yn" else count


def add_months(day: date, months: int) -> date:
    """The same day `months` later, the month's last day when it has no such day (31/08 + 6m = 28/02)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
