"""PDF text layers with pdfminer.six; pages are separated by form feeds."""

from __future__ import annotations

from pathlib import Path

from pdfminer.high_level import extract_text
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
