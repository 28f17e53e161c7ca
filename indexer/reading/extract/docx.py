"""DOCX with python-docx: body paragraphs and tables in reading order, then headers and footers.

The official header is usually a borderless two-column table, so table cells are read row by row,
one line per cell paragraph. Content controls and text boxes are read too. Runs in pre-Unicode fonts
(`.VnTime`, `.VnTimeH`, `VNI-Times` …) are converted to Unicode run by run (`indexer.reading.legacy`).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from indexer.core.errors import ExtractionError
from indexer.core.messages import Message
from indexer.core.models import ExtractedText
from indexer.reading import legacy
from indexer.reading.extract.docx_fonts import Fonts

P, TBL, TR, TC, SDT, SDT_CONTENT = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent"))
T, TAB, BR, CR, TXBX = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:txbxContent"))
NO_BREAK_HYPHEN, SOFT_HYPHEN, SYM = qn("w:noBreakHyphen"), qn("w:softHyphen"), qn("w:sym")
R, SYM_CHAR, SYM_FONT = qn("w:r"), qn("w:char"), qn("w:font")


def extract(path: Path) -> ExtractedText:
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … on broken files
        raise ExtractionError(Message("damaged DOCX file (%(error)s)", error=f"{type(exc).__name__}: {exc}")) from exc
    reader = _Reader(Fonts(document))
    lines = list(reader.blocks(document.element.body))
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            lines.extend(reader.blocks(rel.target_part.element))
    title = document.core_properties.title or None
    if title and reader.found:  # a title typed with the same old fonts reads as the runs do, if it reads better
        candidates = [title, *(legacy.decode_run(title, encoding) for encoding in sorted(reader.found))]
        title = max(candidates, key=legacy.syllables.evidence)
    extractor = "+".join(["python-docx", *sorted(reader.found)])
    return ExtractedText(text="\n".join(lines), extractor=extractor, title=title)


class _Reader:
    """Reads block containers; remembers which legacy encodings it converted (`found`)."""

    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self.found: set[str] = set()

    def blocks(self, container) -> Iterator[str]:
        """Lines of text of a block container (body, cell, header, text box) in document order."""
        for child in container.iterchildren():
            if child.tag == P:
                yield self.paragraph(child)
                for box in child.iter(TXBX):
                    yield from self.blocks(box)
            elif child.tag == TBL:
                for row in child.iterchildren(TR):
                    for cell in row.iterchildren(TC):
                        yield from self.blocks(cell)
            elif child.tag == SDT:
                for content in child.iterchildren(SDT_CONTENT):
                    yield from self.blocks(content)

    def paragraph(self, p) -> str:
        """The paragraph's text; consecutive pieces in one legacy font are decoded together, because a VNI
        letter and its mark byte may sit in two runs."""
        pieces: list[tuple[tuple[str, bool] | None, str]] = []
        for node in p.iter(T, TAB, BR, CR, NO_BREAK_HYPHEN, SOFT_HYPHEN, SYM):
            if any(ancestor.tag == TXBX for ancestor in node.iterancestors()):
                continue  # text-box content is read as its own block
            font = self.fonts.legacy(node.getparent(), p) if node.getparent().tag == R else None
            if node.tag == T:
                pieces.append((font, node.text or ""))
            elif node.tag == SOFT_HYPHEN:
                if font and font[0] == legacy.TCVN3:  # byte 0xAD is ư in TCVN3, not an optional hyphen
                    pieces.append((font, "\xad"))
            elif node.tag == SYM:  # a symbol names its own font; only legacy-font letters are text
                sym_font = legacy.font_encoding(node.get(SYM_FONT))
                if sym_font:
                    pieces.append((sym_font, _symbol(node)))
            else:
                pieces.append((None, {TAB: "\t", NO_BREAK_HYPHEN: "-"}.get(node.tag, "\n")))
        parts = []
        for font, group in groupby(pieces, key=lambda piece: piece[0]):
            text = "".join(piece[1] for piece in group)
            if font is None:
                parts.append(text)
            else:
                self.found.add(font[0])
                parts.append(legacy.decode_run(text, *font))
        return "".join(parts)


def _symbol(node) -> str:
    """A `w:sym` character (Word writes symbol-font characters as F000 + byte)."""
    try:
        return chr(int(node.get(SYM_CHAR, ""), 16))
    except ValueError:
        return ""
