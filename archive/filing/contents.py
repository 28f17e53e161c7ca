"""A file's contents list (mục lục văn bản): the documents in filing order, numbered, as a page, a print and
a CSV show them. Only documents the reader may see are listed, numbered without gaps."""

from __future__ import annotations

import csv
import io

from archive.filing.filing import FileView

CSV_COLUMNS = ("stt", "id", "doc_number", "issued", "title", "issuer", "pages", "doc_type")
CSV_HEADER_VI = ("STT", "Mã", "Số, ký hiệu", "Ngày tháng", "Trích yếu nội dung", "Tác giả", "Số tờ", "Loại")


def contents_rows(view: FileView) -> list[dict]:
    return [
        {
            "stt": n,
            "id": r.id,
            "doc_number": r.doc_number,
            "issued": r.issued,
            "title": r.title,
            "issuer": r.issuer,
            "pages": r.pages,
            "doc_type": r.doc_type,
        }
        for n, r in enumerate(view.records, 1)
    ]


def dd_mm_yyyy(iso: str | None) -> str:
    if not iso or len(iso) < 10:
        return iso or ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def contents_csv(view: FileView) -> str:
    """UTF-8 CSV (with BOM, as Excel opens it) headed in Vietnamese, dates dd/mm/yyyy."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER_VI)
    for row in contents_rows(view):
        values = {**row, "issued": dd_mm_yyyy(row["issued"])}
        writer.writerow(["" if values[c] is None else values[c] for c in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()
