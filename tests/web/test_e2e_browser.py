"""End to end in Debian's Chromium, driven by Playwright, against the app under real waitress: log in,
search with and without diacritics, narrow by a facet, open a record, download it, upload a batch with a
broken file, approve a disposal, log out; and a reader with low clearance finds no trace of a secret
record. Screenshots of the main pages go to test-artifacts/screens/ (not committed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive.config import Settings
from tests.conftest import ROOT, SAMPLES, VI_TEXT, Cli, write
from tests.web.conftest import add_user, serving

CHROMIUM = Path("/usr/bin/chromium")
SCREENS = ROOT / "test-artifacts" / "screens"
SECRET_WORD = "bimatquansu"
SECRET_TITLE = "Kế hoạch phòng thủ khu vực biên giới"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    settings = Settings(home=root / "home", workers=2)
    cli = Cli(settings)
    assert cli("ingest", str(SAMPLES), "--quiet").exit_code == 0
    extra = root / "extra"
    write(extra / "mat.txt", f"{SECRET_TITLE}\n\nNội dung {SECRET_WORD} về chuyển đổi số tuyệt đối giữ bí mật.\n")
    write(extra / "cu.txt", "V/v lưu trữ hồ sơ năm 2000\n\nCông văn cũ về chuyển đổi số đã hết thời hạn bảo quản.\n")
    manifest = write(
        root / "m.csv",
        "file,classification,title,doc_type,doc_number,issued\n"
        f"mat.txt,secret,{SECRET_TITLE},KH,77-KH/TU,2024-03-01\n"
        "cu.txt,unclassified,V/v lưu trữ hồ sơ năm 2000,CV,3-CV/VPTU,2000-02-01\n",
    )
    result, lines = cli.json("ingest", str(extra), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    ids = {Path(line["path"]).stem: line["id"] for line in lines[:-1]}
    users = {
        "admin": add_user(cli, "admin", "admin", "top_secret"),
        "lan": add_user(cli, "lan", "reader", "confidential"),
    }
    SCREENS.mkdir(parents=True, exist_ok=True)
    with serving(settings) as base:
        yield {"base": base, "ids": ids, "users": users, "root": root}


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()


def new_page(browser, world):
    # "localhost", where Chromium keeps Secure cookies over plain HTTP (the app marks them Secure on loopback).
    base = world["base"].replace("127.0.0.1", "localhost")
    context = browser.new_context(base_url=base, accept_downloads=True, viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def login(page, user: dict) -> None:
    page.goto("/login")
    page.get_by_label("Tên").fill(user["name"])
    page.get_by_label("Mật khẩu").fill(user["password"])
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()
    assert page.locator("header .who").count() == 1, (page.context.cookies(), page.locator("main").inner_text())


def search(page, query: str) -> int:
    page.get_by_label("Tìm trong kho").fill(query)
    page.get_by_label("Tìm trong kho").press("Enter")
    page.wait_for_load_state()
    return int(re.match(r"(\d+)", page.locator("#count").inner_text()).group(1))


def shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=name != "search")


@pytest.fixture(scope="module")
def admin_page(browser, world):
    page = new_page(browser, world)
    login(page, world["users"]["admin"])
    yield page
    page.context.close()


def test_login_shows_name_role_and_clearance(admin_page):
    who = admin_page.locator("header .who").inner_text()
    assert "admin" in who and "quản trị viên" in who and "Tuyệt mật" in who


def test_search_with_and_without_diacritics_then_a_facet(admin_page):
    plain = search(admin_page, "chuyen doi so")
    assert plain >= 8 and admin_page.locator("ol.hits mark").count() > 0
    shot(admin_page, "search")
    assert search(admin_page, "chuyển đổi số") == plain
    admin_page.locator("aside.facets").get_by_role("link", name="Chỉ thị").click()
    admin_page.wait_for_url(re.compile(r"type=CT"))
    assert int(re.match(r"(\d+)", admin_page.locator("#count").inner_text()).group(1)) == 1
    assert "type=CT" in admin_page.url and "q=" in admin_page.url  # the whole search is in the URL


def test_open_a_record_and_download_it(admin_page):
    admin_page.locator("ol.hits a.title").first.click()
    admin_page.wait_for_url(re.compile(r"/records/\d+\?q="))
    assert admin_page.locator("p.banner").count() == 2
    assert admin_page.locator("pre.text mark").count() > 0, "the search terms are marked in the text"
    shot(admin_page, "record")
    with admin_page.expect_download() as download:
        admin_page.get_by_role("link", name="Tải bản gốc").click()
    saved = Path(download.value.path())
    assert saved.read_bytes() == (SAMPLES / download.value.suggested_filename).read_bytes()


def test_upload_a_batch_with_one_broken_file(admin_page, world):
    folder = world["root"] / "upload"
    good = write(folder / "thong-bao-moi.txt", "Thông báo mới về lưu trữ điện tử.\n" + VI_TEXT)
    broken = write(folder / "hong.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage\n")
    again = write(folder / "lap-lai.txt", "Thông báo mới về lưu trữ điện tử.\n" + VI_TEXT)
    admin_page.goto("/ingest")
    admin_page.set_input_files("#files", [str(good), str(broken), str(again)])
    admin_page.get_by_role("button", name="Tải lên và nhập").click()
    admin_page.locator("#phase", has_text="3 tệp: 1 đã thêm, 1 trùng, 0 không hỗ trợ, 1 lỗi").wait_for()
    rows = {
        r.locator("td").nth(0).inner_text(): r.locator("td").nth(1).inner_text()
        for r in admin_page.locator("#outcomes tbody tr").all()
    }
    assert rows == {"lap-lai.txt": "đã thêm", "hong.pdf": "lỗi", "thong-bao-moi.txt": "trùng"}  # in name order
    shot(admin_page, "ingest")


def test_approve_a_disposal(admin_page, world):
    old = world["ids"]["cu"]
    admin_page.goto("/admin")
    shot(admin_page, "admin")
    admin_page.get_by_role("link", name="Xét hủy theo thời hạn bảo quản").click()
    admin_page.goto("/retention?as_of=2100-01-01")
    admin_page.locator(f"#dispose-{old}").check()
    admin_page.get_by_label("Quyết định tiêu hủy").fill("Quyết định số 12-QĐ/VPTU")
    admin_page.get_by_role("button", name="Tiêu hủy các hồ sơ đã chọn").click()
    admin_page.locator("p.ok", has_text=f"đã tiêu hủy: hồ sơ {old}").wait_for()
    shot(admin_page, "retention")
    assert admin_page.goto(f"/records/{old}").status == 410


def test_admin_pages_render(admin_page):
    for path, name in (("/admin/users", "users"), ("/admin/audit", "audit"), ("/admin/ocr", "ocr")):
        assert admin_page.goto(path).status == 200
        shot(admin_page, name)


def test_log_out(admin_page):
    admin_page.goto("/")
    admin_page.get_by_role("button", name="Đăng xuất").click()
    admin_page.wait_for_url(re.compile(r"/login"))
    admin_page.goto("/")
    assert "/login" in admin_page.url


def test_a_reader_with_low_clearance_sees_no_trace_of_a_secret_record(browser, world):
    page = new_page(browser, world)
    try:
        login(page, world["users"]["lan"])
        assert search(page, SECRET_WORD) == 0
        seen = [page.content().replace(SECRET_WORD, "")]  # what the reader typed comes back; nothing more
        total = search(page, "chuyen doi so")
        assert total >= 8
        seen.append(page.content())
        secret = world["ids"]["mat"]
        assert page.goto(f"/records/{secret}").status == 404
        seen.append(page.content().replace(f"record {secret}", "record N"))
        page.goto("/records/999999")
        assert seen[-1] == page.content().replace("record 999999", "record N"), "hidden reads as absent"
        for html in seen:
            for marker in (
                SECRET_WORD,
                SECRET_TITLE.split()[-1],
                SECRET_TITLE,
                "77-KH/TU",
                "Tối mật",
                "Tuyệt mật",
                f'href="/records/{secret}"',
            ):
                assert marker not in html
        shot(page, "reader-search")
    finally:
        page.context.close()


def test_english_is_a_click_away(browser, world):
    page = new_page(browser, world)
    try:
        login(page, world["users"]["lan"])
        page.get_by_role("link", name="English").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("button", name="Log out").is_visible()
        page.set_viewport_size({"width": 800, "height": 1100})  # a tablet held upright
        page.goto("/?q=chuyen+doi+so")
        shot(page, "search-tablet-en")
        assert page.locator("aside.facets").bounding_box()["width"] > 600, "facets stack above the hits"
    finally:
        page.context.close()
