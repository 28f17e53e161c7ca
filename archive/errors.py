"""The archive's exceptions: they live in indexer/core (the bottom layer, which both use); this name stays."""

from indexer.core.errors import (
    ArchiveError,
    CatalogError,
    DisposedError,
    ExtractionError,
    ForbiddenError,
    IndexOutdatedError,
    LockedError,
    NeedsOcrError,
    NotFoundError,
    QueryError,
    UnauthorizedError,
    UnsupportedFormatError,
    UsageError,
)

__all__ = [
    "ArchiveError",
    "CatalogError",
    "DisposedError",
    "ExtractionError",
    "ForbiddenError",
    "IndexOutdatedError",
    "LockedError",
    "NeedsOcrError",
    "NotFoundError",
    "QueryError",
    "UnauthorizedError",
    "UnsupportedFormatError",
    "UsageError",
]
