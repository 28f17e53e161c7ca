"""Declassification review: protection periods by level, editable; declassifying is an audited edit."""

import json
from datetime import date

from archive.catalog import Catalog
from archive.models import Record
from archive.retention.classification import due_for_declassification, protection_ends
from archive.retention.schedule import default_schedule, schedule_path
from tests.conftest import write

BASE = {"sha256": "a" * 64, "size": 1, "mime": "text/plain", "filename": "a.txt", "ingested_at": "", "updated_at": ""}


def record(record_id: int, classification: str, issued: str | None) -> Record:
    return Record(id=record_id, rev=1, classification=classification, issued=issued, **BASE)


def test_protection_periods_are_30_20_10_years_from_the_records_date():
    records = [
        record(1, "top_secret", "1995-06-01"),  # ends 2025-06-01
        record(2, "secret", "2005-06-02"),  # ends 2025-06-02
        record(3, "confidential", "2015-05-31"),  # ends 2025-05-31
        record(4, "unclassified", "1900-01-01"),
        record(5, "secret", None),
    ]
    due, undated = due_for_declassification(records, default_schedule(), date(2025, 6, 1))
    assert [(r.record.id, r.years, r.ends) for r in due] == [(3, 10, date(2025, 5, 31)), (1, 30, date(2025, 6, 1))]
    assert [r.id for r in undated] == [5]
    assert protection_ends(record(6, "confidential", "2000-02-29"), 10) == date(2010, 2, 28)


def test_review_edit_the_periods_and_declassify_with_an_audited_edit(cli, inbox, tmp_path, settings):
    write(inbox / "mat.txt", "Văn bản mật về hội nghị cải cách.\n")
    write(inbox / "toimat.txt", "Văn bản tối mật về nhân sự.\n")
    manifest = write(
        tmp_path / "m.csv",
        "file,classification,issued\nmat.txt,mật,2010-03-01\ntoimat.txt,tối mật,2009-02-02\n",
    )
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    ids = {line["path"].rsplit("/", 1)[-1]: line["id"] for line in lines[:-1]}
    _, (due,) = cli.json("classification", "due", "--as-of", "2025-01-01")
    assert [(r["id"], r["classification"], r["ends"]) for r in due["records"]] == [
        (ids["mat.txt"], "confidential", "2020-03-01")
    ]
    path = schedule_path(settings.home)
    path.write_text(path.read_text(encoding="utf-8").replace("confidential = 10", "confidential = 20"), "utf-8")
    assert cli.json("classification", "due", "--as-of", "2025-01-01")[1][0]["records"] == []
    assert cli.json("classification", "due", "--as-of", "2029-02-02")[1][0]["records"][0]["id"] == ids["toimat.txt"]
    assert "1 classified records due" in cli("classification", "due", "--as-of", "2029-02-02").stdout

    assert cli("edit", str(ids["toimat.txt"]), "--set", "classification=unclassified").exit_code == 0
    assert cli.json("classification", "due", "--as-of", "2100-01-01")[1][0]["records"][0]["id"] == ids["mat.txt"]
    assert cli.json("search", "", "--classification", "unclassified")[1][0]["total"] == 1
    with Catalog(settings.catalog_path) as catalog:
        row = catalog.db.execute("SELECT actor, detail FROM events WHERE action = 'classification.changed'").fetchone()
    change = json.loads(row["detail"])
    assert change["declassified"] and change["classification"] == {"old": "secret", "new": "unclassified"}
    assert row["actor"]
