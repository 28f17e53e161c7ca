"""A period's figures: documents issued (by type, issuer and month), registers, tasks, retention and OCR.

Each figure is counted within the reader's clearance by the same means the rest of the archive uses (the
index's facets, the registers' and tasks' grouped counts, the retention rules), and carries the address of
the web search or page that shows the records behind it. Nothing depends on the clock: "as of" is the
period's last day, so the same archive and arguments give the same report."""

from __future__ import annotations

import importlib.util
from urllib.parse import urlencode

from archive.catalog import Catalog
from archive.config import Settings
from archive.followup.counts import unit_counts
from archive.people.access import can_see, may_see
from archive.registers.counts import register_counts
from archive.reports.periods import Period
from archive.retention.classification import due_for_declassification
from archive.retention.disposals import list_disposals
from archive.retention.holds import list_holds
from archive.retention.retention import due_for_disposal
from archive.retention.schedule import load_schedule
from indexer import Clearance, SearchIndex


def search_link(**params: str) -> str:
    return "/?" + urlencode(params)


def issued_counts(index: SearchIndex, issued: str, clearance: Clearance | None) -> tuple[int, dict]:
    """(total, facets) of the records issued in `issued` that the reader may see: `archive search --issued`."""
    result = index.search("", filters={"issued": issued}, limit=1, clearance=clearance)
    return result.total, result.facets


def period_report(
    settings: Settings, catalog: Catalog, index: SearchIndex, period: Period, clearance: Clearance | None
) -> dict:
    total, facets = issued_counts(index, period.issued, clearance)
    issued = {
        "total": total,
        "link": search_link(issued=period.issued),
        "by_type": [{**f, "link": search_link(issued=period.issued, type=f["value"])} for f in facets.get("type", [])],
        "by_issuer": [
            {**f, "link": search_link(issued=period.issued, issuer_exact=f["value"])} for f in facets.get("issuer", [])
        ],
    }
    per_month = []
    for year, month in period.months():
        key = f"{year:04d}-{month:02d}"
        n, month_facets = issued_counts(index, key, clearance)
        by_type = {f["value"]: f["count"] for f in month_facets.get("type", [])}
        per_month.append({"month": key, "total": n, "by_type": dict(sorted(by_type.items()))})
    report = {
        "period": {"label": period.label, "start": period.start.isoformat(), "end": period.end.isoformat()},
        "as_of": period.end.isoformat(),
        "issued": issued,
        "per_month": per_month,
        "registers": _registers(catalog, period, clearance),
    }
    files = _files(catalog, period, clearance)
    if files is not None:
        report["files"] = files
    report["tasks"] = _tasks(catalog, period, clearance)
    report["retention"] = _retention(settings, catalog, period, clearance)
    report["ocr"] = _ocr(catalog, clearance)
    return report


def _registers(catalog: Catalog, period: Period, clearance) -> dict:
    from datetime import timedelta

    counts = register_counts(catalog, period.start, period.end + timedelta(days=1), clearance)
    year = period.start.year
    return {
        "received": counts["in"],
        "sent": counts["out"],
        "links": {"received": f"/registers/in/{year}", "sent": f"/registers/out/{year}"},
    }


def _files(catalog: Catalog, period: Period, clearance) -> dict | None:
    """Hồ sơ opened and closed in the period, once the filing package (archive.filing) is part of the
    archive; None (no section) before. Only files the reader may see are counted."""
    if importlib.util.find_spec("archive.filing") is None:
        return None
    from archive.filing.access import can_see_file
    from archive.filing.store import list_files

    start, end = period.start.isoformat(), period.end.isoformat()
    files = [f for f in list_files(catalog) if can_see_file(clearance, f)]
    return {
        "opened": sum(1 for f in files if start <= (f.opened_at or "")[:10] <= end),
        "closed": sum(1 for f in files if f.closed_on and start <= f.closed_on[:10] <= end),
        "open_at_end": sum(
            1 for f in files if (f.opened_at or "")[:10] <= end and not (f.closed_on and f.closed_on[:10] <= end)
        ),
    }


def _tasks(catalog: Catalog, period: Period, clearance) -> dict:
    units = unit_counts(catalog, period.end, clearance)
    rows = [{"unit": unit, **units[unit], "link": "/followup?" + urlencode({"unit": unit})} for unit in sorted(units)]
    totals = {k: sum(r[k] for r in rows) for k in ("done", "open", "overdue")}
    return {"by_unit": rows, "totals": totals, "link": "/followup"}


def _retention(settings: Settings, catalog: Catalog, period: Period, clearance) -> dict:
    schedule = load_schedule(settings.home)
    visible = [r for r in catalog.iter_records() if can_see(clearance, r)]
    due, _ = due_for_disposal(visible, schedule, period.end)
    declassify, _ = due_for_declassification(visible, schedule, period.end)
    start, end = period.start.isoformat(), period.end.isoformat()
    disposed = [
        d
        for d in list_disposals(catalog.db)
        if start <= d.disposed_at[:10] <= end and may_see(clearance, d.classification, d.compartments)
    ]
    seen = {r.id for r in visible}
    holds = [h for h in list_holds(catalog.db) if h.record_id in seen]
    as_of = urlencode({"as_of": end})
    return {
        "due_for_disposal": len(due),
        "due_for_declassification": len(declassify),
        "disposed": len(disposed),
        "holds": len(holds),
        "links": {
            "due_for_disposal": f"/retention?{as_of}",
            "due_for_declassification": f"/classification?{as_of}",
            "disposed": "/retention",
            "holds": "/retention",
        },
    }


def _ocr(catalog: Catalog, clearance) -> dict:
    def visible(ids: list[int]) -> int:
        return sum(1 for r in catalog.get_many(ids).values() if can_see(clearance, r))

    return {"pending": visible(catalog.ocr_pending()), "needs_review": visible(catalog.ocr_needing_review())}
