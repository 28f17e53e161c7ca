"""The report use cases for the CLI and the web: build, audit (without its figures, which another auditor
might not be cleared to learn), render."""

from __future__ import annotations

from datetime import date

from archive.catalog import Catalog
from archive.config import Settings
from archive.reports.figures import period_report
from archive.reports.periods import Period
from archive.reports.thematic import thematic_report
from indexer import Clearance, SearchIndex

FORMATS = ("md", "csv", "json", "docx")


def make_period_report(
    settings: Settings, index: SearchIndex, period: Period, clearance: Clearance | None, *, fmt: str = "json"
) -> dict:
    with Catalog(settings.catalog_path) as catalog:
        report = period_report(settings, catalog, index, period, clearance)
        catalog.log_event("report", None, period=period.label, format=fmt)
    return report


def make_thematic_report(
    settings: Settings, index: SearchIndex, symbol: str, clearance: Clearance | None, as_of: date, *, fmt: str = "md"
) -> dict:
    with Catalog(settings.catalog_path) as catalog:
        report = thematic_report(catalog, index, symbol, clearance, as_of)
        catalog.log_event("report.about", None, about=symbol, format=fmt)
    return report


def render(report: dict, fmt: str) -> bytes:
    from archive.reports import render as text

    if fmt == "docx":
        from archive.reports.office import as_docx

        return as_docx(report)
    made = {"md": text.as_markdown, "csv": text.as_csv, "json": text.as_json}[fmt](report)
    return made.encode("utf-8")


def render_thematic(report: dict, fmt: str) -> bytes:
    """A thematic report in one of FORMATS."""
    from archive.reports import thematic

    if fmt == "docx":
        from archive.reports.office import thematic_docx

        return thematic_docx(report)
    if fmt == "json":
        return render(report, "json")
    return {"md": thematic.thematic_markdown, "csv": thematic.thematic_csv}[fmt](report).encode("utf-8")
