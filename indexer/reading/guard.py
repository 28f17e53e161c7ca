"""Limits checked in a worker before a parser opens a file: the pages of a PDF or TIFF, and what a DOCX or
ODT would unpack to. A file over a limit fails with a reason that names the setting to raise.

A ZIP's member sizes are checked from its directory, before python-docx (or LibreOffice) inflates anything;
the DOCX that LibreOffice makes of a .doc, .odt or .rtf is checked the same way (`indexer.reading.extract.office`).
Python's zipfile never inflates a member past the size its directory declares (it stops, and the CRC check
fails), so the declared sizes bound what is unpacked.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from indexer.core.errors import ExtractionError
from indexer.core.messages import Message
from indexer.core.models import Limits
from indexer.reading import detect
from indexer.reading.ocr.pages import page_count

MB = 1024 * 1024
RATIO_FROM = MB  # smaller members may compress very well (repeated styles, empty tables) without harm
ZIP_KINDS = {detect.DOCX: "DOCX", detect.ODT: "ODT"}
PAGED = {detect.PDF: "PDF", detect.TIFF: "TIFF"}


def check(path: Path, mime: str, limits: Limits | None) -> None:
    """Raise ExtractionError when the file is over a limit."""
    if limits is None:
        return
    if mime in ZIP_KINDS:
        check_zip(path, ZIP_KINDS[mime], limits)
    elif mime in PAGED and limits.max_pages:
        check_pages(path, mime, limits.max_pages)


def check_zip(path: Path, kind: str, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ExtractionError(
            Message("damaged %(kind)s file (its ZIP container cannot be read: %(error)s)", kind=kind, error=str(exc))
        ) from exc
    total = sum(m.file_size for m in members)
    if limits.max_unzipped_bytes and total > limits.max_unzipped_bytes:
        raise ExtractionError(
            Message(
                "the %(kind)s file would unpack to %(size)s MB, over the limit of %(limit)s MB "
                "(ARCHIVE_MAX_UNZIPPED_MB): a decompression bomb?",
                kind=kind,
                size=f"{total / MB:,.0f}",
                limit=f"{limits.max_unzipped_bytes / MB:,.0f}",
            )
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if limits.max_zip_ratio and member.file_size > RATIO_FROM and ratio > limits.max_zip_ratio:
            raise ExtractionError(
                Message(
                    "%(member)r in the %(kind)s file is compressed %(ratio)s to 1 (%(size)s MB unpacked), over the "
                    "limit of %(limit)s to 1 (ARCHIVE_MAX_ZIP_RATIO): a decompression bomb?",
                    member=member.filename[:80],
                    kind=kind,
                    ratio=f"{ratio:,.0f}",
                    size=f"{member.file_size / MB:,.0f}",
                    limit=f"{limits.max_zip_ratio:g}",
                )
            )


def check_pages(path: Path, mime: str, max_pages: int) -> None:
    try:
        pages = page_count(path, mime)
    except ExtractionError:
        if mime == detect.PDF:
            return  # PDFium cannot open it (a password, damage): the extractor says which
        raise
    if pages > max_pages:
        raise ExtractionError(
            Message(
                "the %(kind)s file has %(pages)s pages, over the limit of %(limit)s (ARCHIVE_MAX_PAGES)",
                kind=PAGED[mime],
                pages=f"{pages:,}",
                limit=f"{max_pages:,}",
            )
        )
