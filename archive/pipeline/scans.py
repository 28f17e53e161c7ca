"""Scans on the worker pool: each page to OCR is a task of its own; the text is assembled when all are in.

Pages, not files, are the unit of work, so one long scan keeps every core busy. The OCR'd text then
goes through the same clean-up, language and metadata steps as any extracted text. Without Tesseract a
scan is archived with what text layer it has (often none) and its OCR `pending`, with a message saying
what to install; `archive ocr --pending` reads it later.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from archive.config import Settings
from archive.errors import ExtractionError
from archive.messages import Message
from archive.models import ExtractedText, OcrPage, OcrResult, ScanPlan
from archive.pipeline.scanning import ocr_page_in_worker, ocrmypdf_available, page_image_in_worker, rendition_in_worker
from archive.store import RENDITION_SUFFIX, Store, file_sha256
from indexer import clean_text, detect, detect_language, engine_for, extract_metadata

log = logging.getLogger("archive.scans")  # the name log files have always shown
OnPages = Callable[[int, int], None]  # (pages planned, pages done) as they happen
LATER = "the scan is archived and its OCR waits: install it, then run `archive ocr --pending`"


@dataclass(eq=False)
class OcrJob:
    """One file's OCR in progress."""

    owner: object  # what the caller follows (ingest's pending file, a record)
    blob: str  # the stored original: `store/ab/<sha256>`
    mime: str
    plan: ScanPlan
    pages: dict[int, OcrPage] = field(default_factory=dict)
    rendition: Path | None = None  # made by ocrmypdf, not yet in the store
    open_tasks: int = 0


@dataclass(frozen=True, eq=False)
class ScanTask:
    job: OcrJob
    page: int | None  # 0-based page; None for the searchable PDF


def born_digital(job: OcrJob) -> bool:
    """A PDF with a usable text layer on some page: its own text is better than OCR's and searchable in any
    viewer, so no searchable copy is made (only its pages without one are OCR'd, for the index)."""
    if job.mime != detect.PDF:
        return False
    wanted = set(job.plan.to_ocr)
    return any(text.strip() for i, text in enumerate(job.plan.texts) if i not in wanted)


class Scans:
    """Turns scan plans into page tasks, collects their results and assembles the text."""

    def __init__(self, settings: Settings, store: Store, on_pages: OnPages | None = None, remote=None) -> None:
        self.settings = settings
        self.store = store
        self.on_pages = on_pages
        self.engine = engine_for(settings.tesseract, settings.languages)
        self.remote = remote  # `archive.pipeline.remote.client.Remote`: pages are read by workers on other machines

    # Asked only when a scan arrives: a batch without scans never runs the OCR programs.
    @functools.cached_property
    def missing(self) -> str | None:
        """Why OCR cannot run (with what to install), or None. With workers, they check their own Tesseract."""
        return None if self.remote is not None else self.engine.missing()

    @property
    def version(self) -> str | None:
        if self.remote is not None:
            return "/".join(sorted(self.remote.versions)) or None
        return None if self.missing else self.engine.version()

    @functools.cached_property
    def renditions(self) -> bool:
        """Make a searchable PDF beside each scan: not with remote workers, as ocrmypdf would read every page a
        second time on this machine, the very work the workers are there to take."""
        if self.remote is not None:
            return False
        return self.settings.ocr_rendition and not self.missing and ocrmypdf_available()

    def tasks(self, job: OcrJob) -> list[tuple[ScanTask, Callable, tuple]]:
        """(key, worker function, arguments) for every page of the job, and its searchable PDF."""
        engine, dpi = self.engine, self.settings.ocr_dpi
        if self.remote is not None:
            tasks = [
                (self._forward(ScanTask(job, i)), page_image_in_worker, (job.blob, job.mime, i, dpi))
                for i in job.plan.to_ocr
            ]
        else:
            tasks = [
                (ScanTask(job, i), ocr_page_in_worker, (job.blob, job.mime, i, engine, dpi)) for i in job.plan.to_ocr
            ]
        if self.renditions and not born_digital(job):
            out = self.store.tmp / f"rendition-{Path(job.blob).name}.pdf"
            # Pages with a garbage text layer are redone, and only they (`--pages`); the others keep theirs.
            redo = [i for i in job.plan.to_ocr if i < len(job.plan.texts) and job.plan.texts[i].strip()]
            pages = ",".join(str(i + 1) for i in job.plan.to_ocr) if redo else ""
            args = (job.blob, job.mime, str(out), self.engine.languages, bool(redo), pages)
            tasks.append((ScanTask(job, None), rendition_in_worker, args))
        job.open_tasks = len(tasks)
        if self.on_pages:
            self.on_pages(len(job.plan.to_ocr), 0)
        return tasks

    def _forward(self, task: ScanTask):
        """The page rendered here, then read by a remote worker (`archive.pipeline.remote.queue.Forward`)."""
        from archive.pipeline.remote.queue import Forward

        page, remote, languages = task.page + 1, self.remote, self.engine.languages
        return Forward(
            task,
            send=lambda packed: remote.send_page(packed, page, languages),
            receive=lambda meta: remote.page_outcome(meta, page),
        )

    def finish(self, task: ScanTask, outcome: tuple[bool, object]) -> OcrJob | None:
        """Note one task's result; returns its job when that was the job's last task."""
        ok, value = outcome
        job = task.job
        if task.page is None:
            if ok:
                job.rendition = Path(value)
            else:
                # The record is archived and its text read; only the optional rendition is missing.
                log.warning("no searchable PDF for %s: %s", job.blob, value, extra={"note": True})
        else:
            job.pages[task.page] = value if ok else OcrPage(task.page + 1, "", None, 0, error=str(value))
            if self.on_pages:
                self.on_pages(0, 1)
        job.open_tasks -= 1
        return job if job.open_tasks == 0 else None

    def text_of(self, job: OcrJob) -> ExtractedText:
        """The record's text: text-layer pages as they are, OCR'd pages in their place.

        Raises ExtractionError when there is no text at all. A finished searchable PDF is moved into the
        store first: if the record is never committed, recovery removes it with the orphaned original.
        """
        texts = list(job.plan.texts) + [""] * (job.plan.pages - len(job.plan.texts))
        for index, page in job.pages.items():
            texts[index] = page.text
        content = clean_text("\f".join(texts))
        pages = tuple(job.pages[i] for i in sorted(job.pages))
        if not content.replace("\f", "").strip():
            if job.rendition is not None:
                job.rendition.unlink(missing_ok=True)
            errors = [p.error for p in pages if p.error]
            raise ExtractionError(errors[0] if errors else Message("OCR found no text on the scan's pages"))
        sha256 = Path(job.blob).name
        rendition = rendition_sha256 = None
        if job.rendition is not None:
            rendition_sha256 = file_sha256(job.rendition)  # kept with the OCR: what is handed out is checked
            self.store.put_rendition(sha256, job.rendition)
            rendition = f"{sha256[:2]}/{sha256}{RENDITION_SUFFIX}"
        language = detect_language(content, self.settings.languages)
        layer = any(t.strip() for i, t in enumerate(job.plan.texts) if i not in job.pages)
        return ExtractedText(
            text=content,
            extractor="pdfminer+tesseract" if layer else "tesseract",
            pages=job.plan.pages,
            title=job.plan.title,
            language=language,
            metadata=extract_metadata(content, language),
            ocr=self._review(self._result(pages, rendition, rendition_sha256)),
        )

    def _result(self, pages: tuple[OcrPage, ...], rendition: str | None, rendition_sha256: str | None) -> OcrResult:
        languages, dpi = self.engine.languages, self.settings.ocr_dpi
        return OcrResult(
            "done",
            "tesseract",
            self.version,
            languages,
            dpi,
            pages,
            rendition=rendition,
            rendition_sha256=rendition_sha256,
        )

    def _review(self, result: OcrResult) -> OcrResult:
        """Flag `needs_review` when the mean confidence is under the threshold or a page went unread."""
        problems = []
        unread = [p for p in result.pages if p.error]
        if unread:
            numbers = ", ".join(str(p.page) for p in unread)
            problems.append(f"OCR could not read page {numbers} ({unread[0].error})")
        threshold = self.settings.ocr_min_confidence
        if result.confidence is not None and result.confidence < threshold:
            problems.append(f"mean OCR confidence {result.confidence:.1f} is below {threshold:g}")
        return replace(result, needs_review=bool(problems), reason="; ".join(problems) or None)

    def pending_text(self, plan: ScanPlan) -> ExtractedText:
        """What a scan is archived with while no OCR engine is installed: its text layer, if any."""
        content = clean_text("\f".join(plan.texts))
        found = bool(content.replace("\f", "").strip())
        language = detect_language(content, self.settings.languages) if found else "und"
        return ExtractedText(
            text=content,
            extractor="pdfminer" if found else "none",
            pages=plan.pages,
            title=plan.title,
            language=language,
            metadata=extract_metadata(content, language) if found else None,
            ocr=OcrResult("pending", reason=f"{self.missing}; {LATER}"),
        )
