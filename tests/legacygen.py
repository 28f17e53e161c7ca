"""Make pre-Unicode Vietnamese files for the tests: TCVN3 and VNI text, and DOCX with runs in legacy fonts.

They are written the way the old tools wrote them: a TCVN3 capital with a tone mark that the `.VnTime`
font lacks is set in the capital font `.VnTimeH` as the lowercase code; in DOCX every legacy byte is the
Windows-1252 character Word keeps for it, so TCVN3's ư (byte 0xAD) is a soft hyphen U+00AD or, as Word
saves a soft hyphen, a `<w:softHyphen/>` element.
"""

from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from indexer import legacy

TCVN3_FONT, TCVN3_CAPITALS, VNI_FONT = ".VnTime", ".VnTimeH", "VNI-Times"
Piece = tuple[str, str]  # (Unicode text, font name)


def tcvn3_text(text: str) -> str:
    """``text`` as a TCVN3 text file can hold it: the toned capitals VN3 lacks become lowercase."""
    return "".join(ch if legacy.can_encode(ch, legacy.TCVN3) else ch.lower() for ch in text)


def legacy_bytes(text: str, encoding: str) -> bytes:
    """Unicode → TCVN3 or VNI bytes, CRLF line ends as DOS and Windows wrote them."""
    return legacy.encode_bytes(text.replace("\n", "\r\n"), encoding)


def _tcvn3_runs(text: str) -> list[tuple[str, str]]:
    """(byte characters, font) runs: one `.VnTime` run, broken by `.VnTimeH` runs where a capital needs it."""
    if text.isupper() and not legacy.can_encode(text, legacy.TCVN3):
        return [(legacy.encode(text.lower(), legacy.TCVN3), TCVN3_CAPITALS)]  # a heading set in the H font
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = TCVN3_FONT if legacy.can_encode(ch, legacy.TCVN3) else TCVN3_CAPITALS
        chars = legacy.encode(ch if font == TCVN3_FONT else ch.lower(), legacy.TCVN3)
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + chars, font)
        else:
            runs.append((chars, font))
    return runs


def add_pieces(paragraph: Paragraph, pieces: list[Piece], *, soft_hyphen_element: bool = False) -> None:
    """Add runs for (text, font) pieces; legacy fonts get their legacy bytes, other fonts Unicode."""
    for text, font in pieces:
        if font == TCVN3_FONT:
            runs = _tcvn3_runs(text)
        elif font.startswith("VNI"):
            runs = [(legacy.encode(text, legacy.VNI), font)]
        else:
            runs = [(text, font)]
        for chars, run_font in runs:
            run = paragraph.add_run(chars)
            run.font.name = run_font
            if soft_hyphen_element and "\xad" in chars:
                _soft_hyphens_as_elements(run._r)


def _soft_hyphens_as_elements(r) -> None:
    """Replace each U+00AD inside the run's text by a `<w:softHyphen/>` between two `w:t`."""
    (t,) = r.findall(qn("w:t"))
    parts = (t.text or "").split("\xad")
    r.remove(t)
    for i, part in enumerate(parts):
        if i:
            r.append(OxmlElement("w:softHyphen"))
        if part:
            piece = copy.deepcopy(t)
            piece.text = part
            piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(piece)


def write_legacy_docx(
    path: str | Path, paragraphs: list[list[Piece]], *, soft_hyphen_element: bool = False, title: str = ""
) -> Path:
    """A DOCX whose paragraphs are made of (text, font) pieces."""
    path = Path(path)
    document = Document()
    document.core_properties.title = title
    for pieces in paragraphs:
        add_pieces(document.add_paragraph(), pieces, soft_hyphen_element=soft_hyphen_element)
    document.save(str(path))
    return path
