"""A PDF of a DOCX, ODT or HTML original for the record page's preview, made by LibreOffice once and kept
beside the original in the store (`store/ab/<sha256>.preview.pdf`): a convenience view, never the original.

An HTML original is never served as a page of this site (it would run as one); its PDF is inert. A file
LibreOffice cannot convert, or a machine without it, gets a sentence saying why instead of a preview."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import ArchiveError
from archive.messages import Message
from archive.models import Record
from archive.preview.tables import preview_digest, save_preview_digest
from archive.store import Store, file_sha256
from archive.upkeep.fixity import checked_file, checked_original
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


def preview_pdf(settings: Settings, record: Record, catalog: Catalog | None = None) -> Path:
    """The PDF preview of the record's original, made now if not yet made (or, given the `catalog`, made
    before its digest was recorded). Raises ArchiveError with a sentence for the reader when it cannot be
    made. Given the `catalog`, the original is checked against its SHA-256 as it is copied for LibreOffice,
    and the preview's own SHA-256 is recorded (`checked_preview` checks it)."""
    store = Store(settings.store_dir)
    target = store.preview_path(record.sha256)
    if target.is_file() and (catalog is None or preview_digest(catalog.db, record.sha256) is not None):
        return target
    why = why_no_preview(record)
    if why is not None or not convertible(record):
        raise ArchiveError(why or Message("No preview: this format cannot be shown."))
    suffix = SUFFIXES[record.mime]
    with tempfile.TemporaryDirectory(prefix="archive-preview-") as tmp:
        folder = Path(tmp)
        source = folder / f"document.{suffix}"
        if catalog is None:
            shutil.copyfile(store.path(record.sha256), source)
        else:  # a damaged original makes no preview (FixityError, logged)
            with open(source, "wb") as out:
                for chunk in checked_original(catalog, record, store.path(record.sha256), via="preview"):
                    out.write(chunk)
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
        if catalog is None:
            os.replace(partial, target)  # whole or not at all, should two readers ask at once
        else:
            digest, size = file_sha256(partial), partial.stat().st_size
            with catalog.transaction():  # two readers making it at once: the file and its digest go together
                os.replace(partial, target)
                save_preview_digest(catalog.db, record.sha256, digest, size)
    return target


def checked_preview(settings: Settings, catalog: Catalog, record: Record, via: str = "inline") -> Iterator[bytes]:
    """The preview's bytes, made if need be, checked against the SHA-256 recorded when it was made (as
    `archive.upkeep.fixity` checks originals). A damaged preview is logged, removed (the next view makes it
    again from the original) and FixityError raised."""
    path = preview_pdf(settings, record, catalog)
    digest = preview_digest(catalog.db, record.sha256)
    return checked_file(catalog, record, path, digest, via, kind="preview", on_damage=lambda: path.unlink(True))
