"""Reading an official first page: header cells, the title block, and the signature at the end.

Text arrives one line per paragraph or table cell (DOCX, HTML), in pdfminer's reading order (PDF), or
with the two header columns side by side (text files, OCR, `pdftotext -layout`): such lines are split
into cells at runs of three or more spaces, so every layout becomes a sequence of cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.normalize import fold
from indexer.reading.metadata.words import (
    MOTTO_KEYS,
    ROLE_KEYS,
    SECRECY_BY_KEY,
    TYPE_BY_KEY,
    URGENCY_BY_KEY,
    key,
    role_key,
)

HEADER_LINES = 60
SIGNATURE_LINES = 40
CELL_SPLIT = re.compile(r"\s{3,}|\t+")
NUMBER_PREFIX = re.compile(r"^\s*(?:SO|NO\.?|NUMBER|REF\.?)\s*:?\s*(?=\d)", re.I)  # "Số 57-…", not "sơ kết"
WRAPPED_DATE = re.compile(r"\b(?:NGAY|THANG|NAM)$|,$")
SUBJECT_PREFIX = re.compile(r"^\s*(?:V/v|V/V|Về việc|Re:|Subject:|Regarding:?)\s*", re.I)
STRUCTURE = re.compile(r"^\s*(?:[IVXLC]+\.|\d+[.)]|[-–•*+]|Căn cứ|Kính gửi|Dear |To:|Pursuant|Điều \d)", re.I)
SEPARATOR = re.compile(r"^[\s*\-–_=.]+$")
CONNECTORS = {"của", "và", "về", "các", "đối", "với", "trong", "the", "of", "and", "on", "for", "in", "to"}
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*\.?$")


@dataclass
class Cell:
    line: int
    text: str

    @property
    def key(self) -> str:
        return key(self.text)

    @property
    def upper(self) -> bool:
        letters = [ch for ch in self.text if ch.isalpha()]
        return bool(letters) and all(ch == ch.upper() for ch in letters)


def cells_of(lines: list[str], offset: int = 0) -> list[Cell]:
    """Cells in reading order; a blank line becomes one empty cell (it ends a block such as the title)."""
    cells: list[Cell] = []
    for number, line in enumerate(lines, start=offset):
        if not line.strip():
            if cells and cells[-1].text:
                cells.append(Cell(number, ""))
            continue
        for part in CELL_SPLIT.split(line.strip()):
            if part.strip():
                cells.append(Cell(number, part.strip()))
    return cells


@dataclass
class Header:
    number: str | None = None  # the cell text after "Số"/"No."
    number_index: int | None = None
    type_code: str | None = None
    type_index: int | None = None
    of_body: str | None = None
    title_lines: list[str] = field(default_factory=list)
    date_cell: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    issuer_lines: list[str] = field(default_factory=list)


def read_header(all_cells: list[Cell]) -> Header:
    header = Header()
    # Blank cells matter only to the title block; everything else reads the non-blank cells.
    cells = [c for c in all_cells if c.text]
    for i, cell in enumerate(cells):
        if header.number is None and NUMBER_PREFIX.match(fold(cell.text)) and i < 25:
            header.number = NUMBER_PREFIX.sub("", cell.text, count=1)
            header.number_index = i
        elif header.type_code is None and cell.upper and cell.key in TYPE_BY_KEY:
            header.type_code, header.type_index = TYPE_BY_KEY[cell.key], i
            break
    end = header.type_index if header.type_index is not None else min(len(cells), 25)
    for i, cell in enumerate(cells[:end]):
        _read_marks(cell, header)
        if header.date_cell is None:
            if _looks_like_date(cell):
                header.date_cell = cell.text
            elif i + 1 < len(cells) and _date_cut_short(cell):  # "… tháng 7 năm" / "2025"
                joined = Cell(cell.line, f"{cell.text} {cells[i + 1].text}")
                header.date_cell = joined.text if _looks_like_date(joined) else None
    header.issuer_lines = _issuer_lines(cells[: header.number_index if header.number_index is not None else end])
    if header.type_index is not None:
        position = all_cells.index(cells[header.type_index]) + 1
        rest = _skip_heading(all_cells[position:], header)
        header.title_lines = _title_lines(rest)
    else:
        for j, cell in enumerate(all_cells):
            if cell.text and SUBJECT_PREFIX.match(cell.text):
                header.title_lines = _title_lines(all_cells[j:])
                break
    return header


def _skip_heading(cells: list[Cell], header: Header) -> list[Cell]:
    """Pass the upper-case lines under the type word ("CỦA BỘ CHÍNH TRỊ", "HỘI NGHỊ LẦN THỨ …",
    "CONCLUSIONS OF THE SECRETARIAT"); the one naming a body is kept as `of_body` for the issuer."""
    i = 0
    while i < len(cells) and i < 4 and (not cells[i].text or cells[i].upper):
        if cells[i].text and header.of_body is None and re.search(r"\b(CUA|OF)\b", cells[i].key):
            header.of_body = cells[i].text
        i += 1
    if i < len(cells) and cells[i].text and not cells[i].upper:
        return cells[i:]
    return cells  # no lower-case summary follows: the upper-case lines were the title after all


def _read_marks(cell: Cell, header: Header) -> None:
    if not cell.upper:
        return  # stamps are capitals; "tài liệu mật" in a sentence is not a mark
    parts = [p for p in re.split(r"\s+[-–/|,]\s+|\s*[|,]\s*", cell.text) if p.strip()]
    for part in parts:
        part_key = key(part)
        if part_key in SECRECY_BY_KEY and header.secrecy is None:
            header.secrecy = SECRECY_BY_KEY[part_key]
        elif part_key in URGENCY_BY_KEY and header.urgency is None:
            header.urgency = URGENCY_BY_KEY[part_key]


def _date_cut_short(cell: Cell) -> bool:
    """A date line wrapped before its end: it has begun ("ngày", a digit) and stops on a date word."""
    k = cell.key
    return bool(WRAPPED_DATE.search(k)) and ("NGAY" in k.split() or any(ch.isdigit() for ch in k))


def _looks_like_date(cell: Cell) -> bool:
    from indexer.reading.metadata.dates import parse_date_line

    return parse_date_line(cell.text)[1] is not None and len(cell.text) < 80


def _issuer_lines(cells: list[Cell]) -> list[str]:
    """Upper-case header cells before the number that name bodies (not the motto, marks or dates)."""
    lines: list[str] = []
    for cell in cells:
        k = cell.key
        if not cell.upper or not k or SEPARATOR.match(cell.text) or k in MOTTO_KEYS or _looks_like_date(cell):
            continue
        if k in SECRECY_BY_KEY or k in URGENCY_BY_KEY or k.startswith(("DOC LAP", "INDEPENDENCE")):
            continue
        lines.append(cell.text)
    if len(lines) >= 2 and len(lines[-1].split()) == 1:  # a name wrapped onto a second line
        lines[-2:] = [f"{lines[-2]} {lines[-1]}"]
    return lines


def _title_lines(cells: list[Cell]) -> list[str]:
    """The summary: up to the first blank line when one closes it soon, else while lines continue."""
    first = next((i for i, c in enumerate(cells) if c.text), None)
    if first is None:
        return []
    cells = cells[first : first + 12]
    blank = next((i for i, c in enumerate(cells) if not c.text), None)
    if blank is not None and 0 < blank <= 5 and all(_title_like(c.text) for c in cells[:blank]):
        return [c.text for c in cells[:blank] if not SEPARATOR.match(c.text)]
    lines: list[str] = []
    for cell in cells:
        text = cell.text
        if not text or SEPARATOR.match(text):
            if lines:
                break
            continue
        if not lines:
            lines.append(text)
            continue
        previous = lines[-1]
        last_word = previous.split()[-1].lower() if previous.split() else ""
        continues = previous.endswith(",") or last_word in CONNECTORS or text[:1].islower()
        if len(lines) >= 4 or not _title_like(text) or previous[-1:] in ".:;!?" or not continues:
            break
        lines.append(text)
    return lines


def _title_like(text: str) -> bool:
    k = key(text)
    header_part = k in SECRECY_BY_KEY or k in URGENCY_BY_KEY or k in MOTTO_KEYS or NUMBER_PREFIX.match(k)
    return len(text) <= 160 and not STRUCTURE.match(text) and not header_part


def read_signer(lines: list[str]) -> str | None:
    """The signer's name: the first name-like cell after the last role line of the closing block,
    or else the last name-like cell standing right under an upper-case line (role, body)."""
    cells = [c for c in cells_of(lines[-SIGNATURE_LINES:]) if c.text]
    last_role = None
    for i, cell in enumerate(cells):
        if cell.upper and (role_key(cell.text) + " ").startswith(ROLE_KEYS):
            last_role = i
    if last_role is not None:
        for cell in cells[last_role + 1 : last_role + 8]:
            if _is_name(cell.text):
                return cell.text
    for i in range(len(cells) - 1, 0, -1):
        if _is_name(cells[i].text) and any(c.upper for c in cells[max(0, i - 3) : i]):
            return cells[i].text
    return None


def _is_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 6 or any(not NAME_WORD.match(w) for w in words):
        return False
    return all(w[0].isupper() and (len(w) == 1 or not w[1:].isupper()) for w in words)
