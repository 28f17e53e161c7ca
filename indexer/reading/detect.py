"""Decide what a file is from its content (magic bytes), never from its name.

ZIP and OLE2 containers (DOCX, ODT, XLSX, .doc, .xls …) are told apart by their directories, which a crafted
file can make huge. Ingest reads only a file's head in its own process (`sniff(path, open_containers=False)`
answers ZIP or OLE2) and leaves `open_container` to a worker process, under its time and memory limits.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from indexer.core.errors import ExtractionError
from indexer.core.messages import Message
from indexer.reading import cfb

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
TEXT = "text/plain"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
DOC = "application/msword"
ODT = "application/vnd.oasis.opendocument.text"
RTF = "application/rtf"
ZIP = "application/zip"
OLE = "application/x-ole-storage"
CONTAINERS = (ZIP, OLE)  # what is inside is read by `open_container`, in a worker

HEAD_BYTES = 8192
MIMETYPE_BYTES = 256  # an OpenDocument `mimetype` member is a few dozen bytes

# Scanned pages: read by OCR.
IMAGES = ((b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG), (b"II*\x00", TIFF), (b"MM\x00*", TIFF))


def _not_read(what: str) -> Message:
    return Message("%(what)s: not a document format the archive reads", what=what)


def _unpack(what: str) -> Message:
    return Message("%(what)s: unpack it and ingest the files inside", what=what)


# Formats we recognise but do not read yet: (signature, MIME type, what to tell the person).
KNOWN_UNSUPPORTED = (
    (b"GIF8", "image/gif", _not_read(Message("GIF image"))),
    (b"\x1f\x8b", "application/gzip", _unpack(Message("gzip archive"))),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed", _unpack(Message("7-Zip archive"))),
    (b"Rar!", "application/vnd.rar", _unpack(Message("RAR archive"))),
)

ZIP_MEMBERS_UNSUPPORTED = (
    ("xl/workbook.xml", _not_read(Message("Excel workbook (.xlsx)"))),
    ("ppt/presentation.xml", _not_read(Message("PowerPoint file (.pptx)"))),
)

OLE_STREAMS_UNSUPPORTED = (
    ("Workbook", Message("Excel 97-2003 workbook (.xls)")),
    ("Book", Message("Excel 5/95 workbook (.xls)")),
    ("PowerPoint Document", Message("PowerPoint 97-2003 file (.ppt)")),
)
OFFICE_HINT = "Debian: apt-get install libreoffice-writer-nogui"

BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Detected:
    """The content type of a file; `unsupported` says why the archive will not read it."""

    mime: str
    unsupported: str | None = None


def sniff(path: Path, *, open_containers: bool = True) -> Detected:
    """Detect the type of `path` from its bytes; raises ExtractionError for empty or damaged files.

    With `open_containers=False` only the head is read: a ZIP or OLE2 file is answered as ZIP or OLE, for
    `open_container` to look inside."""
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    if not head:
        raise ExtractionError(Message("the file is empty"))
    if b"%PDF-" in head[:1024]:
        return Detected(PDF)
    if head.startswith(b"PK\x03\x04"):
        return open_container(path, ZIP) if open_containers else Detected(ZIP)
    for signature, mime in IMAGES:
        if head.startswith(signature):
            return Detected(mime)
    if head.startswith(cfb.MAGIC):
        return open_container(path, OLE) if open_containers else Detected(OLE)
    if head.startswith(b"{\\rtf"):
        return _office(RTF, Message("RTF document"))
    for signature, mime, why in KNOWN_UNSUPPORTED:
        if head.startswith(signature):
            return Detected(mime, why)
    if head.startswith(BOMS[1:]):  # UTF-16 text carries NUL bytes; decode its head before judging
        encoding = "utf-16"
        sample = head[: len(head) - len(head) % 2].decode(encoding, errors="replace")
    elif b"\x00" in head:
        return Detected("application/octet-stream", _not_read(Message("unrecognised binary file")))
    else:
        sample = head.removeprefix(BOMS[0]).decode("latin-1")
    return Detected(HTML if _looks_like_html(sample) else TEXT)


def open_container(path: Path, mime: str) -> Detected:
    """What a ZIP or OLE2 file holds: DOCX, ODT, .doc, or a format the archive does not read (`unsupported`)."""
    return _sniff_zip(path) if mime == ZIP else _sniff_ole(path)


def _sniff_zip(path: Path) -> Detected:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            # Read only a small `mimetype`, before the limits on unpacked sizes are checked.
            small = "mimetype" in names and z.getinfo("mimetype").file_size <= MIMETYPE_BYTES
            mimetype = z.read("mimetype").decode("ascii", "replace").strip() if small else ""
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ExtractionError(
            Message("damaged ZIP container (DOCX or other Office file): %(error)s", error=str(exc))
        ) from exc
    if "word/document.xml" in names:
        return Detected(DOCX)
    for member, why in ZIP_MEMBERS_UNSUPPORTED:
        if member in names:
            return Detected(ZIP, why)
    if mimetype == ODT:
        return _office(ODT, Message("OpenDocument text (.odt)"))
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        return Detected(mimetype, Message("OpenDocument file (.odt/.ods): save it as DOCX or PDF first"))
    return Detected(ZIP, _unpack(Message("ZIP archive")))


def office_converter() -> str | None:
    """The LibreOffice command that turns .doc, .odt and .rtf into DOCX, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _office(mime: str, what: str) -> Detected:
    if office_converter():
        return Detected(mime)
    return Detected(
        mime,
        Message(
            "%(what)s: the archive reads it through LibreOffice, which is not installed (%(hint)s)",
            what=what,
            hint=OFFICE_HINT,
        ),
    )


def _sniff_ole(path: Path) -> Detected:
    """OLE2 compound files: a Word document has a WordDocument stream at its root; Excel, PowerPoint,
    installers … have others."""
    names = cfb.root_entries(path)
    if "EncryptedPackage" in names:  # how Office stores a DOCX, XLSX or PPTX saved with a password
        raise ExtractionError(
            Message(
                "the Office document is encrypted with a password (an encrypted DOCX, XLSX or PPTX): "
                "remove the password in Word and ingest that copy"
            )
        )
    if "WordDocument" in names:
        return _office(DOC, Message("Word 97-2003 document (.doc)"))
    for stream, what in OLE_STREAMS_UNSUPPORTED:
        if stream in names:
            return Detected(OLE, _not_read(what))
    return Detected(OLE, Message("legacy Microsoft Office or other OLE2 file: save it as DOCX or PDF first"))


def _looks_like_html(sample: str) -> bool:
    lowered = sample.lstrip("\ufeff \t\r\n").lower()
    if lowered.startswith(("<!doctype html", "<html")):
        return True
    head = lowered[:2048]
    return lowered.startswith("<") and any(tag in head for tag in ("<html", "<head", "<body", "<meta "))
