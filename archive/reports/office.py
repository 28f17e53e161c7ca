"""A period report as a Word document (python-docx) with its charts, byte-identical for the same report:
the core properties carry the period's end instead of the clock, and the zip entries a fixed time."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.shared import Cm

from archive.reports import charts
from archive.reports.render import FILE_LABELS, vn


def as_docx(report: dict) -> bytes:
    p = report["period"]
    doc = Document()
    doc.add_heading(f"Báo cáo công tác văn thư, lưu trữ {p['label']}", 0)
    doc.add_paragraph(f"Từ {vn(p['start'])} đến {vn(p['end'])}; số liệu tính đến {vn(report['as_of'])}.")
    issued = report["issued"]
    doc.add_heading("Văn bản ban hành trong kỳ", 1)
    doc.add_paragraph(f"Tổng số: {issued['total']}")
    _table(doc, ["Loại văn bản", "Số lượng"], [(f["value"], f["count"]) for f in issued["by_type"]])
    _table(doc, ["Cơ quan ban hành", "Số lượng"], [(f["value"], f["count"]) for f in issued["by_issuer"]])
    doc.add_picture(io.BytesIO(charts.months_by_type(report, "png")), width=Cm(16))
    reg = report["registers"]
    doc.add_heading("Văn bản đến, văn bản đi", 1)
    _table(doc, ["Sổ", "Số lượng"], [("Văn bản đến", reg["received"]), ("Văn bản đi", reg["sent"])])
    if "files" in report:
        doc.add_heading("Hồ sơ", 1)
        _table(
            doc,
            ["", "Số lượng"],
            [(FILE_LABELS.get(k, k), v) for k, v in report["files"].items() if isinstance(v, int)],
        )
    doc.add_heading("Theo dõi thực hiện", 1)
    rows = [(r["unit"], r["done"], r["open"], r["overdue"]) for r in report["tasks"]["by_unit"]]
    _table(doc, ["Đơn vị", "Đã xong", "Đang thực hiện", "Quá hạn"], rows)
    doc.add_picture(io.BytesIO(charts.tasks_by_state(report, "png")), width=Cm(16))
    ret = report["retention"]
    doc.add_heading("Bảo quản, tiêu hủy, giải mật", 1)
    _table(
        doc,
        ["", "Số lượng"],
        [
            ("Đến hạn xem xét tiêu hủy", ret["due_for_disposal"]),
            ("Đến hạn xem xét giải mật", ret["due_for_declassification"]),
            ("Đã tiêu hủy trong kỳ", ret["disposed"]),
            ("Đang bị phong tỏa", ret["holds"]),
        ],
    )
    doc.add_heading("Nhận dạng chữ (OCR)", 1)
    _table(doc, ["", "Số lượng"], [("Chờ nhận dạng", report["ocr"]["pending"]),
                                   ("Cần soát lại", report["ocr"]["needs_review"])])  # fmt: skip
    fixed = datetime.fromisoformat(report["as_of"])
    doc.core_properties.created = doc.core_properties.modified = fixed
    doc.core_properties.last_printed = fixed
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue())


def thematic_docx(report: dict) -> bytes:
    """A thematic report (`--about`) as a Word document, byte-identical for the same report."""
    from archive.reports.thematic import STATES

    a = report["about"]
    doc = Document()
    doc.add_heading(f"Tình hình thực hiện {a['doc_number'] or ''}", 0)
    issued = vn(a["issued"]) if a["issued"] else ""
    doc.add_paragraph(f"{a['title'] or ''} ({a['issuer'] or ''}, {issued}); số liệu tính đến {vn(report['as_of'])}.")
    doc.add_heading(f"Văn bản triển khai ({len(report['citing'])})", 1)
    citing = [(d["issuer"] or "", vn(d["issued"]) if d["issued"] else "", d["doc_number"] or "", d["title"] or "")
              for d in report["citing"]]  # fmt: skip
    _table(doc, ["Cơ quan", "Ngày", "Số, ký hiệu", "Trích yếu"], citing)
    doc.add_heading("Nhiệm vụ", 1)
    tasks = [(t["task"], t["lead"] or "", vn(t["due"]) if t["due"] else "", STATES.get(t["status"], t["status"]))
             for t in report["tasks"]]  # fmt: skip
    _table(doc, ["Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Tình trạng"], tasks)
    doc.add_heading("Đơn vị chưa có văn bản triển khai", 1)
    for unit in report["units_without_document"] or ["(không có)"]:
        doc.add_paragraph(unit, style="List Bullet")
    fixed = datetime.fromisoformat(report["as_of"])
    doc.core_properties.created = doc.core_properties.modified = fixed
    doc.core_properties.last_printed = fixed
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _table(doc, header: list[str], rows) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = str(value)


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry stamped 1980-01-01, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
