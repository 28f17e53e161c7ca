"""A clerk's first day, in Debian's Chromium (issue 21): the start page has content, the edit form speaks in
named choices and dd/mm/yyyy and says at its top what happened, sensitive actions ask first, the record page
is built around what a clerk reads, results mark exactly what was typed, the audit trail reads as sentences,
printing keeps the marking on every page, the phone gets the results first, no page logs a console error and
axe-core finds nothing serious or critical on any page. Screenshots of each step go to test-artifacts/screens/.
One browser and one archive for the whole file."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from indexer.normalize import fold
from indexer.reading.detect import office_converter
from tests.conftest import ROOT, SAMPLES, Cli, write
from tests.web.chromium import BROWSER_TESTS, SCREENS
from tests.web.conftest import add_user, serving

pytestmark = BROWSER_TESTS

AXE_VERSION = "4.10.2"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 860}


def axe_script() -> Path:
    """axe-core from the npm registry, installed once into a cache folder (never fetched by the page)."""
    folder = Path.home() / ".cache" / "archive-tests" / f"axe-{AXE_VERSION}"
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: axe-core cannot be fetched (apt-get install npm)")
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder), f"axe-core@{AXE_VERSION}"],
            check=True,
            timeout=300,
        )
    return script


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("clerk")
    settings = Settings(home=root / "home", workers=2)
    cli = Cli(settings)
    assert cli("ingest", str(SAMPLES), "--quiet").exit_code == 0
    extra = root / "extra"
    write(extra / "giai-mat.txt", "Kế hoạch bảo vệ bí mật\n\nNội dung về chuyển đổi số, tuyệt đối giữ bí mật.\n")
    write(extra / "mat.txt", "Kế hoạch phòng thủ\n\nNội dung về phòng thủ dân sự, tuyệt đối giữ bí mật.\n" * 60)
    manifest = write(
        root / "m.csv",
        "file,classification,title,doc_type,doc_number,issued\n"
        "giai-mat.txt,confidential,Kế hoạch bảo vệ bí mật nhà nước,KH,77-KH/TU,2024-03-01\n"
        "mat.txt,confidential,Kế hoạch phòng thủ dân sự,KH,78-KH/TU,2024-04-01\n",
    )
    result, lines = cli.json("ingest", str(extra), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    made = {Path(line["path"]).name: line["id"] for line in lines[:-1]}
    users = {
        "admin": add_user(cli, "admin", "admin", "top_secret"),
        "thu": add_user(cli, "thu", "archivist", "secret"),
        "lan": add_user(cli, "lan", "reader", "unclassified"),
        "tam": add_user(cli, "tam", "reader", "unclassified"),
    }
    with Catalog(settings.catalog_path) as catalog:
        records = list(catalog.iter_records())
    ids = {r.filename: r.id for r in records}
    open_to_all = sum(1 for r in records if r.classification == "unclassified" and not r.compartments)
    SCREENS.mkdir(parents=True, exist_ok=True)
    with serving(settings) as base:
        yield {
            "base": base.replace("127.0.0.1", "localhost"),
            "users": users,
            "ids": ids,
            "settings": settings,
            "mat": made["mat.txt"],
            "giai_mat": made["giai-mat.txt"],
            "open_to_all": open_to_all,
        }


class Watch:
    """Console errors and uncaught exceptions of every page a context opens."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def attach(self, page) -> None:
        page.on("console", lambda m: self.errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))


def open_page(browser, world, user: str | None, viewport=DESKTOP, **options):
    context = browser.new_context(
        base_url=world["base"], viewport=viewport, accept_downloads=True, locale="vi-VN", **options
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.watch = Watch()
    page.watch.attach(page)
    if user:
        page.goto("/login")
        page.get_by_label("Tên đăng nhập").fill(world["users"][user]["name"])
        page.get_by_label("Mật khẩu").fill(world["users"][user]["password"])
        with page.expect_navigation():
            page.get_by_role("button", name="Đăng nhập").click()
    return page


@pytest.fixture(scope="module")
def reader(browser, world):
    page = open_page(browser, world, "lan")
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def clerk(browser, world):
    page = open_page(browser, world, "thu")
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def admin(browser, world):
    page = open_page(browser, world, "admin")
    yield page
    page.context.close()


def shot(page, name: str, full: bool = True) -> None:
    page.screenshot(path=str(SCREENS / f"clerk-{name}.png"), full_page=full)


def results(page) -> int:
    return int(re.match(r"(\d+)", page.locator("#count").inner_text()).group(1))


# 1. A start page with content ----------------------------------------------------------------------------


def test_the_start_page_shows_recent_additions_and_counts_of_what_the_reader_may_see(reader, world):
    page = reader
    page.goto("/")
    recent = page.locator(".recent-list > li")
    assert recent.count() == 8
    assert "Kế hoạch bảo vệ bí mật" not in page.content(), "a confidential record stays out of a reader's list"
    overview = page.locator("section.overview")
    for heading in ("Theo loại", "Theo năm", "Theo độ mật"):
        assert overview.get_by_role("heading", name=heading).count() == 1
    assert "Mật" not in overview.locator("ul").last.inner_text(), "counts only over what the reader may see"
    shot(page, "start")
    page.get_by_role("link", name=re.compile(r"Xem tất cả \d+ văn bản")).click()
    page.wait_for_load_state()
    total = results(page)
    assert total == world["open_to_all"], "an empty search lists every record the reader may see"
    dates = [d for d in page.locator("ol.hits time").evaluate_all("ts => ts.map(t => t.dateTime)")]
    assert dates == sorted(dates, reverse=True), "newest first"


def test_a_date_range_beside_sort_and_a_sort_change_applies_at_once(reader):
    page = reader
    page.goto("/?q=chuyen+doi+so")
    before = results(page)
    with page.expect_navigation():
        page.get_by_label("Sắp xếp").select_option(label="Cũ nhất trước")
    assert "sort=issued_asc" in page.url, "no button to press: the change applies"
    dates = page.locator("ol.hits time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates == sorted(dates)
    middle = dates[len(dates) // 2]
    page.get_by_label("Từ ngày").fill(f"{middle[8:10]}/{middle[5:7]}/{middle[:4]}")
    page.get_by_label("Đến ngày").fill("31/12/2030")
    with page.expect_navigation():
        page.get_by_label("Đến ngày").press("Enter")
    assert 0 < results(page) < before
    chips = page.locator("ul.chips").inner_text()
    assert f"Từ ngày: {middle[8:10]}/{middle[5:7]}/{middle[:4]}" in chips and "Đến ngày: 31/12/2030" in chips
    assert all(t >= middle for t in page.locator("ol.hits time").evaluate_all("ts => ts.map(t => t.dateTime)"))


# 6. Precise results -------------------------------------------------------------------------------------


def test_an_accented_query_marks_only_the_forms_typed(reader):
    page = reader
    page.goto("/?q=" + "chuyển đổi số")
    marked = page.locator("ol.hits mark").all_inner_texts()
    assert marked and {m.lower() for m in marked} <= {"chuyển", "đổi", "số"}, marked
    page.goto("/?q=chuyen+doi+so")
    folded = {fold(m).lower() for m in page.locator("ol.hits mark").all_inner_texts()}
    assert folded <= {"chuyen", "doi", "so"}


def test_chips_name_their_facet_and_no_results_gives_tips(reader):
    page = reader
    page.goto("/?q=chuyen+doi+so")
    page.locator("aside.facets").get_by_role("link", name="Chỉ thị").click()
    page.wait_for_url(re.compile("type=CT"))
    assert "Loại văn bản: Chỉ thị" in page.locator("ul.chips").inner_text()
    page.goto("/?q=xyzzyqwerty&type=CT")
    tips = page.locator(".no-results")
    assert "Bạn có thể" in tips.inner_text() and tips.get_by_role("link", name="tìm lại không dùng bộ lọc").count()
    shot(page, "no-results")


def test_symbol_variants_find_the_symbol_and_suggestions_are_real_accented_words(reader):
    page = reader
    for typed in ("57/NQ-TW", "NQ 57", "nghị quyết 57", "57-nq/tw"):
        page.goto("/?q=" + typed)
        assert page.locator("ol.hits .symbol").first.inner_text() == "57-NQ/TW", typed
    page.goto("/?q=chuyển+đổi+sôô")
    assert page.locator(".suggestion a").inner_text() == "chuyển đổi số", "the words as the records write them"
    page.goto("/?q=ngân+sahc")
    assert page.locator(".suggestion").count() == 0, "no 'ngân san': no record says it"


def test_a_title_about_something_reads_with_its_type(reader):
    page = reader
    page.goto("/?q=&sort=added")
    titles = page.locator("ol.hits a.title").all_inner_texts()
    assert not [t for t in titles if t.startswith(("về ", "V/v"))], titles


# 4. The record page ------------------------------------------------------------------------------------


def test_the_record_page_keeps_the_search_and_puts_the_text_beside_the_key_metadata(reader, world):
    page = reader
    page.goto("/?q=chuyen+doi+so&type=NQ")
    search_url = page.url
    page.locator("ol.hits a.title").first.click()
    page.wait_for_url(re.compile(r"/records/\d+\?"))
    meta, reading = page.locator("section.key-meta").bounding_box(), page.locator(".reading").bounding_box()
    assert reading["x"] > meta["x"] + meta["width"] - 1 and abs(reading["y"] - meta["y"]) < 50, "side by side"
    assert page.locator(".legend").count() == 1 and page.locator(".prov-mark").count() > 1, "one legend"
    assert page.get_by_text("đọc từ văn bản", exact=True).count() == 0 or page.locator(".legend").count() == 1
    details = page.locator("details.technical")
    assert details.locator("summary").inner_text() == "Thông tin kỹ thuật"
    assert not details.locator("dl").is_visible(), "folded"
    assert "Nhập từ" not in details.inner_text(), "a reader never learns the server path"
    shot(page, "record")
    page.get_by_role("link", name="← Quay lại kết quả").click()
    page.wait_for_load_state()
    assert page.url == search_url


def test_citations_are_named_by_title_both_ways_and_a_translation_is_tagged(clerk, world):
    page = clerk
    page.goto(f"/records/{world['ids']['report-412-BC-TU-en.pdf']}")
    assert "Bản dịch (tiếng anh)" in page.locator("h1").inner_text()
    page.goto(f"/records/{world['ids']['chi-thi-18-CT-TU.docx']}")
    for heading in ("Văn bản này dẫn chiếu", "Được dẫn chiếu bởi"):
        items = page.locator("section.links h3", has_text=heading).locator("xpath=following-sibling::ul[1]/li")
        linked = [li for li in items.all() if li.locator("a").count()]
        assert all(len(li.inner_text()) > len(li.locator("a").inner_text()) + 5 for li in linked), heading


def test_a_docx_is_previewed_as_a_pdf_made_by_libreoffice(reader, world):
    page = reader
    page.goto(f"/records/{world['ids']['nghi-quyet-57-NQ-TW.docx']}")
    if office_converter() is None:
        assert "máy chủ chưa cài LibreOffice" in page.locator(".preview-area").inner_text()
        return
    frame = page.locator("iframe.preview")
    answer = page.request.get(frame.get_attribute("src"))
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    assert answer.body().startswith(b"%PDF")
    shot(page, "record-docx-preview")


# 5. Upload as a review step ------------------------------------------------------------------------------------

TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """`text` as Excel's plain "CSV" writes it on a Vietnamese Windows: Windows-1258, tone marks apart."""
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in TONES))
        out += base.encode("cp1258") + "".join(m for m in parts if m in TONES).encode("cp1258")
    return out


def test_an_upload_is_reviewed_with_what_was_read_and_links_to_correct_it(clerk, world):
    page = clerk
    page.goto("/ingest")
    template = page.request.get(page.get_by_role("link", name="Tải bảng kê mẫu để điền").get_attribute("href"))
    assert template.body().startswith("\ufeffTệp,".encode()), "Vietnamese headers, a BOM for Excel"
    files = {
        "cv-20.txt": "Công văn về việc chuẩn bị hội nghị lưu trữ.\n" + "Nội dung công văn về lưu trữ. " * 30,
        "bc-moi.txt": "Báo cáo tình hình lưu trữ quý I.\n" + "Nội dung báo cáo về lưu trữ điện tử. " * 30,
        "hong.docx": "PK\x03\x04 hỏng",
    }
    dropped = [{"name": n, "mimeType": "text/plain", "buffer": b.encode()} for n, b in files.items()]
    page.set_input_files("#files", dropped)
    listing = (
        "Tệp,Số và ký hiệu,Trích yếu,Ngày ban hành\ncv-20.txt,20-CV/VPTU,V/v chuẩn bị hội nghị lưu trữ,05/03/2025\n"
    )
    page.set_input_files("#manifest", {"name": "bang-ke.csv", "mimeType": "text/csv", "buffer": cp1258(listing)})
    page.get_by_label("Độ mật", exact=True).select_option(label="Mật")
    page.get_by_label("Loại văn bản", exact=True).select_option(label="Công văn")
    page.get_by_label("Ghi chú", exact=True).fill("Nhập đợt tháng 3")
    page.get_by_role("button", name="Tải lên và nhập").click()
    page.locator("#review-list tbody tr").first.wait_for()
    rows = {
        r.locator("td").first.inner_text(): r.locator("td").all_inner_texts()
        for r in page.locator("#review-list tbody tr").all()
    }
    assert rows["cv-20.txt"][1:6] == ["20-CV/VPTU", "Công văn", "V/v chuẩn bị hội nghị lưu trữ", "05/03/2025", "Mật"]
    assert rows["bc-moi.txt"][2] == "Công văn" and rows["bc-moi.txt"][5] == "Mật", "the form's choices hold"
    reason = page.locator("#file-list tbody tr", has_text="hong.docx").locator("td").nth(4).inner_text()
    assert reason and not re.search(r"[A-Za-z]{4,} (is|not|a) ", reason), f"a reason in Vietnamese: {reason}"
    shot(page, "upload-review")
    page.locator("#review-list tbody tr", has_text="cv-20.txt").get_by_role("link").click()
    page.wait_for_load_state()
    assert page.locator("form.edit").is_visible(), "the link opens the record's edit form"
    with Catalog(world["settings"].catalog_path) as catalog:
        record = catalog.get(int(re.search(r"/records/(\d+)", page.url).group(1)))
    assert (record.notes, record.classification, record.issued) == ("Nhập đợt tháng 3", "confidential", "2025-03-05")


# 2. The edit form, and 3. sensitive actions ----------------------------------------------------------------


def test_the_edit_form_speaks_in_named_choices_and_says_at_the_top_what_happened(clerk, world):
    page = clerk
    record = world["ids"]["cong-van-1537-CV-VPTU.txt"]
    page.goto(f"/records/{record}?q=cong+van")
    form = page.locator("form.edit")
    assert not form.is_visible(), "behind its button"
    page.get_by_text("Sửa thông tin", exact=True).click()
    assert page.get_by_label("Loại văn bản", exact=True).locator("option:checked").inner_text() == "Công văn"
    assert page.get_by_label("Ngôn ngữ", exact=True).locator("option:checked").inner_text() == "Tiếng Việt"
    issued = page.get_by_label("Ngày ban hành", exact=True)
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", issued.input_value())
    issued.fill("31/02/2025")
    page.get_by_label("Độ khẩn", exact=True).select_option(label="Khẩn")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu thay đổi").click()
    notice = page.locator("#notice")
    assert "Chưa lưu" in notice.inner_text() and "Ngày ban hành" in notice.inner_text()
    assert page.evaluate("document.activeElement.id") == "notice", "focus moved to what happened"
    assert notice.bounding_box()["y"] < 300, "said at the top"
    box = {n: page.locator(s).bounding_box() for n, s in (("label", "label[for=f-issued]"), ("input", "#f-issued"))}
    assert abs(box["label"]["y"] - box["input"]["y"]) < 20, "the label stays beside its own input"
    shot(page, "edit-refused")
    issued.fill("20/02/2025")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu thay đổi").click()
    assert page.locator("#notice").inner_text() == "Đã lưu. Đã sửa: ngày ban hành, độ khẩn."
    assert page.evaluate("document.activeElement.id") == "notice"
    assert "q=cong+van" in page.url, "the search is kept"
    with Catalog(world["settings"].catalog_path) as catalog:
        saved = catalog.get(record)
    assert (saved.issued, saved.urgency) == ("2025-02-20", "urgent")
    shot(page, "edit-saved")


def test_declassifying_asks_for_the_decision_and_reason_then_confirms_and_reports(clerk, world):
    page = clerk
    record = world["giai_mat"]
    page.goto(f"/records/{record}")
    page.get_by_text("Giải mật", exact=True).click()
    page.get_by_label("Số quyết định").fill("12-QĐ/TU")
    page.get_by_label("Lý do", exact=True).first.fill("Hết thời hạn bảo vệ bí mật")
    with page.expect_navigation():
        page.get_by_role("button", name="Tiếp tục").click()
    assert page.get_by_role("heading", name="Giải mật văn bản này?").is_visible()
    assert "12-QĐ/TU" in page.locator("main").inner_text()
    shot(page, "declassify-confirm")
    with page.expect_navigation():
        page.get_by_role("button", name="Có, giải mật").click()
    assert page.locator("#notice").inner_text().startswith("Đã giải mật")
    with Catalog(world["settings"].catalog_path) as catalog:
        assert catalog.get(record).classification == "unclassified"
        entry = catalog.db.execute(
            "SELECT detail FROM events WHERE action = 'classification.changed' AND record_id = ?", (record,)
        ).fetchone()[0]
    assert "12-QĐ/TU" in entry and "Hết thời hạn" in entry


def test_locking_a_user_asks_first_and_is_never_offered_on_ones_own_row(admin):
    page = admin
    page.goto("/admin/users")
    assert page.get_by_role("button", name="Khóa admin").count() == 0
    page.get_by_role("button", name="Khóa tam").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=re.compile("Khóa tài khoản của tam")).is_visible()
    shot(page, "lock-confirm")
    with page.expect_navigation():
        page.get_by_role("button", name="Có, khóa tam").click()
    assert page.locator("tr", has_text="tam").get_by_role("button", name="Mở khóa tam").count() == 1


def test_users_get_a_display_name_and_unit(admin):
    page = admin
    page.goto("/admin/users")
    row = page.locator("tr", has=page.locator("th", has_text="lan"))
    row.get_by_role("textbox", name="Họ và tên (lan)", exact=True).fill("Nguyễn Thị Lan")
    row.get_by_role("textbox", name="Đơn vị (lan)", exact=True).fill("Văn phòng Tỉnh ủy")
    with page.expect_navigation():
        row.get_by_role("button", name="Lưu").click()
    assert "Nguyễn Thị Lan" in page.locator("tr", has_text="lan").first.inner_text()


# 7. The audit trail ----------------------------------------------------------------------------------------


def test_the_audit_trail_reads_as_sentences_in_local_time(admin, world):
    page = admin
    page.goto("/admin/audit")
    page.get_by_label("Việc", exact=True).select_option(label="Tải về")
    with page.expect_navigation():
        page.get_by_role("button", name="Lọc").click()
    assert "action=download" in page.url
    page.goto("/admin/audit?action=classification.changed")
    rows = page.locator("table.audit tbody tr")
    assert rows.count() >= 1
    first = rows.first.locator("td")
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", first.nth(1).inner_text())
    assert first.nth(5).locator("a").inner_text() == "77-KH/TU", "the record named by its symbol"
    detail = first.nth(6).inner_text()
    assert "{" not in detail and "Đã giải mật" in detail and "12-QĐ/TU" in detail
    shot(page, "audit")
    exported = page.request.get("/admin/audit.csv")
    assert exported.body().startswith("\ufeff".encode()), "a BOM: spreadsheet programs read UTF-8"
    rows = list(csv.DictReader(io.StringIO(exported.text().lstrip("\ufeff"))))
    assert "classification.changed" in {r["action"] for r in rows}


# 8. Printing -------------------------------------------------------------------------------------------------


def test_a_classified_record_prints_with_its_marking_on_every_page_and_no_controls(clerk, world):
    import pypdfium2

    page = clerk
    page.goto(f"/records/{world['mat']}")
    page.emulate_media(media="print")
    try:
        shot(page, "print-media")
        assert not page.locator("header").is_visible() and not page.locator("form.edit").is_visible()
        pdf = page.pdf(format="A4")
    finally:
        page.emulate_media(media="screen")
    document = pypdfium2.PdfDocument(pdf)
    try:
        assert len(document) >= 2, "a long text: several printed pages"
        for number in range(len(document)):
            document[number].render(scale=1).to_pil().save(SCREENS / f"clerk-print-page-{number + 1}.png")
            text = document[number].get_textpage().get_text_range()
            assert "MẬT" in text and "KHÔNG MẬT" not in text, f"printed page {number + 1} carries the marking"
            assert "Lưu thay đổi" not in text and "Đăng xuất" not in text
    finally:
        document.close()


# 10. Phone width ----------------------------------------------------------------------------------------------


def test_on_a_phone_the_results_come_first_and_tables_scroll_in_their_own_box(browser, world):
    page = open_page(browser, world, "admin", viewport=PHONE)
    try:
        page.goto("/?q=chuyen+doi+so")
        assert page.locator("header").bounding_box()["height"] < 120, "a compact header"
        first = page.locator("ol.hits > li").first.bounding_box()
        assert first["y"] + 40 < PHONE["height"], "the first result on the first screen"
        assert not page.locator("aside.facets").is_visible()
        shot(page, "phone-search", full=False)
        page.get_by_text("Bộ lọc", exact=True).click()
        assert page.locator("aside.facets").is_visible()
        shot(page, "phone-filters", full=False)
        for path in ("/admin/audit", "/admin/users", "/retention?as_of=2200-01-01", f"/records/{world['mat']}"):
            page.goto(path)
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= PHONE["width"] + 1, f"{path}: the page scrolls sideways ({wide} px)"
        page.goto("/admin/audit")
        shot(page, "phone-audit", full=False)
    finally:
        page.context.close()


# 9. Vietnamese formats and words; no console errors and axe-core on every page ------------------------------------

PAGES = (
    "/",
    "/?q=chuyen+doi+so",
    "/?q=",
    "/?q=xyzzyqwerty",
    "/records/{docx}",
    "/records/{mat}",
    "/ingest",
    "/admin",
    "/retention?as_of=2200-01-01",
    "/classification?as_of=2200-01-01",
    "/admin/ocr",
    "/admin/users",
    "/admin/audit",
    "/records/999999",
)
ENGLISH = re.compile(r"\b(anonymous|prefix\*|domat:|-word|Records archive|Search|Log out|Metadata)\b")


def pages_of(world) -> list[str]:
    return [p.format(docx=world["ids"]["nghi-quyet-57-NQ-TW.docx"], mat=world["mat"]) for p in PAGES]


def test_every_page_speaks_vietnamese_in_vietnamese_formats_and_logs_no_console_error(browser, world):
    page = open_page(browser, world, None)
    try:
        page.goto("/login")
        assert page.get_by_label("Tên đăng nhập").count() == 1
        page.get_by_label("Tên đăng nhập").fill(world["users"]["admin"]["name"])
        page.get_by_label("Mật khẩu").fill(world["users"]["admin"]["password"])
        with page.expect_navigation():
            page.get_by_role("button", name="Đăng nhập").click()
        for path in pages_of(world):
            page.goto(path)
            words = page.locator("body").inner_text()
            assert not ENGLISH.search(words), f"{path}: {ENGLISH.search(words).group(0)!r}"
        page.goto(f"/records/{world['ids']['nghi-quyet-57-NQ-TW.docx']}")
        assert re.search(r"\d+,\d KB", page.locator(".actions .file").inner_text()), "a decimal comma"
        page.goto("/admin/users")
        page.get_by_label("Tên đăng nhập").fill("nguoi.moi")  # the pattern is valid: no console error
        assert page.evaluate("document.getElementById('new-name').checkValidity()")
        page.get_by_label("Tên đăng nhập").fill("tên có dấu cách")
        assert not page.evaluate("document.getElementById('new-name').checkValidity()")
    finally:
        page.context.close()
    # The one error Chromium logs by itself: the status of the 404 page visited on purpose.
    assert [e for e in page.watch.errors if "/records/999999: Failed to load resource" not in e] == []


def test_axe_core_finds_nothing_serious_or_critical_on_any_page(browser, world):
    script = axe_script().read_text(encoding="utf-8")
    # The pages allow only their own scripts (CSP); axe is the test's, so this context lets it in.
    page = open_page(browser, world, "admin", bypass_csp=True)
    problems = {}
    try:
        for path in [*pages_of(world), "/login"]:
            page.goto(path)
            page.add_script_tag(content=script)
            found = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
            )
            if found:
                problems[path] = found
    finally:
        page.context.close()
    assert problems == {}


def test_the_readme_picture_is_the_search_page(reader):
    page = reader
    page.set_viewport_size(DESKTOP)
    page.goto("/?q=chuyển+đổi+số")
    target = ROOT / "test-artifacts" / "screens" / "clerk-readme-search.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000  # docs/search-page.png is refreshed from this screenshot
