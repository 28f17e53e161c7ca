"""Text extraction: a registry of extractors keyed by the MIME type that `indexer.reading.detect` found.

`extract_file` is what ingest runs in its worker processes: extractor → clean-up (NFC, line ends,
control characters) → language. It raises ExtractionError with a reason a person understands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import partial
from pathlib import Path

from indexer.core.errors import ExtractionError, UnsupportedFormatError
from indexer.core.messages import Message
from indexer.core.models import ExtractedText, Limits
from indexer.reading import detect
from indexer.reading.extract import docx, html, office, pdf, text
from indexer.reading.language import detect_language
from indexer.reading.metadata import extract_metadata

Extractor = Callable[[Path], ExtractedText]

EXTRACTORS: dict[str, Extractor] = {
    detect.PDF: pdf.extract,
    detect.DOCX: docx.extract,
    detect.HTML: html.extract,
    detect.TEXT: text.extract,
    **{mime: partial(office.extract, mime=mime) for mime in office.SUFFIXES},  # .doc .odt .rtf via LibreOffice
}

CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff]")
TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(raw: str) -> str:
    """NFC, `\\n` line ends, no control characters, no trailing blanks; form feeds (page breaks) kept."""
    value = unicodedata.normalize("NFC", raw)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = CONTROL.sub("", value)
    value = TRAILING_SPACE.sub("\n", value + "\n")
    return BLANK_RUNS.sub("\n\n", value).strip()


def extract_file(
    path: Path, mime: str, languages: tuple[str, ...] = ("vi", "en"), limits: Limits | None = None
) -> ExtractedText:
    """Extract, clean and identify the language of one file of a known type; `limits` also bound what a
    conversion makes (LibreOffice's DOCX)."""
    extractor = EXTRACTORS.get(mime)
    if extractor is None:
        raise UnsupportedFormatError(f"no extractor for {mime}")
    raw = extractor(path, limits=limits) if mime in office.SUFFIXES else extractor(path)
    content = clean_text(raw.text)
    if not content.replace("\f", "").strip():
        raise ExtractionError(Message("no text found in this %(kind)s file", kind=raw.extractor.split(":")[0].upper()))
    title = clean_text(raw.title) if raw.title else None
    language = detect_language(content, languages)
    return ExtractedText(
        text=content,
        extractor=raw.extractor,
        pages=raw.pages,
        title=title or None,
        language=language,
        metadata=extract_metadata(content, language),
    )
