"""A period report as Markdown (Vietnamese headings, dates dd/mm/yyyy), CSV (section, item, count, link) and
JSON; the same report dict always gives the same bytes."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

FILE_LABELS = {"opened": "Hồ sơ mở trong kỳ", "closed": "Hồ sơ đóng trong kỳ", "open_at_end": "Hồ sơ đang mở cuối kỳ"}


def vn(day: str) -> str:
    return date.fromisoformat(day).strftime("%d/%m/%Y")


def rows(report: dict) -> list[tuple[str, str, int, str]]:
    """Every figure as (section, item, count, link): what the CSV holds and the other renderings show."""
    out = []
    issued = report["issued"]
    out.append(("issued", "total", issued["total"], issued["link"]))
    out += [("issued_by_type", f["value"], f["count"], f["link"]) for f in issued["by_type"]]
    out += [("issued_by_issuer", f["value"], f["count"], f["link"]) for f in issued["by_issuer"]]
    out += [("issued_by_month", m["month"], m["total"], "") for m in report["per_month"]]
    reg = report["registers"]
    out += [("registers", k, reg[k], reg["links"][k]) for k in ("received", "sent")]
    for key, value in report.get("files", {}).items():
        if isinstance(value, int):
            out.append(("files", key, value, ""))
    for row in report["tasks"]["by_unit"]:
        out += [(f"tasks_{k}", row["unit"], row[k], row["link"]) for k in ("done", "open", "overdue")]
    ret = report["retention"]
    out += [("retention", k, ret[k], ret["links"][k]) for k in ("due_for_disposal", "due_for_declassification",
                                                                 "disposed", "holds")]  # fmt: skip
    out += [("ocr", k, report["ocr"][k], "/admin/ocr") for k in ("pending", "needs_review")]
    return out


def as_csv(report: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", "item", "count", "link"])
    writer.writerows(rows(report))
    return buffer.getvalue()


def as_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def as_markdown(report: dict) -> str:
    p = report["period"]
    lines = [f"# Báo cáo công tác văn thư, lưu trữ {p['label']}", ""]
    lines += [f"Từ {vn(p['start'])} đến {vn(p['end'])}; số liệu tính đến {vn(report['as_of'])}.", ""]
    issued = report["issued"]
    lines += ["## Văn bản ban hành trong kỳ", "", f"Tổng số: [{issued['total']}]({issued['link']})", ""]
    lines += ["| Loại văn bản | Số lượng |", "|---|---:|"]
    lines += [f"| {f['value']} | [{f['count']}]({f['link']}) |" for f in issued["by_type"]]
    lines += ["", "| Cơ quan ban hành | Số lượng |", "|---|---:|"]
    lines += [f"| {f['value']} | [{f['count']}]({f['link']}) |" for f in issued["by_issuer"]]
    lines += ["", "| Tháng | Số lượng |", "|---|---:|"]
    lines += [f"| {m['month'][5:]}/{m['month'][:4]} | {m['total']} |" for m in report["per_month"]]
    reg = report["registers"]
    lines += ["", "## Văn bản đến, văn bản đi", ""]
    lines += [f"- Văn bản đến: [{reg['received']}]({reg['links']['received']})"]
    lines += [f"- Văn bản đi: [{reg['sent']}]({reg['links']['sent']})"]
    if "files" in report:
        lines += ["", "## Hồ sơ", ""]
        lines += [f"- {FILE_LABELS.get(k, k)}: {v}" for k, v in report["files"].items() if isinstance(v, int)]
    tasks = report["tasks"]
    lines += [
        "",
        "## Theo dõi thực hiện",
        "",
        "| Đơn vị | Đã xong | Đang thực hiện | Quá hạn |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {r['unit']} | {r['done']} | {r['open']} | {r['overdue']} |" for r in tasks["by_unit"]]
    t = tasks["totals"]
    lines += [f"| Tổng | {t['done']} | {t['open']} | {t['overdue']} |"]
    ret = report["retention"]
    lines += ["", "## Bảo quản, tiêu hủy, giải mật", ""]
    lines += [f"- Đến hạn xem xét tiêu hủy: [{ret['due_for_disposal']}]({ret['links']['due_for_disposal']})"]
    lines += [f"- Đến hạn xem xét giải mật: [{ret['due_for_declassification']}]"
              f"({ret['links']['due_for_declassification']})"]  # fmt: skip
    lines += [f"- Đã tiêu hủy trong kỳ: {ret['disposed']}", f"- Đang bị phong tỏa (giữ lại): {ret['holds']}"]
    ocr = report["ocr"]
    lines += ["", "## Nhận dạng chữ (OCR)", ""]
    lines += [f"- Chờ nhận dạng: {ocr['pending']}", f"- Cần soát lại: {ocr['needs_review']}", ""]
    return "\n".join(lines)
