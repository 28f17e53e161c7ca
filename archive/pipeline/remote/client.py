"""The home's side of the broker: page images out, answers in, each answer read once and then deleted.

Answers are decoded as plain JSON here (never through Celery's exception loading) and checked before they
become an `OcrPage`: a worker is trusted with a page's pixels, not with this process.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from archive.errors import ArchiveError
from archive.messages import Message, Term
from archive.models import Citation, DocumentMetadata, ExtractedText, Limits, OcrPage, ScanPlan, Unsupported
from archive.pipeline.remote.app import EXTRACT_TASK, PAGE_TASK, QUEUE, celery_app

log = logging.getLogger(__name__)
FINISHED = ("SUCCESS", "FAILURE", "REVOKED")
Outcome = tuple[bool, object]
MIN_WINDOW = 8
CRASHED = "the text extractor crashed on this file (its worker process on another machine died); the batch went on"
NO_WORKER = (
    "no OCR worker answers on the broker: pages wait in its queue until `archive worker --broker …` runs "
    "(or ARCHIVE_BROKER_TIMEOUT passes)"
)


class Remote:
    """Sends pages to the workers through the broker and collects what they read."""

    def __init__(self, settings) -> None:
        self.app = celery_app(settings.broker, settings.broker_visibility)
        self.timeout = settings.broker_timeout
        self.versions: set[str] = set()  # Tesseract versions the workers reported

    def check(self) -> None:
        """Raise ArchiveError, before a batch starts, when the broker cannot be reached or refuses the password."""
        from kombu.utils.url import maybe_sanitize_url

        try:
            with self.app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=10)
                connection.default_channel.client.ping()
        except Exception as exc:  # connection refused, bad password, TLS failure, unknown host …
            where = maybe_sanitize_url(self.app.conf.broker_url)
            raise ArchiveError(f"cannot use the broker {where}: {exc}") from None

    def send_page(self, packed: tuple[bytes, int], page: int, languages: str) -> str:
        """Queue the OCR of one page image (as `page_image_in_worker` made it); returns its task id."""
        image, dpi = packed
        return self.app.send_task(PAGE_TASK, args=(image, page, languages, dpi), queue=QUEUE).id

    def send_file(self, path: str, mime: str, languages: tuple[str, ...], limits: Limits, seconds: float) -> str:
        """Queue the reading of a stored file (its bytes go in the message); returns its task id."""
        data = Path(path).read_bytes()
        args = (data, mime, list(languages), [limits.max_pages, limits.max_unzipped_bytes, limits.max_zip_ratio])
        return self.app.send_task(EXTRACT_TASK, args=args, queue=QUEUE, time_limit=seconds or None).id

    def extraction_outcome(self, meta: dict) -> Outcome:
        """(True, ExtractedText | ScanPlan | Unsupported) or (False, why) from a worker's answer about a file."""
        if meta.get("status") != "SUCCESS":
            result = meta.get("result")
            if isinstance(result, dict) and result.get("exc_type") == "WorkerLostError":
                return False, CRASHED
            return False, f"the worker failed on the file ({_failure(result)})"
        answer = meta.get("result")
        try:
            if not answer["ok"]:
                return False, decode_text(answer["reason"])
            return True, decode_extracted(answer)
        except (KeyError, TypeError, ValueError) as exc:
            return False, f"the worker's answer about the file was malformed ({type(exc).__name__})"

    def finished(self, ids: list[str]) -> dict[str, dict]:
        """The stored answers among `ids`, {id: meta}; each is deleted from the broker once read."""
        backend = self.app.backend
        raws = backend.mget([backend.get_key_for_task(i) for i in ids])
        done = {}
        for task_id, raw in zip(ids, raws, strict=True):
            if raw is None:
                continue
            meta = backend.decode(raw)
            if isinstance(meta, dict) and meta.get("status") in FINISHED:
                done[task_id] = meta
                backend.forget(task_id)  # the page's text of a possibly classified document leaves Redis
        return done

    def page_outcome(self, meta: dict, page: int) -> Outcome:
        """(True, OcrPage) or (False, why) from a worker's answer about page `page` (1-based)."""
        if meta.get("status") != "SUCCESS":
            return False, f"the OCR worker failed on the page ({_failure(meta.get('result'))})"
        answer = meta.get("result")
        if not isinstance(answer, dict) or answer.get("page") != page:
            return False, "the OCR worker's answer was not about this page"
        if answer.get("error"):
            return False, str(answer["error"])
        text, confidence, words = answer.get("text"), answer.get("confidence"), answer.get("words")
        if not isinstance(text, str) or not isinstance(words, int) or not isinstance(confidence, int | float | None):
            return False, "the OCR worker's answer was malformed"
        if isinstance(answer.get("version"), str):
            self.versions.add(answer["version"])
        return True, OcrPage(page, text, None if confidence is None else float(confidence), words)

    def revoke(self, task_id: str) -> None:
        """Take back a page nobody answered in time (it may still be read; its answer then expires unread)."""
        self.app.control.revoke(task_id)
        self.app.backend.forget(task_id)

    @functools.cached_property
    def window(self) -> int:
        """Pages to keep sent and unanswered: twice the pool processes of the workers that answer now."""
        try:
            stats = self.app.control.inspect(timeout=1.0).stats() or {}
        except Exception as exc:  # the broker cannot be reached: sending the first page will say so
            log.warning("cannot ask the OCR workers: %s", exc)
            stats = {}
        processes = sum(int(s.get("pool", {}).get("max-concurrency", 1) or 1) for s in stats.values())
        if not processes:
            log.warning(NO_WORKER)
        return max(MIN_WINDOW, 2 * processes)

    def close(self) -> None:
        self.app.close()


def _failure(result) -> str:
    if isinstance(result, dict):
        return f"{result.get('exc_type', 'error')}: {result.get('exc_message', '')}".strip()
    return str(result)


def decode_text(value) -> str:
    """A reason from a worker: a Message again when it was one (so pages can translate it), else plain text."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and "template" in value:
        return Message(str(value["template"]), **{str(k): decode_text(v) for k, v in value["params"].items()})
    if isinstance(value, dict) and "term" in value:
        return Term(str(value["term"]), str(value["code"]))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    raise ValueError("not a reason")


def _text(value, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _number(value, optional: bool = True) -> int | None:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError("not a count")
    return value


def decode_extracted(answer: dict) -> ExtractedText | ScanPlan | Unsupported:
    """What a worker read, rebuilt and checked field by field."""
    kind = answer["kind"]
    if kind == "unsupported":
        return Unsupported(decode_text(answer["reason"]))
    if kind == "plan":
        pages = _number(answer["pages"], optional=False)
        to_ocr = tuple(_number(i, optional=False) for i in answer["to_ocr"])
        if any(i >= pages for i in to_ocr):
            raise ValueError("a page beyond the file")
        texts = tuple(_text(t, optional=False) for t in answer["texts"])
        return ScanPlan(pages, to_ocr, texts, _text(answer.get("title")))
    if kind != "text":
        raise ValueError(kind)
    meta = answer.get("metadata")
    metadata = None
    if meta is not None:
        citations = tuple(
            Citation(_text(c["symbol"], False), _text(c["key"], False), _text(c.get("date"))) for c in meta["citations"]
        )
        values = {name: _text(meta.get(name)) for name in DocumentMetadata.__dataclass_fields__ if name != "citations"}
        values["classification"] = values["classification"] or "unclassified"
        metadata = DocumentMetadata(**values, citations=citations)
    return ExtractedText(
        text=_text(answer["text"], optional=False),
        extractor=_text(answer["extractor"], optional=False),
        pages=_number(answer.get("pages")),
        title=_text(answer.get("title")),
        language=_text(answer.get("language")) or "und",
        metadata=metadata,
        mime=_text(answer.get("mime")),
    )
