"""A record's file format with a PRONOM identifier (PUID), from the type ingest detected and the file's head.

No well-kept Python library identifies formats offline (fido and siegfried are not packaged for this
platform), so the archive maps the types it detects itself to PUIDs from the table below, reading the
version a PUID depends on (PDF, GIF) from the first bytes of the stored original. `basis` says so:
"table", never "signature".
"""

from __future__ import annotations

import re
from pathlib import Path

# mime → (PUID, name). Versioned formats are refined by `_versioned` from the file's head.
TABLE = {
    "application/pdf": ("fmt/276", "Portable Document Format 1.7"),
    "application/msword": ("fmt/40", "Microsoft Word Document 97-2003"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        "fmt/412",
        "Microsoft Word for Windows 2007 onwards",
    ),
    "application/vnd.oasis.opendocument.text": ("fmt/291", "OpenDocument Text 1.2"),
    "application/rtf": ("fmt/355", "Rich Text Format 1.9"),
    "text/html": ("fmt/96", "Hypertext Markup Language"),
    "text/plain": ("x-fmt/111", "Plain Text File"),
    "image/tiff": ("fmt/353", "Tagged Image File Format"),
    "image/png": ("fmt/13", "Portable Network Graphics 1.2"),
    "image/jpeg": ("fmt/43", "JPEG File Interchange Format 1.01"),
    "image/gif": ("fmt/4", "Graphics Interchange Format 89a"),
}
PDF_VERSIONS = {
    "1.0": "fmt/14",
    "1.1": "fmt/15",
    "1.2": "fmt/16",
    "1.3": "fmt/17",
    "1.4": "fmt/18",
    "1.5": "fmt/19",
    "1.6": "fmt/20",
    "1.7": "fmt/276",
    "2.0": "fmt/1129",
}
PDFA = {  # (part, conformance) → PUID, for the preservation copies
    ("1", "A"): "fmt/95",
    ("1", "B"): "fmt/354",
    ("2", "A"): "fmt/476",
    ("2", "B"): "fmt/477",
    ("2", "U"): "fmt/478",
    ("3", "A"): "fmt/479",
    ("3", "B"): "fmt/480",
}


def identify(mime: str, path: Path | None = None) -> dict:
    """`{"mime", "puid", "name", "basis"}`; puid None for a type outside the table."""
    puid, name = TABLE.get(mime, (None, mime))
    head = _head(path) if path is not None else b""
    if mime == "application/pdf" and (found := re.match(rb"%PDF-(\d\.\d)", head)):
        version = found.group(1).decode()
        puid, name = PDF_VERSIONS.get(version, puid), f"Portable Document Format {version}"
    elif mime == "image/gif" and head.startswith(b"GIF87a"):
        puid, name = "fmt/3", "Graphics Interchange Format 87a"
    return {"mime": mime, "puid": puid, "name": name, "basis": "table"}


def pdfa_format(part: str | None, conformance: str | None) -> dict:
    """The format of a PDF/A copy whose part and conformance were read from its XMP."""
    key = (str(part or ""), (conformance or "").upper())
    name = f"PDF/A-{key[0]}{key[1].lower()}" if part else "PDF/A"
    return {"mime": "application/pdf", "puid": PDFA.get(key), "name": name, "basis": "xmp"}


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(16)
    except OSError:
        return b""
