"""A thematic report on one directing document (`--about 57-NQ/TW`): the document, every document citing it
by issuer and date, its follow-up tasks and their state, and the lead units with no implementing document
yet — the material for a preliminary or final review (sơ kết, tổng kết). Cut to the reader's clearance."""

from __future__ import annotations

import csv
import io
from datetime import date

from archive.catalog import Catalog
from archive.errors import NotFoundError
from archive.followup.listing import list_tasks
from archive.messages import Message
from archive.people.access import can_see
from archive.reports.figures import search_link
from indexer import Clearance, SearchIndex
from indexer.normalize import fold


def _folded(text: str | None) -> str:
    return fold(text or "").lower()


def thematic_report(
    catalog: Catalog, index: SearchIndex, symbol: str, clearance: Clearance | None, as_of: date
) -> dict:
    found = index.search("", filters={"number": symbol}, limit=1, sort="issued_asc", facets=False, clearance=clearance)
    if not found.hits:
        raise NotFoundError(Message("no document %(symbol)s in the archive", symbol=symbol))
    record = catalog.get(found.hits[0].id)
    citing_ids = [c["id"] for c in catalog.cited_by(record)]
    citing = [r for r in catalog.get_many(citing_ids).values() if can_see(clearance, r)]
    citing.sort(key=lambda r: (r.issuer or "", r.issued or "", r.id))
    documents = [
        {"id": r.id, "issuer": r.issuer, "issued": r.issued, "doc_number": r.doc_number, "title": r.title,
         "link": f"/records/{r.id}"}
        for r in citing
    ]  # fmt: skip
    tasks = list_tasks(catalog, clearance, record_id=record.id, as_of=as_of)
    task_rows = [
        {"task": t.task, "lead": t.lead, "due": t.due, "status": _state(t, as_of), "done_at": t.done_at} for t in tasks
    ]
    issuers = [_folded(r.issuer) for r in citing]
    leads = sorted({t.lead for t in tasks if t.lead})
    silent = [u for u in leads if not any(_folded(u) in i for i in issuers)]
    return {
        "about": {
            "id": record.id,
            "doc_number": record.doc_number,
            "title": record.title,
            "issued": record.issued,
            "issuer": record.issuer,
            "link": f"/records/{record.id}",
        },
        "as_of": as_of.isoformat(),
        "citing": documents,
        "citing_link": search_link(q=record.doc_number or symbol),
        "tasks": task_rows,
        "units_without_document": silent,
    }


def _state(task, as_of: date) -> str:
    if task.status != "open":
        return task.status
    return "overdue" if task.due < as_of.isoformat() else "open"


def thematic_markdown(report: dict) -> str:
    a = report["about"]
    lines = [
        f"# Tình hình thực hiện {a['doc_number']}",
        "",
        f"{a['title'] or ''} ({a['issuer'] or ''}, {a['issued'] or ''})",
        "",
    ]
    lines += [f"## Văn bản triển khai ([{len(report['citing'])}]({report['citing_link']}))", ""]
    lines += ["| Cơ quan | Ngày | Số, ký hiệu | Trích yếu |", "|---|---|---|---|"]
    lines += [f"| {d['issuer'] or ''} | {d['issued'] or ''} | {d['doc_number'] or ''} | {d['title'] or ''} |"
              for d in report["citing"]]  # fmt: skip
    lines += ["", "## Nhiệm vụ", "", "| Nhiệm vụ | Đơn vị chủ trì | Hạn | Tình trạng |", "|---|---|---|---|"]
    lines += [f"| {t['task']} | {t['lead']} | {t['due']} | {t['status']} |" for t in report["tasks"]]
    lines += ["", "## Đơn vị chưa có văn bản triển khai", ""]
    lines += [f"- {u}" for u in report["units_without_document"]] or ["- (không có)"]
    return "\n".join(lines) + "\n"


STATES = {"open": "Đang thực hiện", "overdue": "Quá hạn", "done": "Đã xong", "cancelled": "Đã hủy"}


def thematic_csv(report: dict) -> str:
    """One row per line of the report: (section, item, unit, date, detail, link)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", "item", "unit", "date", "detail", "link"])
    a = report["about"]
    writer.writerow(["about", a["doc_number"] or "", a["issuer"] or "", a["issued"] or "", a["title"] or "", a["link"]])
    for d in report["citing"]:
        writer.writerow(["citing", d["doc_number"] or "", d["issuer"] or "", d["issued"] or "", d["title"] or "",
                         d["link"]])  # fmt: skip
    for t in report["tasks"]:
        writer.writerow(["task", t["task"], t["lead"] or "", t["due"] or "", t["status"], ""])
    for unit in report["units_without_document"]:
        writer.writerow(["unit_without_document", "", unit, "", "", ""])
    return buffer.getvalue()
