"""PDF text layers with pdfminer.six; pages are separated by form feeds.

The first page's official header is read by position: pdfminer orders text boxes by a mix of distances, so
a header laid out in two columns (the issuing body, number and `*` on the left; the motto and the place and
date on the right) can come out interleaved — the date after the type word, or its year cut from it by the
number. The header lines are found by their coordinates (above the first line that spans or is centred
on the page) and written as a DOCX of the same document reads: the left column, then the right one.
"""

from __future__ import annotations

from pathlib import Path

from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.psparser import PSException
from pdfminer.utils import decode_text

from indexer.core.errors import ExtractionError, NeedsOcrError
from indexer.core.messages import Message
from indexer.core.models import ExtractedText
from indexer.reading.ocr.pages import pdf_pages_to_ocr


def extract(path: Path) -> ExtractedText:
    try:
        content = extract_text(path)
        title = _title(path)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ExtractionError(Message("the PDF is encrypted with a password; ingest an unprotected copy")) from exc
    except RecursionError as exc:
        raise ExtractionError(
            Message("the PDF's objects are nested too deeply to read (a damaged or hostile file)")
        ) from exc
    except (PDFSyntaxError, PSException) as exc:
        raise ExtractionError(
            _truncated(path) or Message("damaged PDF: %(error)s", error=str(exc) or type(exc).__name__)
        ) from exc
    except Exception as exc:  # pdfminer raises many types (KeyError, TypeError …) on broken files
        reason = _truncated(path) or Message(
            "damaged or unreadable PDF (%(error)s)", error=f"{type(exc).__name__}: {exc}"
        )
        raise ExtractionError(reason) from exc
    page_texts = content.split("\f")[:-1] if content.endswith("\f") else content.split("\f")
    to_ocr = pdf_pages_to_ocr(path, page_texts)
    if to_ocr:
        raise NeedsOcrError(
            "the PDF has no text layer on some pages (scans, or fonts without a Unicode map): they need OCR",
            tuple(to_ocr),
            tuple(page_texts),
        )
    if not content.replace("\f", "").strip():
        raise ExtractionError(Message("the PDF has no text layer and no page images: nothing to read"))
    if page_texts and (first := _header_by_position(path, page_texts[0])) is not None:
        page_texts[0] = first
        content = "\f".join(page_texts) + ("\f" if content.endswith("\f") else "")
    pages = len(page_texts) or 1
    return ExtractedText(text=content, extractor="pdfminer", pages=pages, title=title)


def _truncated(path: Path) -> str | None:
    """Why an unreadable PDF failed, when it is cut short: a PDF ends with `%%EOF` (readers look in the last KB)."""
    with open(path, "rb") as f:
        f.seek(max(0, path.stat().st_size - 1024))
        if b"%%EOF" not in f.read():
            return Message("the PDF is truncated (it stops before its %%EOF end marker): ingest a complete copy")
    return None


def _title(path: Path) -> str | None:
    with open(path, "rb") as f:
        document = PDFDocument(PDFParser(f))
        for info in document.info:
            value = info.get("Title")
            if isinstance(value, bytes):
                return decode_text(value).strip() or None
            if isinstance(value, str):
                return value.strip() or None
    return None


COLUMN_WIDTH = 0.55  # a header column line is narrower than this share of the text's width …
OFF_CENTRE = 0.12  # … and its centre at least this share away from the page's centre


def _header_by_position(path: Path, page_text: str) -> str | None:
    """The first page's text with its two-column header first, column by column; None when the page has no
    such header (or its lines cannot be found in pdfminer's text), so the text stays as pdfminer gave it."""
    try:
        page = next(iter(extract_pages(path, maxpages=1)), None)
    except Exception:  # the text was read already; a second look that fails changes nothing
        return None
    if page is None:
        return None
    lines = [
        line
        for box in page
        if isinstance(box, LTTextContainer)
        for line in box
        if isinstance(line, LTTextLine) and line.get_text().strip()
    ]
    if not lines:
        return None
    left, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
    width, middle = right - left, (left + right) / 2
    header = []
    for line in sorted(lines, key=lambda line: -line.y1):  # top down
        centre = (line.x0 + line.x1) / 2
        if line.width > COLUMN_WIDTH * width or abs(centre - middle) < OFF_CENTRE * width:
            break  # the type word, the title or the body: the header is above it
        header.append(line)
    columns = [
        [" ".join(line.get_text().split()) for line in header if (line.x0 + line.x1) / 2 < middle],
        [" ".join(line.get_text().split()) for line in header if (line.x0 + line.x1) / 2 >= middle],
    ]
    if not columns[0] or not columns[1]:
        return None
    rest = page_text.split("\n")
    for text in columns[0] + columns[1]:
        found = next((i for i, line in enumerate(rest) if " ".join(line.split()) == text), None)
        if found is None:
            return None
        del rest[found]
    return "\n".join([*columns[0], *columns[1], "", *rest])
