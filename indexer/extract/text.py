"""Plain text: UTF-8, UTF-8/UTF-16 with a byte-order mark, or Windows-1258."""

from __future__ import annotations

from pathlib import Path

from archive.errors import ExtractionError
from archive.models import ExtractedText

BOM_CODECS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> tuple[str, str]:
    """(text, codec name): a BOM decides; otherwise strict UTF-8, then Windows-1258."""
    for bom, codec in BOM_CODECS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise ExtractionError(
                    f"the file starts with a {codec} byte-order mark but is not {codec}: {exc}"
                ) from exc
    for codec in ("utf-8", "cp1258"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise ExtractionError("unknown text encoding: not UTF-8, UTF-16 or Windows-1258")


def extract(path: Path) -> ExtractedText:
    content, codec = decode(path.read_bytes())
    return ExtractedText(text=content, extractor=f"text:{codec}")
