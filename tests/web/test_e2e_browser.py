"""End to end in Debian's Chromium, driven by Playwright, against the app under real waitress: log in,
search with and without diacritics, narrow by a facet, open a record, download it, upload a batch with a
broken file, approve a disposal, log out; and a reader with low clearance finds no trace of a secret
record. Screenshots of the main pages go to test-artifacts/screens/ (not committed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from tests.conftest import SAMPLES, VI_TEXT, Cli, write
from tests.web.chromium import BROWSER_TESTS, SCREENS
from tests.web.conftest import add_user, serving

SECRET_WORD = "bimatquansu"
SECRET_TITLE = "Kế hoạch phòng thủ khu vực biên giới"

pytestmark = BROWSER_TESTS


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


def new_page(browser, world, **options):
    # "localhost", where Chromium keeps Secure cookies over plain HTTP (the app marks them Secure on loopback).
    base = world["base"].replace("127.0.0.1", "localhost")
    viewport = {"width": 1280, "height": 860}
    context = browser.new_context(base_url=base, accept_downloads=True, viewport=viewport, **options)
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
    rows = {name: status for name, (status, _) in file_rows(admin_page).items()}
    assert rows == {"lap-lai.txt": "đã thêm", "hong.pdf": "lỗi", "thong-bao-moi.txt": "trùng"}  # in name order
    shot(admin_page, "ingest")


def file_rows(page) -> dict[str, tuple[str, str]]:
    """The per-file table: name → (outcome, reason)."""
    rows = {}
    for row in page.locator("#file-list tbody tr").all():
        cells = row.locator("td")
        rows[row.locator("th").inner_text()] = (cells.nth(2).inner_text(), cells.nth(4).inner_text())
    return rows


HOSTILE = 'Báo cáo "quý II" <img src=x onerror=alert(1)>.txt'
DROPPED = {
    "cong-van-keo-tha.txt": ("Công văn kéo thả về số hóa tài liệu lưu trữ.\n" + VI_TEXT).encode(),
    HOSTILE: ("Báo cáo quý II về kéo thả tài liệu.\n" + VI_TEXT).encode(),
    "z-ban-sao.txt": ("Công văn kéo thả về số hóa tài liệu lưu trữ.\n" + VI_TEXT).encode(),
    "hong-keo-tha.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage\n",
    "chuong-trinh.bin": bytes(range(256)) * 2,
}
# What a file manager hands the page when files are dropped on it: a DataTransfer holding File objects.
DROP = """files => {
  const dropped = new DataTransfer();
  for (const [name, bytes] of Object.entries(files)) dropped.items.add(new File([new Uint8Array(bytes)], name));
  return dropped;
}"""
WATCH = """() => {
  window.seenStates = new Set();
  const body = document.querySelector("#file-list tbody");
  new MutationObserver((changes) => changes.forEach((c) => window.seenStates.add(c.target.className)))
    .observe(body, { attributes: true, attributeFilter: ["class"], subtree: true });
}"""


def test_drop_files_and_follow_each_one_to_its_outcome(admin_page, world):
    page = admin_page
    page.goto("/ingest")
    dropped = page.evaluate_handle(DROP, {name: list(body) for name, body in DROPPED.items()})
    for event in ("dragenter", "dragover"):
        page.dispatch_event("#dropzone", event, {"dataTransfer": dropped})
    assert "over" in page.locator("#dropzone").get_attribute("class")
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": dropped})
    assert "over" not in page.locator("#dropzone").get_attribute("class")
    assert {name: status for name, (status, _) in file_rows(page).items()} == dict.fromkeys(DROPPED, "sẵn sàng tải lên")
    size = sum(len(body) for body in DROPPED.values()) / 1024
    assert page.locator("#phase").inner_text() == f"Đã chọn 5 tệp, tổng cộng {size:.1f} KB".replace(
        ".", ","
    )  # a decimal comma
    manifest = 'file,doc_number\n"Báo cáo ""quý II"" <img src=x onerror=alert(1)>.txt",9-BC/VPTU\n'
    page.set_input_files("#manifest", {"name": "m.csv", "mimeType": "text/csv", "buffer": manifest.encode()})
    page.evaluate(WATCH)
    page.get_by_role("button", name="Tải lên và nhập").click()
    page.locator("#phase", has_text="5 tệp: 2 đã thêm, 1 trùng, 1 không hỗ trợ, 1 lỗi").wait_for()
    rows = file_rows(page)
    assert {name: status for name, (status, _) in rows.items()} == {
        "cong-van-keo-tha.txt": "đã thêm",
        HOSTILE: "đã thêm",
        "z-ban-sao.txt": "trùng",
        "hong-keo-tha.pdf": "lỗi",
        "chuong-trinh.bin": "không hỗ trợ",
    }
    assert rows["hong-keo-tha.pdf"][1] and rows["chuong-trinh.bin"][1], "each refusal says why"
    assert page.locator("#file-list img").count() == 0, "a name is text, never markup"
    assert {"file-queued", "file-sent", "file-ingesting"} <= set(page.evaluate("[...window.seenStates]"))
    for name in DROPPED:  # every row has its own bar, named by the column and the file
        bar = page.get_by_role("progressbar", name=f"Tiến độ {name}", exact=True)
        assert bar.get_attribute("aria-valuenow") or bar.evaluate("b => b.value") is not None
    assert page.get_by_role("progressbar", name="Tiến độ hong-keo-tha.pdf").evaluate("b => b.value") == 100
    hostile_id = int(page.locator("#file-list tbody tr", has_text="quý II").get_by_role("link").inner_text())
    with Catalog(Settings(home=world["root"] / "home").catalog_path) as catalog:
        record = catalog.get(hostile_id)
    assert record.doc_number == "9-BC/VPTU", "the manifest names a file with quotes in its name"
    assert record.source_path == f"upload:{HOSTILE}", "provenance: the name as the archivist sent it"
    shot(page, "ingest-drop")


LARGE = """(names) => {
  const dropped = new DataTransfer();
  names.forEach((name, i) => {
    dropped.items.add(new File([`Công văn số ${i} về lưu trữ hồ sơ điện tử. `.repeat(2500)], name));
  });
  return dropped;
}"""
RECORD = """() => {
  window.snapshots = [];
  const body = document.querySelector("#file-list tbody");
  const value = (row) => Number(row.querySelector("progress").getAttribute("value"));
  const snap = () => [...body.rows].map((row) => [row.className, value(row)]);
  new MutationObserver(() => window.snapshots.push(snap()))
    .observe(body, { attributes: true, attributeFilter: ["class", "value"], subtree: true });
}"""


def test_each_file_shows_its_own_upload_progress(admin_page):
    page = admin_page
    page.goto("/ingest")
    names = ["cv-lon-1.txt", "cv-lon-2.txt", "cv-lon-3.txt"]
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": page.evaluate_handle(LARGE, names)})
    page.evaluate(RECORD)
    cdp = page.context.new_cdp_session(page)
    slow = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 300 * 1024}
    cdp.send("Network.emulateNetworkConditions", slow)  # ~430 KB at 300 KB/s: over a second of progress
    try:
        page.get_by_role("button", name="Tải lên và nhập").click()
        page.locator("#phase", has_text="Đang tải lên: đã gửi 1/3 tệp").wait_for()
        page.locator("#phase", has_text="3 tệp: 3 đã thêm").wait_for(timeout=60_000)
    finally:
        cdp.send("Network.emulateNetworkConditions", {**slow, "uploadThroughput": -1})
        cdp.detach()
    snapshots = page.evaluate("window.snapshots")
    assert any(
        first == ["file-sent", 100]
        and second[0] == "file-uploading"
        and 0 < second[1] < 100
        and third == ["file-queued", 0]
        for first, second, third in snapshots
    ), "the first file is sent while the second is on its way and the third waits its turn"
    assert snapshots[-1] == [["file-added", 100]] * 3


def test_a_manifest_with_errors_leaves_each_file_not_ingested(admin_page):
    page = admin_page
    page.goto("/ingest")
    dropped = page.evaluate_handle(DROP, {"le.txt": list(b"Cong van le.\n" + VI_TEXT.encode())})
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": dropped})
    manifest = b"file,issued\nle.txt,not-a-date\n"
    page.set_input_files("#manifest", {"name": "m.csv", "mimeType": "text/csv", "buffer": manifest})
    page.get_by_role("button", name="Tải lên và nhập").click()
    page.get_by_role("alert").filter(has_text="Bảng kê có lỗi: chưa nhập tệp nào.").wait_for()
    assert file_rows(page) == {"le.txt": ("chưa nhập", "")}
    problem = page.locator("#manifest-problems li").inner_text()
    assert problem.startswith("Bảng kê, dòng 2 (lỗi): le.txt: Ngày ban hành: không phải ngày: 'not-a-date'"), problem


def test_the_plain_form_works_without_javascript(browser, world):
    page = new_page(browser, world, java_script_enabled=False)
    try:
        login(page, world["users"]["admin"])
        folder = world["root"] / "no-script"
        files = [write(folder / "khong-js.txt", "Văn bản tải lên không cần JavaScript.\n" + VI_TEXT)]
        files.append(write(folder / "hong-2.pdf", b"%PDF-1.4\ntrailer garbage\n"))
        page.goto("/ingest")
        page.set_input_files("#files", [str(f) for f in files])
        with page.expect_navigation():
            page.get_by_role("button", name="Tải lên và nhập").click()
        rows = {
            r.locator("td").nth(0).inner_text(): (
                r.locator("td").nth(1).inner_text(),
                r.locator("td").nth(3).inner_text(),
            )
            for r in page.locator("#outcomes tbody tr").all()
        }
        assert rows["khong-js.txt"] == ("đã thêm", "") and rows["hong-2.pdf"][0] == "lỗi" and rows["hong-2.pdf"][1]
        assert page.locator("#files-view").is_hidden(), "the per-file view is the script's"
    finally:
        page.context.close()


def test_approve_a_disposal(admin_page, world):
    old = world["ids"]["cu"]
    admin_page.goto("/admin")
    shot(admin_page, "admin")
    admin_page.get_by_role("link", name="Xét hủy theo thời hạn bảo quản").click()
    admin_page.goto("/retention?as_of=2100-01-01")
    admin_page.locator(f"#dispose-{old}").check()
    admin_page.get_by_label("Quyết định tiêu hủy").fill("Quyết định số 12-QĐ/VPTU")
    admin_page.get_by_role("button", name="Tiêu hủy các hồ sơ đã chọn").click()
    admin_page.get_by_role("button", name="Có, tiêu hủy").click()  # the confirmation step (issue 21)
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
        seen.append(page.content().replace(f"hồ sơ {secret}", "hồ sơ N"))  # "không tìm thấy hồ sơ N"
        page.goto("/records/999999")
        assert seen[-1] == page.content().replace("hồ sơ 999999", "hồ sơ N"), "hidden reads as absent"
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
