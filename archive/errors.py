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


class FixityError(ArchiveError):
    """An original no longer matches its SHA-256: it is not handed out."""

    status = 500


__all__ = [
    "ArchiveError",
    "CatalogError",
    "DisposedError",
    "ExtractionError",
    "FixityError",
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
