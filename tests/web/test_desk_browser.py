"""The registry desk in Debian's Chromium: the register page prints (Chromium's own print to PDF holds its
rows), and the record page's follow-up panel links a candidate as evidence with its button."""

from __future__ import annotations

import io

import pytest
from pdfminer.high_level import extract_text

from archive.config import Settings
from tests.conftest import Cli
from tests.registers.test_sample_desk import run_target_commands
from tests.web.chromium import BROWSER_TESTS, SCREENS
from tests.web.conftest import add_user, serving

pytestmark = BROWSER_TESTS


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    from tests.conftest import ROOT

    settings = Settings(home=tmp_path_factory.mktemp("desk") / "home", workers=2)
    cli = Cli(settings)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        for command in run_target_commands():
            assert cli(*command).exit_code == 0
    admin = add_user(cli, "admin", "admin", "top_secret")
    ids = {
        row["symbol"]: row["id"]
        for row in cli.json("register", "list", "--book", "out", "--year", "2025")[1][0]["rows"]
    }
    ids["89-KL/TU"] = cli.json("register", "list", "--book", "out", "--year", "2019")[1][0]["rows"][0]["id"]
    SCREENS.mkdir(parents=True, exist_ok=True)
    with serving(settings) as base:
        yield {"base": base.replace("127.0.0.1", "localhost"), "token": admin["token"], "ids": ids}


@pytest.fixture
def page(browser, desk):
    context = browser.new_context(
        base_url=desk["base"],
        viewport={"width": 1280, "height": 860},
        extra_http_headers={"Authorization": f"Bearer {desk['token']}"},
    )
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def test_the_register_page_prints_its_rows(page):
    page.goto("/registers")  # the incoming register of the latest year with entries
    assert page.locator("h1").inner_text().startswith("Sổ đăng ký văn bản đến — năm 2025")
    assert page.locator("section.register").first.locator("tbody tr").count() == 4
    printed = "".join(extract_text(io.BytesIO(page.pdf(format="A4", landscape=True))).split())
    assert "57-NQ/TW" in printed and "2184-CV/VPTW" in printed and "06/05/202510:20" in printed
    page.screenshot(path=str(SCREENS / "register-in.png"), full_page=True)


def test_the_follow_up_panel_links_a_candidate_as_evidence(page, desk):
    page.goto(f"/records/{desk['ids']['89-KL/TU']}")
    panel = page.locator("section.followup")
    assert "quá hạn" in panel.inner_text() and "205-KH/TU" in panel.inner_text()
    with page.expect_navigation():
        panel.get_by_role("button", name="Gắn làm kết quả: đã hoàn thành").click()
    panel = page.locator("section.followup")
    assert "đã hoàn thành" in panel.inner_text() and "Có thể là kết quả thực hiện" not in panel.inner_text()
    page.screenshot(path=str(SCREENS / "followup-panel.png"), full_page=True)
    page.goto("/followup")
    assert page.locator("table.units").inner_text().count("Văn phòng Tỉnh ủy") == 1
