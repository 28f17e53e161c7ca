"""Reports on the web: `/reports` (a printable page whose figures link to the searches that give them, with
charts), its downloads (`/reports/report.<md|csv|json|docx>`), chart images and `/api/reports`. All cut to
the caller's clearance and audited, through `archive.reports.reporting`."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, jsonify, render_template, request

from archive.reports import charts
from archive.reports.periods import parse_period
from archive.reports.reporting import make_period_report, make_thematic_report, render, render_thematic
from archive.reports.thematic import STATES
from web.auth import role_for
from web.context import clearance, search_index, settings

reports = Blueprint("reports", __name__)
role_for(reports, "reader")
TYPES = {"md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8", "json": "application/json",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "svg": "image/svg+xml"}  # fmt: skip


def _report(fmt: str) -> dict:
    args = request.args
    if args.get("about"):  # a thematic report on one directing document (sơ kết, tổng kết), task states as of today
        return make_thematic_report(settings(), search_index(), args["about"], clearance(), date.today(), fmt=fmt)
    period = parse_period(args.get("period"), args.get("from"), args.get("to"))
    return make_period_report(settings(), search_index(), period, clearance(), fmt=fmt)


@reports.get("/reports")
def page():
    if request.args.get("about"):
        report = _report("html")
        args = {"about": request.args["about"]}
        return render_template("report_about.html", report=report, args=args, states=STATES)
    if not (request.args.get("period") or request.args.get("from")):
        return render_template("report.html", report=None, args={})
    report = _report("html")
    args = {k: v for k, v in request.args.items() if k in ("period", "from", "to")}
    return render_template("report.html", report=report, args=args)


@reports.get("/reports/report.<fmt>")
def download(fmt: str):
    if fmt not in ("md", "csv", "json", "docx"):
        return Response(status=404)
    about = request.args.get("about")
    data = render_thematic(_report(fmt), fmt) if about else render(_report(fmt), fmt)
    stem = f"chuyen-de-{about}" if about else f"bao-cao-{request.args.get('period') or 'ky'}"
    name = "".join(c if c.isascii() and (c.isalnum() or c in "-.") else "-" for c in f"{stem}.{fmt}")
    return Response(data, mimetype=TYPES[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'})


@reports.get("/reports/chart/<name>.svg")
def chart(name: str):
    draw = {"months": charts.months_by_type, "tasks": charts.tasks_by_state}.get(name)
    if draw is None or request.args.get("about"):  # a thematic report has no charts
        return Response(status=404)
    return Response(draw(_report("svg"), "svg"), mimetype=TYPES["svg"])


@reports.get("/api/reports")
def api():
    """The report as JSON (`archive report --format json`)."""
    return jsonify(_report("json"))
