"""Frozen dataclasses passed between the pipeline's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class OutcomeStatus(StrEnum):
    """What happened to one file in an ingest batch; every file gets exactly one."""

    ADDED = "added"
    DUPLICATE = "duplicate"
    UNSUPPORTED = "unsupported"
    FAILED = "failed"
    PENDING_OCR = "pending_ocr"  # archived; its scanned pages wait for an OCR engine (`archive ocr --pending`)


BASE_STATUSES = ("added", "duplicate", "unsupported", "failed")  # always counted; pending_ocr only when it happens


@dataclass(frozen=True)
class Limits:
    """What a worker checks before a parser opens a file (0: no limit); from Settings."""

    max_pages: int = 0
    max_unzipped_bytes: int = 0
    max_zip_ratio: float = 0


@dataclass(frozen=True)
class Citation:
    """A symbol a document cites, with the date printed after it when there is one."""

    symbol: str
    key: str
    date: str | None = None


@dataclass(frozen=True)
class DocumentMetadata:
    """What a document's own text says about it; None where it says nothing readable."""

    doc_number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    place: str | None = None
    issued: str | None = None
    title: str | None = None
    classification: str = "unclassified"
    urgency: str | None = None
    language: str | None = None
    signer: str | None = None
    citations: tuple[Citation, ...] = ()
    recipients: str | None = None  # the "Nơi nhận:" block, entries joined by "; "


@dataclass(frozen=True)
class ScanPlan:
    """A file some or all of whose pages must be read by OCR, with the text layer its other pages have."""

    pages: int
    to_ocr: tuple[int, ...]  # 0-based page numbers
    texts: tuple[str, ...] = ()  # text layer per page ("" where there is none)
    title: str | None = None


@dataclass(frozen=True)
class OcrPage:
    """What OCR read on one page."""

    page: int  # 1-based
    text: str
    confidence: float | None  # mean word confidence, 0–100; None when no word was read
    words: int
    error: str | None = None  # why the page could not be read


@dataclass(frozen=True)
class OcrResult:
    """The OCR of one record: `done`, `pending` while no engine is installed (`reason` says what to do), or
    `failed` when a later run read no text."""

    status: str
    engine: str | None = None
    version: str | None = None
    languages: str | None = None
    dpi: int | None = None
    pages: tuple[OcrPage, ...] = ()
    needs_review: bool = False
    reason: str | None = None
    rendition: str | None = None  # file name of the searchable PDF beside the original in the store
    rendition_sha256: str | None = None  # its SHA-256 as made (None: made before digests were kept)

    @property
    def confidence(self) -> float | None:
        """Mean word confidence over all pages (each word counts once)."""
        words = sum(p.words for p in self.pages if p.confidence is not None)
        if not words:
            return None
        return round(sum(p.confidence * p.words for p in self.pages if p.confidence is not None) / words, 2)


@dataclass(frozen=True)
class ExtractedText:
    """Text and embedded facts an extractor read from one original."""

    text: str
    extractor: str
    pages: int | None = None
    title: str | None = None
    language: str = "und"
    metadata: DocumentMetadata | None = None
    ocr: OcrResult | None = None
    mime: str | None = None  # the type a worker found inside a ZIP or OLE2 container (DOCX, .doc …)


@dataclass(frozen=True)
class Unsupported:
    """A worker's answer for a container holding a format the archive does not read (XLSX, .ppt …)."""

    reason: str


@dataclass(frozen=True)
class Record:
    """One archived record as the catalog holds it (metadata only; text and bytes live apart)."""

    id: int
    sha256: str
    size: int
    mime: str
    filename: str
    ingested_at: str
    updated_at: str
    rev: int
    indexed_rev: int | None = None
    source_path: str | None = None
    title: str | None = None
    language: str | None = None
    issued: str | None = None
    doc_number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    classification: str = "unclassified"
    retention: str | None = None
    extractor: str | None = None
    pages: int | None = None
    batch_id: int | None = None
    place: str | None = None
    urgency: str | None = None
    signer: str | None = None
    notes: str | None = None
    doc_number_key: str | None = None
    provenance: dict = field(default_factory=dict)  # field -> extracted | manifest | edited
    compartments: tuple[str, ...] = ()  # units a reader must belong to, besides holding the clearance
    direction: str | None = None  # incoming | outgoing | internal
    register: str | None = None  # the register it is numbered in (archive.registers)
    register_number: int | None = None
    received: str | None = None  # YYYY-MM-DD or YYYY-MM-DD HH:MM
    sender: str | None = None
    recipients: str | None = None  # nơi nhận, entries joined by "; "
    routed_to: str | None = None
    copies: int | None = None

    def to_dict(self) -> dict:
        """The record as the JSON API and `archive show --json` present it."""
        return {
            "id": self.id,
            "title": self.title,
            "filename": self.filename,
            "language": self.language,
            "issued": self.issued,
            "doc_number": self.doc_number,
            "doc_type": self.doc_type,
            "issuer": self.issuer,
            "place": self.place,
            "classification": self.classification,
            "compartments": list(self.compartments),
            "urgency": self.urgency,
            "signer": self.signer,
            "retention": self.retention,
            "notes": self.notes,
            "provenance": dict(self.provenance),
            "sha256": self.sha256,
            "size": self.size,
            "mime": self.mime,
            "pages": self.pages,
            "extractor": self.extractor,
            "source_path": self.source_path,
            "ingested_at": self.ingested_at,
            "updated_at": self.updated_at,
            "batch_id": self.batch_id,
            **{name: getattr(self, name) for name in REGISTRY_FIELDS},
        }


REGISTRY_FIELDS = (
    "direction",
    "register",
    "register_number",
    "received",
    "sender",
    "recipients",
    "routed_to",
    "copies",
)  # what the registry desk writes on a record (migration 0011)


@dataclass(frozen=True)
class IngestOutcome:
    """The single outcome of one file: added / duplicate (of `record_id`) / unsupported / failed."""

    path: str
    status: OutcomeStatus
    record_id: int | None = None
    reason: str | None = None
    source: Path | None = field(default=None, compare=False, repr=False)  # the file as ingest found it; not kept

    def to_dict(self) -> dict:
        return {"path": self.path, "status": str(self.status), "id": self.record_id, "reason": self.reason}


@dataclass
class BatchSummary:
    """Counts for a finished ingest batch."""

    batch_id: int
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BASE_STATUSES, 0))
    seconds: float = 0.0
    filed: int = 0  # documents filed into a file (ingest --file, a manifest's file_code)
    not_filed: list[tuple[int, str]] = field(default_factory=list)  # (record id, why) archived but not filed

    def count(self, status: OutcomeStatus) -> None:
        self.counts[str(status)] = self.counts.get(str(status), 0) + 1

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    @property
    def ok(self) -> bool:
        return self.counts["failed"] == 0 and self.counts["unsupported"] == 0 and not self.not_filed

    def to_dict(self) -> dict:
        found = {"batch": self.batch_id, "files": self.files, **self.counts, "seconds": round(self.seconds, 3)}
        if self.filed or self.not_filed:  # only when filing was asked for: the shape stays as it was otherwise
            found["filed"] = self.filed
            found["not_filed"] = [{"id": i, "reason": why} for i, why in self.not_filed]
        return found
