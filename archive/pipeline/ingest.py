"""The ingest pipeline: detect → store → duplicate check → extract (worker processes) → catalog → index.

This process reads no more of a file than its head (and its bytes, to store them): what a ZIP or OLE2
container holds, and everything else a parser does, is found out in worker processes, under their time and
memory limits. Extraction runs on both cores; this process is the single writer. Finished files
are written in batches: one catalog transaction, one index commit, then the catalog notes the index
revision. A run killed anywhere leaves at worst stored blobs without records or records not yet in
the index; `recover` repairs both at the start of the next writer, so a rerun completes the batch
with no duplicates and no orphans. One bad file never stops the batch.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from archive.config import Settings
from archive.errors import ArchiveError, UsageError
from archive.filing.filing import check_file_open, file_ingested
from archive.messages import Message
from archive.models import BatchSummary, ExtractedText, IngestOutcome, OutcomeStatus, ScanPlan, Unsupported
from archive.people.access import can_see
from archive.pipeline.files import MB, display_path, iter_files, refusal
from archive.pipeline.manifest import Manifest, looks_like_manifest
from archive.pipeline.remote import connect, extraction, task_queue, window
from archive.pipeline.scanning import extraction_pool
from archive.pipeline.scans import OcrJob, OnPages, Scans, ScanTask
from archive.retention.disposals import Disposal, disposal_of_bytes
from archive.upkeep.failpoint import reach
from archive.upkeep.session import Writer, writing
from archive.vocabulary import METADATA_FIELDS
from indexer import Clearance, document_for, sniff

log = logging.getLogger("archive.ingest")  # the name log files have always shown
OnOutcome = Callable[[IngestOutcome], None]
Describe = Callable[[Path], str]  # where a file came from, as the catalog keeps it


@dataclass
class _Pending:
    """A stored file waiting for its text."""

    source: Path
    sha256: str
    size: int
    mime: str
    created_blob: bool
    twins: list[Path] = field(default_factory=list)  # later files in this batch with the same bytes


class _Ingest:
    """State of one running batch."""

    def __init__(
        self,
        session: Writer,
        on_outcome: OnOutcome | None,
        manifest: Manifest | None,
        on_pages: OnPages | None = None,
        describe: Describe | None = None,
        clearance: Clearance | None = None,
        file_ref: str | None = None,
    ) -> None:
        settings, catalog, store = session.settings, session.catalog, session.store
        self.session = session
        self.settings = settings
        self.file_ref = file_ref
        self.to_file: dict[int, str] = {}  # new record → the file it goes into, once the batch is written
        self.describe = describe
        self.clearance = clearance
        self.manifest = manifest
        self.touched: set[int] = set()  # existing records a manifest row changed
        self.catalog = catalog
        self.store = store
        self.on_outcome = on_outcome
        self.remote = connect(settings)  # OCR workers on other machines, with a broker; checked before the batch
        session.ensure_index()
        self.batch_id = catalog.start_batch("ingest")
        self.summary = BatchSummary(self.batch_id)
        self.by_sha: dict[str, _Pending] = {}
        self.ready: list[tuple[_Pending, ExtractedText]] = []
        self.pool = extraction_pool(settings, store)
        self.window = window(settings, self.remote)  # bounded: files and pages in flight or waiting stay few
        self.tasks = task_queue(self.pool, self.window, self.remote)
        self.scans = Scans(settings, store, on_pages, self.remote)

    def close(self) -> None:
        self.pool.close()
        if self.remote is not None:
            self.remote.close()

    def submit(self, pending: _Pending) -> None:
        blob = str(self.store.path(pending.sha256))
        key, task, args = extraction(self.remote, pending, blob, pending.mime, pending.size, self.settings)
        self.tasks.put(key, task, *args)

    def drain(self, *, until: int = 0) -> None:
        """Handle finished files and pages until at most `until` tasks are left."""
        for key, outcome in self.tasks.run(until=until):
            if isinstance(key, ScanTask):
                job = self.scans.finish(key, outcome)
                if job is not None:
                    self._scanned(job)
            else:
                self._handle(key, outcome)

    # --- outcomes -----------------------------------------------------------------------------

    def where(self, source: Path) -> str:
        """A file as its outcome row and the audit trail name it: the caller's description, or its path as given."""
        return self.describe(source) if self.describe else display_path(source)

    def origin(self, source: Path) -> str:
        """A file as its record's `source_path` keeps it: the caller's description, or its absolute path."""
        return self.describe(source) if self.describe else display_path(source.absolute())

    def _report(
        self,
        source: Path,
        status: OutcomeStatus,
        record_id: int | None = None,
        reason: str | None = None,
        sha256: str | None = None,
    ) -> None:
        outcome = IngestOutcome(self.where(source), status, record_id, reason, source=source)
        if record_id is not None and status in (OutcomeStatus.ADDED, OutcomeStatus.PENDING_OCR):
            ref = (
                self.manifest.file_codes.get(self.manifest.key_of(source)) if self.manifest else None
            ) or self.file_ref
            if ref:
                self.to_file[record_id] = ref
        self.catalog.add_outcome(self.batch_id, outcome, sha256)
        self.summary.count(outcome.status)
        if self.on_outcome:
            self.on_outcome(outcome)

    def _fail(self, pending: _Pending, reason: str, status: OutcomeStatus = OutcomeStatus.FAILED) -> None:
        if pending.created_blob and self.catalog.find_by_sha(pending.sha256) is None:
            self.store.remove(pending.sha256)  # nothing refers to the bytes: leave no orphan
        self.by_sha.pop(pending.sha256, None)
        for source in [pending.source, *pending.twins]:
            self._report(source, status, reason=reason, sha256=pending.sha256)

    # --- stages -------------------------------------------------------------------------------

    def prepare(self, source: Path) -> _Pending | None:
        """Detect, store and check one file; returns it when it needs extraction."""
        try:
            refused = refusal(source, self.settings.max_file_mb)
            if not refused and looks_like_manifest(source):
                refused = (OutcomeStatus.UNSUPPORTED.value, MANIFEST_REFUSED)
            if refused:
                self._report(source, OutcomeStatus(refused[0]), reason=refused[1])
                return None
            detected = sniff(source, open_containers=False)  # only the head: a worker opens ZIP and OLE2 files
            if detected.unsupported:
                self._report(source, OutcomeStatus.UNSUPPORTED, reason=detected.unsupported)
                return None
            blob = self.store.put_file(source, max_bytes=int(self.settings.max_file_mb * MB))
        except ArchiveError as exc:
            self._report(source, OutcomeStatus.FAILED, reason=exc.message)
            return None
        except OSError as exc:
            reason = Message("cannot read the file: %(error)s", error=exc.strerror or str(exc))
            self._report(source, OutcomeStatus.FAILED, reason=reason)
            return None
        existing = self.catalog.find_by_sha(blob.sha256)
        if existing is not None:
            self._apply_manifest_to(existing.id, source)
            self._report(source, OutcomeStatus.DUPLICATE, existing.id, sha256=blob.sha256)
            return None
        disposed = disposal_of_bytes(self.catalog.db, blob.sha256)
        if disposed is not None:
            if blob.created:
                self.store.remove(blob.sha256)
            self._report(source, OutcomeStatus.FAILED, reason=refused_as_disposed(disposed), sha256=blob.sha256)
            return None
        if blob.sha256 in self.by_sha:
            self.by_sha[blob.sha256].twins.append(source)
            return None
        pending = _Pending(source, blob.sha256, blob.size, detected.mime, blob.created)
        self.by_sha[blob.sha256] = pending
        return pending

    def _handle(self, pending: _Pending, outcome: tuple[bool, object]) -> None:
        ok, result = outcome
        if not ok:
            self._fail(pending, result)
        elif isinstance(result, Unsupported):  # a ZIP or OLE2 file holding XLSX, .ppt …
            self._fail(pending, result.reason, OutcomeStatus.UNSUPPORTED)
        elif isinstance(result, ScanPlan):
            if self.scans.missing:
                self._ready(pending, self.scans.pending_text(result))
                return
            job = OcrJob(pending, str(self.store.path(pending.sha256)), pending.mime, result)
            tasks = self.scans.tasks(job)
            for key, task, args in tasks:
                self.tasks.put(key, task, *args)
            if not tasks:  # nothing to OCR after all: the job is complete as it is
                self._scanned(job)
        else:
            self._ready(pending, result)

    def _scanned(self, job: OcrJob) -> None:
        try:
            self._ready(job.owner, self.scans.text_of(job))
        except ArchiveError as exc:
            self._fail(job.owner, exc.message)

    def _ready(self, pending: _Pending, text: ExtractedText) -> None:
        self.ready.append((pending, text))
        reach("ingest:file-ready")  # a crash test's kill: the bytes stored, nothing of the batch written yet
        if len(self.ready) >= self.settings.index_batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the ready files: catalog transaction, index commit, then the catalog notes it."""
        if not self.ready:
            return
        batch, self.ready = self.ready, []
        with self.catalog.transaction():
            ids = [self._insert(pending, text) for pending, text in batch]
        reach("ingest:catalog-committed")
        records = self.catalog.get_many(ids)
        texts = {record_id: text.text for record_id, (_, text) in zip(ids, batch, strict=True)}
        cited = self.catalog.citation_keys(ids)
        self.session.add(document_for(records[i], texts[i], cited[i]) for i in ids)
        reach("ingest:index-committed")
        self.catalog.mark_indexed((i, records[i].rev) for i in ids)
        reach("ingest:noted")
        for record_id, (pending, text) in zip(ids, batch, strict=True):
            self.by_sha.pop(pending.sha256, None)
            status, note = OutcomeStatus.ADDED, None
            if text.ocr is not None:  # a scan: say when it waits for OCR or needs a person's review
                status = OutcomeStatus.PENDING_OCR if text.ocr.status == "pending" else status
                note = text.ocr.reason
            self._report(pending.source, status, record_id, note, pending.sha256)
            for twin in pending.twins:
                self._report(twin, OutcomeStatus.DUPLICATE, record_id, sha256=pending.sha256)

    def _apply_manifest_to(self, record_id: int, source: Path) -> None:
        """A manifest row for bytes already archived corrects that record, but never a person's edit, nor a
        record beyond the clearance of whoever sent it (a web upload: the bytes of a record they may not see)."""
        row = self.manifest.row_for(source) if self.manifest else None
        if not row:
            return
        record = self.catalog.get(record_id)
        if not can_see(self.clearance, record):
            return
        edited = record.provenance
        changes = {f: v for f, v in row.items() if edited.get(f) != "edited"}
        with self.catalog.transaction():
            if self.catalog.update_fields(record_id, changes, source="manifest", actor="ingest"):
                self.touched.add(record_id)

    def reindex_touched(self) -> None:
        if self.touched:
            self.session.reindex(sorted(self.touched))

    def _insert(self, pending: _Pending, text: ExtractedText) -> int:
        fields = metadata_fields(text)
        provenance = dict.fromkeys(fields, "extracted")
        row = self.manifest.row_for(pending.source) if self.manifest else None
        for name, value in (row or {}).items():
            fields[name] = value
            provenance[name] = "manifest"
        fields = {name: value for name, value in fields.items() if value is not None}
        record_id = self.catalog.insert_record(
            text.text,
            citations=text.metadata.citations if text.metadata else (),
            sha256=pending.sha256,
            size=pending.size,
            mime=text.mime or pending.mime,
            filename=display_path(pending.source.name),
            source_path=self.origin(pending.source),
            extractor=text.extractor,
            pages=text.pages,
            batch_id=self.batch_id,
            provenance={name: provenance[name] for name in fields},
            **fields,
        )
        if text.ocr is not None:
            self.catalog.save_ocr(record_id, text.ocr)
        self.catalog.log_event("ingest", record_id, path=self.where(pending.source), batch=self.batch_id)
        return record_id


MANIFEST_REFUSED = Message(
    "this CSV looks like an ingest manifest (its first row names a file column and metadata columns): it is "
    "not archived, so that its rows cannot be read as a record; give it with --manifest instead"
)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or one.samefile(other)
    except OSError:
        return False


def refused_as_disposed(disposal: Disposal) -> str:
    return Message(
        "these bytes were disposed of on %(day)s under %(authority)s (record %(id)s): "
        "a disposed record is not archived again",
        day=disposal.disposed_at[:10],
        authority=disposal.authority,
        id=disposal.record_id,
    )


def disposed_record(reason: str | None) -> int | None:
    """The id of the disposed record that `reason` (from `refused_as_disposed`) names, else None."""
    if isinstance(reason, Message) and reason.template.startswith("these bytes were disposed of on "):
        return reason.params.get("id")
    return None


def metadata_fields(text: ExtractedText) -> dict:
    """Field values read from the document; the summary line wins over an embedded (often stale) title."""
    found = {f: getattr(text.metadata, f) for f in METADATA_FIELDS if hasattr(text.metadata, f)}
    found["title"] = found.get("title") or text.title
    found["language"] = text.language
    return {f: v for f, v in found.items() if v is not None}


def ingest(
    settings: Settings,
    paths: Iterable[Path],
    *,
    on_start: Callable[[int], None] | None = None,
    on_outcome: OnOutcome | None = None,
    manifest: Manifest | None = None,
    on_pages: OnPages | None = None,
    describe: Describe | None = None,
    clearance: Clearance | None = None,
    file_ref: str | None = None,
) -> BatchSummary:
    """Ingest files and folders; every file ends in exactly one outcome. Returns the batch summary.

    With a manifest, its rows override extracted metadata; it must have been checked (`manifest.ok`).
    `on_pages(planned, done)` follows the OCR of scans page by page. `describe(file)` says where a file came
    from (a web upload: `upload:` and the name as sent), for its outcome row, its `ingest` audit entry and its
    record's `source_path`; without it they hold the file's path (the record: its absolute path). With a
    `clearance` (a web upload's sender), a manifest row never changes an archived record beyond it.
    `file_ref`: file every new record into this file (hồ sơ), unless its manifest row names another
    (`file_code`); the file must be open before anything is ingested.
    """
    if manifest is not None and not manifest.ok:
        raise UsageError(Message("the manifest has errors: check it with --dry-run"))
    started = time.monotonic()
    with writing(settings, "ingest") as session:  # the catalog opened once the lock is held
        catalog = session.catalog
        for ref in sorted({file_ref, *(manifest.file_codes.values() if manifest else ())} - {None}):
            try:  # a wrong code stops the batch before it starts: bad input, as a manifest's error is
                check_file_open(catalog, ref, clearance)
            except ArchiveError as exc:
                raise UsageError(exc.message) from None
        files = list(iter_files(paths, exclude=settings.home))
        if manifest is not None:  # the batch's own manifest, in the folder ingested, is never a record
            files = [f for f in files if not _same_file(f, manifest.path)]
        if on_start:
            on_start(len(files))
        run = _Ingest(session, on_outcome, manifest, on_pages, describe, clearance, file_ref)
        try:
            for source in files:
                pending = run.prepare(source)
                if pending is not None:
                    run.submit(pending)
                    run.drain(until=run.window - 1)
            run.drain()
        finally:
            run.close()
        run.flush()
        run.reindex_touched()
        if run.to_file:
            run.summary.not_filed = file_ingested(session, run.to_file, clearance)
            run.summary.filed = len(run.to_file) - len(run.summary.not_filed)
        run.summary.seconds = time.monotonic() - started
        catalog.finish_batch(run.batch_id, run.summary.counts)
        return run.summary
