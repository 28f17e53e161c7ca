"""A facet's count is the number of results its link leads to, for every facet: here an issuer's name is
contained in others' ("Tỉnh ủy Quảng Trị" in "Văn phòng Tỉnh ủy Quảng Trị"), which the typed `issuer:`
filter matches by its words but the facet counts as a whole name."""

from __future__ import annotations

import csv
import re
from html import unescape
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from archive.config import Settings
from tests.conftest import EN_TEXT, VI_TEXT, Cli, write
from tests.web.conftest import add_user, archive_app, token_client
from web.search import FACET_FILTER

TINH_UY, VAN_PHONG, BAN_THUONG_VU = (
    "Tỉnh ủy Quảng Trị",
    "Văn phòng Tỉnh ủy Quảng Trị",
    "Ban Thường vụ Tỉnh ủy Quảng Trị",
)
# file: (issuer, symbol, issued, classification, English?)
RECORDS = {
    "a": (TINH_UY, "1-NQ/TU", "2020-03-01", "unclassified", False),
    "b": (TINH_UY, "2-CV/TU", "2021-04-01", "confidential", False),
    "c": (VAN_PHONG, "3-CV/VPTU", "2021-05-01", "unclassified", False),
    "d": (VAN_PHONG, "4-BC/VPTU", "2020-06-01", "secret", True),
    "e": (BAN_THUONG_VU, "5-KH/TU", "2019-07-01", "unclassified", True),
}
QUERY = "facetword"


@pytest.fixture(scope="module")
def admin(tmp_path_factory):
    root = tmp_path_factory.mktemp("facets")
    settings = Settings(home=root / "home", workers=2)
    cli = Cli(settings)
    rows = []
    for name, (issuer, symbol, issued, level, english) in RECORDS.items():
        write(root / "in" / f"{name}.txt", f"{EN_TEXT if english else VI_TEXT}{QUERY} {name}\n")
        rows.append({"file": f"{name}.txt", "classification": level, "doc_number": symbol, "issued": issued,
                     "issuer": issuer, "doc_type": symbol.split("-")[1].split("/")[0]})  # fmt: skip
    with open(root / "manifest.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = cli("ingest", str(root / "in"), "--manifest", str(root / "manifest.csv"))
    assert result.exit_code == 0, result.output
    token = add_user(cli, "admin", "admin", "top_secret")["token"]
    return token_client(archive_app(settings), token)


def page_count(html: str) -> int:
    return int(re.search(r'id="count" role="status">(\d+) ', html).group(1))


def facet_links(html: str) -> dict[str, list[tuple[str, int]]]:
    """{facet heading: [(link, count shown)]} from the search page's facet column."""
    column = re.search(r'<aside class="facets".*?</aside>', html, re.S).group(0)
    found = {}
    for section in re.findall(r"<section>.*?</section>", column, re.S):
        heading = re.search(r"<h2>(.*?)</h2>", section).group(1)
        entries = re.findall(r'<a href="([^"]+)"[^>]*>[^<]*</a> <span class="n">(\d+)', section)
        found[heading] = [(unescape(link), int(count)) for link, count in entries]
    return found


def test_every_facet_count_is_the_total_its_link_leads_to(admin):
    html = admin.get(f"/?q={QUERY}").get_data(as_text=True)
    assert page_count(html) == len(RECORDS)
    links = facet_links(html)
    assert len(links) == 5, "type, year, issuer, language and classification"
    for heading, entries in links.items():
        assert sum(count for _, count in entries) == len(RECORDS), heading
        for link, count in entries:
            assert page_count(admin.get(link).get_data(as_text=True)) == count, (heading, link)
    issuers = dict(links["Cơ quan ban hành"])
    assert sorted(issuers.values()) == [1, 2, 2]


def test_the_api_facets_and_the_facet_parameters_agree(admin):
    found = admin.get(f"/api/search?q={QUERY}").get_json()
    for facet, values in found["facets"].items():
        for entry in values:
            narrowed = admin.get(f"/api/search?q={QUERY}&{FACET_FILTER[facet]}={quote(str(entry['value']))}")
            assert narrowed.get_json()["total"] == entry["count"], (facet, entry)


def test_the_typed_issuer_filter_still_matches_the_words_of_a_name(admin):
    words = admin.get(f"/api/search?q={QUERY}&issuer={quote(TINH_UY)}").get_json()
    assert words["total"] == len(RECORDS), "every name here holds the words Tỉnh ủy Quảng Trị"
    typed_query = f'{QUERY} coquan:"{VAN_PHONG}"'
    typed = admin.get(f"/api/search?q={quote(typed_query)}").get_json()
    assert typed["total"] == 2
    exact = admin.get(f"/api/search?q={QUERY}&issuer_exact={quote(TINH_UY)}").get_json()
    assert exact["total"] == 2 and {h["issuer"] for h in exact["hits"]} == {TINH_UY}


def test_a_followed_issuer_facet_is_shown_selected_with_a_chip_that_removes_it(admin):
    html = admin.get(f"/?q={QUERY}").get_data(as_text=True)
    link = dict(facet_links(html)["Cơ quan ban hành"])
    chosen = next(href for href in link if parse_qs(urlsplit(href).query).get("issuer_exact") == [VAN_PHONG])
    narrowed = admin.get(chosen).get_data(as_text=True)
    assert 'aria-current="true"' in narrowed and f"{VAN_PHONG} ✕" in narrowed
    back = dict(facet_links(narrowed)["Cơ quan ban hành"])
    assert page_count(admin.get(next(iter(back))).get_data(as_text=True)) == len(RECORDS), "clicked again: removed"
