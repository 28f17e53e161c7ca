"""Retention: the schedule and its periods, what is due, legal holds, and disposal with its record."""

import json
from datetime import date

import pytest

from archive import catalog as archive_catalog
from archive.catalog import RANDOM_IDS_FROM, Catalog
from archive.models import Record
from archive.retention.retention import due_for_disposal, ends_on, report_kind, rule_for
from archive.retention.schedule import default_schedule, load_schedule, parse_schedule, schedule_path
from archive.store import Store
from archive.upkeep.lock import writer_lock
from indexer.index.generations import open_index
from tests.conftest import write

BASE = {"sha256": "a" * 64, "size": 1, "mime": "text/plain", "filename": "a.txt", "ingested_at": "", "updated_at": ""}


def record(**values) -> Record:
    return Record(id=values.pop("id", 1), rev=1, **{**BASE, **values})


@pytest.mark.parametrize(
    ("values", "years", "source"),
    [
        ({"doc_type": "NQ"}, None, "schedule: own NQ"),
        ({"doc_type": "QĐi"}, None, "schedule: own QĐi"),
        ({"doc_type": "BB"}, None, "schedule: own BB"),
        ({"doc_type": "KL"}, None, "schedule: own KL"),
        ({"doc_type": "CV"}, 10, "schedule: own CV"),
        ({"doc_type": "KH"}, 20, "schedule: own KH"),
        ({"doc_type": None}, 20, "schedule: own none"),
        ({"doc_type": "BC", "title": "Báo cáo tổng kết công tác năm 2024"}, None, "schedule: report, annual"),
        ({"doc_type": "BC", "title": "sơ kết 6 tháng thực hiện Chỉ thị"}, 20, "schedule: report, half_year"),
        ({"doc_type": "BC", "title": "tình hình quý III năm 2024"}, 5, "schedule: report, quarterly"),
        ({"doc_type": "BC", "title": "tình hình tháng 3 năm 2024"}, 5, "schedule: report, monthly"),
        ({"doc_type": "BC", "title": "kết quả thực hiện Nghị quyết"}, 20, "schedule: report, other"),
        ({"doc_type": "NQ", "retention": "5 years", "provenance": {"retention": "edited"}}, 5, "record (edited)"),
        ({"doc_type": "CV", "retention": "permanent"}, None, "record (set)"),
    ],
)
def test_periods_from_the_default_schedule_and_the_record(values, years, source):
    rule = rule_for(record(**values), default_schedule())
    assert (rule.years, rule.source) == (years, source)


def test_records_of_other_bodies_follow_the_received_table_once_the_committee_is_named():
    schedule = parse_schedule({**_defaults(), "committee": {"issuers": ["Tỉnh ủy Quảng Trị"], "bodies": ["TU"]}}, "t")
    own = record(doc_type="NQ", issuer="Tinh uy Quang Tri")  # matched without diacritics
    by_symbol = record(doc_type="NQ", doc_number="12-NQ/TU")
    received = record(doc_type="NQ", issuer="Bộ Chính trị", doc_number="57-NQ/TW")
    assert rule_for(own, schedule).permanent and rule_for(by_symbol, schedule).permanent
    assert (rule_for(received, schedule).years, rule_for(received, schedule).source) == (10, "schedule: received NQ")
    assert rule_for(received, default_schedule()).permanent, "with no committee named, everything is its own"


def _defaults() -> dict:
    import tomllib

    from archive.retention.schedule import DEFAULT_TEXT

    return tomllib.loads(DEFAULT_TEXT)


def test_a_period_counts_from_the_first_of_january_after_the_records_date():
    rule = rule_for(record(doc_type="CV"), default_schedule())
    assert ends_on(record(doc_type="CV", issued="2015-01-01"), rule) == date(2026, 1, 1)
    assert ends_on(record(doc_type="CV", issued="2015-12-31"), rule) == date(2026, 1, 1)
    records = [record(id=1, doc_type="CV", issued="2015-06-30"), record(id=2, doc_type="NQ", issued="1990-01-01"),
               record(id=3, doc_type="CV")]  # fmt: skip
    due, undated = due_for_disposal(records, default_schedule(), date(2025, 12, 31))
    assert due == [] and [r.id for r, _ in undated] == [3]
    due, _ = due_for_disposal(records, default_schedule(), date(2026, 1, 1))
    assert [(d.record.id, d.ends) for d in due] == [(1, date(2026, 1, 1))]


def test_report_kinds_in_english_too():
    assert report_kind("Six-month review of Directive 18") == "half_year"
    assert report_kind("Annual report 2024") == "annual"
    assert report_kind("Report for the third quarter") == "quarterly"


def test_the_schedule_file_is_written_once_and_read_on_every_use(settings, cli):
    path = schedule_path(settings.home)
    assert not path.exists()
    assert load_schedule(settings.home).own["CV"] == 10 and path.exists()
    path.write_text(path.read_text(encoding="utf-8").replace("CV = 10", "CV = 3"), encoding="utf-8")
    assert load_schedule(settings.home).own["CV"] == 3
    assert cli("retention", "schedule").stdout.count("CV = 3") == 1
    path.write_text("[own]\nCV = 'forever'\n", encoding="utf-8")
    result = cli("retention", "due")
    assert result.exit_code == 1 and "own.CV must be" in result.stderr
    path.write_text("[own]\nXX = 5\n", encoding="utf-8")
    assert "not a document type code" in cli("retention", "due").stderr


ARCHIVE = {  # name: (type, issued, text)
    "cv-old": ("CV", "2010-05-01", "Công văn cũ về hội nghị tiêu hủy độc nhất chữ khongconnua."),
    "cv-held": ("CV", "2011-05-01", "Công văn cũ đang bị phong tỏa."),
    "nq-old": ("NQ", "1999-05-01", "Nghị quyết vĩnh viễn."),
    "cv-new": ("CV", "2024-05-01", "Công văn mới."),
}


@pytest.fixture
def archive(cli, inbox, tmp_path):
    rows = ["file,doc_type,issued,doc_number,title"]
    for n, (name, (kind, issued, text)) in enumerate(ARCHIVE.items(), start=1):
        write(inbox / f"{name}.txt", text + "\n")
        rows.append(f"{name}.txt,{kind},{issued},{n}-{kind}/TU,{text[:20]}")
    manifest = write(tmp_path / "manifest.csv", "\n".join(rows) + "\n")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    return {line["path"].rsplit("/", 1)[-1].removesuffix(".txt"): line["id"] for line in lines[:-1]}


def test_due_lists_ended_periods_for_review(cli, archive):
    _, (due,) = cli.json("retention", "due", "--as-of", "2025-06-01")
    assert [r["id"] for r in due["records"]] == [archive["cv-old"], archive["cv-held"]]
    assert due["records"][0] | {"retention": "10 years", "ends": "2021-01-01", "hold": None} == due["records"][0]
    _, (later,) = cli.json("retention", "due", "--as-of", "2035-01-01")
    assert archive["cv-new"] in [r["id"] for r in later["records"]]
    assert archive["nq-old"] not in [r["id"] for r in later["records"]], "permanent is never due"


def test_holds_are_added_listed_and_lifted_and_logged(cli, archive, settings):
    held = str(archive["cv-held"])
    assert cli("hold", "add", held, "--reason", "Vụ án số 12/2025").exit_code == 0
    assert cli("hold", "add", held, "--reason", "again").exit_code == 1
    assert cli("hold", "add", "999", "--reason", "x").exit_code == 1
    assert cli("hold", "add", held, "--reason", "  ").exit_code == 1
    _, (listed,) = cli.json("hold", "list")
    assert [(h["id"], h["reason"]) for h in listed["holds"]] == [(int(held), "Vụ án số 12/2025")]
    _, (due,) = cli.json("retention", "due", "--as-of", "2025-06-01")
    assert [r["hold"]["reason"] for r in due["records"] if r["hold"]] == ["Vụ án số 12/2025"]
    assert cli("hold", "remove", held).exit_code == 2, "lifting a hold needs a reason too"
    assert cli("hold", "remove", held, "--reason", "  ").exit_code == 1
    assert cli.json("hold", "list")[1][0]["holds"], "still held"
    assert cli("hold", "remove", held, "--reason", "vụ án đã xong").exit_code == 0
    assert cli("hold", "remove", held, "--reason", "again").exit_code == 1
    with Catalog(settings.catalog_path) as catalog:
        events = catalog.db.execute(
            "SELECT action, detail FROM events WHERE action LIKE 'hold.%' ORDER BY id"
        ).fetchall()
    assert [e["action"] for e in events] == ["hold.add", "hold.remove"]
    assert json.loads(events[1]["detail"])["reason"] == "vụ án đã xong"


def test_disposal_refuses_held_permanent_not_yet_due_and_unknown_records_and_then_disposes_nothing(
    cli, archive, settings
):
    assert cli("hold", "add", str(archive["cv-held"]), "--reason", "thanh tra").exit_code == 0
    asked = [archive[n] for n in ("cv-old", "cv-held", "nq-old", "cv-new")] + [999]
    result, (answer,) = cli.json("retention", "dispose", *map(str, asked), "--authority", "QĐ số 5-QĐ/VPTU")
    assert result.exit_code == 1 and answer["disposed"] == []
    reasons = {r["id"]: r["reason"] for r in answer["refused"]}
    assert "legal hold" in reasons[archive["cv-held"]] and "thanh tra" in reasons[archive["cv-held"]]
    assert "kept permanently" in reasons[archive["nq-old"]]
    assert "until 2035-01-01" in reasons[archive["cv-new"]]
    assert reasons[999] == "record 999 not found"
    assert archive["cv-old"] not in reasons, "it could go, but nothing goes while anything is refused"
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.count() == 4 and catalog.db.execute("SELECT count(*) FROM disposals").fetchone()[0] == 0
    assert cli("retention", "dispose", str(archive["cv-old"]), "--authority", " ").exit_code == 1


def test_disposal_removes_original_text_and_index_entry_and_keeps_a_disposal_record(cli, archive, settings):
    old = archive["cv-old"]
    _, (before,) = cli.json("show", str(old))
    result, (answer,) = cli.json("retention", "dispose", str(old), "--authority", "QĐ số 5-QĐ/VPTU")
    assert result.exit_code == 0 and answer["refused"] == []
    (disposal,) = answer["disposed"]
    assert disposal["id"] == old and disposal["sha256"] == before["sha256"] and disposal["size"] == before["size"]
    assert disposal["authority"] == "QĐ số 5-QĐ/VPTU" and disposal["disposed_by"] and disposal["origin"] == "cli"
    assert disposal["metadata"]["doc_number"] == before["doc_number"] and disposal["retention"].startswith("10 years")
    assert disposal["filename"] == "cv-old.txt" and disposal["disposed_at"].endswith("Z")
    assert not Store(settings.store_dir).exists(before["sha256"])
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.find(old) is None and catalog.texts([old]) == {}
        assert catalog.db.execute("SELECT count(*) FROM citations WHERE record_id = ?", (old,)).fetchone()[0] == 0
        event = catalog.db.execute("SELECT detail FROM events WHERE action = 'disposal'").fetchone()
    assert json.loads(event["detail"])["authority"] == "QĐ số 5-QĐ/VPTU"
    with open_index(settings.index_dir).searcher() as searcher:
        assert b"khongconnua" not in set(searcher.reader().lexicon("body")), "the word left the index files"
        assert old not in {int(i) for i in searcher.reader().column_reader("id")} - _deleted(searcher)
    for name in ("catalog.sqlite3", "catalog.sqlite3-wal"):
        path = settings.home / name
        assert not path.exists() or b"khongconnua" not in path.read_bytes(), f"the text is still in {name}"
    assert cli.json("search", "khongconnua")[1][0]["total"] == 0
    shown = cli("show", str(old))
    assert shown.exit_code == 1 and "was disposed of" in shown.stderr and "QĐ số 5-QĐ/VPTU" in shown.stderr
    assert cli("export", str(old), "-o", "-").exit_code == 1
    assert cli.json("retention", "disposed", str(old))[1][0]["disposals"][0]["sha256"] == before["sha256"]
    assert cli("verify").exit_code == 0, "catalog, store and index still agree"
    assert cli("retention", "dispose", str(old), "--authority", "again").exit_code == 1


def _deleted(searcher) -> set[int]:
    reader = searcher.reader()
    ids = list(reader.column_reader("id"))
    return {int(ids[d]) for d in range(reader.doc_count_all()) if reader.is_deleted(d)}


def test_a_disposed_records_id_is_never_given_again(cli, archive, inbox, monkeypatch):
    highest = max(archive.values())  # SQLite alone would give this id again once its row is gone
    with Catalog(cli.home / "catalog.sqlite3") as catalog, catalog.transaction():  # make it due: old, 1 year
        catalog.db.execute("UPDATE records SET issued = '2001-01-01', retention = '1 years' WHERE id = ?", (highest,))
    assert cli("retention", "dispose", str(highest), "--authority", "QĐ 6").exit_code == 0
    # Random ids: the draw that hits the disposed id is drawn again (the draws are fixed here, so that it does).
    draws = iter([777, highest - RANDOM_IDS_FROM, 12345])  # the batch's id, then the record's two
    monkeypatch.setattr(archive_catalog.secrets, "randbelow", lambda _: next(draws))
    _, lines = cli.json("ingest", str(write(inbox / "later.txt", "Một văn bản đến sau.\n")))
    assert lines[0]["id"] == RANDOM_IDS_FROM + 12345
    monkeypatch.undo()
    monkeypatch.setenv("ARCHIVE_RANDOM_IDS", "0")  # counted ids: the next number after every id ever given
    _, lines = cli.json("ingest", str(write(inbox / "later2.txt", "Một văn bản khác đến sau.\n")))
    assert lines[0]["id"] == max(highest, RANDOM_IDS_FROM + 12345) + 1


def test_disposal_and_holds_wait_for_the_writer_lock(cli, archive, settings):
    with writer_lock(settings.lock_path, command="archive ingest"):
        assert cli("retention", "dispose", str(archive["cv-old"]), "--authority", "QĐ").exit_code == 75
        assert cli("hold", "add", str(archive["cv-old"]), "--reason", "x").exit_code == 75
        assert cli("hold", "remove", str(archive["cv-old"]), "--reason", "x").exit_code == 75
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.find(archive["cv-old"]) is not None


def test_a_disposal_killed_after_its_catalog_commit_is_finished_by_the_next_writer(cli, archive, settings):
    old = archive["cv-old"]
    with Catalog(settings.catalog_path) as catalog:  # the state a kill right after the commit leaves
        sha = catalog.get(old).sha256
        with catalog.transaction():
            catalog.db.execute(
                "INSERT INTO disposals (record_id, disposed_at, actor, origin, authority, sha256, size, filename, "
                "classification, retention, metadata) VALUES (?, 'now', 'x', 'cli', 'QĐ', ?, 1, 'f', "
                "'unclassified', '10 years', '{}')",
                (old, sha),
            )
            catalog.db.execute("DELETE FROM records WHERE id = ?", (old,))
    assert Store(settings.store_dir).exists(sha)
    assert cli("reindex").exit_code == 0  # any writer recovers first
    assert not Store(settings.store_dir).exists(sha)
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.db.execute("SELECT purged FROM disposals").fetchone()[0] == 1
    assert cli.json("search", "khongconnua")[1][0]["total"] == 0 and cli("verify").exit_code == 0


def test_the_bytes_of_a_disposed_record_are_refused_by_ingest_and_the_batch_goes_on(cli, archive, inbox, settings):
    old = archive["cv-old"]
    copy = write(inbox.parent / "again" / "copy-of-cv-old.txt", (inbox / "cv-old.txt").read_bytes())
    write(inbox.parent / "again" / "new.txt", "Một công văn mới đến sau khi tiêu hủy.\n")
    assert cli("retention", "dispose", str(old), "--authority", "QĐ số 5-QĐ/VPTU").exit_code == 0
    result, lines = cli.json("ingest", str(copy.parent))
    assert result.exit_code == 1, "a file was refused: a person must look"
    refused, added, summary = lines[0], lines[1], lines[2]["summary"]
    assert refused["status"] == "failed" and refused["id"] is None
    day = cli.json("retention", "disposed", str(old))[1][0]["disposals"][0]["disposed_at"][:10]
    assert refused["reason"] == (
        f"these bytes were disposed of on {day} under QĐ số 5-QĐ/VPTU (record {old}): "
        "a disposed record is not archived again"
    )
    assert added["status"] == "added" and summary["failed"] == 1 and summary["added"] == 1
    sha = cli.json("retention", "disposed", str(old))[1][0]["disposals"][0]["sha256"]
    assert not Store(settings.store_dir).exists(sha), "the bytes did not come back into the store"
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.find_by_sha(sha) is None and catalog.count() == 4
    assert cli.json("search", "khongconnua")[1][0]["total"] == 0
    plain = cli("ingest", str(copy))
    assert plain.exit_code == 1 and f"copy-of-cv-old.txt: these bytes were disposed of on {day}" in plain.stderr
    assert cli("verify").exit_code == 0
