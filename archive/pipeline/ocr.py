"""OCR after ingest: scans archived while no engine was installed, the list of OCR to review, a person's
review clearing the flag, and what OCR did for one record as pages and the API show it.

`ocr_pending` reads every pending scan under the writer lock, page by page on the worker pool, then
replaces the record's text, re-reads its extracted metadata (manifest values and edits are kept) and
indexes it. A run that is killed leaves its records pending (or committed but not yet indexed, which
recovery repairs): the next run simply goes on.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import ArchiveError, UsageError
from archive.messages import Message
from archive.models import ExtractedText, OcrResult, Record, ScanPlan
from archive.people.access import visible_record
from archive.pipeline.ingest import metadata_fields
from archive.pipeline.remote import connect, extraction, task_queue, window
from archive.pipeline.scanning import extraction_pool
from archive.pipeline.scans import OcrJob, OnPages, Scans, ScanTask
from archive.upkeep.session import Writer, writing
from indexer import Clearance

OnRecord = Callable[[dict], None]
REVIEWED = "ocr.reviewed"  # the audit action of a person's review of a record's OCR


@dataclass
class OcrSummary:
    records: int = 0
    done: int = 0
    failed: int = 0
    needs_review: int = 0
    pages: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {**{k: v for k, v in vars(self).items() if k != "seconds"}, "seconds": round(self.seconds, 3)}


def ocr_pending(
    settings: Settings, *, on_pages: OnPages | None = None, on_record: OnRecord | None = None
) -> OcrSummary:
    """OCR every record whose OCR is pending; raises ArchiveError (saying what to install) without Tesseract."""
    started = time.monotonic()
    with writing(settings, "ocr") as session:
        catalog, store = session.catalog, session.store
        records = catalog.get_many(catalog.ocr_pending())
        summary = OcrSummary(records=len(records))
        if records:
            remote = connect(settings)  # OCR workers on other machines, with a broker
            try:
                scans = Scans(settings, store, on_pages, remote)
                if scans.missing:
                    raise ArchiveError(f"{scans.missing}; {len(records)} scans stay pending_ocr")
                _run(settings, session, scans, records, summary, on_record)
            finally:
                if remote is not None:
                    remote.close()
        summary.seconds = time.monotonic() - started
        return summary


def _run(settings, session: Writer, scans: Scans, records: dict[int, Record], summary, on_record):
    catalog, store = session.catalog, session.store
    pool = extraction_pool(settings, store)
    tasks = task_queue(pool, window(settings, scans.remote), scans.remote)
    for record in records.values():
        blob = str(store.path(record.sha256))
        key, task, args = extraction(scans.remote, record, blob, record.mime, record.size, settings)
        tasks.put(key, task, *args)
    changed: list[int] = []
    try:
        for key, (ok, value) in tasks.run():
            if isinstance(key, ScanTask):
                job = scans.finish(key, (ok, value))
                if job is not None:
                    _finish(catalog, scans, job, summary, on_record, changed)
            elif not ok:
                _failed(catalog, key, value, summary, on_record)
            elif isinstance(value, ScanPlan):
                job = OcrJob(key, str(store.path(key.sha256)), key.mime, value)
                planned = scans.tasks(job)
                for task_key, task, args in planned:
                    tasks.put(task_key, task, *args)
                if not planned:  # nothing to OCR after all
                    _finish(catalog, scans, job, summary, on_record, changed)
            else:  # the current rules read it without OCR
                _save(catalog, key, value, summary, on_record)
                changed.append(key.id)
    finally:
        pool.close()
    session.reindex(changed)


def _finish(catalog: Catalog, scans: Scans, job: OcrJob, summary: OcrSummary, on_record, changed: list) -> None:
    try:
        text = scans.text_of(job)
    except ArchiveError as exc:
        _failed(catalog, job.owner, exc.message, summary, on_record)
        return
    _save(catalog, job.owner, text, summary, on_record)
    changed.append(job.owner.id)


def _save(catalog: Catalog, record: Record, text: ExtractedText, summary: OcrSummary, on_record) -> None:
    """The new text, extracted metadata where no manifest or person set it, citations and the OCR rows."""
    found = metadata_fields(text)
    changes = {f: v for f, v in found.items() if record.provenance.get(f, "extracted") == "extracted"}
    ocr = text.ocr or OcrResult("done")
    with catalog.transaction():
        catalog.replace_text(record.id, text.text, extractor=text.extractor, pages=text.pages)
        catalog.update_fields(record.id, changes, source="extracted", actor="ocr")
        if text.metadata is not None:
            catalog.replace_citations(record.id, text.metadata.citations)
        catalog.save_ocr(record.id, ocr)
        catalog.log_event("ocr", record.id, actor="ocr", confidence=ocr.confidence, pages=len(ocr.pages))
    summary.done += 1
    summary.pages += len(ocr.pages)
    summary.needs_review += ocr.needs_review
    if on_record:
        on_record(_line(record.id, "done", ocr.confidence, ocr.needs_review, ocr.reason))


def _failed(catalog: Catalog, record: Record, reason: str, summary: OcrSummary, on_record) -> None:
    """OCR ran but read nothing: the record keeps what it had, marked failed and for review."""
    with catalog.transaction():
        catalog.save_ocr(record.id, OcrResult("failed", needs_review=True, reason=reason))
        catalog.log_event("ocr.failed", record.id, actor="ocr", reason=reason)
    summary.failed += 1
    if on_record:
        on_record(_line(record.id, "failed", None, True, reason))


def _line(record_id: int, status: str, confidence, needs_review: bool, reason: str | None) -> dict:
    return {"id": record_id, "status": status, "confidence": confidence, "needs_review": needs_review, "reason": reason}


def low_confidence(settings: Settings) -> list[dict]:
    """OCR'd records flagged `needs_review`, least confident first."""
    with Catalog(settings.catalog_path) as catalog:
        rows = []
        for record_id in catalog.ocr_needing_review():
            record, ocr = catalog.get(record_id), catalog.ocr_of(record_id)
            rows.append(
                {
                    "id": record_id,
                    "filename": record.filename,
                    "title": record.title,
                    "confidence": ocr.confidence,
                    "pages": record.pages,
                    "ocr_pages": len(ocr.pages),
                    "engine": f"{ocr.engine} {ocr.version}" if ocr.engine else None,
                    "reason": ocr.reason,
                }
            )
        return rows


def mark_reviewed(
    settings: Settings, record_ids: list[int], note: str = "", *, clearance: Clearance | None = None
) -> list[dict]:
    """A person has checked these records' OCR: clear `needs_review` (all or nothing, under the writer lock).

    Each is audited with who, when and the note; the OCR's own reason stays, saying why it was flagged.
    A record the caller may not see is "not found"; one not flagged is refused (UsageError)."""
    ids = list(dict.fromkeys(record_ids))
    if not ids:
        raise UsageError(Message("name the records whose OCR was reviewed"))
    note = " ".join(note.split()) or None
    with writing(settings, "ocr review", repair="catalog") as session:
        catalog = session.catalog
        flagged = []
        for record_id in ids:
            visible_record(catalog, record_id, clearance)
            ocr = catalog.ocr_of(record_id)
            if ocr is None or not ocr.needs_review:
                raise UsageError(Message("record %(id)s is not flagged for OCR review", id=record_id))
            flagged.append((record_id, ocr))
        done = []
        with catalog.transaction():
            for record_id, ocr in flagged:
                catalog.db.execute("UPDATE ocr SET needs_review = 0 WHERE record_id = ?", (record_id,))
                catalog.log_event(REVIEWED, record_id, note=note, confidence=ocr.confidence, reason=ocr.reason)
                done.append({"id": record_id, "confidence": ocr.confidence, "reason": ocr.reason, "note": note})
        return done


def last_review(catalog: Catalog, record_id: int) -> dict | None:
    """`{"by", "at", "note"}` of the latest review of the record's current OCR (none since OCR last ran)."""
    row = catalog.db.execute(
        "SELECT e.at, e.actor, e.detail FROM events e JOIN ocr o ON o.record_id = e.record_id "
        "WHERE e.record_id = ? AND e.action = ? AND e.at >= o.updated_at ORDER BY e.id DESC LIMIT 1",
        (record_id, REVIEWED),
    ).fetchone()
    if row is None:
        return None
    return {"by": row["actor"], "at": row["at"], "note": json.loads(row["detail"] or "{}").get("note")}


def ocr_detail(catalog: Catalog, record_id: int, min_confidence: float) -> dict | None:
    """What OCR did for a record, None when it had none: status, engine and version, languages, dpi, mean
    confidence, each page's confidence (`low` under `min_confidence` or unread), whether it needs review
    and why, and the review that cleared it. The pages' text is the record's text, so it is left out."""
    ocr = catalog.ocr_of(record_id)
    if ocr is None:
        return None
    pages = [
        {
            "page": p.page,
            "confidence": p.confidence,
            "words": p.words,
            "error": p.error,
            "low": bool(p.error) or (p.confidence is not None and p.confidence < min_confidence),
        }
        for p in ocr.pages
    ]
    return {
        "status": ocr.status,
        "engine": ocr.engine,
        "version": ocr.version,
        "languages": ocr.languages,
        "dpi": ocr.dpi,
        "confidence": ocr.confidence,
        "threshold": min_confidence,
        "needs_review": ocr.needs_review,
        "reason": ocr.reason,
        "reviewed": last_review(catalog, record_id),
        "pages": pages,
    }
