"""The admin area: the audit trail (page, JSON, CSV) and its chain check. Admins only, and each reads the
trail as their clearance allows (`archive.audit.auditview`): entries about records they may not see are left out,
searches by those who may see more show no query. `archive audit` on the command line reads it whole."""

from __future__ import annotations

import io
from datetime import date

from flask import Blueprint, Response, jsonify, render_template, request

from archive.audit.auditlog import Entry, entries, iter_entries
from archive.audit.auditview import AuditView
from archive.audit.trail import export_entries, verify_trail
from archive.errors import QueryError
from archive.messages import Message
from web.audit_text import describe
from web.auth import role_for
from web.context import catalog, clearance
from web.formats import parse_date
from web.labels import ACTIONS
from web.parsing import int_arg

audit = Blueprint("audit", __name__)
role_for(audit, "admin")
PAGE = 100
FILTERS = ("from", "to", "action", "actor", "record")  # the URL parameters that choose entries


def _day(name: str) -> date | None:
    raw = request.args.get(name) or ""
    if not raw:
        return None
    try:
        return date.fromisoformat(parse_date(raw))  # dd/mm/yyyy as typed on the page, or ISO
    except ValueError:
        raise QueryError(Message("%(name)s must be a date YYYY-MM-DD, not %(value)r", name=name, value=raw)) from None


def _filters() -> dict:
    record = request.args.get("record") or ""
    if record and not record.isdigit():
        raise QueryError(Message("record must be a record id"))
    return {
        "start": _day("from"),
        "end": _day("to"),
        "action": request.args.get("action") or None,
        "actor": request.args.get("actor") or None,
        "record_id": int(record) if record else None,
    }


def _unknown_record(view: AuditView, chosen: dict) -> bool:
    """A record filter naming a record the viewer may not know of answers as one never used: nothing."""
    return chosen["record_id"] is not None and not view.knows(chosen["record_id"])


def _entries(view: AuditView, limit: int, offset: int) -> tuple[list[Entry], bool]:
    """This page's entries as the viewer may read them, and whether the trail goes on (newest first; limit
    and offset count the trail's entries, those withheld too)."""
    chosen = _filters()
    if _unknown_record(view, chosen):
        return [], False
    found = entries(catalog().db, **chosen, limit=limit + 1, offset=offset, newest_first=True)
    return list(view.entries(found[:limit])), len(found) > limit


@audit.get("/admin/audit")
def audit_page():
    view = AuditView(catalog(), clearance())
    page = int_arg("page", 1, 1, 1_000_000)
    found, more = _entries(view, PAGE, (page - 1) * PAGE)
    chain = verify_trail(catalog()) if request.args.get("verify") else None
    chosen = {name: request.args[name] for name in FILTERS if request.args.get(name)}
    # The record column names each record by its symbol (entries left are about records the viewer may see).
    records = catalog().get_many({e.record_id for e in found if e.record_id is not None})
    return render_template(
        "audit.html",
        entries=found,
        records=records,
        describe=describe,
        actions=list(ACTIONS),
        more=more,
        page=page,
        args=request.args,
        filters=chosen,
        chain=chain,
        head=view.head(chain.head) if chain else None,
    )


@audit.get("/api/audit")
def audit_entries():
    limit = int_arg("limit", 100, 1, 1000)
    offset = int_arg("offset", 0, 0, 10**9)
    found, _ = _entries(AuditView(catalog(), clearance()), limit, offset)
    return jsonify({"entries": [e.to_dict() for e in found]})


@audit.get("/api/audit/verify")
def audit_verify():
    try:
        report = verify_trail(catalog(), request.args.get("anchor") or None)
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    return jsonify({**report.to_dict(), "head": AuditView(catalog(), clearance()).head(report.head)})


@audit.get("/admin/audit.csv")
def audit_csv():
    """The entries the page's filters choose, oldest first, as the viewer may read them."""
    view, chosen = AuditView(catalog(), clearance()), _filters()
    out = io.StringIO()
    found = () if _unknown_record(view, chosen) else view.entries(iter_entries(catalog().db, **chosen))
    start, end = chosen["start"], chosen["end"]
    filters = {"action": chosen["action"], "actor": chosen["actor"]}
    export_entries(catalog(), out, found, record_id=chosen["record_id"], filters=filters, start=start, end=end)
    name = f"audit-{start or 'start'}-{end or date.today()}.csv"
    return Response(
        "\ufeff" + out.getvalue(),  # the BOM: spreadsheet programs then read the Vietnamese as UTF-8
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )
