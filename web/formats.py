"""Dates, times and numbers as a Vietnamese reader writes them (dd/mm/yyyy, local HH:mm, 38,5 KB), and
the reverse for what a clerk types into a form (20/02/2025 → 2025-02-20). English pages keep ISO dates."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask_babel import get_locale

# The offices keep Vietnam's time; a site elsewhere sets ARCHIVE_TIMEZONE (an IANA name).
LOCAL_TZ = ZoneInfo(os.environ.get("ARCHIVE_TIMEZONE") or "Asia/Ho_Chi_Minh")
VN_DATE = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*")
ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\s*")


def vietnamese() -> bool:
    return str(get_locale()) == "vi"


def vndate(value) -> str:
    """An ISO date as the reader writes it: 26/05/2014 in Vietnamese, 2014-05-26 in English. A timestamp
    (…T…Z) is shown as local date and time (`local_time`)."""
    text = str(value or "")
    if "T" in text and len(text) >= 19:
        return local_time(text)
    if not vietnamese() or len(text) < 10 or text[4] != "-":
        return text
    return f"{text[8:10]}/{text[5:7]}/{text[0:4]}{text[10:]}"


def local_time(value) -> str:
    """A UTC timestamp (2025-02-20T03:04:05Z) in the office's time: 20/02/2025 10:04 (2025-02-20 10:04 in
    English); what is not a timestamp is shown as it is."""
    text = str(value or "")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(LOCAL_TZ)
    return moment.strftime("%d/%m/%Y %H:%M" if vietnamese() else "%Y-%m-%d %H:%M")


def number(value, decimals: int = 1) -> str:
    """38.5 → "38,5" in Vietnamese (decimal comma, dot between thousands), "38.5" in English."""
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".") if vietnamese() else text


def filesize(value) -> str:
    size = float(value or 0)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "B" else f"{number(size)} {unit}"
        size /= 1024
    return ""


def parse_date(text: str) -> str:
    """What a clerk typed as a date, as ISO: "20/02/2025" or "2025-02-20" → "2025-02-20"; "" stays "".
    Raises ValueError (in the archive's words) for anything else or a day that does not exist."""
    text = (text or "").strip()
    if not text:
        return ""
    match = VN_DATE.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = ISO_DATE.fullmatch(text)
        if not match:
            raise ValueError(text)
        year, month, day = (int(g) for g in match.groups())
    return date(year, month, day).isoformat()  # ValueError for 31/02
