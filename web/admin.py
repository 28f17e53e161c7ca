"""The admin area: the audit trail (page, JSON, CSV) and its chain check. Admins only."""

from __future__ import annotations

import io
from datetime import date

from flask import Blueprint, Response, jsonify, render_template, request

from archive.audit import verify_chain
from archive.auditlog import entries, write_csv
from archive.errors import QueryError
from web import catalog
from web.api import int_arg
from web.auth import require

admin = Blueprint("admin", __name__)
PAGE = 100


def _day(name: str) -> date | None:
    raw = request.args.get(name) or ""
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise QueryError(f"{name} must be a date YYYY-MM-DD, not {raw!r}") from None


def _entries(limit: int, offset: int):
    record = request.args.get("record") or ""
    if record and not record.isdigit():
        raise QueryError("record must be a record id")
    return entries(
        catalog().db,
        _day("from"),
        _day("to"),
        action=request.args.get("action") or None,
        actor=request.args.get("actor") or None,
        record_id=int(record) if record else None,
        limit=limit,
        offset=offset,
        newest_first=True,
    )


@admin.get("/admin/audit")
def audit_page():
    require("admin")
    page = int_arg("page", 1, 1, 1_000_000)
    found = _entries(PAGE + 1, (page - 1) * PAGE)
    chain = verify_chain(catalog().db) if request.args.get("verify") else None
    if chain is not None:
        catalog().log_event("audit.verify", None, ok=chain.ok, entries=chain.entries, head=chain.head)
    return render_template(
        "audit.html", entries=found[:PAGE], more=len(found) > PAGE, page=page, args=request.args, chain=chain
    )


@admin.get("/api/audit")
def audit_entries():
    require("admin")
    limit = int_arg("limit", 100, 1, 1000)
    offset = int_arg("offset", 0, 0, 10**9)
    return jsonify({"entries": [e.to_dict() for e in _entries(limit, offset)]})


@admin.get("/api/audit/verify")
def audit_verify():
    require("admin")
    try:
        report = verify_chain(catalog().db, request.args.get("anchor") or None)
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    catalog().log_event("audit.verify", None, ok=report.ok, entries=report.entries, head=report.head)
    return jsonify(report.to_dict())


@admin.get("/admin/audit.csv")
def audit_csv():
    require("admin")
    start, end = _day("from"), _day("to")
    out = io.StringIO()
    count = write_csv(catalog().db, out, start, end)
    catalog().log_event(
        "audit.export", None, entries=count, **{"from": start and start.isoformat(), "to": end and end.isoformat()}
    )
    name = f"audit-{start or 'start'}-{end or date.today()}.csv"
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )
