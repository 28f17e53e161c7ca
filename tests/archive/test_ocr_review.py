"""`archive ocr --reviewed ID… [--note TEXT]`: a person has checked a record's OCR, so its `needs_review`
flag is cleared (all or nothing, under the writer lock), the review is audited with who, when and the note,
and the record leaves the low-confidence list. OCR results are written here: no Tesseract needed."""

from __future__ import annotations

import json

import pytest

from archive.catalog import Catalog
from archive.models import OcrPage, OcrResult
from archive.pipeline.ocr import last_review, ocr_detail
from tests.conftest import run_archive, write


@pytest.fixture
def records(cli, inbox) -> dict[str, int]:
    for name in ("blurred", "faint", "clean"):
        write(inbox / f"{name}.txt", f"Văn bản {name} quét.\n")
    result, lines = cli.json("ingest", str(inbox))
    assert result.exit_code == 0, result.output
    return {line["path"].rsplit("/", 1)[-1].removesuffix(".txt"): line["id"] for line in lines[:-1]}


def save_ocr(settings, record_id: int, confidence: float, needs_review: bool = True) -> None:
    pages = (OcrPage(1, "văn bản", confidence, 40), OcrPage(2, "", None, 0, error="tesseract timed out"))
    reason = f"mean OCR confidence {confidence} is below 70" if needs_review else None
    result = OcrResult("done", "tesseract", "5.3.0", "vie+eng", 300, pages, needs_review=needs_review, reason=reason)
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        catalog.save_ocr(record_id, result)


def low_ids(cli) -> list[int]:
    result, lines = cli.json("ocr", "--low-confidence")
    assert result.exit_code == 0, result.output
    return [row["id"] for row in lines[0]["records"]]


def review_events(settings) -> list[dict]:
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT * FROM events WHERE action = 'ocr.reviewed' ORDER BY id").fetchall()
        return [{**dict(r), "detail": json.loads(r["detail"])} for r in rows]


def test_reviewed_records_leave_the_list_and_the_review_is_audited(settings, cli, records):
    save_ocr(settings, records["blurred"], 41.5)
    save_ocr(settings, records["faint"], 55.0)
    assert low_ids(cli) == [records["blurred"], records["faint"]]
    result = cli("ocr", "--reviewed", str(records["blurred"]), "--note", "  checked against\nthe paper copy ")
    assert result.exit_code == 0, result.output
    assert f"reviewed: record {records['blurred']} (confidence 41.5)" in result.stdout
    assert "1 records marked reviewed" in result.stdout
    assert low_ids(cli) == [records["faint"]]
    [event] = review_events(settings)
    assert event["record_id"] == records["blurred"] and event["origin"] == "cli" and event["actor"]
    assert event["detail"] == {
        "note": "checked against the paper copy",
        "confidence": 41.5,
        "reason": "mean OCR confidence 41.5 is below 70",
    }
    with Catalog(settings.catalog_path) as catalog:
        ocr = catalog.ocr_of(records["blurred"])
        assert not ocr.needs_review and ocr.reason == "mean OCR confidence 41.5 is below 70", "why it was flagged"
        assert [p.page for p in ocr.pages] == [1, 2], "what OCR read is kept"
        detail = ocr_detail(catalog, records["blurred"], 70.0)
        assert detail["reviewed"] == {"by": event["actor"], "at": event["at"], "note": "checked against the paper copy"}
    assert cli("verify").exit_code == 0, "the audit chain holds"


def test_several_at_once_in_json_and_a_fresh_ocr_forgets_the_review(settings, cli, records):
    save_ocr(settings, records["blurred"], 41.5)
    save_ocr(settings, records["faint"], 55.0)
    result, lines = cli.json("ocr", "--reviewed", str(records["faint"]), str(records["blurred"]))
    assert result.exit_code == 0, result.output
    reviewed = [(r["id"], r["note"]) for r in lines[0]["reviewed"]]
    assert reviewed == [(records["faint"], None), (records["blurred"], None)]
    assert low_ids(cli) == []
    save_ocr(settings, records["faint"], 30.0)  # OCR ran again (a re-extraction): flagged anew
    with Catalog(settings.catalog_path) as catalog:
        later = "2999-01-01T00:00:00Z"  # the same second as the review here; a later OCR run is later
        catalog.db.execute("UPDATE ocr SET updated_at = ? WHERE record_id = ?", (later, records["faint"]))
        assert last_review(catalog, records["faint"]) is None, "the review was of the OCR before"
        assert last_review(catalog, records["blurred"])["note"] is None
    assert low_ids(cli) == [records["faint"]]


def test_all_or_nothing_unknown_unflagged_and_usage(settings, cli, records):
    save_ocr(settings, records["blurred"], 41.5)
    save_ocr(settings, records["clean"], 92.0, needs_review=False)
    missing = cli("ocr", "--reviewed", str(records["blurred"]), "99999")
    assert missing.exit_code == 1 and "record 99999 not found" in missing.stderr
    unflagged = cli("ocr", "--reviewed", str(records["blurred"]), str(records["clean"]))
    assert unflagged.exit_code == 1 and f"record {records['clean']} is not flagged for OCR review" in unflagged.stderr
    never = cli("ocr", "--reviewed", str(records["faint"]))
    assert never.exit_code == 1 and "not flagged" in never.stderr, "a record OCR never read"
    assert low_ids(cli) == [records["blurred"]] and review_events(settings) == [], "nothing changed"
    for args in (
        ["--reviewed"],
        [str(records["blurred"])],
        ["--low-confidence", str(records["blurred"])],
        ["--pending", "--reviewed", str(records["blurred"])],
        ["--low-confidence", "--note", "x"],
        [],
    ):
        assert cli("ocr", *args).exit_code == 2, args
    assert low_ids(cli) == [records["blurred"]]


def test_a_busy_archive_exits_75(settings, cli, records):
    save_ocr(settings, records["blurred"], 41.5)
    from archive.upkeep.lock import writer_lock

    with writer_lock(settings.lock_path, command="archive ingest elsewhere"):
        busy = run_archive(settings.home, "ocr", "--reviewed", str(records["blurred"]))
    assert busy.returncode == 75 and "archive ingest elsewhere" in busy.stderr
    assert low_ids(cli) == [records["blurred"]]
    quiet = cli("ocr", "--reviewed", str(records["blurred"]), "-q")
    assert quiet.exit_code == 0 and quiet.stdout == ""
