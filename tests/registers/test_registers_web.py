"""Registers and follow-up through the JSON API and the pages, under a real waitress server: registering,
the register's rows, check and counts, tasks added, listed, done and dismissed, the record page's panel and
the /followup page, in Vietnamese, escaped; and hostile readers below a directing document's clearance or
outside its compartment, who see no task, no count, no row and no id of it by any route."""

from __future__ import annotations

import pytest

from archive.catalog import Catalog
from tests.registers.docs import ids_by_name, official
from tests.web.browser import Http
from tests.web.conftest import add_user, serving

HOSTILE_TASK = "Báo cáo <script>alert(1)</script> tuyệt mật"


@pytest.fixture
def desk(cli, settings, inbox):
    """An archive with an open directing document, a secret one, one in a compartment, a plan citing the
    first; an admin, a reader, and a confidential archivist without the compartment; a server."""
    official(inbox, "kl89", "89-KL/TU", "về công tác văn thư, lưu trữ")
    official(inbox, "kl90", "90-KL/TU", "về công tác bảo vệ bí mật", marks="TỐI MẬT")
    official(inbox, "nq05", "05-NQ/TU", "về công tác cán bộ")
    official(inbox, "kh205", "205-KH/TU", "thực hiện Kết luận số 89-KL/TU", body="Thực hiện Kết luận số 89-KL/TU.")
    official(inbox, "bc412", "412-BC/TU", "về kết quả", day="ngày 5 tháng 6 năm 2025")
    official(inbox, "bc414", "414-BC/TU", "về kết quả khác", day="ngày 6 tháng 6 năm 2025")
    ids = ids_by_name(cli, inbox)
    assert cli("edit", str(ids["nq05"]), "--set", "compartments=to-chuc").exit_code == 0
    people = {
        "admin": add_user(cli, "admin", "admin", "top_secret", "to-chuc"),
        "reader": add_user(cli, "reader", "reader", "unclassified"),
        "clerk": add_user(cli, "clerk", "archivist", "confidential"),
    }
    with serving(settings) as base:
        yield ids, {name: Http(base, person["token"]) for name, person in people.items()}


def test_registering_and_reading_a_register_through_the_api(desk):
    ids, http = desk
    admin = http["admin"]
    sent = admin.post("/api/registers/in", body={"ids": [ids["kl89"], ids["kl90"], ids["nq05"]],
                                                 "received": "04/03/2025 08:30", "sender": "Ban Tổ chức"})  # fmt: skip
    assert sent.status == 200, sent.text
    got = {r["id"]: (r["register"], r["number"]) for r in sent.json()["registered"]}
    assert got == {ids["kl89"]: ("in", 1), ids["kl90"]: ("in-classified", 1), ids["nq05"]: ("in-classified", 2)}
    again = admin.post("/api/registers/in", body={"ids": [ids["kl89"]]}).json()
    assert again["registered"] == [] and "already registered" in again["refused"][0]["reason"]
    out = admin.post("/api/registers/out", body={"ids": [ids["bc412"], ids["bc414"]], "copies": "2"}).json()
    assert [r["number"] for r in out["registered"]] == [1, 2]
    assert admin.post("/api/registers/out", body={"ids": [1], "received": "01/01/2025"}).status == 400
    assert admin.post("/api/registers/in", body={"ids": "1"}).status == 400
    assert admin.post("/api/registers/in", body={"ids": [1], "copies": "many"}).status == 400
    assert admin.post("/api/registers/sideways", body={"ids": [1]}).status == 404
    rows = admin.get("/api/registers/in/2025").json()["rows"]
    assert [(r["register"], r["number"], r["sender"]) for r in rows] == [
        ("in", 1, "Ban Tổ chức"),
        ("in-classified", 1, "Ban Tổ chức"),
        ("in-classified", 2, "Ban Tổ chức"),
    ]
    check = admin.get("/api/registers/out/2025/check").json()
    assert check["ok"] is False and {(p["kind"], p["number"]) for p in check["problems"]} == {("gap", 413)}
    counts = admin.get("/api/registers/counts?from=2025-01-01&to=2026-01-01").json()
    assert (counts["in"], counts["out"]) == (3, 2)
    assert admin.get("/api/registers/counts?from=yesterday").status == 400
    page = admin.get("/registers/in/2025")
    assert page.status == 200 and "Sổ đăng ký văn bản đến" in page.text and "Sổ đăng ký văn bản mật đến" in page.text
    assert "04/03/2025 08:30" in page.text and "89-KL/TU" in page.text and "Số đến" in page.text
    assert admin.get("/registers?book=out&year=2025").status == 200
    assert admin.get("/registers/in/1800").status == 404
    record = admin.get(f"/records/{ids['kl89']}").text
    assert "Đăng ký văn bản" in record and "Sổ đăng ký văn bản đến, số 1" in record and "Ban Tổ chức" in record
    # The record page's form numbers a record in the book chosen; a refusal says why.
    form = admin.post(f"/records/{ids['kh205']}/register", form={"book": "out"})
    assert form.status == 303
    assert admin.get(f"/api/records/{ids['kh205']}").json()["register"] == "out"
    again = admin.post(f"/records/{ids['kh205']}/register", form={"book": "out"})
    assert again.status == 400 and "đã được đăng ký" in again.text
    # Readers do not keep the registers.
    assert http["reader"].post(f"/records/{ids['kh205']}/register", form={"book": "in"}).status == 403
    assert http["reader"].get("/api/registers/in/2025").status == 403
    assert http["reader"].post("/api/registers/in", body={"ids": [ids["kl89"]]}).status == 403


def test_a_reader_outside_a_register_row_sees_neither_it_nor_its_id(desk):
    ids, http = desk
    admin, clerk = http["admin"], http["clerk"]
    admin.post(
        "/api/registers/in", body={"ids": [ids["kl89"], ids["kl90"], ids["nq05"]], "received": "04/03/2025 08:30"}
    )
    rows = clerk.get("/api/registers/in/2025").json()["rows"]
    assert [r["id"] for r in rows] == [ids["kl89"]]  # the top-secret and the compartment's rows are left out whole
    assert "90-KL/TU" not in clerk.get("/registers/in/2025").text
    assert clerk.get("/api/registers/counts?from=2025-01-01&to=2026-01-01").json()["in"] == 1
    # Registering a record they may not see is "not found", as for an id that never was.
    hidden = clerk.post("/api/registers/out", body={"ids": [ids["kl90"], 99999]}).json()["refused"]
    assert [r["reason"] for r in hidden] == [f"record {ids['kl90']} not found", "record 99999 not found"]


def test_tasks_through_the_api_and_pages(desk):
    ids, http = desk
    admin = http["admin"]
    sent = admin.post("/api/followup", body={"record_id": ids["kl89"], "task": "Báo cáo <b>sơ bộ</b>",
                                             "lead": "Văn phòng", "due": "30/06/2025", "every": "6m"})  # fmt: skip
    assert sent.status == 201, sent.text
    task = sent.json()
    assert task["candidates"] == [
        {"id": ids["kh205"], "symbol": "205-KH/TU", "title": "thực hiện Kết luận số 89-KL/TU"}
    ]
    review = admin.post("/api/followup", body={"record_id": ids["kl89"], "kind": "so-ket", "lead": "Văn phòng",
                                               "due": "2025-12-15"}).json()  # fmt: skip
    assert review["task"] == "Sơ kết việc thực hiện" and review["kind"] == "preliminary_review"
    assert admin.post("/api/followup", body={"record_id": ids["kl89"], "lead": "", "due": "2025-01-01"}).status == 400
    assert (
        admin.post("/api/followup", body={"record_id": 99999, "lead": "VP", "due": "2025-01-01", "task": "x"}).status
        == 404
    )
    listed = admin.get("/api/followup?status=overdue&as_of=2025-07-01").json()["tasks"]
    assert [t["id"] for t in listed] == [task["id"]]
    assert admin.get("/api/followup?status=late").status == 400
    counts = admin.get("/api/followup/counts?as_of=2025-07-01").json()["units"]
    assert counts == {"Văn phòng": {"done": 0, "open": 2, "overdue": 1}}
    dismissed = admin.post(f"/api/followup/{review['id']}/dismiss", body={"record_id": ids["kh205"]}).json()
    assert dismissed["dismissed"] is True
    assert admin.get(f"/api/followup/{review['id']}").json()["candidates"] == []
    done = admin.post(f"/api/followup/{task['id']}/done", body={"evidence": ids["kh205"]}).json()
    assert done["done"]["status"] == "done" and done["next"]["due"] == "2025-12-30"
    assert admin.post(f"/api/followup/{task['id']}/done", body={"evidence": ids["kh205"]}).status == 400
    assert admin.post(f"/api/followup/{task['id']}/done", body={"evidence": "x"}).status == 400
    page = admin.get("/followup?as_of=2025-07-01").text
    assert "Theo dõi việc thực hiện nghị quyết, chỉ thị, kết luận" in page and "Văn phòng" in page
    assert "Báo cáo &lt;b&gt;sơ bộ&lt;/b&gt;" in page and "<b>sơ bộ" not in page
    panel = admin.get(f"/records/{ids['kl89']}").text
    assert 'id="followup-h"' in panel and "Sơ kết việc thực hiện" in panel and "30/12/2025" in panel
    # The panel's forms, with the session's CSRF token, go through the same use cases.
    added = {"task": "Tổng kết", "lead": "Ban Tuyên giáo", "due": "2026-01-15", "kind": "final_review"}
    form = admin.post(f"/records/{ids['kl89']}/followup", form=added)
    assert form.status == 303
    assert [t["lead"] for t in admin.get(f"/api/followup?record={ids['kl89']}").json()["tasks"]].count(
        "Ban Tuyên giáo"
    ) == 1


def test_a_hostile_reader_sees_no_task_and_no_count_of_a_document_above_them(desk, settings):
    ids, http = desk
    admin = http["admin"]

    def add(record: str, task: str, lead: str) -> dict:
        body = {"record_id": ids[record], "task": task, "lead": lead, "due": "2025-01-31"}
        return admin.post("/api/followup", body=body).json()

    secret = add("kl90", HOSTILE_TASK, "Ban Nội chính")
    closed = add("nq05", "Rà soát cán bộ", "Ban Tổ chức")
    public = add("kl89", "Số hóa", "Văn phòng")
    for name in ("reader", "clerk"):
        other = http[name]
        listed = other.get("/api/followup?as_of=2025-06-01").json()["tasks"]
        assert [t["id"] for t in listed] == [public["id"]]
        assert other.get("/api/followup?status=overdue&as_of=2025-06-01").json()["tasks"] == listed
        assert other.get("/api/followup/counts?as_of=2025-06-01").json()["units"] == {
            "Văn phòng": {"done": 0, "open": 1, "overdue": 1}
        }
        for hidden in (secret, closed):
            assert (
                other.get(f"/api/followup/{hidden['id']}").json()["error"]["message"]
                == f"task {hidden['id']} not found"
            )
            assert other.get(f"/api/followup?record={hidden['record_id']}").json()["tasks"] == []
        assert other.get("/api/followup/424242").status == 404
        page = other.get("/followup?as_of=2025-06-01").text
        assert "Ban Nội chính" not in page and "Ban Tổ chức" not in page and "tuyệt mật" not in page
    clerk = http["clerk"]
    for hidden in (secret, closed):
        assert clerk.post(f"/api/followup/{hidden['id']}/done", body={"evidence": ids["kh205"]}).status == 404
        assert clerk.post(f"/api/followup/{hidden['id']}/dismiss", body={"record_id": ids["kh205"]}).status == 404
    assert (
        clerk.post(
            "/api/followup", body={"record_id": ids["kl90"], "lead": "x", "due": "2025-01-01", "task": "x"}
        ).status
        == 404
    )
    # Evidence they may not see is not named to them either.
    admin.post(f"/api/followup/{public['id']}/done", body={"evidence": ids["nq05"]})
    assert clerk.get(f"/api/followup/{public['id']}").json()["evidence_id"] is None
    assert admin.get(f"/api/followup/{public['id']}").json()["evidence_id"] == ids["nq05"]
    # The top-secret task shows escaped to those who may see it, and every change is in the audit trail.
    page = admin.get("/followup?as_of=2025-06-01").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    with Catalog(settings.catalog_path) as catalog:
        trail = [(r[0], r[1], r[2]) for r in catalog.db.execute(
            "SELECT action, record_id, actor FROM events WHERE action LIKE 'followup%' ORDER BY id")]  # fmt: skip
    assert trail == [
        ("followup.add", ids["kl90"], "admin"),
        ("followup.add", ids["nq05"], "admin"),
        ("followup.add", ids["kl89"], "admin"),
        ("followup.done", ids["kl89"], "admin"),
        ("followup.evidence", ids["nq05"], "admin"),
    ]


def test_an_upload_registers_files_its_manifest_names(settings, cli, tmp_path):
    import io

    from tests.web.conftest import archive_app, token_client

    official(tmp_path, "den", "60-CV/VPTW", "V/v gửi đến")
    official(tmp_path, "di", "61-BC/TU", "về gửi đi", marks="MẬT")
    official(tmp_path, "khac", "62-TB/TU", "về việc khác")
    clerk = token_client(archive_app(settings), add_user(cli, "clerk", "archivist", "secret")["token"])
    manifest = "file,register,received,sender\nden.txt,in,07/03/2025 09:05,Văn phòng Trung ương Đảng\ndi.txt,out,,\n"
    files = [(io.BytesIO((tmp_path / f"{n}.txt").read_bytes()), f"{n}.txt") for n in ("den", "di", "khac")]
    data = {"files": files, "manifest": (io.BytesIO(manifest.encode()), "manifest.csv")}
    reply = clerk.post("/api/ingest", data=data, content_type="multipart/form-data").get_json()
    registered = {r["register"]: r["number"] for r in reply["registers"]["registered"]}
    assert registered == {"in": 1, "out-classified": 1} and reply["registers"]["refused"] == []
    ids = {o["name"]: o["id"] for o in reply["outcomes"]}
    assert cli.json("show", str(ids["den.txt"]))[1][0]["received"] == "2025-03-07 09:05"
    assert cli.json("show", str(ids["khac.txt"]))[1][0]["register"] is None
    # Without a register column, nothing is numbered and the answer says so.
    official(tmp_path / "more", "x", "63-TB/TU", "về việc nữa")
    again = {"files": [(io.BytesIO((tmp_path / "more" / "x.txt").read_bytes()), "x.txt")]}
    assert clerk.post("/api/ingest", data=again, content_type="multipart/form-data").get_json()["registers"] is None
