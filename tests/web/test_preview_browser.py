"""In Debian's Chromium, driven by Playwright, against the app under real waitress: a PDF record's page shows
the original in the browser's own PDF viewer (framed from /records/<id>/inline, served as an inline
application/pdf under its sandboxing policy, and drawn: a white page appears in the frame), and a scan's
page shows it as an image that loads. Screenshots go to test-artifacts/screens/ (not committed)."""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import pytest
from PIL import Image

from archive.config import Settings
from tests.conftest import SAMPLES, Cli
from tests.web.chromium import BROWSER_TESTS, SCREENS
from tests.web.conftest import add_user, serving
from tests.web.test_previews import write_scan

PDF = "ket-luan-133-KL-TW.pdf"
SCANS = {"scan.png": ("PNG", "image/png", (320, 180)), "scan.jpg": ("JPEG", "image/jpeg", (300, 420))}
DRAWN_WITHIN = 10.0  # seconds for Chromium's viewer to draw the first page

pytestmark = BROWSER_TESTS


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("preview-browser")
    settings = Settings(home=root / "home", workers=2)
    inbox = root / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / PDF, inbox / PDF)
    for shade, (name, (image_format, _, size)) in enumerate(SCANS.items()):
        write_scan(inbox / name, image_format, size, paper=230 - 10 * shade)
    cli = Cli(settings)
    with pytest.MonkeyPatch.context() as patch:  # scans wait for OCR: what a preview shows does not need it
        patch.setenv("ARCHIVE_TESSERACT", "/nonexistent/tesseract")
        result, lines = cli.json("ingest", str(inbox))
    assert result.exit_code == 0, result.output
    ids = {Path(line["path"]).name: line["id"] for line in lines[:-1]}
    admin = add_user(cli, "admin", "admin", "top_secret")
    SCREENS.mkdir(parents=True, exist_ok=True)
    with serving(settings) as base:
        # "localhost", as the other browser tests: where Chromium keeps the app's Secure cookies over HTTP.
        yield {"base": base.replace("127.0.0.1", "localhost"), "ids": ids, "token": admin["token"]}


@pytest.fixture
def page(browser, world):
    headers = {"Authorization": f"Bearer {world['token']}"}
    context = browser.new_context(
        base_url=world["base"], viewport={"width": 1280, "height": 860}, extra_http_headers=headers
    )
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def open_record(page, world, name: str):
    """Open the record page of `name`; the answer its preview frame or image got from /inline."""
    inline = f"/records/{world['ids'][name]}/inline"
    with page.expect_response(lambda response: response.url == world["base"] + inline) as answer:
        page.goto(f"/records/{world['ids'][name]}")
    return answer.value


def shares(png: bytes) -> tuple[float, float]:
    """(white, dark): the shares of a screenshot's pixels that are paper white and that are dark."""
    grey = Image.open(io.BytesIO(png)).convert("L")
    histogram, pixels = grey.histogram(), grey.width * grey.height
    return sum(histogram[250:]) / pixels, sum(histogram[:100]) / pixels


def a_page_is_drawn(frame_element) -> bool:
    """Whether the viewer draws a PDF page in the frame within DRAWN_WITHIN seconds: a large white page on
    the viewer's dark ground (an error page or a blank frame is one or the other). Chromium draws a
    frame's PDF only once the frame is in view, hence the wait."""
    frame_element.scroll_into_view_if_needed()
    deadline = time.monotonic() + DRAWN_WITHIN
    while time.monotonic() < deadline:
        white, dark = shares(frame_element.screenshot())
        if white >= 0.2 and dark >= 0.05:
            return True
        time.sleep(0.25)
    return False


def test_a_pdf_record_shows_the_original_in_chromiums_pdf_viewer(page, world):
    saved = []  # a PDF the viewer will not show is saved instead
    page.on("download", lambda download: saved.append(download.url))
    answer = open_record(page, world, PDF)
    assert answer.status == 200 and answer.header_value("content-type") == "application/pdf"
    assert answer.header_value("content-disposition").startswith("inline;")
    assert "sandbox" in answer.header_value("content-security-policy")
    frame_element = page.locator("iframe.preview")
    frame = frame_element.element_handle().content_frame()
    assert frame.url == answer.url, "the frame holds the original, not an error page"
    assert a_page_is_drawn(frame_element), "the viewer drew no page in the frame"
    assert saved == [], "the PDF was shown, not saved"
    page.screenshot(path=str(SCREENS / "preview-pdf.png"), full_page=True)


@pytest.mark.parametrize("name", list(SCANS), ids=["png", "jpeg"])
def test_a_scan_record_shows_the_image_loaded(page, world, name):
    _, mime, (width, height) = SCANS[name]
    answer = open_record(page, world, name)
    assert answer.status == 200 and answer.header_value("content-type") == mime
    assert answer.header_value("content-disposition").startswith("inline;")
    image = page.locator("img.preview")
    image.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('img.preview').complete")
    natural = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert natural == [width, height], "the scan loaded and decoded at its own size"
    page.screenshot(path=str(SCREENS / f"preview-{name.replace('.', '-')}.png"), full_page=True)
