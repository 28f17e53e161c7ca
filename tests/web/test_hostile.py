"""A hostile reader: a confidential-cleared reader without compartments, with a token and with a login
session, tries every path against a mixed archive under a real waitress server. Nothing of a record
above their clearance, in a compartment they lack, or disposed while hidden from them may show: not in
results, totals, facets, snippets, suggestions, "more like this", citations, record pages, downloads,
health counts, workflow lists, nor in how a guessed id answers. Each probe is run for the administrator
too, to show that it would have found what it hides."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import quote

import pytest

from archive.config import Settings
from tests.conftest import Cli
from tests.web.browser import Http
from tests.web.conftest import add_user, serving
from tests.web.mixed import HIDDEN, HIDDEN_MARKERS, VISIBLE, build_mixed


@dataclass
class World:
    settings: Settings
    cli: Cli
    ids: dict[str, int]
    base: str
    admin: dict
    reader: dict

    def id(self, name: str) -> int:
        return self.ids[name]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    settings = Settings(home=root / "home", workers=2)
    cli = Cli(settings)
    ids = build_mixed(cli, root / "in")
    admin = add_user(cli, "admin", "admin", "top_secret", "ban-to-chuc")  # compartments bind admins too
    reader = add_user(cli, "reader", "reader", "confidential")
    with serving(settings) as base:
        yield World(settings, cli, ids, base, admin, reader)


@pytest.fixture(params=["token", "session"])
def reader(request, world) -> Http:
    """The hostile reader, through the API token or through a browser's login session."""
    if request.param == "token":
        return Http(world.base, world.reader["token"])
    browser = Http(world.base)
    assert browser.login(world.reader["name"], world.reader["password"]).status == 302
    return browser


@pytest.fixture
def admin(world) -> Http:
    return Http(world.base, world.admin["token"])


def clean(reply, *sent: str) -> object:
    """The reply's body, after proving no hidden string is in it (but for what the caller sent, echoed)."""
    text = reply.body.decode("utf-8")
    for echo in sent:
        text = text.replace(echo, "")
    for marker in HIDDEN_MARKERS:
        assert marker.lower() not in text.lower(), f"{marker!r} leaked"
    return reply.json() if reply.headers.get_content_type() == "application/json" else text


def search(client: Http, **params) -> dict:
    query = "&".join(f"{k}={quote(str(v))}" for k, v in params.items())
    reply = client.get(f"/api/search?{query}")
    assert reply.status == 200, reply.text
    return reply.json()


def visible_ids(world) -> set[int]:
    return {world.id(n) for n in VISIBLE}


@pytest.mark.parametrize("word", ["bimatquansu", "xylophonevault", "tuyetmatword", "ngannguocword", "huybimatword"])
def test_a_hidden_records_own_words_find_nothing(world, reader, admin, word):
    found = clean(reader.get(f"/api/search?q={word}"), word)
    assert found["total"] == 0 and found["hits"] == [] and found["suggestion"] is None
    assert all(not values for values in found["facets"].values())
    if word != "huybimatword":  # disposed: gone for everyone
        assert search(admin, q=word)["total"] == 1, "the administrator finds it: the probe is real"


def test_misspelt_hidden_words_are_not_suggested(world, reader, admin):
    assert clean(reader.get("/api/search?q=bimatquansa"), "bimatquansa")["suggestion"] is None
    assert search(admin, q="bimatquansa")["suggestion"] == "bimatquansu"


def test_an_or_query_finding_visible_records_suggests_no_hidden_word(world, reader, admin):
    """The corrected query finds visible records through its other word; the hidden one stays out."""
    query = "chuyenn OR bimatquansa"
    assert clean(reader.get(f"/api/search?q={quote(query)}"), query)["suggestion"] == "chuyen OR bimatquansa"
    page = clean(reader.get(f"/?q={quote(query)}"), query)
    link = re.search(r'class="suggestion">[^<]*<a href="([^"]+)">([^<]+)</a>', page)
    assert link and link[2] == "chuyen OR bimatquansa" and "bimatquansa" in link[1]
    assert search(admin, q=query)["suggestion"] == "chuyen OR bimatquansu", "the probe is real"


def test_results_totals_facets_and_snippets_hold_only_visible_records(world, reader, admin):
    found = clean(reader.get("/api/search?q=cai+cach+hanh+chinh&limit=50"))
    assert {h["id"] for h in found["hits"]} == visible_ids(world) and found["total"] == 2
    facets = found["facets"]
    assert {f["value"] for f in facets["classification"]} == {"unclassified", "confidential"}
    assert sum(f["count"] for f in facets["classification"]) == 2
    assert {f["value"] for f in facets["year"]} == {"2010", "2011"} or {f["value"] for f in facets["year"]} == {
        2010,
        2011,
    }
    everything = search(admin, q="cai cach hanh chinh", limit=50)
    assert everything["total"] == 5 and "Ban Bí mật Đặc biệt" in json.dumps(everything, ensure_ascii=False)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "", "classification": "secret"},
        {"q": "", "classification": "top_secret"},
        {"q": "", "issuer": "Ban Bí mật Đặc biệt"},
        {"q": "", "number": "8-NQ/TU"},
        {"q": "", "year": "2012"},
        {"q": "domat:secret"},
        {"q": "8-NQ/TU"},
        {"q": "so:9-CV/TU"},
    ],
)
def test_filters_on_hidden_values_count_nothing(world, reader, admin, params):
    query = "&".join(f"{k}={quote(v)}" for k, v in params.items())
    found = clean(reader.get(f"/api/search?{query}"), *params.values())
    assert found["total"] == 0 and found["hits"] == []
    assert search(admin, **params)["total"] >= 1


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_a_visible_records_text_naming_a_hidden_symbol_finds_only_the_visible_record(world, reader, sort):
    found = clean(reader.get(f"/api/search?q=7-NQ/TU&sort={sort}"))
    assert [h["id"] for h in found["hits"]] == [world.id("pub")] and found["total"] == 1


def test_citations_and_cited_by_never_name_a_hidden_record(world, reader, admin):
    pub = world.id("pub")
    shown = clean(reader.get(f"/api/records/{pub}"))
    assert shown["citations"] == [{"symbol": "7-NQ/TU", "id": None}] and shown["cited_by"] == []
    full = admin.get(f"/api/records/{pub}").json()
    assert full["citations"] == [{"symbol": "7-NQ/TU", "id": world.id("secret")}]
    assert [c["id"] for c in full["cited_by"]] == [world.id("secret")]
    page = clean(reader.get(f"/records/{pub}"))
    assert f"/records/{world.id('secret')}" not in page


def test_more_like_this_shows_only_visible_records(world, reader, admin):
    for name in VISIBLE:
        similar = clean(reader.get(f"/api/records/{world.id(name)}/similar?limit=50"))
        assert {h["id"] for h in similar["hits"]} <= visible_ids(world)
    assert world.id("secret") in {h["id"] for h in admin.get(f"/api/records/{world.id('pub')}/similar").json()["hits"]}


def _same_as_missing(reply, missing, record_id: int, missing_id: int) -> None:
    assert (reply.status, reply.headers.get_content_type()) == (missing.status, missing.headers.get_content_type())
    # The id, in the English message and in the reader's words ("văn bản 9999"), is the only difference.
    assert re.sub(rf"\b(record|văn bản) {record_id}\b", "record N", reply.text) == re.sub(
        rf"\b(record|văn bản) {missing_id}\b", "record N", missing.text
    )


@pytest.mark.parametrize("path", ["/api/records/{}", "/api/records/{}/similar", "/records/{}", "/records/{}/download"])
def test_a_hidden_record_is_not_found_exactly_like_one_that_never_existed(world, reader, admin, path):
    missing_id = 9999
    missing = reader.get(path.format(missing_id))
    assert missing.status == 404
    for name in (*HIDDEN, "gone_secret"):
        record_id = world.id(name)
        reply = reader.get(path.format(record_id))
        clean(reply)
        _same_as_missing(reply, missing, record_id, missing_id)
        assert admin.get(path.format(record_id)).status in (200, 410)


def test_guessing_every_id_finds_only_what_may_be_seen(world, reader):
    # Ids are random (below 2**53): every id the archive gave, its neighbours, and the first few numbers.
    guesses = {i + d for i in world.ids.values() for d in (-2, -1, 0, 1, 2)} | set(range(6))
    answers = {i: reader.get(f"/api/records/{i}") for i in sorted(guesses)}
    for reply in answers.values():
        clean(reply)
    assert {i for i, r in answers.items() if r.status == 200} == visible_ids(world)
    assert {i for i, r in answers.items() if r.status == 410} == {world.id("gone_pub")}
    assert {r.status for r in answers.values()} == {200, 404, 410}


def test_a_disposed_record_they_could_see_answers_disposed_with_its_disposal_record(world, reader, admin):
    gone = world.id("gone_pub")
    reply = reader.get(f"/api/records/{gone}")
    body = clean(reply)
    assert reply.status == 410 and body["error"]["status"] == 410 and "disposed" in body["error"]["message"]
    disposal = body["disposal"]
    assert disposal["id"] == gone and disposal["authority"] == "QĐ 1-QĐ/VPTU" and len(disposal["sha256"]) == 64
    assert disposal["metadata"]["doc_number"] == "11-CV/TU" and disposal["disposed_by"]
    page = reader.get(f"/records/{gone}")
    assert page.status == 410 and "QĐ 1-QĐ/VPTU" in clean(page)
    assert reader.get(f"/records/{gone}/download").status == 410
    assert admin.get(f"/api/records/{world.id('gone_secret')}").status == 410, "who could see it learns of it"


def test_health_counts_only_what_the_caller_may_see(world, reader, admin):
    assert clean(reader.get("/healthz"))["records"] == 2
    assert admin.get("/healthz").json()["records"] == 5
    assert Http(world.base).get("/healthz").json() == {"status": "ok", "records": None, "index": "ok"}


def test_the_search_page_shows_only_visible_records(world, reader):
    page = clean(reader.get("/?q=cai+cach+hanh+chinh"))
    assert "2 kết quả" in page
    assert set(map(int, re.findall(r'href="/records/(\d+)[?"/#]', page))) == visible_ids(world)
    assert "0 kết quả" in clean(reader.get("/?q=bimatquansu"), "bimatquansu")


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/audit", None),
        ("GET", "/api/audit/verify", None),
        ("GET", "/admin/audit", None),
        ("GET", "/admin/audit.csv", None),
        ("GET", "/api/retention/due", None),
        ("GET", "/api/classification/due", None),
        ("GET", "/api/disposals", None),
        ("GET", "/api/holds", None),
        ("GET", "/retention", None),
        ("GET", "/classification", None),
        ("PATCH", "/api/records/{secret}", {"set": {"classification": "unclassified"}}),
        ("POST", "/api/records/{secret}/hold", {"reason": "x"}),
        ("POST", "/api/retention/dispose", {"ids": [1], "authority": "x"}),
    ],
)
def test_a_reader_may_not_use_the_archivist_or_admin_paths(world, reader, method, path, body):
    path = path.format(secret=world.id("secret"))
    headers = {"X-CSRF-Token": reader.csrf} if reader.csrf else {}
    reply = reader.request(method, path, body=body, headers=headers)
    assert reply.status == 403 and "role" in str(clean(reply))


def test_an_archivist_with_low_clearance_cannot_reach_hidden_records_through_the_workflow(world):
    archivist = Http(world.base, add_user(world.cli, "clerk", "archivist", "confidential")["token"])
    secret = world.id("secret")
    due = clean(archivist.get("/api/retention/due?as_of=2100-01-01"))
    assert {r["id"] for r in due["records"]} <= visible_ids(world)
    assert clean(archivist.get("/api/classification/due?as_of=2100-01-01"))["records"] == [
        r for r in archivist.get("/api/classification/due?as_of=2100-01-01").json()["records"] if r["id"] != secret
    ]
    assert [d["id"] for d in clean(archivist.get("/api/disposals"))["disposals"]] == [world.id("gone_pub")]
    refused = archivist.post("/api/retention/dispose", body={"ids": [secret], "authority": "QĐ 2"})
    assert refused.status == 409 and clean(refused)["refused"] == [
        {"id": secret, "reason": f"record {secret} not found"}
    ]
    assert archivist.post(f"/api/records/{secret}/hold", body={"reason": "x"}).status == 404
    assert archivist.patch(f"/api/records/{secret}", body={"set": {"notes": "x"}}).status == 404
    assert clean(archivist.get("/retention?as_of=2100-01-01"))


def test_without_credentials_only_health_and_the_login_page_answer(world):
    stranger = Http(world.base)
    for path in ("/api/search?q=a", f"/api/records/{world.id('pub')}", "/api/audit", "/api/nothing"):
        reply = stranger.get(path)
        assert reply.status == 401 and reply.headers["WWW-Authenticate"].startswith("Bearer")
        assert reply.json()["error"]["status"] == 401
    for path in ("/", "/?q=a", f"/records/{world.id('pub')}", f"/records/{world.id('pub')}/download", "/admin/audit"):
        reply = stranger.get(path)
        assert reply.status == 302 and reply.headers["Location"].startswith("/login")
    assert stranger.get("/login").status == 200 and stranger.get("/healthz").status == 200
    assert Http(world.base, "arc_forged-token").get("/healthz").status == 401


def test_changes_of_clearance_and_classification_hold_from_the_next_request(world, tmp_path):
    cli, secret, conf = world.cli, world.id("secret"), world.id("conf")
    changer = Http(world.base, add_user(cli, "changer", "reader", "confidential")["token"])
    assert changer.get(f"/api/records/{secret}").status == 404
    assert cli("users", "set", "changer", "--clearance", "secret").exit_code == 0
    assert changer.get(f"/api/records/{secret}").status == 200
    assert search(changer, q="bimatquansu")["total"] == 1
    assert cli("users", "set", "changer", "--clearance", "unclassified").exit_code == 0
    assert changer.get(f"/api/records/{conf}").status == 404 and search(changer, q="matthuongword")["total"] == 0
    assert cli("users", "set", "changer", "--clearance", "confidential", "--compartments", "ban-to-chuc").exit_code == 0
    assert changer.get(f"/api/records/{world.id('unit')}").status == 200
    assert cli("edit", str(conf), "--set", "classification=secret").exit_code == 0
    assert changer.get(f"/api/records/{conf}").status == 404 and search(changer, q="matthuongword")["total"] == 0
    assert cli("edit", str(conf), "--set", "classification=confidential").exit_code == 0
    assert changer.get(f"/api/records/{conf}").status == 200 and search(changer, q="matthuongword")["total"] == 1
    assert cli("users", "disable", "changer").exit_code == 0
    assert changer.get(f"/api/records/{conf}").status == 401
