"""The "Nơi nhận:" block (Recipients:) at the foot of an official document: the bodies it is sent to.

The block sits under the body, at the left of the signature: in a DOCX or a PDF one line after another,
in a text file, OCR or `pdftotext -layout` often side by side with the signature block, whose cells
(roles, the signer's name) then interleave with its own. Each entry begins with a dash (or +, •); a long
entry wraps onto lines that carry on in lower case. The entries for the file copy ("Lưu VT", "Lưu: VT,
KT", "Filed at the office") name where the document is kept, not a recipient, and are left out.
"""

from __future__ import annotations

import re

from indexer.normalize import fold
from indexer.reading.metadata.layout import SIGNATURE_LINES, _is_name, cells_of

LABEL = re.compile(r"^\s*(?:noi nhan|recipients|distribution)\s*:?\s*(?P<rest>.*)$", re.I)
BULLET = re.compile(r"^\s*[-–•+*]\s*")
KEPT_COPY = re.compile(r"^(?:luu\b|filed\b|file copy)", re.I)
BLOCK_LINES = SIGNATURE_LINES + 20  # the block and the signature beside or above it
MAX_ENTRIES = 40


def read_recipients(lines: list[str]) -> str | None:
    """The recipients, each without its dash and closing punctuation, joined by "; "; None without a block."""
    cells = [c for c in cells_of(lines[-BLOCK_LINES:]) if c.text]
    start = None
    for i, cell in enumerate(cells):
        if LABEL.match(fold(cell.text)):
            start = i  # the last label: a quoted "Nơi nhận" in the body comes before the real one
    if start is None:
        return None
    entries: list[str] = []
    rest = cells[start].text.partition(":")[2]  # "Nơi nhận: Như trên; Lưu VT." keeps its entries on the line
    for text in ([rest] if rest.strip() else []) + [cell.text for cell in cells[start + 1 :]]:
        if BULLET.match(text):
            entries.append(BULLET.sub("", text, count=1))
        elif entries and text[:1].islower() and not _closed(entries[-1]):
            entries[-1] = f"{entries[-1]} {text}"  # a long entry wrapped onto the next line
        elif not entries and not cell_is_signature(text):
            entries += [part for part in re.split(r"\s*;\s*", text) if part]  # "Nơi nhận: Như trên; Lưu VT."
        if len(entries) >= MAX_ENTRIES:
            break
    kept = [_tidy(entry) for entry in entries]
    found = [entry for entry in kept if entry and not KEPT_COPY.match(fold(entry))]
    return "; ".join(found) or None


def cell_is_signature(text: str) -> bool:
    """A cell of the signature block beside the recipients: a role or body in capitals, or a name."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and (all(ch == ch.upper() for ch in letters) or _is_name(text))


def _closed(entry: str) -> bool:
    return entry.rstrip().endswith((".", ";"))


def _tidy(entry: str) -> str:
    return " ".join(entry.split()).rstrip(",;. ").strip()
