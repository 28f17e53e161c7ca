"""Documents, file names and metadata full of HTML and script, ingested and then shown on every page: no
markup of theirs reaches a page unescaped. Each page is parsed and may hold only the site's own elements,
no event-handler attribute, and no script but the site's own file."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from tests.conftest import Cli, write
from tests.web.conftest import add_user, archive_app, token_client

ATTACKS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "<svg/onload=alert(3)>",
    "</textarea><b onmouseover=alert(4)>",
    "javascript:alert(5)",
)
SITE_TAGS = {
    "html", "head", "meta", "title", "link", "script", "body", "a", "header", "nav", "p", "span", "form", "input",
    "button", "main", "h1", "h2", "h3", "label", "select", "option", "details", "summary", "ul", "li", "code", "div",
    "aside", "section", "ol", "mark", "time", "article", "dl", "dt", "dd", "small", "strong", "pre", "iframe", "img",
    "fieldset", "legend", "textarea", "table", "thead", "tbody", "tr", "th", "td", "progress", "template", "datalist",
    "s",
}  # fmt: skip


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def check_page(html: str, where: str) -> None:
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag in SITE_TAGS, f"{where}: element <{tag}> is not the site's own"
        for name, value in attrs:
            assert not name.startswith("on"), f"{where}: <{tag} {name}=…>"
            if name in ("href", "src", "action"):
                assert not (value or "").strip().lower().startswith("javascript:"), f"{where}: {name}={value}"
        if tag == "script":
            assert dict(attrs).get("src") == "/static/app.js", f"{where}: a script that is not the site's own"
        if tag in ("img", "iframe"):
            assert re.fullmatch(r"/records/\d+/inline", dict(attrs).get("src", "")), f"{where}: <{tag}> {attrs}"
    for attack in ATTACKS[:4]:
        assert attack not in html, f"{where}: {attack!r} unescaped"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("escaping")
    settings = Settings(home=root / "home", workers=2)
    cli = Cli(settings)
    folder = root / "in"
    rows = []
    for n, attack in enumerate(ATTACKS):
        # Hostile names on files of their own (a slash cannot be in a file name), hostile metadata on others.
        write(folder / f"{attack.replace('/', '∕')}.txt", f"Tên tệp {n} về cải cách hành chính.\n")
        name = f"{n}.txt"
        write(folder / name, f"{attack} về cải cách hành chính {attack}\n\nNội dung {attack} chuyển đổi số.\n")
        rows.append([name, f"{attack} tiêu đề", f"{attack} cơ quan", attack, f"{n}-CV/TU", attack])
    page = "<p>&lt;img src=x onerror=alert(7)&gt; cải cách hành chính, xem Công văn số 1-CV/TU.</p>"
    write(folder / "page.html", f"<html><head><title>&lt;script&gt;alert(6)&lt;/script&gt;</title></head>{page}</html>")
    manifest = root / "m.csv"
    with open(manifest, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["file", "title", "issuer", "notes", "doc_number", "signer"])
        writer.writerows(rows)
    result = cli("ingest", str(folder), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    admin = add_user(cli, "admin", "admin", "top_secret")
    with Catalog(settings.catalog_path) as catalog:
        ids = [r.id for r in catalog.iter_records()]
    assert cli("hold", "add", str(ids[0]), "--reason", ATTACKS[0]).exit_code == 0
    return token_client(archive_app(settings), admin["token"]), ids


def pages_to_visit(ids: list[int]) -> list[str]:
    paths = ["/", "/?q=cai+cach+hanh+chinh", "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/?q=script+alert",
             "/?q=cai+cach&issuer=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(2)%3E", "/?q=cai+cahc",
             "/admin", "/admin/ocr", "/admin/users", "/admin/audit", "/retention?as_of=2100-01-01",
             "/classification?as_of=2100-01-01", "/ingest", "/records/999999", "/nowhere/<script>"]  # fmt: skip
    for record_id in ids:
        paths += [f"/records/{record_id}", f"/records/{record_id}?q=%3Cscript%3E+alert"]
    return paths


def test_no_page_shows_their_markup(world):
    client, ids = world
    visited = 0
    for path in pages_to_visit(ids):
        reply = client.get(path)
        assert reply.status_code in (200, 404), path
        html = reply.get_data(as_text=True)
        check_page(html, path)
        visited += 1
    assert visited > 20
    shown = client.get(f"/records/{ids[0]}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown, "the text is there, escaped"
    found = client.get("/?q=cai+cach+hanh+chinh").get_data(as_text=True)
    assert found.count("&lt;script&gt;") >= 2 and "<mark>" in found


def test_upload_outcomes_escape_hostile_names(world):
    client, _ = world
    files = [(io.BytesIO(f"Văn bản {a}".encode()), f"{a}.txt") for a in ATTACKS] + [
        (io.BytesIO(b"\x00\x01"), "<b>x</b>")
    ]
    reply = client.post("/ingest", data={"files": files}, content_type="multipart/form-data")
    html = reply.get_data(as_text=True)
    check_page(html, "ingest outcome")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in html


def test_the_json_api_keeps_text_as_text(world):
    client, ids = world
    titles = [client.get(f"/api/records/{i}").get_json()["title"] or "" for i in ids]
    assert "<script>alert(1)</script> tiêu đề" in titles, "JSON carries the value as it is; pages escape it"
    hits = client.get("/api/search?q=cai+cach+hanh+chinh").get_json()["hits"]
    for hit in hits:
        check_page(hit["snippet"], "snippet")  # the one field pages insert as HTML: only <mark> in it
        assert set(re.findall(r"</?(\w+)", hit["snippet"])) <= {"mark"}
