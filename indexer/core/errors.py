"""One exception tree for the whole archive; exceptions carry the data a message needs."""

from __future__ import annotations


class ArchiveError(Exception):
    """Base of every error the archive reports to a person (CLI message, HTTP error)."""

    status = 500  # HTTP status the web layer answers with

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(ArchiveError):
    """The caller asked for something that cannot be done as asked."""

    status = 400


class NotFoundError(ArchiveError):
    """No such record (or none the caller may see)."""

    status = 404


class ExtractionError(ArchiveError):
    """A file's content could not be read; the message says why in plain words."""

    status = 422


class NeedsOcrError(ExtractionError):
    """Some pages carry no usable text and must be read by OCR; carries the text layer there is."""

    def __init__(self, message: str, pages: tuple[int, ...], texts: tuple[str, ...]) -> None:
        super().__init__(message)
        self.pages = pages  # 0-based pages to OCR
        self.texts = texts  # the text layer of every page ("" where there is none)


class UnsupportedFormatError(ExtractionError):
    """The file is of a kind the archive does not read (yet)."""

    status = 415


class CatalogError(ArchiveError):
    """The catalog is unusable (newer schema than this program, corrupt file)."""


class IndexOutdatedError(ArchiveError):
    """The search index was built with another schema version; `archive reindex` rebuilds it."""

    status = 503


class LockedError(ArchiveError):
    """Another job holds the archive's writer lock."""

    status = 503

    def __init__(self, message: str, holder: dict | None = None) -> None:
        super().__init__(message)
        self.holder = holder or {}


class QueryError(ArchiveError):
    """A search query that cannot be run; the message says what to change."""

    status = 400


class DisposedError(ArchiveError):
    """The record was disposed of under its retention schedule; carries the disposal record."""

    status = 410

    def __init__(self, message: str, disposal: dict) -> None:
        super().__init__(message)
        self.disposal = disposal


class ForbiddenError(ArchiveError):
    """The caller's role does not allow this action."""

    status = 403


class UnauthorizedError(ArchiveError):
    """No valid credentials came with the request."""

    status = 401
