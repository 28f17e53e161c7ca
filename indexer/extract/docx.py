"""DOCX with python-docx: body paragraphs and tables in reading order, then headers and footers.

The official header is usually a borderless two-column table, so table cells are read row by row,
one line per cell paragraph. Content controls and text boxes are read too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from archive.errors import ExtractionError
from archive.models import ExtractedText

P, TBL, TR, TC, SDT, SDT_CONTENT = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent"))
T, TAB, BR, CR, TXBX = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:txbxContent"))
NO_BREAK_HYPHEN = qn("w:noBreakHyphen")


def extract(path: Path) -> ExtractedText:
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … on broken files
        raise ExtractionError(f"damaged DOCX file ({type(exc).__name__}: {exc})") from exc
    lines = list(_blocks(document.element.body))
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            lines.extend(_blocks(rel.target_part.element))
    title = document.core_properties.title or None
    return ExtractedText(text="\n".join(lines), extractor="python-docx", title=title)


def _blocks(container) -> Iterator[str]:
    """Lines of text of a block container (body, cell, header, text box) in document order."""
    for child in container.iterchildren():
        if child.tag == P:
            yield _paragraph(child)
            for box in child.iter(TXBX):
                yield from _blocks(box)
        elif child.tag == TBL:
            for row in child.iterchildren(TR):
                for cell in row.iterchildren(TC):
                    yield from _blocks(cell)
        elif child.tag == SDT:
            for content in child.iterchildren(SDT_CONTENT):
                yield from _blocks(content)


def _paragraph(p) -> str:
    parts = []
    for node in p.iter(T, TAB, BR, CR, NO_BREAK_HYPHEN):
        if any(ancestor.tag == TXBX for ancestor in node.iterancestors()):
            continue  # text-box content is read as its own block
        if node.tag == T:
            parts.append(node.text or "")
        elif node.tag == TAB:
            parts.append("\t")
        elif node.tag == NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)
