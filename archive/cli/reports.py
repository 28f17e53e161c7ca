"""`archive report`: a period's report (Markdown, CSV, JSON, DOCX) or a thematic one (`--about SYMBOL`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from archive.cli import fail_on_archive_errors, main
from archive.config import Settings


@main.command()
@click.option("--period", help="2025-07 (month), 2025-Q3 (quarter), 2025-H1 (half) or 2025 (year).")
@click.option("--from", "start", help="First day, YYYY-MM-DD (with --to, instead of --period).")
@click.option("--to", "end", help="Last day, YYYY-MM-DD.")
@click.option("--about", help="A thematic report on this document, e.g. 57-NQ/TW: who implemented it, tasks, gaps.")
@click.option("--as-of", help="With --about: the day task states are judged on (default today).")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json", "docx"]), default="md", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default="-",
    help="Where to write it ('-' for standard output; DOCX needs a file).",
)  # fmt: skip
@click.pass_obj
@fail_on_archive_errors
def report(settings: Settings, period, start, end, about, as_of, fmt: str, output: Path) -> None:
    """A report for leadership: documents issued by type and issuer, registers, tasks by unit, retention
    and OCR backlog for a period; or, with --about, a resolution's implementation. Same archive, same
    arguments: same bytes."""
    from datetime import date

    from archive.reports.periods import parse_period
    from archive.reports.reporting import make_period_report, make_thematic_report, render, render_thematic
    from indexer import SearchIndex

    if fmt == "docx" and str(output) == "-":
        raise click.UsageError("a DOCX report needs -o FILE.docx")
    index = SearchIndex(settings.index_dir)
    try:
        if about:
            try:
                day = date.fromisoformat(as_of) if as_of else date.today()
            except ValueError:
                raise click.UsageError(f"--as-of takes a date YYYY-MM-DD, not {as_of!r}") from None
            data = render_thematic(make_thematic_report(settings, index, about, None, day, fmt=fmt), fmt)
        else:
            if not period and not (start or end):
                raise click.UsageError("give --period, --from/--to, or --about")
            data = render(make_period_report(settings, index, parse_period(period, start, end), None, fmt=fmt), fmt)
    finally:
        index.close()
    if str(output) == "-":
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
