"""A PDF of a DOCX, ODT or HTML original for the record page's preview, made by LibreOffice once and kept
beside the original in the store (`store/ab/<sha256>.preview.pdf`): a convenience view, never the original.

An HTML original is never served as a page of this site (it would run as one); its PDF is inert. A file
LibreOffice cannot convert, or a machine without it, gets a sentence saying why instead of a preview."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from archive.config import Settings
from archive.errors import ArchiveError
from archive.messages import Message
from archive.models import Record
from archive.store import Store
from indexer import detect
from indexer import office_convert as convert

SUFFIXES = {detect.DOCX: "docx", detect.ODT: "odt", detect.HTML: "html", detect.DOC: "doc", detect.RTF: "rtf"}
FILTERS = {"html": "pdf:writer_web_pdf_Export"}  # Writer/Web opens HTML; the rest open in Writer


def convertible(record: Record) -> bool:
    """Whether the record's format is one LibreOffice can turn into a PDF preview."""
    return record.mime in SUFFIXES


def why_no_preview(record: Record) -> Message | None:
    """Why a convertible record has no preview on this machine (LibreOffice missing), or None."""
    if convertible(record) and detect.office_converter() is None:
        return Message("No preview: LibreOffice, which makes one of this format, is not installed on the server.")
    return None


def preview_pdf(settings: Settings, record: Record) -> Path:
    """The PDF preview of the record's original, made now if not yet made. Raises ArchiveError with a
    sentence for the reader when it cannot be made."""
    store = Store(settings.store_dir)
    target = store.preview_path(record.sha256)
    if target.is_file():
        return target
    why = why_no_preview(record)
    if why is not None or not convertible(record):
        raise ArchiveError(why or Message("No preview: this format cannot be shown."))
    suffix = SUFFIXES[record.mime]
    with tempfile.TemporaryDirectory(prefix="archive-preview-") as tmp:
        folder = Path(tmp)
        source = folder / f"document.{suffix}"
        shutil.copyfile(store.path(record.sha256), source)
        try:
            convert(detect.office_converter(), source, folder, FILTERS.get(suffix, "pdf:writer_pdf_Export"))
        except ArchiveError:
            raise ArchiveError(Message("No preview: LibreOffice could not convert this document in time.")) from None
        made = folder / "out" / "document.pdf"
        if not made.is_file() or made.stat().st_size == 0:
            raise ArchiveError(Message("No preview: LibreOffice could not convert this document (damaged?)."))
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        shutil.copyfile(made, partial)
        os.chmod(partial, 0o640)
        os.replace(partial, target)  # whole or not at all, should two readers ask at once
    return target
