"""Plain text: UTF-8, UTF-8/UTF-16 with a byte-order mark, Windows-1258, TCVN3 (ABC) or VNI-Windows."""

from __future__ import annotations

from pathlib import Path

from indexer.core.errors import ExtractionError
from indexer.core.messages import Message
from indexer.core.models import ExtractedText
from indexer.reading import legacy

BOM_CODECS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> tuple[str, str]:
    """(text, codec name): a BOM decides; then strict UTF-8 (plain ASCII included); otherwise the 8-bit
    encoding whose reading gives the most well-formed Vietnamese words (`indexer.reading.legacy.detect`)."""
    for bom, codec in BOM_CODECS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise ExtractionError(
                    f"the file starts with a {codec} byte-order mark but is not {codec}: {exc}"
                ) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = legacy.detect(data)
    if found is None:
        raise ExtractionError(Message("unknown text encoding: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI"))
    return found


def extract(path: Path) -> ExtractedText:
    content, codec = decode(path.read_bytes())
    return ExtractedText(text=content, extractor=f"text:{codec}")
