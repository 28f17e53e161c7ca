"""Labels for screen readers and keyboard use, checked in the HTML and the style sheet: every page has an
<h1> (the search page's is visually hidden), who is signed in is said in words (not an aria-label on a <p>,
which screen readers ignore), error pages name their error, the users page's repeated buttons say which user
they act on, a document's own language is marked (lang) where its words appear, the focus outline keeps 3:1
against what is around it (WCAG 2.2 SC 1.4.11, 2.4.13) on the red header too, and a favicon is served."""

from __future__ import annotations

import re
from html import unescape

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from archive.pipeline.ingest import ingest
from tests.conftest import ROOT, SAMPLES, Cli
from tests.web.conftest import add_user, archive_app, token_client
from web import create_app

STYLE = ROOT / "web" / "static" / "style.css"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    settings = Settings(home=tmp_path_factory.mktemp("a11y") / "home", workers=2)
    ingest(settings, [SAMPLES])
    cli = Cli(settings)
    users = {"admin": add_user(cli, "admin", "admin", "top_secret"), "lan": add_user(cli, "lan", "reader", "secret")}
    with Catalog(settings.catalog_path) as catalog:
        ids = {r.filename: r.id for r in catalog.iter_records()}
    return settings, users, ids


@pytest.fixture(scope="module")
def admin(home):
    return token_client(archive_app(home[0]), home[1]["admin"]["token"])


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_every_main_page_has_one_h1_and_the_search_page_one_for_screen_readers(admin, home):
    record = home[2]["chi-thi-18-CT-TU.docx"]
    for path in (
        "/",
        "/?q=chuyen+doi+so",
        f"/records/{record}",
        "/ingest",
        "/admin",
        "/retention",
        "/classification",
        "/admin/ocr",
        "/admin/users",
        "/admin/audit",
        "/records/99999",
    ):
        html = admin.get(path).get_data(as_text=True)
        assert len(re.findall(r"<h1\b", html)) == 1, path
    search = admin.get("/").get_data(as_text=True)
    assert '<h1 class="visually-hidden">Tìm trong kho</h1>' in search


def test_who_is_signed_in_is_said_in_words(admin):
    html = admin.get("/").get_data(as_text=True)
    who = re.search(r'<p class="who"[^>]*>(.*?)</p>', html, re.S)
    assert "aria-label" not in who.group(0), "an aria-label on a <p> is not read out"
    assert words(who.group(1)).startswith("Đang đăng nhập admin · quản trị viên · Mức được xem: Tuyệt mật")
    assert '<span class="visually-hidden">Đang đăng nhập</span>' in who.group(1)


def test_the_users_pages_buttons_say_which_user_they_act_on(admin):
    html = admin.get("/admin/users").get_data(as_text=True)
    rows = re.findall(r'<tr>\s*<th scope="row">([^<]+)</th>(.*?)</tr>', html, re.S)
    assert {name for name, _ in rows} == {"admin", "lan"}
    for name, row in rows:
        buttons = [words(b) for b in re.findall(r"<button\b[^>]*>(.*?)</button>", row, re.S)]
        assert buttons, name
        for text in buttons:
            assert name in text, (name, text)
        labels = [words(label) for label in re.findall(r"<label>(.*?)<(?:select|input)", row, re.S)]
        assert labels and all(name in label for label in labels), labels
    lan = dict(rows)["lan"]
    assert "Khóa lan" in words(lan) and re.search(r"Thu hồi mã #\d+ của lan", words(lan))


def test_a_documents_own_language_is_marked_where_its_words_appear(admin, home):
    english = home[2]["report-412-BC-TU-en.pdf"]
    page = admin.get(f"/records/{english}").get_data(as_text=True)
    assert re.search(r'<h1>.*<span lang="en">[^<]+</span></h1>', page)
    assert re.search(r'<pre class="text" tabindex="0" lang="en">', page)
    assert re.search(r'<html lang="vi">', page), "the page itself stays Vietnamese"
    vietnamese = admin.get(f"/records/{home[2]['chi-thi-18-CT-TU.docx']}").get_data(as_text=True)
    assert '<pre class="text" tabindex="0" lang="vi">' in vietnamese
    hits = admin.get("/?q=report").get_data(as_text=True)
    assert re.search(rf'<a class="title" href="/records/{english}[^"]*" lang="en">', hits)
    assert '<p class="snippet" lang="en">' in hits


def test_error_pages_name_the_error_in_words(admin):
    html = admin.get("/records/99999").get_data(as_text=True)
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert words(heading) == "Không tìm thấy (mã lỗi 404)"


def test_a_favicon_is_served_to_anyone_and_linked_from_every_page(home, admin):
    app = create_app(home[0])
    anonymous = app.test_client()
    with anonymous.get("/favicon.ico") as icon:
        assert icon.status_code == 200 and icon.data[:4] == b"\x00\x00\x01\x00", "an ICO file"
        assert icon.mimetype in ("image/vnd.microsoft.icon", "image/x-icon")
    with anonymous.get("/static/favicon.svg") as svg:
        assert svg.status_code == 200 and svg.mimetype == "image/svg+xml" and b"<script" not in svg.data
    for page in (anonymous.get("/login"), admin.get("/")):
        assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page.get_data(as_text=True)


# --- focus outline contrast, from the style sheet ---------------------------------------------------------


def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def style_rules() -> list[tuple[str, dict[str, str]]]:
    css = re.sub(r"/\*.*?\*/", "", STYLE.read_text(), flags=re.S)
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = dict(
            (name.strip(), value.strip()) for name, _, value in (d.partition(":") for d in body.split(";")) if value
        )
        rules.append((" ".join(selector.split()), declarations))
    return rules


def resolve(value: str, variables: dict[str, str]) -> str:
    value = re.sub(r"var\((--[\w-]+)\)", lambda m: variables[m.group(1)], value)
    colours = re.findall(r"#[0-9a-fA-F]{3,6}\b|\bwhite\b", value)
    assert colours, value
    return "#ffffff" if colours[-1] == "white" else colours[-1]


def outline_for(selector_part: str, rules, variables) -> str:
    """The outline colour the last rule naming `selector_part` and :focus-visible sets."""
    found = None
    for selector, declarations in rules:
        for one in selector.split(","):
            if selector_part in one and ":focus-visible" in one:
                for name in ("outline", "outline-color"):
                    if name in declarations:
                        found = resolve(declarations[name], variables)
    assert found, selector_part
    return found


def test_the_focus_outline_keeps_3_to_1_on_white_and_on_the_red_header():
    rules = style_rules()
    variables = {k: v for selector, d in rules if selector == ":root" for k, v in d.items()}
    header = next(d for selector, d in rules if selector == "header")
    header_background = resolve(header["background"], variables)
    everywhere = outline_for(":focus-visible", [(s, d) for s, d in rules if s == ":focus-visible"], variables)
    for background in ("#ffffff", variables["--paper"], "#eeeeee"):  # pages, text panels, buttons
        assert contrast(everywhere, background) >= 3, (everywhere, background)
    in_header = outline_for("header :focus-visible", rules, variables)
    assert contrast(in_header, header_background) >= 3, (
        in_header,
        header_background,
        contrast(in_header, header_background),
    )
    assert contrast(everywhere, header_background) < 3, "(why the header needs its own colour)"
    skip = outline_for(".skip:focus-visible", rules, variables)  # shown over the header
    assert contrast(skip, header_background) >= 3
