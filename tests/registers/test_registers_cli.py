"""Registers through the CLI: numbering per register and year, once, never reused (a disposal leaves its
gap with the reason), classified documents apart, the hour of a flash document, list in Decree 30's
columns (text, CSV, JSON), the gap check for cron, and ingest --register with a manifest's columns."""

from __future__ import annotations

import csv
import io
import sqlite3

from archive.catalog import Catalog
from tests.conftest import write
from tests.registers.docs import ids_by_name, official


def test_numbers_run_per_register_and_year_and_a_document_is_registered_once(cli, settings, inbox):
    official(inbox, "a", "10-CV/TU", "V/v một")
    official(inbox, "b", "11-CV/TU", "V/v hai")
    official(inbox, "c", "12-BC/TU", "về ba", marks="MẬT")
    official(inbox, "d", "13-CV/TU", "V/v bốn")
    ids = ids_by_name(cli, inbox)
    result, (answer,) = cli.json(
        "register", "in", str(ids["a"]), str(ids["b"]), str(ids["c"]), "--received", "30/12/2025 16:00"
    )
    assert result.exit_code == 0, result.output
    got = {r["id"]: (r["register"], r["year"], r["number"]) for r in answer["registered"]}
    assert got == {ids["a"]: ("in", 2025, 1), ids["b"]: ("in", 2025, 2), ids["c"]: ("in-classified", 2025, 1)}
    # A new year starts again at 1.
    result, (answer,) = cli.json("register", "in", str(ids["d"]), "--received", "02/01/2026 08:05")
    assert answer["registered"] == [{"id": ids["d"], "register": "in", "year": 2026, "number": 1}]
    # Registered once: a second time is refused, the others in the batch go on.
    result = cli("register", "out", str(ids["a"]))
    assert result.exit_code == 1 and "is marked incoming" in result.stderr
    result = cli("register", "in", str(ids["a"]), "999")
    assert result.exit_code == 1
    assert "already registered: in 2025 no. 1" in result.stderr and "record 999 not found" in result.stderr
    _, (shown,) = cli.json("show", str(ids["c"]))
    assert shown["register"] == "in-classified" and shown["register_number"] == 1
    assert shown["received"] == "2025-12-30 16:00" and shown["direction"] == "incoming"
    assert shown["provenance"]["register_number"] == "registered"
    with Catalog(settings.catalog_path) as catalog:
        actions = [row[0] for row in catalog.db.execute("SELECT action FROM events WHERE action = 'register'")]
    assert len(actions) == 4


def test_a_flash_document_needs_the_hour_it_arrived(cli, inbox):
    official(inbox, "flash", "20-CV/TU", "V/v gấp", marks="HỎA TỐC")
    ids = ids_by_name(cli, inbox)
    result = cli("register", "in", str(ids["flash"]), "--received", "04/03/2025")
    assert result.exit_code == 1 and "give the hour it was received" in result.stderr
    result, (answer,) = cli.json("register", "in", str(ids["flash"]), "--received", "04/03/2025 7h45")
    assert result.exit_code == 0 and answer["registered"][0]["number"] == 1
    assert cli.json("show", str(ids["flash"]))[1][0]["received"] == "2025-03-04 07:45"
    assert "not a time of day" in cli("register", "in", "1", "--received", "04/03/2025 25:10").stderr


def test_a_disposed_number_stays_a_gap_with_its_reason_and_is_never_given_again(cli, settings, inbox):
    for n in range(3):
        official(inbox, f"d{n}", f"{30 + n}-CV/TU", f"V/v việc {n}", day="ngày 3 tháng 3 năm 2001")
    ids = ids_by_name(cli, inbox)
    ordered = [ids[f"d{n}"] for n in range(3)]
    assert cli("register", "out", *map(str, ordered)).exit_code == 0
    assert cli("edit", str(ordered[2]), "--set", "retention=1").exit_code == 0
    assert cli("retention", "dispose", str(ordered[2]), "--authority", "QĐ số 7-QĐ/VPTU").exit_code == 0
    _, (listed,) = cli.json("register", "list", "--book", "out", "--year", "2001")
    assert [r["number"] for r in listed["rows"]] == [1, 2, 3]
    gone = listed["rows"][2]
    assert gone["symbol"] == "32-CV/TU" and "disposed of on" in gone["gap"] and "QĐ số 7-QĐ/VPTU" in gone["gap"]
    # The number of the disposed record is not given again, and no one can take the entry back.
    official(inbox / "later", "d3", "33-CV/TU", "V/v việc 3", day="ngày 4 tháng 3 năm 2001")
    later = ids_by_name(cli, inbox / "later", "--register", "out")
    _, (listed,) = cli.json("register", "list", "--book", "out", "--year", "2001")
    assert [(r["number"], r["id"]) for r in listed["rows"]][-1] == (4, later["d3"])
    with Catalog(settings.catalog_path) as catalog:
        try:
            catalog.db.execute("DELETE FROM register_entries")
            raise AssertionError("entries were deleted")
        except sqlite3.IntegrityError as exc:
            assert "never taken back" in str(exc)
    # A disposed record's number is explained, not a gap.
    assert cli("register", "check", "--book", "out", "--year", "2001", "--quiet").stdout == ""


def test_check_names_duplicates_and_gaps_in_outgoing_numbers_and_is_silent_when_clean(cli, settings, inbox):
    for number in (412, 414, 415):
        official(inbox, f"bc{number}", f"{number}-BC/TU", f"về việc {number}", day="ngày 5 tháng 6 năm 2025")
    official(inbox, "dup", "415-CV/TU", "V/v trùng số", day="ngày 6 tháng 6 năm 2025")
    ids = ids_by_name(cli, inbox, "--register", "out")
    result = cli("register", "check", "--book", "out", "--year", "2025", "--quiet")
    assert result.exit_code == 1
    assert "out /TU 2025: no 413" in result.stderr
    assert f"out /TU 2025: 415 given more than once (records {ids['bc415']}, {ids['dup']})" in result.stderr
    _, (report,) = cli.json("register", "check", "--book", "out", "--year", "2025")
    assert {(p["kind"], p["number"]) for p in report["problems"]} == {("gap", 413), ("duplicate", 415)}
    # The incoming book has none: silent with --quiet, a line without.
    assert cli("register", "check", "--book", "in", "--year", "2025", "--quiet").output == ""
    assert "no duplicates or gaps" in cli("register", "check", "--book", "in", "--year", "2025").stdout
    # A number missing from the register itself (a damaged catalog) is named too.
    with Catalog(settings.catalog_path) as catalog:
        catalog.db.execute("UPDATE register_entries SET number = 9 WHERE number = 4 AND register = 'out'")
    result = cli("register", "check", "--book", "out", "--year", "2025")
    assert result.exit_code == 1 and "out 2025: no 4" in result.stderr


def test_list_gives_decree_30_columns_as_text_csv_and_json(cli, inbox):
    official(inbox, "kh", "205-KH/TU", "thực hiện Kết luận số 89-KL/TU", day="ngày 2 tháng 4 năm 2025")
    ids = ids_by_name(cli, inbox)
    args = ("--sender", "Văn phòng Trung ương Đảng", "--routed-to", "Ban Tổ chức", "--copies", "2")
    assert cli("register", "in", str(ids["kh"]), "--received", "03/04/2025 09:10", *args).exit_code == 0
    _, (listed,) = cli.json("register", "list", "--book", "in", "--year", "2025")
    (row,) = listed["rows"]
    assert (
        row
        | {
            "number": 1,
            "date": "2025-04-03",
            "received": "2025-04-03 09:10",
            "sender": "Văn phòng Trung ương Đảng",
            "symbol": "205-KH/TU",
            "issued": "2025-04-02",
            "doc_type": "KH",
            "summary": "thực hiện Kết luận số 89-KL/TU",
            "routed_to": "Ban Tổ chức",
            "copies": 2,
            "gap": None,
        }
        == row
    )
    table = list(csv.DictReader(io.StringIO(cli("register", "list", "--book", "in", "--year", "2025", "--csv").stdout)))
    assert table[0]["symbol"] == "205-KH/TU" and table[0]["copies"] == "2" and table[0]["routed_to"] == "Ban Tổ chức"
    text = cli("register", "list", "--book", "in", "--year", "2025").stdout
    assert "Văn phòng Trung ương Đảng" in text and "205-KH/TU" in text
    assert cli.json("register", "list", "--book", "in", "--year", "2024")[1][0]["rows"] == []


def test_ingest_registers_with_the_manifest_columns(cli, inbox, tmp_path):
    official(inbox, "den", "50-CV/VPTW", "V/v đến", marks="THƯỢNG KHẨN")
    official(inbox, "di", "51-BC/TU", "về đi")
    official(inbox, "noibo", "52-TB/TU", "về nội bộ")
    manifest = write(
        tmp_path / "m.csv",
        "file,register,received,sender,copies,direction\n"
        "den.txt,in,05/03/2025 14:20,Văn phòng Trung ương Đảng,3,\n"
        "di.txt,out,,,1,\n"
        "noibo.txt,,,,,nội bộ\n",
    )
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    registered = {line["registered"]["register"]: line["registered"] for line in lines if "registered" in line}
    assert set(registered) == {"in", "out"}
    shown = cli.json("show", str(registered["in"]["id"]))[1][0]
    assert shown["sender"] == "Văn phòng Trung ương Đảng" and shown["copies"] == 3
    assert shown["provenance"]["sender"] == "manifest" and shown["provenance"]["register"] == "registered"
    internal = next(line["id"] for line in lines if line.get("path", "").endswith("noibo.txt"))
    assert cli.json("show", str(internal))[1][0]["direction"] == "internal"
    # A very urgent row without the hour it arrived is refused before anything is archived.
    bad = write(tmp_path / "bad.csv", "file,urgency,received\nden.txt,thượng khẩn,05/03/2025\n")
    result = cli("ingest", str(inbox), "--manifest", str(bad), "--dry-run")
    assert result.exit_code == 1 and "needs the hour" in result.stderr
    assert (
        "register is in or out"
        in cli(
            "ingest",
            str(inbox),
            "--manifest",
            str(write(tmp_path / "b2.csv", "file,register\ndi.txt,sideways\n")),
            "--dry-run",
        ).stderr
    )


def test_an_edit_cannot_leave_a_flash_document_without_its_hour(cli, inbox):
    official(inbox, "flash", "21-CV/TU", "V/v rất gấp", marks="HỎA TỐC")
    official(inbox, "plain", "22-CV/TU", "V/v thường")
    ids = ids_by_name(cli, inbox)
    result = cli("edit", str(ids["flash"]), "--set", "received=04/03/2025")
    assert result.exit_code == 2 and "needs the hour" in result.output
    assert cli("edit", str(ids["flash"]), "--set", "received=04/03/2025 16:45").exit_code == 0
    assert cli("edit", str(ids["plain"]), "--set", "received=04/03/2025").exit_code == 0
    result = cli("edit", str(ids["plain"]), "--set", "urgency=hỏa tốc")
    assert result.exit_code == 2 and "needs the hour" in result.output
    shown = cli.json("show", str(ids["flash"]))[1][0]
    assert shown["received"] == "2025-03-04 16:45" and shown["provenance"]["received"] == "edited"
