"""Render invented official Party documents as DOCX, PDF, HTML and plain text.

The tests use it to build documents in temporary folders; it also regenerates the
files in ``samples/``::

    python -m bench.generators.docgen samples/

Output is deterministic: fixed document dates, and DOCX zip entries carry a fixed
timestamp. ``plain_text`` gives what an extractor should find in the body of every
format; the running page header and footer (DOCX and PDF only) are given separately
by ``header_text`` and ``footer_text``.
"""

from __future__ import annotations

import codecs
import html
import io
import re
import sys
import textwrap
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from bench.generators.sample_texts import SAMPLE_SPECS

FIXED_DATE = datetime(2025, 1, 1, 8, 0, tzinfo=UTC)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
NOISE_WORDS = ("SCRIPTNOISE", "STYLENOISE", "COMMENTNOISE")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FAMILY = "DocFont"
_TEXTS = {
    "vi": ("Nơi nhận:", "Văn bản mẫu dùng để kiểm thử – nội dung giả định", "trang"),
    "en": ("Recipients:", "Sample document for testing – invented content", "page"),
}

Line = tuple[str, str]  # (text, style) with style "", "B" (bold) or "I" (italic)


@dataclass(frozen=True)
class OfficialDoc:
    """One official document: header fields, title block, body and closing."""

    issuer: str
    number: str
    place_date: str
    summary: str
    body: tuple[str, ...]
    superior: str | None = None
    party_line: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
    type_word: str | None = None
    of_body: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    signature: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    language: str = "vi"
    title: str | None = None


def _texts(doc: OfficialDoc) -> tuple[str, str, str]:
    return _TEXTS.get(doc.language, _TEXTS["en"])


def symbol(doc: OfficialDoc) -> str:
    """The bare symbol: ``412-BC/TU`` from ``Số 412-BC/TU`` or ``No. 412-BC/TU``."""
    return re.sub(r"^(Số|No\.)\s*:?\s*", "", doc.number)


def header_text(doc: OfficialDoc) -> str:
    """Running page-header line of the DOCX and PDF output."""
    return _texts(doc)[1]


def footer_text(doc: OfficialDoc, page: int = 1) -> str:
    """Running page-footer line of the DOCX and PDF output, e.g. ``57-NQ/TW – trang 1``."""
    return f"{symbol(doc)} – {_texts(doc)[2]} {page}"


def _left(doc: OfficialDoc) -> list[Line]:
    lines = [(doc.superior, "")] if doc.superior else []
    lines += [(doc.issuer, "B"), ("*", ""), (doc.number, "")]
    if doc.type_word is None:  # công văn: "V/v ..." sits under the number
        lines.append((doc.summary, "I"))
    return lines + [(mark, "B") for mark in (doc.secrecy, doc.urgency) if mark]


def _right(doc: OfficialDoc) -> list[Line]:
    return [(doc.party_line, "B"), (doc.place_date, "I")]


def _heading(doc: OfficialDoc) -> list[Line]:
    if doc.type_word is None:
        return []
    lines = [(doc.type_word, "B")]
    if doc.of_body:
        lines.append((doc.of_body, "B"))
    return [*lines, (doc.summary, "B")]


def _recipients(doc: OfficialDoc) -> list[Line]:
    if not doc.recipients:
        return []
    return [(_texts(doc)[0], "B")] + [(r, "") for r in doc.recipients]


LAYOUTS = ("stacked", "columns")
_LEFT_WRAP = 40  # "columns": longer left-column lines (a long "V/v ...") wrap at spaces
_GAP = 8  # "columns": spaces between the two header columns at their closest


def _column(lines: list[Line], wrap: int = 0) -> list[str]:
    """The text lines of a header column, NFC; embedded newlines split, long lines wrapped."""
    out: list[str] = []
    for text, _ in lines:
        for part in unicodedata.normalize("NFC", text).split("\n"):
            if wrap and len(part) > wrap:
                out += textwrap.wrap(part, wrap, break_long_words=False, break_on_hyphens=False)
            else:
                out.append(part)
    return out


def _columns_text(doc: OfficialDoc) -> str:
    """Text as ``pdftotext -layout`` or OCR gives it: the header's two columns side by side on the
    same lines, each line centred in its column and padded with spaces; a centred heading whose long
    lines wrap at spaces (never at a hyphen); the signature under the right column; blank lines
    between blocks. Body paragraphs stay one line each."""
    left, right = _column(_left(doc), _LEFT_WRAP), _column(_right(doc))
    left_width = max(len(t) for t in left)
    right_width = max(len(t) for t in right)
    rows = []
    for i in range(max(len(left), len(right))):
        cell = left[i].center(left_width) if i < len(left) else ""
        if i < len(right) and right[i]:
            cell = cell.ljust(left_width + _GAP) + right[i].center(right_width)
        rows.append(cell.rstrip())
    width = left_width + _GAP + right_width
    heading = [t.center(width).rstrip() for t in _column(_heading(doc), max(width, 60))]
    signature = [t.center(right_width).rstrip() for t in _column([(s, "") for s in doc.signature])]
    blocks = [rows, heading, list(doc.body), [" " * (left_width + _GAP) + t if t else t for t in signature]]
    blocks.append([t for t, _ in _recipients(doc)])
    lines = [line for i, block in enumerate(b for b in blocks if b) for line in ([""] if i else []) + block]
    return unicodedata.normalize("NFC", "\n".join(lines) + "\n")


def plain_text(doc: OfficialDoc, layout: str = "stacked") -> str:
    """The document text in reading order, NFC. ``stacked`` (default): one line per paragraph or cell
    line, left header column before the right one; ``columns``: see ``_columns_text``."""
    if layout == "columns":
        return _columns_text(doc)
    if layout != "stacked":
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    lines = [t for t, _ in _left(doc) + _right(doc) + _heading(doc)]
    lines += [*doc.body, *doc.signature]
    lines += [t for t, _ in _recipients(doc)]
    return unicodedata.normalize("NFC", "\n".join(lines) + "\n")


# --------------------------------------------------------------------------- DOCX


def _add_line(paragraph: Paragraph, text: str, style: str, size: float = 0) -> None:
    run = paragraph.add_run(text)
    run.bold = "B" in style or None
    run.italic = "I" in style or None
    if size:
        run.font.size = Pt(size)


def _no_borders(table: Any) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        tbl_pr.append(borders)
    else:
        look.addprevious(borders)


def _page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field whose cached result is ``1``."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run("1" if kind == "result" else "")
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        elif kind != "result":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _save_zip(data: bytes, path: Path) -> None:
    """Rewrite a zip archive with fixed entry timestamps so bytes are reproducible."""
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))


def write_docx(doc: OfficialDoc, path: str | Path) -> Path:
    """Write ``doc`` as DOCX: borderless two-column header table, running header/footer."""
    path = Path(path)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    _add_line(section.header.paragraphs[0], header_text(doc), "I", 9)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(footer_text(doc).rsplit(" ", 1)[0] + " ")
    _page_field(footer)

    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    for cell, lines, width in zip(table.rows[0].cells, (_left(doc), _right(doc)), (Cm(7), Cm(9.5)), strict=True):
        cell.width = width
        for i, (text, style) in enumerate(lines):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _add_line(paragraph, text, style)

    for text, style in _heading(doc):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_line(paragraph, text, style, 14 if text == doc.type_word else 0)
    for text in doc.body:
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
    for text in doc.signature:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _add_line(paragraph, text, "B")
    for text, style in _recipients(doc):
        _add_line(document.add_paragraph(), text, style, 11)

    props = document.core_properties
    props.title = doc.title or ""
    props.author = doc.issuer
    props.last_modified_by = doc.issuer
    props.comments = ""
    props.language = doc.language
    props.revision = 1
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    buffer = io.BytesIO()
    document.save(buffer)
    _save_zip(buffer.getvalue(), path)
    return path


# ---------------------------------------------------------------------------- PDF


def _font_files(font_path: str | Path | None) -> dict[str, Path]:
    """Regular, bold and italic font files; siblings of ``font_path`` when given."""
    regular = Path(font_path) if font_path else FONT_DIR / "DejaVuSans.ttf"
    files = {"": regular}
    for style, suffixes in (("B", ("-Bold",)), ("I", ("-Oblique", "-Italic"))):
        candidates = [regular.with_name(regular.stem + s + regular.suffix) for s in suffixes]
        files[style] = next((c for c in candidates if c.exists()), regular)
    return files


class _PDF(FPDF):
    """FPDF with the running header and footer of one document."""

    def __init__(self, official: OfficialDoc) -> None:
        super().__init__(format="A4")
        self.official = official

    def header(self) -> None:
        self.set_font(_FAMILY, "I", 7.5)
        self.cell(0, 4, header_text(self.official), align="R")
        self.ln(8)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(_FAMILY, "", 8)
        self.cell(0, 4, footer_text(self.official, self.page_no()), align="C")


def _pdf_lines(pdf: FPDF, lines: list[Line], x: float, w: float, size: float) -> float:
    for text, style in lines:
        pdf.set_font(_FAMILY, style, size)
        pdf.set_x(x)
        pdf.multi_cell(w, size * 0.5, text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    return pdf.get_y()


def write_pdf(doc: OfficialDoc, path: str | Path, font_path: str | Path | None = None) -> Path:
    """Write ``doc`` as a PDF with an embedded (subset) Unicode TrueType font."""
    path = Path(path)
    pdf = _PDF(doc)
    for style, file in _font_files(font_path).items():
        pdf.add_font(_FAMILY, style, str(file))
    pdf.set_margins(25, 12, 15)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_creator("tests.docgen")  # the name the samples were made under: kept so they stay byte-identical
    pdf.set_lang(doc.language)
    if doc.title:
        pdf.set_title(doc.title)
    pdf.add_page()
    top = pdf.get_y()
    bottom = _pdf_lines(pdf, _left(doc), 25, 72, 10.5)
    pdf.set_y(top)
    bottom = max(bottom, _pdf_lines(pdf, _right(doc), 100, 95, 10.5))
    pdf.set_y(bottom + 6)
    for text, style in _heading(doc):
        _pdf_lines(pdf, [(text, style)], 25, 170, 13 if text == doc.type_word else 11.5)
    pdf.ln(4)
    pdf.set_font(_FAMILY, "", 11)
    for text in doc.body:
        pdf.multi_cell(0, 5.8, text, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)
    pdf.ln(3)
    _pdf_lines(pdf, [(t, "B") for t in doc.signature], 110, 85, 11)
    pdf.ln(4)
    for text, style in _recipients(doc):
        pdf.set_font(_FAMILY, style, 9.5)
        pdf.multi_cell(0, 4.8, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- HTML

_STYLE = (
    "<style>/* STYLENOISE: layout only */\n"
    "body { font-family: serif; max-width: 48em; margin: 2em auto; }\n"
    ".doc-header td { width: 50%; text-align: center; vertical-align: top; }\n"
    ".heading, .signature { text-align: center; }\n"
    ".signature { margin-left: 50%; }\n</style>"
)
_SCRIPT = '<script>var banner = "SCRIPTNOISE"; console.log(banner);</script>'
_COMMENT = "<!-- COMMENTNOISE: exported by the office document system -->"


def _html_p(lines: list[Line]) -> str:
    tags = {"B": ("<b>", "</b>"), "I": ("<i>", "</i>"), "": ("", "")}
    return "\n".join(f"<p>{tags[s][0]}{html.escape(t, quote=False)}{tags[s][1]}</p>" for t, s in lines)


def write_html(doc: OfficialDoc, path: str | Path, *, with_noise: bool = True) -> Path:
    """Write ``doc`` as a UTF-8 HTML page; ``with_noise`` adds script, style, comment."""
    path = Path(path)
    title = html.escape(doc.title or doc.number, quote=False)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(doc.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
    ]
    if with_noise:
        parts += [_STYLE, _SCRIPT]
    parts += ["</head>", "<body>"]
    if with_noise:
        parts.append(_COMMENT)
    parts += [
        '<table class="doc-header">',
        f"<tr>\n<td>\n{_html_p(_left(doc))}\n</td>",
        f"<td>\n{_html_p(_right(doc))}\n</td>\n</tr>",
        "</table>",
        f'<div class="heading">\n{_html_p(_heading(doc))}\n</div>',
        f'<div class="body">\n{_html_p([(t, "") for t in doc.body])}\n</div>',
        f'<div class="signature">\n{_html_p([(t, "B") for t in doc.signature])}\n</div>',
        f'<div class="recipients">\n{_html_p(_recipients(doc))}\n</div>',
        "</body>",
        "</html>",
        "",
    ]
    path.write_bytes("\n".join(parts).encode("utf-8"))
    return path


# --------------------------------------------------------------------------- text


def _cp1258_char(char: str) -> bytes | None:
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        return None


def encode_cp1258(text: str) -> bytes:
    """Encode text as Windows-1258: precomposed letters where the code page has them,
    otherwise the largest encodable base letter followed by combining tone marks."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        whole = _cp1258_char(char)
        if whole is not None:
            out += whole
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        for i, mark in enumerate(marks):  # fold one mark (ˆ, ˘, horn) into the base
            merged = unicodedata.normalize("NFC", base + mark)
            if len(merged) == 1 and _cp1258_char(merged) is not None:
                base = merged
                del marks[i]
                break
        out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def write_text(doc: OfficialDoc, path: str | Path, *, encoding: str = "utf-8", layout: str = "stacked") -> Path:
    """Write ``plain_text(doc, layout)`` in ``encoding`` (utf-8, utf-8-sig, utf-16, cp1258);
    ``layout`` is ``stacked`` (one header line after another) or ``columns`` (side by side)."""
    path = Path(path)
    text = plain_text(doc, layout)
    name = codecs.lookup(encoding).name
    if name == "cp1258":
        data = encode_cp1258(text)
    elif name == "utf-16":  # fixed byte order (LE with BOM), whatever the platform
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------------ samples

WRITERS: dict[str, Callable[..., Path]] = {
    "docx": write_docx,
    "pdf": write_pdf,
    "html": write_html,
    "text": write_text,
}

SAMPLES: tuple[tuple[str, OfficialDoc, str, dict[str, Any]], ...] = tuple(
    (name, OfficialDoc(**fields), fmt, dict(kwargs)) for name, fmt, fields, kwargs in SAMPLE_SPECS
)


def write_samples(folder: str | Path) -> list[Path]:
    """Write every entry of ``SAMPLES`` into ``folder``; return the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [WRITERS[fmt](doc, folder / name, **kw) for name, doc, fmt, kw in SAMPLES]


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m bench.generators.docgen [FOLDER]`` (default ``samples``)."""
    args = sys.argv[1:] if argv is None else argv
    for path in write_samples(args[0] if args else "samples"):
        print(f"{path.stat().st_size:>7}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
