"""`archive report`: figures equal the search's facets, byte-identical output in every format, charts in the
DOCX, a thematic report on a resolution; and on the web, cut to the reader's clearance and audited."""

import io
import json
import zipfile

import pytest

from archive.catalog import Catalog
from tests.conftest import write
from tests.web.browser import Http
from tests.web.conftest import add_user

FILES = {  # name: (type, issued, classification, issuer, text)
    "nq57": ("NQ", "2024-12-22", "unclassified", "Bộ Chính trị", "Nghị quyết về khoa học, công nghệ."),
    "kh1": ("KH", "2025-07-10", "unclassified", "Tỉnh ủy Quảng Trị", "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW."),
    "bc1": ("BC", "2025-08-05", "unclassified", "Huyện ủy Gio Linh", "Báo cáo về Nghị quyết số 57-NQ/TW."),
    "bc2": ("BC", "2025-09-30", "secret", "Tỉnh ủy Quảng Trị", "Báo cáo mật về Nghị quyết số 57-NQ/TW."),
    "cv1": ("CV", "2025-10-01", "unclassified", "Văn phòng Tỉnh ủy", "Công văn ngoài kỳ."),
}
NUMBERS = {"nq57": "57-NQ/TW", "kh1": "12-KH/TU", "bc1": "30-BC/HU", "bc2": "31-BC/TU", "cv1": "9-CV/VPTU"}


@pytest.fixture
def ids(cli, inbox, tmp_path):
    rows = ["file,doc_type,issued,classification,issuer,doc_number"]
    for name, (kind, issued, level, issuer, text) in FILES.items():
        write(inbox / f"{name}.txt", text + "\n")
        rows.append(f"{name}.txt,{kind},{issued},{level},{issuer},{NUMBERS[name]}")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(write(tmp_path / "m.csv", "\n".join(rows) + "\n")))
    assert result.exit_code == 0, result.output
    return {line["path"].rsplit("/", 1)[-1].removesuffix(".txt"): line["id"] for line in lines[:-1]}


def test_each_per_type_count_equals_the_search_facet(cli, ids):
    for period, issued in (("2025-Q3", "2025-07-01..2025-09-30"), ("2025-H2", "2025-07-01..2025-12-31")):
        result = cli("report", "--period", period, "--format", "json")
        report = json.loads(result.stdout)
        _, (found,) = cli.json("search", "", "--issued", issued, "--facets")
        facets = {f["value"]: f["count"] for f in found["facets"]["type"]}
        assert {f["value"]: f["count"] for f in report["issued"]["by_type"]} == facets
        assert report["issued"]["total"] == found["total"]
    assert facets == {"BC": 2, "KH": 1, "CV": 1}


def test_same_archive_same_arguments_same_bytes(cli, ids, tmp_path):
    for fmt in ("md", "csv", "json"):
        first, second = (
            cli("report", "--period", "2025-Q3", "--format", fmt),
            cli("report", "--period", "2025-Q3", "--format", fmt),
        )
        assert first.exit_code == 0 and first.stdout_bytes == second.stdout_bytes, fmt
    one, two = tmp_path / "a.docx", tmp_path / "b.docx"
    assert cli("report", "--period", "2025-Q3", "--format", "docx", "-o", str(one)).exit_code == 0
    assert cli("report", "--period", "2025-Q3", "--format", "docx", "-o", str(two)).exit_code == 0
    assert one.read_bytes() == two.read_bytes()
    names = zipfile.ZipFile(io.BytesIO(one.read_bytes())).namelist()
    assert sum(n.startswith("word/media/") and n.endswith(".png") for n in names) == 2, "both charts are in the DOCX"
    markdown = cli("report", "--period", "2025-07").stdout
    assert "[1](/?issued=2025-07-01..2025-07-31&type=KH)" in markdown and "10/07/2025" not in markdown
    assert "Từ 01/07/2025 đến 31/07/2025" in markdown
    for bad in (["--period", "2025-Q5"], ["--from", "2025-09-01", "--to", "2025-01-01"], []):
        assert cli("report", *bad).exit_code != 0, bad
    assert cli("report", "--period", "2025", "--format", "docx").exit_code == 2, "a DOCX needs a file"


def test_thematic_report_lists_citing_documents_tasks_and_silent_units(cli, ids, settings):
    for lead, due in (("Huyện ủy Gio Linh", "2025-09-01"), ("Huyện ủy Cam Lộ", "2025-10-01")):
        added = cli("followup", "add", "57-NQ/TW", "--task", "Xây dựng kế hoạch", "--lead", lead, "--due", due)
        assert added.exit_code == 0, added.output
    result = cli("report", "--about", "57-NQ/TW", "--as-of", "2025-12-31", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["about"]["id"] == ids["nq57"]
    assert [d["id"] for d in report["citing"]] == [ids["bc1"], ids["kh1"], ids["bc2"]], "by issuer, then date"
    assert [(t["lead"], t["status"]) for t in report["tasks"]] == [
        ("Huyện ủy Gio Linh", "overdue"),
        ("Huyện ủy Cam Lộ", "overdue"),
    ]
    assert report["units_without_document"] == ["Huyện ủy Cam Lộ"], "Gio Linh has its report"
    markdown = cli("report", "--about", "57-NQ/TW", "--as-of", "2025-12-31").stdout
    assert "## Đơn vị chưa có văn bản triển khai" in markdown and "- Huyện ủy Cam Lộ" in markdown
    assert cli("report", "--about", "99-NQ/TW").exit_code == 1


def test_the_web_report_is_cut_to_clearance_links_its_figures_and_is_audited(server, cli, ids, settings):
    reader = Http(server, add_user(cli, "doc", "reader", "unclassified")["token"])
    mine = reader.get("/api/reports?period=2025-Q3").json()
    assert {f["value"]: f["count"] for f in mine["issued"]["by_type"]} == {"BC": 1, "KH": 1}, (
        "the secret BC is not counted"
    )
    assert mine["issued"]["total"] == 2
    browser = Http(server)
    user = add_user(cli, "doc2", "reader", "unclassified")
    browser.login(user["name"], user["password"])
    page = browser.get("/reports?period=2025-Q3")
    assert page.status == 200 and "Báo cáo công tác văn thư, lưu trữ" in page.text
    assert 'href="/?issued=2025-07-01..2025-09-30&amp;type=BC">1</a>' in page.text
    chart = browser.get("/reports/chart/months.svg?period=2025-Q3")
    assert chart.status == 200 and chart.body.startswith(b"<?xml") and b"<svg" in chart.body
    docx = browser.get("/reports/report.docx?period=2025-Q3")
    assert docx.status == 200 and docx.body[:2] == b"PK"
    assert reader.get("/api/reports?period=2025-Q9").status == 400
    with Catalog(settings.catalog_path) as catalog:
        events = catalog.db.execute("SELECT actor, detail FROM events WHERE action = 'report'").fetchall()
    assert ("doc", "2025-Q3") in {(e["actor"], json.loads(e["detail"])["period"]) for e in events}
    assert all("total" not in e["detail"] for e in events), "the audit entry carries no figures"


def test_the_thematic_report_in_every_format_on_the_cli_and_the_web_cut_to_clearance(
    server, cli, ids, settings, tmp_path
):
    added = cli("followup", "add", "57-NQ/TW", "--task", "Xây dựng kế hoạch", "--lead", "Huyện ủy Cam Lộ",
                "--due", "2025-10-01")  # fmt: skip
    assert added.exit_code == 0, added.output
    about = ["report", "--about", "57-NQ/TW", "--as-of", "2025-12-31"]
    table = cli(*about, "--format", "csv")
    assert table.exit_code == 0 and table.stdout_bytes == cli(*about, "--format", "csv").stdout_bytes
    lines = table.stdout.splitlines()
    assert lines[0] == "section,item,unit,date,detail,link"
    assert [line.split(",")[1] for line in lines if line.startswith("citing,")] == ["30-BC/HU", "12-KH/TU", "31-BC/TU"]
    assert "task,Xây dựng kế hoạch,Huyện ủy Cam Lộ,2025-10-01,overdue," in lines
    assert "unit_without_document,,Huyện ủy Cam Lộ,,," in lines
    one, two = tmp_path / "a.docx", tmp_path / "b.docx"
    for out in (one, two):
        assert cli(*about, "--format", "docx", "-o", str(out)).exit_code == 0
    assert one.read_bytes() == two.read_bytes()
    body = zipfile.ZipFile(io.BytesIO(one.read_bytes())).read("word/document.xml").decode()
    assert "Tình hình thực hiện 57-NQ/TW" in body and "31-BC/TU" in body and "Quá hạn" in body
    assert "Huyện ủy Cam Lộ" in body and "31/12/2025" in body
    # the web: a reader cleared to unclassified never learns of the secret report citing the resolution
    browser = Http(server)
    user = add_user(cli, "doc", "reader", "unclassified")
    browser.login(user["name"], user["password"])
    page = browser.get("/reports?about=57-NQ/TW")
    assert page.status == 200 and "Tình hình thực hiện 57-NQ/TW" in page.text
    assert f'<a href="/records/{ids["kh1"]}">12-KH/TU</a>' in page.text and "31-BC/TU" not in page.text
    assert '(<a href="/?q=57-NQ%2FTW">2</a>)' in page.text, "the count links to its search, hidden report left out"
    assert "Quá hạn" in page.text and "Đơn vị chưa có văn bản triển khai" in page.text
    csv_page = browser.get("/reports/report.csv?about=57-NQ/TW")
    assert csv_page.status == 200 and "31-BC/TU" not in csv_page.text and "12-KH/TU" in csv_page.text
    docx = browser.get("/reports/report.docx?about=57-NQ/TW")
    assert docx.status == 200 and b"31-BC/TU" not in zipfile.ZipFile(io.BytesIO(docx.body)).read("word/document.xml")
    assert browser.get("/reports?about=99-NQ/TW").status == 404
    with Catalog(settings.catalog_path) as catalog:
        events = catalog.db.execute("SELECT actor, detail FROM events WHERE action = 'report.about'").fetchall()
    seen = {(e["actor"], json.loads(e["detail"])["format"]) for e in events}
    assert {("doc", "html"), ("doc", "csv"), ("doc", "docx")} <= seen
    assert all("citing" not in e["detail"] for e in events), "the audit entry carries no figures"
