"""PDF text layers with pdfminer.six; pages are separated by form feeds."""

from __future__ import annotations

import re
from pathlib import Path

from pdfminer.high_level import extract_text
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.psparser import PSException
from pdfminer.utils import decode_text

from archive.errors import ExtractionError
from archive.models import ExtractedText

CID = re.compile(r"\(cid:\d+\)")


def extract(path: Path) -> ExtractedText:
    try:
        content = extract_text(path)
        title = _title(path)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ExtractionError("the PDF is encrypted with a password; ingest an unprotected copy") from exc
    except (PDFSyntaxError, PSException) as exc:
        raise ExtractionError(f"damaged PDF: {exc or type(exc).__name__}") from exc
    except Exception as exc:  # pdfminer raises many types (KeyError, TypeError …) on broken files
        raise ExtractionError(f"damaged or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    pages = content.count("\f") or 1
    if not content.replace("\f", "").strip():
        raise ExtractionError("the PDF has no text layer (a scan?): OCR is not available yet")
    if len(CID.findall(content)) * 8 > len(content):
        raise ExtractionError(
            "the PDF's text layer is unusable (fonts without a Unicode map): OCR is not available yet"
        )
    return ExtractedText(text=content, extractor="pdfminer", pages=pages, title=title)


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
