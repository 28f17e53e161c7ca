"""Issue dates as printed on a first page, Vietnamese and English, with the place before them."""

from __future__ import annotations

import re
from datetime import date

from indexer.normalize import fold

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# Matched against the folded, lower-cased line (so OCR without diacritics works too).
VI_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
VI_NUMERIC = re.compile(r"ngay\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
EN_MONTH_FIRST = re.compile(rf"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")
EN_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})")
PLACE = re.compile(r"^\s*([^\W\d_][^,\d]{1,40}?)\s*,\s*$")
# OCR reads a digit as a look-alike letter ("2O24", "l5"): inside a run of digits, o/i/l are 0/1/1.
OCR_DIGITS = str.maketrans("oil", "011")
DIGIT_RUN = re.compile(r"(?<![^\W\d_])(?=[\doil]*\d)[\doil]+(?![^\W\d_])")


def parse_date_line(line: str) -> tuple[str | None, str | None]:
    """(place, ISO date) from a line such as `Hà Nội, ngày 22 tháng 12 năm 2024`; (None, None) if none."""
    folded = DIGIT_RUN.sub(lambda m: m.group(0).translate(OCR_DIGITS), fold(line).lower())  # keeps length
    for pattern, order in ((VI_WORDS, "dmy"), (VI_NUMERIC, "dmy"), (EN_MONTH_FIRST, "mdy"), (EN_DAY_FIRST, "dmy")):
        match = pattern.search(folded)
        if not match:
            continue
        iso = _iso(match.groups(), order)
        if iso is None:
            continue
        place_match = PLACE.match(line[: match.start()])
        return (place_match.group(1).strip() if place_match else None), iso
    return None, None


def _iso(groups: tuple[str, ...], order: str) -> str | None:
    if order == "mdy":
        month_name, day, year = groups
        month = MONTHS[month_name.rstrip(".")]
    else:
        day, month_part, year = groups
        month = int(month_part) if month_part.isdigit() else MONTHS[month_part.rstrip(".")]
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None  # "ngày 31 tháng 2": not a date; never invent one
