"""What a record page shows, as data (the page and `/api/records/<id>/…` share it): status under the
retention schedule and protection periods, the hold, the text a page at a time, what OCR did, and the
preview: the original where the browser can show it, else the searchable PDF OCR made of a scan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from archive.filing.retention import record_retention
from archive.models import Record
from archive.pipeline.ocr import ocr_detail
from archive.retention.classification import protection_ends, protection_years
from archive.retention.holds import find_hold
from archive.retention.schedule import load_schedule
from archive.store import Store
from indexer import pieces
from web.context import catalog, settings
from web.highlighting import exact_pieces

TEXT_PAGE_CHARS = 12_000  # a screenful or five; long reports are read a page at a time
INLINE_TYPES = {"application/pdf": "pdf", "image/png": "image", "image/jpeg": "image", "image/gif": "image"}


def status(record: Record, today: date | None = None) -> dict:
    """`{"hold", "retention": {"period", "rule", "ends", "due"}, "protection": {"years", "ends", "due"}}`."""
    today = today or date.today()
    schedule = load_schedule(settings().home)
    rule, ends = record_retention(catalog(), record, schedule)  # a filed record counts from its file's closing
    years = protection_years(record, schedule)
    protected = protection_ends(record, years) if years is not None else None
    hold = find_hold(catalog().db, record.id)
    return {
        "hold": hold.to_dict() if hold else None,
        "retention": {
            "period": rule.label,
            "rule": rule.source,
            "ends": ends.isoformat() if ends else None,
            "due": bool(ends and ends <= today),
        },
        "protection": None
        if years is None
        else {
            "years": years,
            "ends": protected.isoformat() if protected else None,
            "due": bool(protected and protected <= today),
        },
    }


def split_pages(text: str, size: int | None = None) -> list[str]:
    """The text in pages of about `size` characters, cut at a line break where there is one nearby."""
    size = size or TEXT_PAGE_CHARS
    pages, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut > 0 else end
        pages.append(text[start:end])
        start = end
    return pages or [""]


def text_page(record_id: int, number: int, query: str) -> dict:
    """`{"page", "pages", "chars", "pieces": [[text, matched], …], "matches"}` for page `number` (1-based)."""
    pages = split_pages(catalog().text(record_id))
    number = min(max(1, number), len(pages))
    parts = exact_pieces(pieces(pages[number - 1], query), query) if query.strip() else [(pages[number - 1], False)]
    return {
        "page": number,
        "pages": len(pages),
        "chars": sum(len(p) for p in pages),
        "pieces": parts,
        "matches": sum(1 for _, matched in parts if matched),
    }


def ocr_view(record_id: int) -> dict | None:
    """What OCR did for the record (`archive.pipeline.ocr.ocr_detail`), pages flagged under the site's threshold."""
    return ocr_detail(catalog(), record_id, settings().ocr_min_confidence)


def rendition_of(record: Record) -> Path | None:
    """The searchable PDF OCR made of the record's scan (`store/ab/<sha256>.ocr.pdf`), if there is one."""
    path = Store(settings().store_dir).rendition_path(record.sha256)
    return path if path.is_file() else None


def preview_kind(record: Record) -> str | None:
    """How the browser can show the original: "pdf" (its own viewer), "image", or None."""
    return INLINE_TYPES.get(record.mime)


def preview_of(record: Record) -> tuple[str | None, Path | None]:
    """(kind, searchable PDF) for the record page's preview: the original where the browser can show it;
    else (a TIFF above all: browsers show none) the searchable PDF OCR made, in the PDF viewer; else none."""
    kind = preview_kind(record)
    if kind is not None:
        return kind, None
    rendition = rendition_of(record)
    return ("pdf", rendition) if rendition is not None else (None, None)
