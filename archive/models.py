"""The archive's data types: they live in indexer/core (the bottom layer, which both use); this name stays."""

from indexer.core.models import (
    BASE_STATUSES,
    BatchSummary,
    Citation,
    DocumentMetadata,
    ExtractedText,
    IngestOutcome,
    Limits,
    OcrPage,
    OcrResult,
    OutcomeStatus,
    Record,
    ScanPlan,
    Unsupported,
)

__all__ = [
    "BASE_STATUSES",
    "BatchSummary",
    "Citation",
    "DocumentMetadata",
    "ExtractedText",
    "IngestOutcome",
    "Limits",
    "OcrPage",
    "OcrResult",
    "OutcomeStatus",
    "Record",
    "ScanPlan",
    "Unsupported",
]
