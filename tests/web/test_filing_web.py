"""Hồ sơ on the web and through the JSON API, under a real waitress server: the plan, a file's page, its
contents list and package, the record page's file box, the hoso: filter and the facet. A hostile reader
(confidential, no compartments) tries every path against a file mixing levels and against a file whose own
title is secret: the hidden document is nowhere (counts, contents, package, neighbours), the secret file
answers exactly like a reference that names no file. Each probe is also run as the administrator, to show it
would have found what it hides."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from urllib.parse import quote

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from archive.filing.store import files_by_code
from tests.conftest import Cli, write
from tests.web.browser import Http
from tests.web.conftest import add_user, serving

SECRET_WORDS = ("bimatfileword", "Hồ sơ kế hoạch phòng thủ", "tuyetmatdocword", "99-NQ/TU")
DOCS = {  # name: (classification, symbol, issued, text)
    "a.txt": ("unclassified", "1-KL/TU", "2024-02-01", "KẾT LUẬN về công tác văn thư lưu trữ năm 2024 congkhai."),
    "b.txt": ("secret", "99-NQ/TU", "2024-03-01", "NGHỊ QUYẾT tuyetmatdocword về văn thư lưu trữ."),
    "c.txt": ("unclassified", "3-BC/TU", "2024-04-01", "BÁO CÁO thực hiện Kết luận về văn thư lưu trữ congkhai."),
    "d.txt": ("unclassified", "4-CV/TU", "2024-05-01", "CÔNG VĂN về phòng thủ văn thư lưu trữ congkhai."),
    "e.txt": ("unclassified", "5-KH/TU", "2024-07-01", "KẾ HOẠCH thực hiện Kết luận số 1-KL/TU ngày 01/02/2024."),
}
PLAN = """code,title,year,classification,kind,meeting_date,description
01.MIX,Hồ sơ hội nghị văn thư lưu trữ,2024,,meeting,2024-06-01,Tài liệu phiên họp
09.SEC,Hồ sơ kế hoạch phòng thủ,2024,secret,,,bimatfileword
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("filing-web")
    settings = Settings(home=root / "home", workers=2)
    cli = Cli(settings)
    inbox = root / "in"
    for name, (_, _, _, text) in DOCS.items():
        write(inbox / name, text + "\n")
    rows = "".join(f"{n},{c},{s},{d}\n" for n, (c, s, d, _) in DOCS.items())
    write(root / "m.csv", "file,classification,doc_number,issued\n" + rows)
    assert cli("ingest", str(inbox), "--manifest", str(root / "m.csv"), "-q").exit_code == 0
    assert cli("fonds", "add", "TUQT", "Phông Tỉnh ủy Quảng Trị").exit_code == 0
    write(root / "plan.csv", PLAN)
    assert cli("files", "plan", "import", str(root / "plan.csv")).exit_code == 0
    with Catalog(settings.catalog_path) as catalog:
        ids = {r.filename: r.id for r in catalog.iter_records()}
    assert cli("files", "add", "01.MIX", str(ids["a.txt"]), str(ids["b.txt"]), str(ids["c.txt"])).exit_code == 0
    assert cli("files", "add", "09.SEC", str(ids["d.txt"])).exit_code == 0
    admin = add_user(cli, "admin", "admin", "top_secret")
    reader = add_user(cli, "reader", "reader", "confidential")
    with serving(settings) as base:
        yield {
            "settings": settings,
            "ids": ids,
            "admin": Http(base, admin["token"]),
            "reader": Http(base, reader["token"]),
            "base": base,
            "reader_user": reader,
            "cli": cli,
        }


def leak_free(reply, *extra: str) -> str:
    text = reply.body.decode("utf-8", errors="replace")
    for word in (*SECRET_WORDS, *extra):
        assert word.lower() not in text.lower(), f"{word!r} leaked"
    return text


def test_the_plan_and_a_file_for_the_administrator(world):
    admin, ids = world["admin"], world["ids"]
    listing = admin.get("/api/files?year=2024").json()
    assert {f["code"]: f["documents"] for f in listing["files"]} == {"01.MIX": 3, "09.SEC": 1}
    assert listing["fonds"] == [{"id": 1, "code": "TUQT", "name": "Phông Tỉnh ủy Quảng Trị"}]
    detail = admin.get("/api/files/01.MIX").json()
    assert [row["id"] for row in detail["contents"]] == [ids["a.txt"], ids["b.txt"], ids["c.txt"]]
    assert detail["kind"] == "meeting" and detail["meeting_date"] == "2024-06-01" and detail["status"] == "open"
    page = admin.get("/files/TUQT/2024/01.MIX")
    assert page.status == 200 and "99-NQ/TU" in page.text and "01/06/2024" in page.text
    assert "bimatfileword" in admin.get("/files/09.SEC").text
    assert admin.get("/api/search?q=hoso:09.SEC").json()["total"] == 1
    assert admin.get("/api/fonds").json()["fonds"][0]["code"] == "TUQT"
    box = admin.get(f"/api/records/{ids['c.txt']}").json()["file"]
    assert (box["position"], box["count"], box["previous"]["id"]) == (3, 3, ids["b.txt"])
    assert admin.get(f"/api/records/{ids['d.txt']}").json()["file"]["file"]["code"] == "09.SEC"


def test_a_reader_sees_a_mixed_file_without_the_document_above_them(world):
    reader, ids = world["reader"], world["ids"]
    detail = reader.get("/api/files/01.MIX")
    leak_free(detail)
    assert detail.json()["documents"] == 2
    assert [row["stt"] for row in detail.json()["contents"]] == [1, 2]  # numbered without a gap
    assert [row["id"] for row in detail.json()["contents"]] == [ids["a.txt"], ids["c.txt"]]
    assert leak_free(reader.get("/files/01.MIX")).count("<tr>") == 3  # the header and two documents
    rows = list(csv.reader(io.StringIO(leak_free(reader.get("/files/01.MIX/contents.csv")).lstrip("\ufeff"))))
    assert [r[2] for r in rows[1:]] == ["1-KL/TU", "3-BC/TU"]
    listing = reader.get("/api/files")
    leak_free(listing)
    assert [(f["code"], f["documents"]) for f in listing.json()["files"]] == [("01.MIX", 2)]
    assert "09.SEC" not in leak_free(reader.get("/files?year=2024"))
    assert admin_only_year_is_not_named(world)
    # The record page's file box: neighbours skip the hidden document.
    page = leak_free(reader.get(f"/records/{ids['c.txt']}"))
    assert "Hồ sơ hội nghị văn thư lưu trữ" in page and f"/records/{ids['a.txt']}" in page
    assert f"/records/{ids['b.txt']}" not in page
    box = reader.get(f"/api/records/{ids['c.txt']}").json()["file"]
    assert (box["position"], box["count"], box["previous"]["id"], box["next"]) == (2, 2, ids["a.txt"], None)
    found = reader.get("/api/search?q=hoso:01.MIX")
    leak_free(found)
    assert {h["id"] for h in found.json()["hits"]} == {ids["a.txt"], ids["c.txt"]}
    facet = reader.get("/api/search?q=van+thu").json()["facets"]["file"]
    assert facet == [
        {"value": "TUQT/2024/01.MIX", "code": "01.MIX", "title": "Hồ sơ hội nghị văn thư lưu trữ", "count": 2}
    ]


def test_a_file_above_the_reader_answers_like_a_missing_one(world):
    reader, admin, ids = world["reader"], world["admin"], world["ids"]
    for path in ("/api/files/{}", "/files/{}", "/files/{}/contents.csv", "/files/{}/package.zip"):
        hidden, missing = reader.get(path.format("09.SEC")), reader.get(path.format("77.NONE"))
        assert hidden.status == missing.status == 404, path
        assert leak_free(hidden).replace("09.SEC", "X") == missing.text.replace("77.NONE", "X"), path
        assert admin.get(path.format("09.SEC")).status == 200
    by_filter = reader.get("/api/search?q=" + quote("congkhai hoso:09.SEC"))
    none = reader.get("/api/search?q=" + quote("congkhai hoso:77.NONE"))
    assert by_filter.json()["total"] == none.json()["total"] == 0
    assert reader.get("/api/search?hoso=09.SEC&q=congkhai").json()["total"] == 0
    # Its document is the reader's to see, alone: no file box, no facet entry, nothing of the file's title.
    page = leak_free(reader.get(f"/records/{ids['d.txt']}"))
    assert "09.SEC" not in page
    record = reader.get(f"/api/records/{ids['d.txt']}")
    assert "09.SEC" not in leak_free(record) and record.json()["file"] is None
    assert all(f["code"] != "09.SEC" for f in reader.get("/api/search?q=phong+thu").json()["facets"].get("file", []))
    assert "09.SEC" not in leak_free(reader.get("/?q=phong+thu"))


def test_the_package_holds_what_the_caller_may_see_with_checksums_each_audited(world):
    reader, admin, ids, settings = world["reader"], world["admin"], world["ids"], world["settings"]
    with Catalog(settings.catalog_path) as catalog:
        before = catalog.db.execute("SELECT count(*) FROM events WHERE action = 'download'").fetchone()[0]
    reply = reader.get("/files/01.MIX/package.zip")
    assert reply.status == 200 and reply.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(reply.body)) as package:
        names = package.namelist()
        assert names == ["001-a.txt", "002-c.txt", "muc-luc.csv", "SHA256SUMS"]
        sums = dict(line.split("  ")[::-1] for line in package.read("SHA256SUMS").decode().splitlines())
        for name in ("001-a.txt", "002-c.txt"):
            assert hashlib.sha256(package.read(name)).hexdigest() == sums[name]
        assert "99-NQ/TU" not in package.read("muc-luc.csv").decode("utf-8")
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute(
            "SELECT record_id, actor, detail FROM events WHERE action = 'download' ORDER BY id"
        ).fetchall()[before:]
    assert [(r[0], r[1]) for r in rows] == [(ids["a.txt"], "reader"), (ids["c.txt"], "reader")]
    assert all(json.loads(r[2])["package"] for r in rows)
    with zipfile.ZipFile(io.BytesIO(admin.get("/files/01.MIX/package.zip").body)) as package:
        assert len(package.namelist()) == 5


def test_archivists_file_close_and_reopen_through_the_api(world):
    admin, reader, ids = world["admin"], world["reader"], world["ids"]
    denied = reader.post("/api/files/01.MIX/close", body={})
    assert denied.status == 403
    opened = admin.post("/api/files", body={"code": "05.AD", "title": "Hồ sơ mở thêm", "year": 2024})
    assert opened.status == 201 and opened.json()["source"] == "ad hoc"
    twice = admin.post("/api/files/05.AD/documents", body={"ids": [ids["a.txt"]]})
    assert twice.status == 400 and "filed already" in twice.json()["error"]["message"]
    assert admin.delete("/api/files/01.MIX/documents", body={"ids": [ids["c.txt"]]}).status == 200
    added = admin.post("/api/files/05.AD/documents", body={"ids": [ids["c.txt"]]})
    assert added.status == 200 and added.json()["documents"] == 1
    closed = admin.post("/api/files/05.AD/close", body={"date": "2024-12-31"})
    assert closed.status == 200 and closed.json()["closed_on"] == "2024-12-31"
    refused = admin.post("/api/files/05.AD/documents", body={"ids": [ids["a.txt"]]})
    assert refused.status == 400
    assert admin.post("/api/files/05.AD/reopen", body={}).status == 400  # a reason is required
    assert admin.post("/api/files/05.AD/reopen", body={"reason": "bổ sung"}).json()["status"] == "open"
    assert admin.delete("/api/files/05.AD/documents", body={"ids": [ids["c.txt"]]}).status == 200
    assert admin.post("/api/files/01.MIX/documents", body={"ids": [ids["c.txt"]]}).status == 200


def test_pages_escape_a_files_words_and_have_one_heading(world):
    admin = world["admin"]
    hostile = '<script>alert("hồ sơ")</script>'
    opened = admin.post("/api/files", body={"code": "06.X", "title": hostile, "year": 2024, "description": hostile})
    assert opened.status == 201
    for path in ("/files", "/files?year=2024", "/files/2024/06.X"):
        page = admin.get(path).text
        assert "<script>alert" not in page and "&lt;script&gt;alert" in page, path
        assert page.count("<h1") == 1, path


def test_the_search_page_offers_the_file_facet_and_its_filter(world):
    reader, ids = world["reader"], world["ids"]
    page = leak_free(reader.get("/?q=van+thu"))
    assert "hoso=TUQT%2F2024%2F01.MIX" in page and "01.MIX Hồ sơ hội nghị văn thư lưu trữ" in page
    filtered = leak_free(reader.get("/?q=van+thu&hoso=TUQT%2F2024%2F01.MIX"))
    assert f"/records/{ids['a.txt']}" in filtered and f"/records/{ids['d.txt']}" not in filtered


def test_the_audit_trail_withholds_entries_about_a_file_above_the_viewer(world):
    admin = world["admin"]
    low = Http(world["base"], add_user(world["cli"], "lowadmin", "admin", "confidential")["token"])
    with Catalog(world["settings"].catalog_path) as catalog:
        (secret,) = files_by_code(catalog, "09.SEC")
    secret_id = secret.id
    assert low.get("/api/files/09.SEC").status == 404

    def file_ids(client) -> set:
        entries = client.get("/api/audit?limit=1000").json()["entries"]
        return {(e["detail"] or {}).get("file_id") for e in entries if isinstance(e["detail"], dict)}

    assert secret_id in file_ids(admin)
    seen = file_ids(low)
    assert secret_id not in seen and seen - {None}, "entries about the files the viewer may see stay"


def test_a_reader_below_a_document_orders_around_it_without_moving_it(world):
    admin, ids = world["admin"], world["ids"]
    low = Http(world["base"], add_user(world["cli"], "lowarchivist", "archivist", "confidential")["token"])
    before = [r["id"] for r in admin.get("/api/files/01.MIX").json()["contents"]]
    hidden_place = before.index(ids["b.txt"])
    visible = [i for i in before if i != ids["b.txt"]]
    refused = low.request("PUT", "/api/files/01.MIX/order", body={"ids": [*visible[::-1], ids["b.txt"]]})
    unknown = low.request("PUT", "/api/files/01.MIX/order", body={"ids": [*visible[::-1], 99999]})
    assert refused.status == unknown.status == 400 and refused.body == unknown.body  # no hint of the hidden one
    done = low.request("PUT", "/api/files/01.MIX/order", body={"ids": visible[::-1]})
    assert done.status == 200 and [r["id"] for r in done.json()["contents"]] == visible[::-1]
    after = [r["id"] for r in admin.get("/api/files/01.MIX").json()["contents"]]
    assert after.index(ids["b.txt"]) == hidden_place and [i for i in after if i != ids["b.txt"]] == visible[::-1]


def test_an_archivist_files_closes_and_reopens_from_the_files_page(world):
    admin, ids = world["admin"], world["ids"]
    clerk = add_user(world["cli"], "clerk", "archivist", "top_secret")
    browser = Http(world["base"])
    assert browser.login(clerk["name"], clerk["password"]).status == 302
    assert admin.post("/api/files", body={"code": "07.F", "title": "Hồ sơ qua biểu mẫu", "year": 2024}).status == 201
    page = browser.get("/files/2024/07.F").text
    assert "Đưa vào hồ sơ" in page and "Kết thúc hồ sơ" in page and page.count("<form") == 3  # sign out, add, close
    assert "<" not in page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert browser.post("/files/2024/07.F/documents", form={"documents": "4-CV/TU"}).status == 403  # no CSRF token
    moved = admin.delete("/api/files/09.SEC/documents", body={"ids": [ids["d.txt"]]})
    assert moved.status == 200
    added = browser.form("/files/2024/07.F/documents", {"documents": "4-CV/TU"})
    assert added.status == 303 and added.headers["Location"].endswith("/files/TUQT/2024/07.F")
    assert [r["id"] for r in admin.get("/api/files/2024/07.F").json()["contents"]] == [ids["d.txt"]]
    assert browser.form("/files/2024/07.F/close", {"date": "2024-12-31"}).status == 303
    closed = browser.get("/files/2024/07.F").text
    assert "31/12/2024" in closed and "Mở lại hồ sơ" in closed and "Đưa vào hồ sơ" not in closed
    refused = browser.form("/files/2024/07.F/reopen", {"reason": ""})
    assert refused.status == 400
    assert browser.form("/files/2024/07.F/reopen", {"reason": "bổ sung"}).status == 303
    assert admin.get("/api/files/2024/07.F").json()["status"] == "open"
    assert admin.delete("/api/files/07.F/documents", body={"ids": [ids["d.txt"]]}).status == 200
    assert admin.post("/api/files/09.SEC/documents", body={"ids": [ids["d.txt"]]}).status == 200
    assert reader_cannot_post(world)


def reader_cannot_post(world) -> bool:
    return world["reader"].post("/files/2024/07.F/close", form={"date": ""}).status == 403


def test_suggestions_through_the_api_are_accepted_by_filing_or_dismissed(world):
    admin, ids = world["admin"], world["ids"]
    assert world["reader"].get("/api/files/suggestions").status == 403
    found = admin.get("/api/files/suggestions").json()["suggestions"]
    assert [(s["id"], s["file"], s["cites"]["id"]) for s in found] == [(ids["e.txt"], "TUQT/2024/01.MIX", ids["a.txt"])]
    assert admin.get("/api/files/01.MIX").json()["documents"] == 3  # nothing filed by itself
    refused = admin.post("/api/files/01.MIX/dismissed", body={"ids": [ids["a.txt"]]})
    assert refused.status == 400  # it is in that file already
    done = admin.post("/api/files/01.MIX/dismissed", body={"ids": [ids["e.txt"]]})
    assert done.status == 200 and done.json()["suggestions"] == []
    assert admin.get("/api/files/suggestions").json()["suggestions"] == []


def test_fonds_a_plan_and_a_files_hold_through_the_api(world):
    admin, reader = world["admin"], world["reader"]
    assert reader.post("/api/fonds", body={"code": "X", "name": "Y"}).status == 403
    added = admin.post("/api/fonds", body={"code": "VPTU", "name": "Phông Văn phòng Tỉnh ủy"})
    assert added.status == 201 and added.json()["code"] == "VPTU"
    assert admin.post("/api/fonds", body={"code": "VPTU", "name": "lặp"}).status == 400
    plan = "code,title,year,fonds\n01.A,Hồ sơ A,2026,VPTU\n02.B,,2026,VPTU\n".encode()
    refused = post_csv(admin, "/api/files/plan", plan)
    assert refused.status == 422 and [p["line"] for p in refused.json()["problems"]] == [3]
    assert admin.get("/api/files?year=2026").json()["files"] == []
    good = "code,title,year,fonds,classification\n01.A,Hồ sơ A,2026,VPTU,\n02.B,Hồ sơ B,2026,VPTU,\n".encode()
    assert post_csv(admin, "/api/files/plan?dry_run=1", good).json()["imported"] == 0
    loaded = post_csv(admin, "/api/files/plan", good)
    assert loaded.status == 200 and loaded.json()["imported"] == 2
    beyond = "code,title,year,fonds,classification\n03.C,Hồ sơ C,2026,VPTU,secret\n".encode()
    low = Http(world["base"], add_user(world["cli"], "lowclerk", "archivist", "confidential")["token"])
    assert post_csv(low, "/api/files/plan", beyond).status == 422
    held = admin.post("/api/files/VPTU/2026/01.A/hold", body={"reason": "thanh tra"})
    assert held.status == 201 and held.json()["hold"]["reason"] == "thanh tra"
    assert admin.get("/api/files/VPTU/2026/01.A").json()["hold"]["reason"] == "thanh tra"
    assert admin.delete("/api/files/VPTU/2026/01.A/hold", body={"reason": "xong"}).json() == {"hold": None}


def post_csv(client: Http, path: str, data: bytes):
    """A CSV body, as a spreadsheet export is sent (Http sends forms and JSON only)."""
    import urllib.error
    import urllib.request

    from tests.web.browser import Reply

    request = urllib.request.Request(
        client.base + path,
        data=data,
        method="POST",
        headers={"Content-Type": "text/csv", "Authorization": f"Bearer {client.token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers, error.read())


def admin_only_year_is_not_named(world) -> bool:
    """A plan year holding only files above the reader is not among the years they are offered."""
    admin, reader = world["admin"], world["reader"]
    made = admin.post(
        "/api/files", body={"code": "01.S", "title": "Hồ sơ năm khác", "year": 2019, "classification": "secret"}
    )
    assert made.status == 201
    assert 2019 in admin.get("/api/files").json()["years"]
    return 2019 not in reader.get("/api/files").json()["years"] and "2019" not in reader.get("/files").text
