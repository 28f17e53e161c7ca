"""Decide what a file is from its content (magic bytes), never from its name."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from archive.errors import ExtractionError

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
TEXT = "text/plain"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"

HEAD_BYTES = 8192

# Scanned pages: read by OCR.
IMAGES = ((b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG), (b"II*\x00", TIFF), (b"MM\x00*", TIFF))

# Formats we recognise but do not read yet: (signature, MIME type, what to tell the person).
KNOWN_UNSUPPORTED = (
    (b"GIF8", "image/gif", "GIF image: not a document format the archive reads"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "application/x-ole-storage",
        "legacy Microsoft Office file (.doc/.xls/.ppt): save it as DOCX or PDF first",
    ),
    (b"{\\rtf", "application/rtf", "RTF document: save it as DOCX or PDF first"),
    (b"\x1f\x8b", "application/gzip", "gzip archive: unpack it and ingest the files inside"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed", "7-Zip archive: unpack it and ingest the files inside"),
    (b"Rar!", "application/vnd.rar", "RAR archive: unpack it and ingest the files inside"),
)

ZIP_MEMBERS_UNSUPPORTED = (
    ("xl/workbook.xml", "Excel workbook (.xlsx): not a document format the archive reads"),
    ("ppt/presentation.xml", "PowerPoint file (.pptx): not a document format the archive reads"),
)

BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Detected:
    """The content type of a file; `unsupported` says why the archive will not read it."""

    mime: str
    unsupported: str | None = None


def sniff(path: Path) -> Detected:
    """Detect the type of `path` from its bytes; raises ExtractionError for empty or damaged files."""
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    if not head:
        raise ExtractionError("the file is empty")
    if b"%PDF-" in head[:1024]:
        return Detected(PDF)
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    for signature, mime in IMAGES:
        if head.startswith(signature):
            return Detected(mime)
    for signature, mime, why in KNOWN_UNSUPPORTED:
        if head.startswith(signature):
            return Detected(mime, why)
    if head.startswith(BOMS[1:]):  # UTF-16 text carries NUL bytes; decode its head before judging
        encoding = "utf-16"
        sample = head[: len(head) - len(head) % 2].decode(encoding, errors="replace")
    elif b"\x00" in head:
        return Detected("application/octet-stream", "unrecognised binary file: not a document format the archive reads")
    else:
        sample = head.removeprefix(BOMS[0]).decode("latin-1")
    return Detected(HTML if _looks_like_html(sample) else TEXT)


def _sniff_zip(path: Path) -> Detected:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ExtractionError(f"damaged ZIP container (DOCX or other Office file): {exc}") from exc
    if "word/document.xml" in names:
        return Detected(DOCX)
    for member, why in ZIP_MEMBERS_UNSUPPORTED:
        if member in names:
            return Detected("application/zip", why)
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        return Detected(mimetype, "OpenDocument file (.odt/.ods): save it as DOCX or PDF first")
    return Detected("application/zip", "ZIP archive: unpack it and ingest the files inside")


def _looks_like_html(sample: str) -> bool:
    lowered = sample.lstrip("\ufeff \t\r\n").lower()
    if lowered.startswith(("<!doctype html", "<html")):
        return True
    head = lowered[:2048]
    return lowered.startswith("<") and any(tag in head for tag in ("<html", "<head", "<body", "<meta "))
