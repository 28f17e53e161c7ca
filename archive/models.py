"""Frozen dataclasses passed between the pipeline's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class OutcomeStatus(StrEnum):
    """What happened to one file in an ingest batch; every file gets exactly one."""

    ADDED = "added"
    DUPLICATE = "duplicate"
    UNSUPPORTED = "unsupported"
    FAILED = "failed"


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


@dataclass(frozen=True)
class ExtractedText:
    """Text and embedded facts an extractor read from one original."""

    text: str
    extractor: str
    pages: int | None = None
    title: str | None = None
    language: str = "und"
    metadata: DocumentMetadata | None = None


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
        }


@dataclass(frozen=True)
class IngestOutcome:
    """The single outcome of one file: added / duplicate (of `record_id`) / unsupported / failed."""

    path: str
    status: OutcomeStatus
    record_id: int | None = None
    reason: str | None = None

    def to_dict(self) -> dict:
        return {"path": self.path, "status": str(self.status), "id": self.record_id, "reason": self.reason}


@dataclass
class BatchSummary:
    """Counts for a finished ingest batch."""

    batch_id: int
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in OutcomeStatus})
    seconds: float = 0.0

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    @property
    def ok(self) -> bool:
        return self.counts["failed"] == 0 and self.counts["unsupported"] == 0

    def to_dict(self) -> dict:
        return {"batch": self.batch_id, "files": self.files, **self.counts, "seconds": round(self.seconds, 3)}
