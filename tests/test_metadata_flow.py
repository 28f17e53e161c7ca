"""Metadata through the whole archive: ingest, citations, symbol search, filters, manifests, edits."""

import json

from bench.generators.docgen import OfficialDoc, write_docx, write_text
from tests.conftest import write

CITED = OfficialDoc(
    issuer="TỈNH ỦY QUẢNG TRỊ",
    number="Số 18-CT/TU",
    place_date="Quảng Trị, ngày 20 tháng 2 năm 2025",
    type_word="CHỈ THỊ",
    summary="về tăng cường cải cách hành chính",
    body=("Các cấp ủy thực hiện nghiêm Chỉ thị này.",),
    signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Sơn"),
)
CITING = OfficialDoc(
    issuer="TỈNH ỦY QUẢNG TRỊ",
    number="Số 412-BC/TU",
    place_date="Quảng Trị, ngày 31 tháng 7 năm 2025",
    type_word="BÁO CÁO",
    summary="sơ kết 6 tháng thực hiện Chỉ thị số 18-CT/TU",
    body=("Sau 6 tháng thực hiện Chỉ thị số 18-CT/TU ngày 20/2/2025 và Nghị quyết số 57-NQ/TW, kết quả tốt.",),
    secrecy="MẬT",
    signature=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Thị Thu Hà"),
)


def ingest_one(cli, path):
    result, lines = cli.json("ingest", str(path))
    assert result.exit_code == 0, result.stderr
    return lines[0]["id"]


def test_citations_resolve_both_ways_when_the_cited_record_arrives_later(cli, inbox):
    citing = ingest_one(cli, write_docx(CITING, inbox / "bc.docx"))
    _, (shown,) = cli.json("show", str(citing))
    assert shown["citations"] == [{"symbol": "18-CT/TU", "id": None}, {"symbol": "57-NQ/TW", "id": None}]
    assert shown["classification"] == "confidential" and shown["provenance"]["classification"] == "extracted"
    cited = ingest_one(cli, write_text(CITED, inbox / "ct.txt"))
    _, (shown,) = cli.json("show", str(citing))
    assert shown["citations"][0] == {"symbol": "18-CT/TU", "id": cited}
    _, (target,) = cli.json("show", str(cited))
    assert target["cited_by"] == [{"symbol": "412-BC/TU", "id": citing, "title": CITING.summary}], "the citer's symbol"
    note = ingest_one(cli, write(inbox / "ghi-chu.txt", "Ghi chú: đã nhận Chỉ thị số 18-CT/TU ngày 20/2/2025.\n"))
    _, (target,) = cli.json("show", str(cited))
    assert {c["id"]: c["symbol"] for c in target["cited_by"]} == {citing: "412-BC/TU", note: None}
    plain = cli("show", str(cited)).stdout
    assert f"412-BC/TU → record {citing}" in plain and f"(no symbol) → record {note}" in plain and "None" not in plain
    assert (target["doc_number"], target["doc_type"], target["issuer"], target["issued"], target["signer"]) == (
        "18-CT/TU", "CT", "Tỉnh ủy Quảng Trị", "2025-02-20", "Hoàng Văn Sơn"
    )  # fmt: skip


def test_symbol_search_puts_the_carrier_first_then_its_citers(cli, inbox):
    citing = ingest_one(cli, write_docx(CITING, inbox / "bc.docx"))
    cited = ingest_one(cli, write_text(CITED, inbox / "ct.txt"))
    for query in ("18-CT/TU", "18-ct/tu", "18 - CT/TU", "chỉ thị 18-CT/TU"):
        _, (found,) = cli.json("search", query)
        assert [h["id"] for h in found["hits"]] == [cited, citing], query
    _, (found,) = cli.json("search", "so:18-ct/tu")
    assert [h["id"] for h in found["hits"]] == [cited]


def test_filters_in_the_query_and_as_options(cli, inbox):
    citing = ingest_one(cli, write_docx(CITING, inbox / "bc.docx"))
    cited = ingest_one(cli, write_text(CITED, inbox / "ct.txt"))
    cases = {
        ("loai:BC",): [citing],
        ("", "--type", "ct"): [cited],
        ("nam:2025",): [cited, citing],
        ("domat:mat",): [citing],
        ('coquan:"tinh uy quang tri" cai cach',): [cited],
        ("issued:2025-01..2025-03",): [cited],
        ("", "--issued", "2025-07-31"): [citing],
        ("thực hiện", "--year", "2024"): [],
    }
    for args, expected in cases.items():
        result, (found,) = cli.json("search", *args)
        assert sorted(h["id"] for h in found["hits"]) == sorted(expected), args
    result = cli("search", "loai:XYZ")
    assert result.exit_code == 1 and "unknown document type" in result.stderr


def test_api_record_has_every_field_provenance_and_links(settings, inbox, cli):
    from tests.conftest import admin_client

    citing = ingest_one(cli, write_docx(CITING, inbox / "bc.docx"))
    client = admin_client(settings)
    data = client.get(f"/api/records/{citing}").get_json()
    for name in ("doc_number", "doc_type", "issuer", "place", "issued", "title", "classification", "urgency",
                 "language", "signer", "retention", "notes", "provenance", "citations", "cited_by"):  # fmt: skip
        assert name in data, name
    assert data["provenance"]["doc_number"] == "extracted" and data["cited_by"] == []
    found = client.get("/api/search", query_string={"type": "BC", "year": "2025"}).get_json()
    assert [h["id"] for h in found["hits"]] == [citing] and found["hits"][0]["doc_number"] == "412-BC/TU"


MANIFEST = """\ufefffile;doc_type;issued;classification;retention;notes;title
ct.txt;CT;20/02/2025;Tối mật;vĩnh viễn;Bản gốc;Chỉ thị về cải cách hành chính
sub/missing.docx;NQ;;;;;
ct.txt;KL;;;;;
bc.docx;XX;2025-02-30;ultra;-3;;
"""


def test_manifest_dry_run_reports_every_problem_with_its_line(cli, inbox, tmp_path):
    write_text(CITED, inbox / "ct.txt")
    write_docx(CITING, inbox / "bc.docx")
    write(inbox / "extra.txt", "Một văn bản không có dòng trong bảng kê.")
    manifest = write(tmp_path / "m.csv", MANIFEST)
    result, problems = cli.json("ingest", str(inbox), "--manifest", str(manifest), "--dry-run")
    assert result.exit_code == 1
    found = {
        (p["line"], p["severity"], p["message"].split(":")[0] + ":" + p["message"].split(":")[1]) for p in problems
    }
    assert (3, "error", "sub/missing.docx: no such file in " + str(inbox).split(":")[0]) in found
    assert (4, "error", "ct.txt: second row for this file (first on line 2)") in found
    lines_for_bc = sorted(p["message"].split(": ")[1] for p in problems if p["line"] == 5)
    assert lines_for_bc == ["classification", "doc_type", "issued", "retention"]
    assert (0, "warning", "extra.txt: no row in the manifest (metadata will be extracted)") in found
    assert cli("ingest", str(inbox), "--manifest", str(manifest)).exit_code == 1, "errors stop the ingest"
    assert cli.json("search", "cai cach")[1][0]["total"] == 0, "nothing was ingested"


def test_manifest_values_override_extraction_and_correct_existing_records(cli, inbox, tmp_path):
    write_text(CITED, inbox / "ct.txt")
    first = write(tmp_path / "first.csv", "file,notes\nct.txt,Nhập lần đầu\n")
    _, lines = cli.json("ingest", str(inbox), "--manifest", str(first))
    record_id = lines[0]["id"]
    _, (shown,) = cli.json("show", str(record_id))
    assert shown["notes"] == "Nhập lần đầu" and shown["provenance"]["notes"] == "manifest"
    assert shown["doc_type"] == "CT" and shown["provenance"]["doc_type"] == "extracted"
    assert cli("edit", str(record_id), "--set", "title=Tiêu đề do người sửa").exit_code == 0
    second = write(tmp_path / "second.csv", "file,classification,title\nct.txt,secret,Tiêu đề từ bảng kê\n")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(second))
    assert lines[0]["status"] == "duplicate" and result.exit_code == 0
    _, (shown,) = cli.json("show", str(record_id))
    assert shown["classification"] == "secret" and shown["provenance"]["classification"] == "manifest"
    assert shown["title"] == "Tiêu đề do người sửa", "a manifest never overwrites a person's edit"
    _, (found,) = cli.json("search", "domat:secret")
    assert [h["id"] for h in found["hits"]] == [record_id], "the index follows the manifest at once"


def test_edit_is_validated_logged_and_indexed_at_once(cli, inbox, settings):
    from archive.catalog import Catalog

    record_id = ingest_one(cli, write_text(CITED, inbox / "ct.txt"))
    result, (change,) = cli.json("edit", str(record_id), "--set", "doc_number=19 – CT/TU", "--set", "issued=21/02/2025")
    assert change["changed"] == {
        "doc_number": {"old": "18-CT/TU", "new": "19-CT/TU"},
        "issued": {"old": "2025-02-20", "new": "2025-02-21"},
    }
    assert [h["id"] for h in cli.json("search", "19-CT/TU")[1][0]["hits"]] == [record_id]
    assert cli.json("search", "so:18-CT/TU")[1][0]["total"] == 0
    with Catalog(settings.catalog_path) as catalog:
        event = catalog.db.execute(
            "SELECT actor, action, detail FROM events WHERE action = 'metadata.edited'"
        ).fetchone()
    assert event["actor"] and json.loads(event["detail"])["changes"]["issued"]["old"] == "2025-02-20"
    for bad in ("doc_type=XX", "issued=2025-02-30", "classification=", "colour=red", "no-equals-sign"):
        result = cli("edit", str(record_id), "--set", bad)
        assert result.exit_code == 2, bad
    assert cli("edit", "999", "--set", "notes=x").exit_code == 1
    assert cli("verify").exit_code == 0


def test_reextract_replaces_extracted_values_only(cli, inbox, settings):
    from archive.catalog import Catalog

    record_id = ingest_one(cli, write_text(CITED, inbox / "ct.txt"))
    assert cli("edit", str(record_id), "--set", "title=Tiêu đề do người sửa").exit_code == 0
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():  # as an older extractor left it
        catalog.db.execute("UPDATE records SET issuer = 'Sai', signer = NULL WHERE id = ?", (record_id,))
        catalog.db.execute("DELETE FROM citations WHERE record_id = ?", (record_id,))
    _, (counts,) = cli.json("reextract")
    assert counts == {"checked": 1, "updated": 1}
    _, (shown,) = cli.json("show", str(record_id))
    assert (shown["issuer"], shown["signer"]) == ("Tỉnh ủy Quảng Trị", "Hoàng Văn Sơn")
    assert shown["title"] == "Tiêu đề do người sửa" and shown["provenance"]["title"] == "edited"
    assert cli.json("reextract", str(record_id))[1][0] == {"checked": 1, "updated": 0}, "nothing left to change"
    assert cli("verify").exit_code == 0
