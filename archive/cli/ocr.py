"""`archive ocr`: read the scans that wait for OCR, list OCR that needs a person's review, and clear the
flag once a person has checked a record (--reviewed)."""

from __future__ import annotations

import sys

import click

from archive.cli import (
    EXIT_FAILED,
    background_job,
    broker_option,
    fail_on_archive_errors,
    json_option,
    main,
    print_json,
    progress,
    wait_option,
)
from archive.cli.logs import RUN, say
from archive.config import Settings


class PageProgress:
    """`on_pages` for the pipeline: a bar of OCR pages whose total grows as scans are planned. It appears
    with the first scan (a batch without scans shows none), and never on a pipe."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None

    def __call__(self, planned: int, done: int) -> None:
        if self.bar is None:
            self.bar = progress(0, "page", self.quiet)
            self.bar.set_description("OCR")
        if planned:
            self.bar.total += planned
            self.bar.refresh()
        if done:
            self.bar.update(done)

    def write(self, message: str) -> None:
        from tqdm import tqdm

        tqdm.write(message, file=sys.stderr)  # above the bars, when there are any

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@main.command()
@click.option("--pending", is_flag=True, help="OCR the scans archived while Tesseract was missing, and index them.")
@click.option("--low-confidence", is_flag=True, help="List OCR'd records flagged needs_review.")
@click.option("--reviewed", is_flag=True, help="Clear needs_review on the records named: a person has checked them.")
@click.option("--note", default="", help="With --reviewed: what was checked or corrected (kept in the audit trail).")
@click.option("--threshold", type=click.FloatRange(0, 100), help="With --pending: mean confidence to flag below.")
@click.option("--workers", type=click.IntRange(1, 64), help="OCR processes (default: one per core).")
@json_option
@click.option("-q", "--quiet", is_flag=True, help="No output when every scan was read.")
@broker_option
@wait_option
@click.argument("record_ids", metavar="[ID]...", nargs=-1, type=click.IntRange(0))
@click.pass_obj
@fail_on_archive_errors
@background_job
def ocr(
    settings: Settings,
    pending: bool,
    low_confidence: bool,
    reviewed: bool,
    note: str,
    threshold: float | None,
    workers: int | None,
    as_json: bool,
    quiet: bool,
    broker: str | None,
    wait: float,
    record_ids: tuple[int, ...],
) -> None:
    """OCR scans later (--pending), list records whose OCR needs review (--low-confidence), or clear the
    flag on records a person has checked (--reviewed ID... [--note TEXT])."""
    if pending + low_confidence + reviewed != 1:
        raise click.UsageError("give one of --pending, --low-confidence or --reviewed ID...")
    if reviewed and not record_ids:
        raise click.UsageError("--reviewed needs the ids of the records checked")
    if record_ids and not reviewed:
        raise click.UsageError("record ids go with --reviewed")
    if note and not reviewed:
        raise click.UsageError("--note goes with --reviewed")
    if reviewed:
        _mark_reviewed(settings.with_(lock_wait=wait), list(record_ids), note, as_json, quiet)
        return
    if low_confidence:
        _list_low_confidence(settings, as_json)
        return
    from archive.pipeline.ocr import ocr_pending

    overrides = {"workers": workers, "ocr_min_confidence": threshold, "broker": broker or None}
    settings = settings.with_(lock_wait=wait, **{k: v for k, v in overrides.items() if v is not None})
    pages = PageProgress(quiet)

    def on_record(line: dict) -> None:
        problem = line["status"] == "failed" or line["needs_review"]
        if problem:
            RUN.warning("%s: record %s: %s", line["status"], line["id"], line["reason"])
        if as_json:
            print_json(line)
        elif problem:
            pages.write(f"{line['status']}: record {line['id']}: {line['reason']}")

    try:
        summary = ocr_pending(settings, on_pages=pages, on_record=on_record)
    finally:
        pages.close()
    if as_json:
        print_json({"summary": summary.to_dict()})
    say(
        f"ocr: {summary.records} pending scans, {summary.done} read ({summary.pages} pages), "
        f"{summary.failed} failed, {summary.needs_review} need review ({summary.seconds:.1f} s)",
        as_json or (quiet and not summary.failed),
    )
    sys.exit(EXIT_FAILED if summary.failed else 0)


def _list_low_confidence(settings: Settings, as_json: bool) -> None:
    from archive.pipeline.ocr import low_confidence

    rows = low_confidence(settings)
    if as_json:
        print_json({"records": rows})
        return
    for row in rows:
        confidence = "–" if row["confidence"] is None else f"{row['confidence']:.1f}"
        click.echo(f"{row['id']:>6}  {confidence:>5}  {row['filename']}  {row['title'] or ''}")
        click.echo(f"        {row['reason']}")
    click.echo(f"{len(rows)} records need review (archive show ID; the original: archive export ID)")


def _mark_reviewed(settings: Settings, record_ids: list[int], note: str, as_json: bool, quiet: bool) -> None:
    from archive.pipeline.ocr import mark_reviewed

    rows = mark_reviewed(settings, record_ids, note)
    if as_json:
        print_json({"reviewed": rows})
        return
    for row in rows:
        confidence = "–" if row["confidence"] is None else f"{row['confidence']:.1f}"
        say(f"reviewed: record {row['id']} (confidence {confidence}): {row['reason'] or ''}", quiet)
    say(f"ocr: {len(rows)} records marked reviewed", quiet)
