"""In Debian's Chromium: every main page fits a tablet (768 px wide) without scrolling sideways and with a
compact header, the keyboard focus shows on the red header, and the ingest page's script says each file's
reason and the manifest's problems in the reader's language (from the JSON's localized fields)."""

from __future__ import annotations

import pytest

from archive.config import Settings
from archive.pipeline.ingest import ingest
from tests.conftest import SAMPLES, Cli, record_ids
from tests.web.chromium import BROWSER_TESTS, SCREENS
from tests.web.conftest import add_user, serving
from tests.web.test_accessibility import contrast

pytestmark = BROWSER_TESTS

TABLET = {"width": 768, "height": 1024}
PAGES = (
    "/",
    "/?q=chuyen+doi+so",
    "/records/{record}",  # a record of the samples, its id read back
    "/ingest",
    "/admin",
    "/retention?as_of=2200-01-01",
    "/classification?as_of=2200-01-01",
    "/admin/ocr",
    "/admin/users",
    "/admin/audit",
    "/records/99999",
)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("layout")
    SCREENS.mkdir(parents=True, exist_ok=True)
    settings = Settings(home=root / "home", workers=2)
    ingest(settings, [SAMPLES])
    # A long name in the header, as real ones are (and in the audit trail's detail column).
    admin = add_user(Cli(settings), "nguyen.van.quan-tri@vanphong-tinhuy", "admin", "top_secret")
    record = record_ids(settings)["nghi-quyet-57-NQ-TW.docx"]
    with serving(settings) as base:
        yield {"base": base.replace("127.0.0.1", "localhost"), "admin": admin, "root": root, "record": record}


@pytest.fixture(scope="module")
def tablet(browser, world):
    context = browser.new_context(base_url=world["base"], viewport=TABLET)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/login")
    page.fill("#name", world["admin"]["name"])
    page.fill("#password", world["admin"]["password"])
    with page.expect_navigation():
        page.click("form.login button")
    page.goto("/?q=" + "x" * 240)  # an audit entry whose detail holds one very long word
    yield page
    context.close()


def test_no_main_page_scrolls_sideways_on_a_tablet(tablet, world):
    for page in PAGES:
        path = page.format(record=world["record"])
        tablet.goto(path)
        width, inner, header = tablet.evaluate(
            "() => [document.documentElement.scrollWidth, innerWidth,"
            " document.querySelector('header').getBoundingClientRect().height]"
        )
        name = page.strip("/").split("?")[0].replace("/", "-").replace("{record}", "1") or (
            "search" if "q=" in page else "home"
        )
        tablet.screenshot(path=str(SCREENS / f"tablet-{name}.png"))
        assert width <= inner, f"{path} is {width} px wide in a {inner} px window"
        assert header <= 100, f"{path}: the header takes {header} px"


def test_the_keyboard_focus_shows_on_the_red_header(tablet):
    tablet.goto("/admin")
    tablet.keyboard.press("Tab")  # the skip link
    tablet.keyboard.press("Tab")  # the archive's name, on the header
    outline, width, background = tablet.evaluate(
        """() => {
          const a = document.activeElement, style = getComputedStyle(a);
          return [style.outlineColor, style.outlineWidth, getComputedStyle(a.closest('header')).backgroundColor];
        }"""
    )
    assert float(width.removesuffix("px")) >= 2

    def hex_of(rgb: str) -> str:
        return "#" + "".join(f"{int(n):02x}" for n in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])

    assert contrast(hex_of(outline), hex_of(background)) >= 3, (outline, background)


def test_the_ingest_script_says_reasons_and_manifest_problems_in_vietnamese(tablet, world):
    folder = world["root"] / "upload"
    folder.mkdir()
    (folder / "khong-ro.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "rong.txt").write_bytes(b"")
    manifest = folder / "m.csv"
    manifest.write_text("file,issued\nrong.txt,2024-02-30\n", encoding="utf-8")
    tablet.goto("/ingest")
    tablet.set_input_files("#files", [str(folder / "khong-ro.bin"), str(folder / "rong.txt")])
    tablet.set_input_files("#manifest", str(manifest))
    tablet.get_by_role("button", name="Tải lên và nhập").click()
    tablet.locator("#upload-alert", has_text="Bảng kê có lỗi").wait_for()
    problems = tablet.locator("#manifest-problems li").all_inner_texts()
    assert "Bảng kê, dòng 2 (lỗi): rong.txt: Ngày ban hành: ngày không có thật: '2024-02-30'" in problems, problems
    tablet.set_input_files("#manifest", [])
    tablet.set_input_files("#files", [str(folder / "khong-ro.bin"), str(folder / "rong.txt")])
    tablet.get_by_role("button", name="Tải lên và nhập").click()
    tablet.locator("#phase", has_text="2 tệp: 0 đã thêm").wait_for()
    reasons = {
        row.locator("th").inner_text(): row.locator("td").nth(4).inner_text()
        for row in tablet.locator("#file-list tbody tr").all()
    }
    assert reasons == {
        "khong-ro.bin": "Tệp nhị phân không nhận dạng được: không phải định dạng văn bản mà kho đọc được",
        "rong.txt": "tệp rỗng",
    }
