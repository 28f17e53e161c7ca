"""What an `archive worker` does with a message: everything it needs arrives in the message and its answer
is plain data (JSON), so a worker never opens the archive's home, and neither side unpickles the other's
bytes. A message is checked before it is used: whoever can write to the broker can send one.
"""

from __future__ import annotations

import re
import socket

from archive.errors import ArchiveError
from indexer.ocr.tesseract import Engine, recognise, tesseract_version

MAX_IMAGE_BYTES = 256 * 1024 * 1024  # a packed A4 page at 300 dpi is ~2 MB; a large plan at 600 dpi far less than this
LANGUAGES = re.compile(r"[A-Za-z_]{2,16}(\+[A-Za-z_]{2,16}){0,7}")
_engine = {"command": "tesseract"}  # set by `archive worker` (ARCHIVE_TESSERACT) before its pool starts


def configure(tesseract: str) -> None:
    """The Tesseract program this worker runs (a name on PATH or a path)."""
    _engine["command"] = tesseract


def missing(languages: str) -> str | None:
    """Why this machine cannot read pages in `languages` (with what to install), or None."""
    return Engine(_engine["command"], languages).missing()


def ocr_page(image: bytes, page: int, languages: str, dpi: int) -> dict:
    """OCR one page image (1-based `page`): {page, text, confidence, words, version, worker} or {page, error}."""
    answer: dict = {"page": page, "worker": socket.gethostname()}
    problem = _check(image, page, languages, dpi)
    if problem:
        return {**answer, "error": problem}
    engine = Engine(_engine["command"], languages)
    try:
        read = recognise(image, engine, dpi)
    except ArchiveError as exc:
        return {**answer, "error": str(exc.message)}
    except Exception as exc:  # a bug must cost this page only, not the worker
        return {**answer, "error": f"could not read the page ({type(exc).__name__}: {exc})"}
    version = tesseract_version(engine.path or engine.command)
    return {**answer, "text": read.text, "confidence": read.confidence, "words": read.words, "version": version}


def _check(image, page, languages, dpi) -> str | None:
    if not isinstance(image, bytes) or not 0 < len(image) <= MAX_IMAGE_BYTES:
        return "the message holds no page image, or one too large"
    if not isinstance(page, int) or page < 1:
        return "the message has no valid page number"
    if not isinstance(languages, str) or not LANGUAGES.fullmatch(languages):
        return "the message names no valid OCR languages"
    if not isinstance(dpi, int) or not 50 <= dpi <= 2400:
        return "the message has no valid resolution"
    return None
