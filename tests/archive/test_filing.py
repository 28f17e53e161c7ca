"""Hồ sơ through the command line: fonds, the file plan, filing, closing, retention from the closing,
whole-file disposal, suggestions, contents lists, ingest --file and a manifest's file_code, hoso: search."""

from __future__ import annotations

import csv
import io
import json

import pytest

from archive.catalog import Catalog
from tests.conftest import write

PLAN = """code,title,year,heading,unit,keeper,retention,classification,kind,meeting_date
01.KL,Hồ sơ thực hiện Kết luận 10-KL/TU,2016,I. Tổng hợp,Văn phòng,Nguyễn Văn An,5 năm,,,
02.HN,Hội nghị Ban Thường vụ,2016,II. Hội nghị,Văn phòng,Trần Thị Bình,vĩnh viễn,,hội nghị,2016-05-20
01.KL,Hồ sơ cùng mã năm sau,2017,I. Tổng hợp,Văn phòng,,,,,
"""

TEXTS = {
    "kl.txt": "KẾT LUẬN của Ban Thường vụ về công tác văn thư năm 2015, yêu cầu các cấp ủy thực hiện nghiêm.\n",
    "kh.txt": "KẾ HOẠCH thực hiện Kết luận số 10-KL/TU ngày 01/03/2015 của Ban Thường vụ Tỉnh ủy về văn thư.\n",
    "bc.txt": "BÁO CÁO kết quả thực hiện công tác văn thư, lưu trữ của các huyện ủy trong năm 2015.\n",
    "le.txt": "CÔNG VĂN lẻ về việc chuẩn bị hội nghị, không thuộc hồ sơ nào, gửi các ban đảng.\n",
}
MANIFEST = """file,doc_number,issued,title,retention
kl.txt,10-KL/TU,2015-03-01,Kết luận về công tác văn thư,
kh.txt,20-KH/TU,2015-04-01,Kế hoạch thực hiện Kết luận 10-KL/TU,
bc.txt,30-BC/TU,2015-12-01,Báo cáo công tác văn thư,
le.txt,40-CV/TU,2015-06-01,Công văn lẻ,5 years
"""


@pytest.fixture
def planned(cli, tmp_path, settings):
    inbox = tmp_path / "in"
    for name, text in TEXTS.items():
        write(inbox / name, text)
    write(tmp_path / "m.csv", MANIFEST)
    result = cli("ingest", str(inbox), "--manifest", str(tmp_path / "m.csv"), "-q")
    assert result.exit_code == 0, result.output
    assert cli("fonds", "add", "TUQT", "Phông Tỉnh ủy Quảng Trị").exit_code == 0
    write(tmp_path / "plan.csv", PLAN)
    result = cli("files", "plan", "import", str(tmp_path / "plan.csv"))
    assert result.exit_code == 0, result.output
    with Catalog(settings.catalog_path) as catalog:
        return {r.doc_number: r.id for r in catalog.iter_records()}


def test_plan_is_checked_row_by_row_and_loads_nothing_with_errors(cli, tmp_path):
    assert cli("fonds", "add", "TUQT", "Phông Tỉnh ủy").exit_code == 0
    bad = PLAN + "bad/code,Tiêu đề,2016,,,,,,,\n03.X,,2016,,,,,,,\n04.Y,Tiêu đề,20x6,,,,,,,\n01.KL,Lặp mã,2016,,,,,,,\n"
    write(tmp_path / "bad.csv", bad)
    result = cli("files", "plan", "import", str(tmp_path / "bad.csv"))
    assert result.exit_code == 1
    for line in (5, 6, 7, 8):
        assert f"bad.csv:{line}: error" in result.stderr, result.stderr
    assert "nothing was created" in result.stderr
    assert json.loads(cli("files", "list", "--json").stdout)["files"] == []
    write(tmp_path / "good.csv", PLAN)
    dry = cli("files", "plan", "import", str(tmp_path / "good.csv"), "--dry-run")
    assert dry.exit_code == 0 and "3 files, 0 errors" in dry.stdout
    assert json.loads(cli("files", "list", "--json").stdout)["files"] == []
    assert cli("files", "plan", "import", str(tmp_path / "good.csv")).exit_code == 0
    again = cli("files", "plan", "import", str(tmp_path / "good.csv"))
    assert again.exit_code == 1 and "has this code already" in again.stderr
    files = json.loads(cli("files", "list", "--json").stdout)["files"]
    assert sorted(f["ref"] for f in files) == ["TUQT/2016/01.KL", "TUQT/2016/02.HN", "TUQT/2017/01.KL"]
    assert len(json.loads(cli("files", "list", "--year", "2016", "--json").stdout)["files"]) == 2
    meeting = json.loads(cli("files", "show", "02.HN", "--json").stdout)
    assert meeting["kind"] == "meeting" and meeting["meeting_date"] == "2016-05-20"
    assert meeting["retention"] == "permanent" and meeting["keeper"] == "Trần Thị Bình"


def test_a_code_shared_by_two_years_needs_the_year(cli, planned):
    result = cli("files", "show", "01.KL")
    assert result.exit_code == 1 and "several files have the code 01.KL" in result.stderr
    assert cli("files", "show", "2016/01.KL").exit_code == 0
    assert cli("files", "show", "TUQT/2017/01.KL").exit_code == 0
    assert cli("files", "show", "2018/01.KL").exit_code == 1


def test_filing_order_contents_list_and_one_file_per_document(cli, planned, settings):
    kl, kh, bc = planned["10-KL/TU"], planned["20-KH/TU"], planned["30-BC/TU"]
    assert cli("files", "add", "2016/01.KL", str(bc), "10-KL/TU").exit_code == 0
    assert cli("files", "add", "2016/01.KL", str(kh)).exit_code == 0
    shown = json.loads(cli("files", "show", "2016/01.KL", "--json").stdout)
    assert [row["id"] for row in shown["contents"]] == [bc, kl, kh]  # filing order, not date
    assert [row["stt"] for row in shown["contents"]] == [1, 2, 3]
    rows = list(csv.reader(io.StringIO(cli("files", "show", "2016/01.KL", "--csv").stdout)))
    assert rows[0][:3] == ["STT", "Mã", "Số, ký hiệu"] and rows[1][2] == "30-BC/TU" and rows[1][3] == "01/12/2015"
    with Catalog(settings.catalog_path) as catalog:
        before = catalog.db.execute("SELECT count(*) FROM file_items").fetchone()[0]
    second = cli("files", "add", "02.HN", str(planned["40-CV/TU"]), str(kh))
    assert second.exit_code == 1 and f"document {kh} is filed already, in TUQT/2016/01.KL" in second.stderr
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.db.execute("SELECT count(*) FROM file_items").fetchone()[0] == before  # nothing changed
    assert cli("files", "remove", "2016/01.KL", str(kh)).exit_code == 0
    assert cli("files", "add", "02.HN", str(kh)).exit_code == 0


def test_search_filter_and_facet_follow_filing(cli, planned):
    kl, kh = planned["10-KL/TU"], planned["20-KH/TU"]
    assert json.loads(cli("search", "hoso:2016/01.KL", "--json").stdout)["total"] == 0
    assert cli("files", "add", "2016/01.KL", str(kl), str(kh)).exit_code == 0
    found = json.loads(cli("search", "hoso:2016/01.KL", "--json").stdout)
    assert {h["id"] for h in found["hits"]} == {kl, kh} and found["query"] == "hoso:2016/01.KL"
    assert {h["id"] for h in json.loads(cli("search", "van thu file:TUQT/2016/01.KL", "--json").stdout)["hits"]} == {
        kl,
        kh,
    }
    facet = json.loads(cli("search", "van thu", "--json").stdout)["facets"]["file"]
    assert facet == [{"value": "TUQT/2016/01.KL", "code": "01.KL", "title": "Hồ sơ thực hiện Kết luận 10-KL/TU",
                      "count": 2}]  # fmt: skip
    assert json.loads(cli("search", "hoso:NO.SUCH", "--json").stdout)["total"] == 0
    assert cli("reindex").exit_code == 0  # an incremental reindex keeps what filing wrote
    assert json.loads(cli("search", "hoso:2016/01.KL", "--json").stdout)["total"] == 2


def test_closing_reopening_and_retention_from_the_closing(cli, planned, settings):
    kl, kh, le = planned["10-KL/TU"], planned["20-KH/TU"], planned["40-CV/TU"]
    assert cli("files", "add", "2016/01.KL", str(kl), str(kh)).exit_code == 0
    assert cli("files", "close", "2016/01.KL", "--date", "2019-06-30").exit_code == 0
    refused = cli("files", "add", "2016/01.KL", str(le))
    assert refused.exit_code == 1 and "is closed" in refused.stderr
    closed = json.loads(cli("files", "list", "--closed", "--json").stdout)["files"]
    still_open = json.loads(cli("files", "list", "--open", "--unit", "Văn phòng", "--json").stdout)["files"]
    assert [f["ref"] for f in closed] == ["TUQT/2016/01.KL"]
    assert sorted(f["ref"] for f in still_open) == ["TUQT/2016/02.HN", "TUQT/2017/01.KL"]
    # Kept 5 years from 1 January 2020 (the year after closing), not from the documents' own 2015 dates.
    early = json.loads(cli("retention", "due", "--as-of", "2024-12-31", "--json").stdout)
    assert early["files"] == [] and kl not in {r["id"] for r in early["records"]}
    due = json.loads(cli("retention", "due", "--as-of", "2025-01-01", "--json").stdout)
    assert [f["ref"] for f in due["files"]] == ["TUQT/2016/01.KL"] and due["files"][0]["ends"] == "2025-01-01"
    assert [d["id"] for d in due["files"][0]["documents"]] == [kl, kh]
    assert {kl, kh}.isdisjoint(r["id"] for r in due["records"])  # listed as one unit, with the file
    assert le in {r["id"] for r in due["records"]}  # unfiled: today's rule, from its own date
    assert cli("files", "reopen", "2016/01.KL").exit_code == 2  # a reason is required
    assert cli("files", "reopen", "2016/01.KL", "--reason", "bổ sung báo cáo").exit_code == 0
    assert json.loads(cli("retention", "due", "--as-of", "2030-01-01", "--json").stdout)["files"] == []
    with Catalog(settings.catalog_path) as catalog:
        actions = [r[0] for r in catalog.db.execute("SELECT action FROM events WHERE action LIKE 'file.%'")]
        reopen = catalog.db.execute("SELECT detail FROM events WHERE action = 'file.reopen'").fetchone()[0]
    assert actions.count("file.close") == 1 and actions.count("file.reopen") == 1
    assert json.loads(reopen)["reason"] == "bổ sung báo cáo" and json.loads(reopen)["was_closed_on"] == "2019-06-30"


def test_disposing_a_file_is_all_or_nothing_and_refused_by_holds(cli, planned, settings):
    kl, kh = planned["10-KL/TU"], planned["20-KH/TU"]
    assert cli("files", "add", "2016/01.KL", str(kl), str(kh)).exit_code == 0
    authority = ["--authority", "Quyết định số 9-QĐ/VPTU"]
    open_file = cli("retention", "dispose", "--file", "2016/01.KL", *authority)
    assert open_file.exit_code == 1 and "is open" in open_file.stderr
    assert cli("files", "close", "2016/01.KL", "--date", "2019-06-30").exit_code == 0
    alone = cli("retention", "dispose", str(kl), *authority)
    assert alone.exit_code == 1 and "dispose of the whole file" in alone.stderr
    assert cli("hold", "add", str(kh), "--reason", "thanh tra").exit_code == 0
    held = cli("retention", "dispose", "--file", "2016/01.KL", *authority)
    assert held.exit_code == 1 and f"record {kh} is under a legal hold" in held.stderr
    assert cli("hold", "remove", str(kh), "--reason", "xong").exit_code == 0
    assert cli("files", "hold", "2016/01.KL", "--reason", "khiếu nại").exit_code == 0
    file_held = cli("retention", "dispose", "--file", "2016/01.KL", *authority)
    assert file_held.exit_code == 1 and "file TUQT/2016/01.KL is under a legal hold" in file_held.stderr
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.db.execute("SELECT count(*) FROM disposals").fetchone()[0] == 0
    assert cli("files", "hold", "2016/01.KL", "--reason", "xong", "--lift").exit_code == 0
    done = cli("retention", "dispose", "--file", "2016/01.KL", *authority, "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout.splitlines()[0])["disposed"] == [kl, kh]
    with Catalog(settings.catalog_path) as catalog:
        disposals = catalog.db.execute("SELECT record_id, metadata, purged FROM disposals ORDER BY record_id")
        rows = [(r[0], json.loads(r[1])["file"], r[2]) for r in disposals]
        unit = catalog.db.execute("SELECT records, authority FROM file_disposals").fetchall()
        assert catalog.find(kl) is None and catalog.find(kh) is None
    assert sorted(rows) == sorted([(kl, "TUQT/2016/01.KL", 1), (kh, "TUQT/2016/01.KL", 1)])
    assert [(json.loads(r[0]), r[1]) for r in unit] == [([kl, kh], "Quyết định số 9-QĐ/VPTU")]
    assert json.loads(cli("files", "show", "2016/01.KL", "--json").stdout)["status"] == "disposed"
    assert cli("verify").exit_code == 0


def test_suggestions_are_accepted_or_dismissed_never_filed_alone(cli, planned):
    kl, kh = planned["10-KL/TU"], planned["20-KH/TU"]
    assert cli("files", "add", "2016/01.KL", str(kl)).exit_code == 0
    found = json.loads(cli("files", "suggest", "--json").stdout)["suggestions"]
    assert [(s["id"], s["file"]) for s in found] == [(kh, "TUQT/2016/01.KL")]
    assert json.loads(cli("files", "show", "2016/01.KL", "--json").stdout)["documents"] == 1  # nothing filed alone
    assert cli("files", "suggest", "--dismiss", str(kh), "2016/01.KL").exit_code == 0
    assert json.loads(cli("files", "suggest", "--json").stdout)["suggestions"] == []
    assert cli("files", "suggest", "--accept", str(kh), "2016/01.KL").exit_code == 0
    assert json.loads(cli("files", "show", "2016/01.KL", "--json").stdout)["documents"] == 2


def test_ingest_files_into_a_file_and_by_manifest_column(cli, planned, tmp_path):
    more = tmp_path / "more"
    write(more / "a.txt", "TỜ TRÌNH đề nghị hội nghị xem xét báo cáo văn thư lưu trữ năm 2016.\n")
    result = cli("ingest", str(more), "--file", "2016/02.HN", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.splitlines()[-1])["summary"]
    assert summary["filed"] == 1
    assert json.loads(cli("files", "show", "2016/02.HN", "--json").stdout)["documents"] == 1
    wrong = cli("ingest", str(more), "--file", "2016/NO.SUCH")
    assert wrong.exit_code == 1 and "file 2016/NO.SUCH not found" in wrong.stderr
    other = tmp_path / "other"
    write(other / "b.txt", "BIÊN BẢN hội nghị Ban Thường vụ ngày 20/5/2016 về công tác văn thư.\n")
    write(tmp_path / "m2.csv", "file,file_code,title\nb.txt,2016/02.HN,Biên bản hội nghị\n")
    assert cli("ingest", str(other), "--manifest", str(tmp_path / "m2.csv"), "-q").exit_code == 0
    assert json.loads(cli("files", "show", "2016/02.HN", "--json").stdout)["documents"] == 2


def test_a_meeting_files_agenda_order(cli, planned):
    kl, kh, bc = planned["10-KL/TU"], planned["20-KH/TU"], planned["30-BC/TU"]
    assert cli("files", "add", "02.HN", str(kl), str(kh), str(bc)).exit_code == 0
    assert cli("files", "order", "02.HN", str(bc), str(kl), str(kh)).exit_code == 0
    rows = json.loads(cli("files", "show", "02.HN", "--json").stdout)["contents"]
    assert [r["id"] for r in rows] == [bc, kl, kh]
    partial = cli("files", "order", "02.HN", str(kl), str(kh))
    assert partial.exit_code == 1 and "name every document" in partial.stderr
    assert [r["id"] for r in json.loads(cli("files", "show", "02.HN", "--json").stdout)["contents"]] == [bc, kl, kh]
