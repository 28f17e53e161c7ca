"""Validation of metadata values that people type (manifest cells, `archive edit --set`)."""

from __future__ import annotations

import re
from datetime import date

from archive.messages import Message, Term
from archive.vocabulary import CLASSIFICATIONS, DIRECTIONS, DOC_TYPES, METADATA_FIELDS, URGENCIES, doc_type_code
from indexer.normalize import display_symbol, fold

CLASSIFICATION_WORDS = {"mat": "confidential", "toi mat": "secret", "tuyet mat": "top_secret", "thuong": "unclassified"}
URGENCY_WORDS = {"khan": "urgent", "thuong khan": "very_urgent", "hoa toc": "flash"}
DIRECTION_WORDS = {
    "den": "incoming",
    "van ban den": "incoming",
    "in": "incoming",
    "di": "outgoing",
    "van ban di": "outgoing",
    "out": "outgoing",
    "noi bo": "internal",
}
HOUR_NEEDED = ("very_urgent", "flash")  # a very urgent or flash document's arrival is noted to the minute


def validate(field: str, raw: str) -> str | None:
    """The stored form of `raw` for `field`; None clears it. Raises ValueError with a plain message."""
    if field not in METADATA_FIELDS:
        raise ValueError(
            Message("unknown field %(name)r; fields: %(known)s", name=field, known=", ".join(METADATA_FIELDS))
        )
    if field == "compartments":
        return compartments(raw)
    value = " ".join(raw.split())
    if not value:
        if field in ("classification", "language"):
            raise ValueError(Message("%(field)s cannot be empty", field=Term("field", field)))
        return None
    checker = CHECKS.get(field)
    return checker(value) if checker else value


def compartments(raw: str) -> tuple[str, ...]:
    """Compartment names (units a record belongs to, or a user is cleared for): lower case, sorted, unique."""
    names = sorted({name.lower() for name in re.split(r"[,;\s]+", raw) if name})
    for name in names:
        if not re.fullmatch(r"[\w.-]{1,64}", name):
            raise ValueError(Message("a compartment is one word (letters, digits, - _ .), not %(value)r", value=name))
    return tuple(names)


def _doc_type(value: str) -> str:
    code = doc_type_code(value)
    if code is None:
        raise ValueError(
            Message("unknown document type %(value)r; known: %(known)s", value=value, known=", ".join(DOC_TYPES))
        )
    return code


def _issued(value: str) -> str:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value) or re.fullmatch(
        r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value
    )
    if not match:
        raise ValueError(Message("not a date: %(value)r (use YYYY-MM-DD or DD/MM/YYYY)", value=value))
    parts = [int(p) for p in match.groups()]
    year, month, day = parts if len(match.group(1)) == 4 else parts[::-1]
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(Message("not a real date: %(value)r", value=value)) from None


def _received(value: str) -> str:
    """A date, with the hour when one is given: `2025-03-04 08:30`, `04/03/2025 8:30`, `8h30 04/03/2025`."""
    hour = re.search(r"(?:^|\s)(\d{1,2})\s*(?:giờ|gio|[:hg])\s*(\d{2})?(?:\s*(?:phút|p))?(?=\s|,|$)", value)
    day = value
    clock = None
    if hour:
        hours, minutes = int(hour.group(1)), int(hour.group(2) or 0)
        if hours > 23 or minutes > 59:
            raise ValueError(Message("not a time of day: %(value)r", value=value))
        clock = f"{hours:02d}:{minutes:02d}"
        day = (value[: hour.start()] + " " + value[hour.end() :]).replace(",", " ")
    day = re.sub(r"^(?:ngày|ngay)\s+", "", " ".join(day.split()), flags=re.I)
    if "T" in day and re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?", day):
        day, clock = day[:10], day[11:16]
    iso = _issued(day)
    return f"{iso} {clock}" if clock else iso


def _direction(value: str) -> str:
    direction = DIRECTION_WORDS.get(fold(value).lower(), value.lower())
    if direction not in DIRECTIONS:
        raise ValueError(
            Message(
                "unknown direction %(value)r; known: %(known)s (or đến, đi, nội bộ)",
                value=value,
                known=", ".join(DIRECTIONS),
            )
        )
    return direction


def _copies(value: str) -> int:
    if not re.fullmatch(r"\d{1,4}", value) or int(value) == 0:
        raise ValueError(Message("copies must be a whole number from 1, not %(value)r", value=value))
    return int(value)


def recipients(value: str) -> str | None:
    """Nơi nhận as the archive keeps it: entries without their dash, joined by "; "."""
    entries = [_entry(part) for part in re.split(r"[;\n]+", value)]
    return "; ".join(e for e in entries if e) or None


def _entry(text: str) -> str:
    return " ".join(text.split()).lstrip("-–•+* ").rstrip(",;. ").strip()


def hour_missing(urgency: str | None, received: str | None) -> bool:
    """Whether a very urgent or flash document's arrival lacks its hour."""
    return urgency in HOUR_NEEDED and bool(received) and len(received) <= 10


def _classification(value: str) -> str:
    level = CLASSIFICATION_WORDS.get(fold(value).lower(), value.lower().replace(" ", "_"))
    if level not in CLASSIFICATIONS:
        raise ValueError(
            Message(
                "unknown classification %(value)r; known: %(known)s (or Mật, Tối mật …)",
                value=value,
                known=", ".join(CLASSIFICATIONS),
            )
        )
    return level


def _urgency(value: str) -> str:
    level = URGENCY_WORDS.get(fold(value).lower(), value.lower().replace(" ", "_"))
    if level not in URGENCIES:
        raise ValueError(
            Message(
                "unknown urgency %(value)r; known: %(known)s (or Khẩn, Thượng khẩn, Hỏa tốc)",
                value=value,
                known=", ".join(URGENCIES),
            )
        )
    return level


def _language(value: str) -> str:
    if not re.fullmatch(r"[a-z]{2}|und", value.lower()):
        raise ValueError(Message("language must be a two-letter code such as vi or en, not %(value)r", value=value))
    return value.lower()


def _retention(value: str) -> str:
    folded = fold(value).lower()
    if folded in ("permanent", "vinh vien"):
        return "permanent"
    match = re.fullmatch(r"(\d{1,3})\s*(?:years?|nam)?", folded)
    if not match or int(match.group(1)) == 0:
        raise ValueError(Message("retention must be 'permanent' or a number of years, not %(value)r", value=value))
    return f"{int(match.group(1))} years"


CHECKS = {
    "doc_number": display_symbol,
    "doc_type": _doc_type,
    "issued": _issued,
    "classification": _classification,
    "urgency": _urgency,
    "language": _language,
    "retention": _retention,
    "received": _received,
    "direction": _direction,
    "copies": _copies,
    "recipients": recipients,
}
