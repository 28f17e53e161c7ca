"""Pages speak the reader's language all through: the archive's own messages (not found, bad queries, edit
refusals, disposal refusals, holds, manifest problems, ingest reasons, login and CSRF, 413, 500), retention
periods and their rules, index states and audit actions are said in Vietnamese by default and in English on
request, while the CLI and the JSON API's `message` stay English (public interfaces) and the JSON carries the
reader's words beside them. The language link only ever leads back to a page a GET can show."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from archive.messages import Message, Term
from archive.pipeline.ingest import ingest
from tests.conftest import SAMPLES, Cli
from tests.web.conftest import add_user, archive_app, token_client


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    settings = Settings(home=tmp_path_factory.mktemp("localized") / "home", workers=2)
    ingest(settings, [SAMPLES])
    cli = Cli(settings)
    users = {"admin": add_user(cli, "admin", "admin", "top_secret")}
    with Catalog(settings.catalog_path) as catalog:
        ids = {r.filename: r.id for r in catalog.iter_records()}
    return settings, users, ids


@pytest.fixture(scope="module")
def app(home):
    return archive_app(home[0])


def client(app, home, lang: str | None = None):
    return token_client(app, home[1]["admin"]["token"], lang)


@pytest.fixture
def vi(app, home):
    return client(app, home)


@pytest.fixture
def en(app, home):
    return client(app, home, "en")


def text_of(response) -> str:
    """The page's words, tags dropped (what a reader sees)."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def main_text(response) -> str:
    html = response.get_data(as_text=True)
    main = re.search(r"<main\b.*?</main>", html, re.S).group(0)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


# --- the mechanism ---------------------------------------------------------------------------------------


def test_a_message_is_english_text_that_keeps_its_template(app):
    rule = Message("record (%(how)s)", how=Term("provenance", "manifest"))
    message = Message(
        "record %(id)s is kept %(period)s (%(rule)s), until %(ends)s",
        id=7,
        period=Message("%(years)s years", years=10),
        rule=rule,
        ends="2031-01-01",
    )
    assert message == "record 7 is kept 10 years (record (manifest)), until 2031-01-01"
    assert isinstance(message, str) and message.template.startswith("record %(id)s")
    from web.messages import localize

    with app.test_request_context(headers={"Cookie": "archive_lang=vi"}):
        assert (
            localize(message) == "văn bản 7 được bảo quản 10 năm (đặt riêng cho văn bản (từ bảng kê)), đến 2031-01-01"
        )
    with app.test_request_context(headers={"Cookie": "archive_lang=en"}):
        assert localize(message) == "record 7 is kept 10 years (record (from a manifest)), until 2031-01-01"
        assert localize("a person's note") == "a person's note"  # text that is no Message stays as it is


def test_messages_survive_the_trip_from_a_worker_process():
    import pickle

    reason = Message("damaged PDF: %(error)s", error="xref missing")
    back = pickle.loads(pickle.dumps(reason))
    assert back == reason and back.template == reason.template and back.params == {"error": "xref missing"}


# --- search ----------------------------------------------------------------------------------------------


def test_bad_search_parameters_are_said_in_the_readers_language(vi, en):
    page = main_text(vi.get("/?q=a&sort=sideways"))
    assert "cách sắp xếp phải là một trong: relevance, issued_desc, issued_asc" in page
    assert "sort must be one of" not in page
    assert "sort must be one of relevance" in main_text(en.get("/?q=a&sort=sideways"))
    assert "số trang phải là số nguyên từ 1 đến 10000" in main_text(vi.get("/?q=a&page=0"))
    assert "không có loại văn bản 'XYZ'" in main_text(vi.get("/?q=loai:XYZ"))
    assert "năm phải là một năm hoặc một khoảng" in main_text(vi.get("/?q=a&year=soon"))


def test_the_json_api_keeps_english_and_adds_the_readers_words(vi):
    reply = vi.get("/api/search?q=a&page=x")
    assert reply.status_code == 400
    error = reply.get_json()["error"]
    assert error["message"] == "parameter page must be a whole number, not 'x'"
    assert error["text"] == "tham số page phải là số nguyên, không phải 'x'"
    missing = vi.get("/api/records/99999").get_json()["error"]
    assert missing == {"status": 404, "message": "record 99999 not found", "text": "không tìm thấy văn bản 99999"}


# --- error pages -----------------------------------------------------------------------------------------


def test_error_pages_have_a_heading_in_words_and_a_message_in_the_readers_language(vi, en):
    missing = vi.get("/records/99999")
    assert missing.status_code == 404
    html = missing.get_data(as_text=True)
    assert re.search(r"<h1>Không tìm thấy <small[^>]*>\(mã lỗi 404\)</small></h1>", html)
    assert "không tìm thấy văn bản 99999" in main_text(missing) and "not found" not in main_text(missing)
    assert "<title>Không tìm thấy (404)" in html
    assert "record 99999 not found" in main_text(en.get("/records/99999"))
    assert re.search(r"<h1>Not found ", en.get("/records/99999").get_data(as_text=True))
    nowhere = vi.get("/no/such/page")
    assert nowhere.status_code == 404 and "Không có trang này trong kho lưu trữ." in main_text(nowhere)
    assert "requested URL" not in main_text(nowhere)
    wrong_method = vi.get("/retention/dispose")
    assert wrong_method.status_code == 405 and "Không dùng được theo cách này" in main_text(wrong_method)


def test_an_unexpected_error_says_so_in_vietnamese(vi, home, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("web.records.reading.similar_records", broken)
    page = vi.get(f"/records/{home[2]['chi-thi-18-CT-TU.docx']}")
    assert page.status_code == 500
    assert "Lỗi máy chủ" in main_text(page) and "lỗi nội bộ; chi tiết được ghi trong nhật ký máy chủ" in main_text(page)
    assert "a bug" not in page.get_data(as_text=True)


def test_an_upload_over_the_limit_says_so_in_vietnamese(vi, app, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 1000)
    page = vi.post("/ingest", data={"files": (io.BytesIO(b"x" * 5000), "big.txt")})
    assert page.status_code == 413
    assert "Tệp tải lên quá lớn" in main_text(page) and "dung lượng tải lên vượt quá giới hạn" in main_text(page)


def test_login_and_csrf_refusals_are_in_vietnamese(app):
    anonymous = app.test_client()
    refused = anonymous.post("/login", data={"name": "admin", "password": "x", "csrf_token": "forged"})
    assert refused.status_code == 403
    assert "biểu mẫu đăng nhập đã hết hạn (kiểm tra CSRF): hãy tải lại trang" in main_text(refused)


def test_a_role_refusal_names_the_roles_in_vietnamese(app, home, tmp_path):
    cli = Cli(home[0])
    reader = add_user(cli, "doc-gia", "reader", "secret")
    c = token_client(app, reader["token"])
    page = c.get("/retention")
    assert page.status_code == 403
    assert "việc này cần vai trò văn thư lưu trữ; bạn là người đọc" in main_text(page)
    assert (
        c.get("/api/retention/due").get_json()["error"]["message"] == "this needs the archivist role; you are a reader"
    )


# --- archivists' work ------------------------------------------------------------------------------------


def test_edit_refusals_are_in_vietnamese(vi, home):
    record_id = home[2]["chi-thi-18-CT-TU.docx"]
    page = vi.post(f"/records/{record_id}/edit", data={"set-issued": "31/02/2020"})
    assert page.status_code == 400
    assert "ngày không có thật: '31/02/2020'" in main_text(page)
    empty = vi.post(f"/records/{record_id}/edit", data={"field": "language", "value": ""})
    assert empty.status_code == 400 and "Ngôn ngữ không được để trống" in main_text(empty)


def test_hold_errors_are_in_vietnamese(vi, home):
    record_id = home[2]["chi-thi-18-CT-TU.docx"]
    page = vi.post(f"/records/{record_id}/hold", data={"reason": " "})
    assert page.status_code == 400 and "phong tỏa cần có lý do (vụ việc, yêu cầu, quyết định)" in main_text(page)
    lift = vi.post(f"/records/{record_id}/hold", data={"action": "remove", "reason": "xong"})
    assert lift.status_code == 404 and f"văn bản {record_id} không bị phong tỏa" in main_text(lift)


def test_disposal_refusals_and_retention_rules_are_in_vietnamese(vi, en, home):
    resolution = home[2]["nghi-quyet-57-NQ-TW.docx"]
    page = vi.post("/retention/dispose", data={"id": ["999999", str(resolution)], "authority": "QĐ 1"})
    assert page.status_code == 409
    shown = main_text(page)
    assert "từ chối: không tìm thấy văn bản 999999" in shown
    assert f"từ chối: văn bản {resolution} được bảo quản vĩnh viễn (theo bảng thời hạn bảo quản:" in shown
    assert "not found" not in shown and "schedule:" not in shown and "kept permanently" not in shown
    english = main_text(en.post("/retention/dispose", data={"id": "999999", "authority": "QĐ 1"}))
    assert "refused: record 999999 not found" in english
    due = main_text(vi.get("/retention?as_of=2200-01-01"))
    assert re.search(r"\d+ năm \(theo bảng thời hạn bảo quản: (văn bản của cơ quan, loại|báo cáo) ", due), due
    assert " years" not in due and "schedule:" not in due


def test_the_record_page_says_its_retention_period_and_rule_in_vietnamese(vi, en, home):
    page = main_text(vi.get(f"/records/{home[2]['bao-cao-412-BC-TU.docx']}"))
    assert "Thời hạn bảo quản 20 năm (theo bảng thời hạn bảo quản: báo cáo 6 tháng, 9 tháng)" in page
    assert "schedule:" not in page
    english = main_text(en.get(f"/records/{home[2]['bao-cao-412-BC-TU.docx']}"))
    assert "Retention period 20 years (schedule: report, half-year or nine-month)" in english


def test_a_disposed_records_period_is_said_in_vietnamese_too():
    from archive.retention.retention import stored_retention

    stored = stored_retention("10 years (schedule: own CV)")
    assert stored == "10 years (schedule: own CV)" and isinstance(stored, Message)
    assert stored_retention("permanent (record (manifest))").params["rule"].params["how"].kind == "provenance"
    assert stored_retention("written by hand") == "written by hand"


# --- ingest ----------------------------------------------------------------------------------------------


MANIFEST = "file,colour,issued\nkhong-ro.bin,red,2024-02-31\nmissing.txt,,\n"


@pytest.fixture
def fresh(tmp_path):
    """An archive of its own: these tests add records."""
    settings = Settings(home=tmp_path / "home", workers=2)
    admin = add_user(Cli(settings), "admin", "admin", "top_secret")
    return token_client(archive_app(settings), admin["token"])


def upload(c, path: str, manifest: str | None = None):
    data = {"files": [(io.BytesIO(bytes(range(256)) * 4), "khong-ro.bin"), (io.BytesIO(b""), "rong.txt")]}
    if manifest:
        data["manifest"] = (io.BytesIO(manifest.encode()), "m.csv")
    return c.post(path, data=data, content_type="multipart/form-data")


def test_ingest_reasons_are_in_vietnamese_on_the_page_and_beside_the_english_in_json(fresh):
    page = upload(fresh, "/ingest")
    shown = main_text(page)
    assert "Tệp nhị phân không nhận dạng được: không phải định dạng văn bản mà kho đọc được" in shown
    assert "tệp rỗng" in shown and "the file is empty" not in shown
    reply = upload(fresh, "/api/ingest").get_json()
    reasons = {o["name"]: (o["reason"], o["reason_text"]) for o in reply["outcomes"]}
    assert reasons["rong.txt"] == ("the file is empty", "tệp rỗng")
    assert reasons["khong-ro.bin"] == (
        "unrecognised binary file: not a document format the archive reads",
        "Tệp nhị phân không nhận dạng được: không phải định dạng văn bản mà kho đọc được",
    )


def test_manifest_problems_are_in_vietnamese_with_their_severity(fresh):
    page = upload(fresh, "/ingest", MANIFEST)
    shown = main_text(page)
    assert "Bảng kê, dòng 1 (lỗi): không có cột 'colour'; các cột: file," in shown
    assert "Bảng kê, dòng 2 (lỗi): khong-ro.bin: Ngày ban hành: ngày không có thật: '2024-02-31'" in shown
    assert "Bảng kê, dòng 3 (lỗi): missing.txt: không có tệp này trong lần tải lên này" in shown
    assert "Bảng kê (cảnh báo): rong.txt: không có dòng trong bảng kê" in shown
    assert "unknown column" not in shown
    reply = upload(fresh, "/api/ingest", MANIFEST)
    assert reply.status_code == 422
    problems = {p["line"]: p for p in reply.get_json()["manifest"]}
    assert problems[3]["message"] == "missing.txt: no such file in this upload"
    assert problems[3]["text"] == "missing.txt: không có tệp này trong lần tải lên này"
    assert problems[3]["severity"] == "error" and problems[3]["severity_text"] == "lỗi"
    assert problems[0]["severity_text"] == "cảnh báo"


# --- admin -----------------------------------------------------------------------------------------------


def test_the_index_state_and_audit_actions_have_words(vi, en):
    admin = vi.get("/admin").get_data(as_text=True)
    assert re.search(r'<dd class="state-ok">đã cập nhật</dd>', admin)
    vi.get("/?q=chuyen+doi+so")
    audit = vi.get("/admin/audit?action=search").get_data(as_text=True)
    assert '<span title="search">tìm kiếm</span>' in audit
    assert '<span title="search">search</span>' in en.get("/admin/audit?action=search").get_data(as_text=True)


# --- the language link -----------------------------------------------------------------------------------


def language_link(response) -> str:
    html = response.get_data(as_text=True)
    return unescape(re.search(r'<nav class="lang"[^>]*>\s*<a href="([^"]+)"', html).group(1))


def test_the_language_link_after_a_form_leads_to_a_page_a_get_can_show(vi, app, home):
    disposed = vi.post("/retention/dispose", data={"id": "999999", "authority": "QĐ 1", "as_of": "2030-01-01"})
    link = language_link(disposed)
    assert link == "/language/en?next=/retention?as_of%3D2030-01-01", link
    target = link.split("next=", 1)[1].replace("%3D", "=")
    assert vi.get(target).status_code == 200
    uploaded = vi.post("/ingest", data={"files": (io.BytesIO(b""), "rong.txt")}, content_type="multipart/form-data")
    assert language_link(uploaded) == "/language/en?next=/ingest"
    assert language_link(vi.get("/?q=chuyen+doi+so")) == "/language/en?next=/?q%3Dchuyen%2Bdoi%2Bso"


def test_the_language_link_of_a_post_only_address_goes_to_the_referrer_or_home(app):
    from web.i18n import language_return

    with app.test_request_context(
        "/retention/dispose", method="POST", headers={"Referer": "http://localhost/retention"}
    ):
        assert language_return() == "/retention"
    with app.test_request_context("/retention/dispose", method="POST", headers={"Referer": "http://evil.example/x"}):
        assert language_return() == "/"
    with app.test_request_context("/retention/dispose", method="POST"):
        assert language_return() == "/"
    with app.test_request_context("/admin/users", method="POST"):
        assert language_return() == "/admin/users"
