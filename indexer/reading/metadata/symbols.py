"""Document symbols (số, ký hiệu): finding them in text, tidying them, and the type they carry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.core.vocabulary import doc_type_code
from indexer.normalize import display_symbol, symbol_key

DASH = "[-\u2010-\u2014\u2212]"
# A code: capitals and digits, with the lower-case tail of QĐi / CTr / TTr (not the start of a word).
CODE = r"[A-ZĐ][A-ZĐ0-9]*(?:[ir](?![^\W\d_]))?[A-ZĐ0-9]*"
PARTY = rf"\d{{1,5}}\s*{DASH}\s*{CODE}\s*/\s*{CODE}(?:\s*{DASH}\s*{CODE})*"  # 57-NQ/TW, 36-HD/VPTW
STATE_WITH_YEAR = rf"\d{{1,5}}/\d{{4}}/{CODE}(?:{DASH}{CODE})*"  # 30/2020/NĐ-CP, 29/2018/QH14
STATE = rf"\d{{1,5}}/{CODE}(?:{DASH}{CODE})+"  # 123/QĐ-UBND, 45/UBND-VP
SYMBOL_RE = re.compile(rf"(?<![\w/]){PARTY}|(?<![\w/]){STATE_WITH_YEAR}|(?<![\w/]){STATE}(?![\w])")
CITED_DATE_RE = re.compile(r"\s*,?\s*(?:ngày|ngay|dated|of)\s+(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})", re.I)


@dataclass(frozen=True)
class FoundSymbol:
    start: int
    end: int
    display: str  # as printed, tidied
    key: str  # for matching
    date: str | None = None  # ISO date printed right after it ("… ngày 26/5/2014")


def find_symbols(text: str) -> list[FoundSymbol]:
    """Every symbol in `text`, in order, with the date that follows it when there is one."""
    found = []
    for match in SYMBOL_RE.finditer(text):
        raw = match.group(0)
        date = None
        after = CITED_DATE_RE.match(text, match.end())
        if after:
            day, month, year = (int(g) for g in after.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                date = f"{year:04d}-{month:02d}-{day:02d}"
        found.append(FoundSymbol(match.start(), match.end(), display_symbol(raw), symbol_key(raw), date))
    return found


def type_from_symbol(symbol: str) -> str | None:
    """The document type a symbol carries: `57-NQ/TW` → NQ; `123/QĐ-UBND` → QĐ; `45/UBND-VP` → CV."""
    tidy = display_symbol(symbol)
    party = re.match(rf"\d+-({CODE})/", tidy)
    if party:
        return doc_type_code(party.group(1))
    parts = tidy.split("/")
    codes = parts[2] if len(parts) > 2 and parts[1].isdigit() else "/".join(parts[1:])
    first = re.split(DASH, codes)[0] if codes else ""
    code = doc_type_code(first)
    if code:
        return code
    # A state letter's symbol names only the body and unit (45/UBND-VP): it is an official dispatch.
    return "CV" if len(parts) == 2 and re.search(DASH, codes) else None
