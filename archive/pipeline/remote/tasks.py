"""What an `archive worker` does with a message: everything it needs arrives in the message and its answer
is plain data (JSON), so a worker never opens the archive's home, and neither side unpickles the other's
bytes. A message is checked before it is used: whoever can write to the broker can send one.
"""

from __future__ import annotations

import re
import socket

from archive.errors import ArchiveError
from indexer import Engine, recognise, tesseract_version

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


MAX_FILE_BYTES = 64 * 1024 * 1024  # larger files are read on the archive's own machine (REMOTE_FILE_BYTES)
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
_memory = {"bytes": None}  # this worker's cap on its pool processes (ARCHIVE_MAX_MEMORY_MB), set once per process


def configure_memory(megabytes: float | None) -> None:
    _memory["bytes"] = int(megabytes * 1024 * 1024) if megabytes else None


def extract(data: bytes, mime: str, languages: list, limits: list) -> dict:
    """Read a file's text, or plan its OCR, as the archive's own workers do: {"ok": True, "kind", …} or
    {"ok": False, "reason"}. The bytes go to a temporary file of this worker's, removed after."""
    import tempfile
    from pathlib import Path

    from archive.models import Limits
    from archive.pipeline.scanning import extract_in_worker
    from indexer import detect

    known = {v for k, v in vars(detect).items() if k.isupper() and isinstance(v, str) and "/" in v}
    if not isinstance(data, bytes) or not 0 < len(data) <= MAX_FILE_BYTES:
        return {"ok": False, "reason": "the message holds no file, or one too large"}
    if mime not in known:
        return {"ok": False, "reason": "the message names no known file type"}
    if not isinstance(languages, list) or not all(isinstance(c, str) and LANGUAGE_CODE.fullmatch(c) for c in languages):
        return {"ok": False, "reason": "the message names no valid languages"}
    if not (isinstance(limits, list) and len(limits) == 3 and all(isinstance(n, int | float) for n in limits)):
        return {"ok": False, "reason": "the message has no valid limits"}
    _cap_memory()
    with tempfile.TemporaryDirectory(prefix="archive-worker-") as folder:
        path = Path(folder) / "original"
        path.write_bytes(data)
        ok, value = extract_in_worker(
            str(path), mime, tuple(languages), Limits(int(limits[0]), int(limits[1]), limits[2])
        )
    if not ok:
        return {"ok": False, "reason": encode_text(value)}
    return {"ok": True, **encode_extracted(value)}


def _cap_memory() -> None:
    """The same cap the archive's own workers set (RLIMIT_AS), once the parsers are imported."""
    import resource

    if _memory["bytes"]:
        resource.setrlimit(resource.RLIMIT_AS, (_memory["bytes"], _memory["bytes"]))
        _memory["bytes"] = None


def encode_text(text: str):
    """A reason as JSON, still translatable on the archive's pages when it is a Message."""
    from archive.messages import Message, Term

    if isinstance(text, Message):
        return {"template": text.template, "params": {k: encode_text(v) for k, v in text.params.items()}}
    if isinstance(text, Term):
        return {"term": text.kind, "code": str(text)}
    return text if isinstance(text, int | float | type(None)) else str(text)


def encode_extracted(value) -> dict:
    from dataclasses import asdict

    from archive.models import ExtractedText, ScanPlan, Unsupported

    if isinstance(value, Unsupported):
        return {"kind": "unsupported", "reason": encode_text(value.reason)}
    if isinstance(value, ScanPlan):
        return {"kind": "plan", **asdict(value)}
    if isinstance(value, ExtractedText):
        fields = asdict(value)
        fields.pop("ocr")  # a worker's text never carries OCR: scans come back as plans
        return {"kind": "text", **fields}
    return {"kind": "unknown"}
