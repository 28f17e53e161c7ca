"""A hostile administrator: an admin cleared only for confidential, without compartments, reads the admin
area of a mixed archive: the index and verification status, the audit trail (page, JSON, CSV, chain check).
Nothing of a record above them may show there: no count, id, path, title, symbol, problem, search query or
hash that could be tried against guesses. An administrator cleared for everything runs the same probes to
show what they hide; the command line (the local administrator) still exports the whole trail."""

from __future__ import annotations

import csv
import getpass
import io
import json
import re

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from archive.models import OcrResult
from archive.store import Store
from archive.upkeep.lock import writer_lock
from tests.conftest import Cli
from tests.web.browser import Http
from tests.web.conftest import add_user, serving
from tests.web.mixed import HIDDEN, HIDDEN_MARKERS, VISIBLE, build_mixed

# Users' own clearances and compartments show in user management by design; every other marker is a record's.
MARKERS = tuple(m for m in HIDDEN_MARKERS if m not in ("top_secret", "ban-to-chuc"))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-admin")
    settings = Settings(home=root / "home", workers=2)
    cli = Cli(settings)
    ids = build_mixed(cli, root / "in")
    top = add_user(cli, "top", "admin", "top_secret", "ban-to-chuc")
    low = add_user(cli, "low", "admin", "confidential")
    changer = add_user(cli, "changer", "reader", "secret")
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        secret, pub = catalog.get(ids["secret"]), catalog.get(ids["pub"])
        catalog.db.execute("UPDATE records SET indexed_rev = NULL WHERE id IN (?, ?)", (secret.id, pub.id))
        for record_id in (ids["secret"], ids["topsec"], ids["conf"]):
            catalog.save_ocr(record_id, OcrResult("pending", reason="no OCR engine"))
    store = Store(settings.store_dir)
    store.path(secret.sha256).unlink()  # a hidden record's problem …
    store.path(pub.sha256).chmod(0o644)
    store.path(pub.sha256).write_bytes(b"rotted")  # … and one the low admin may see
    assert cli("verify").exit_code == 1
    assert cli("search", "xylophonevault").exit_code == 0  # the local administrator searches
    with serving(settings) as base:
        top_http, low_http = Http(base, top["token"]), Http(base, low["token"])
        assert top_http.get("/api/search?q=bimatquansu").json()["total"] == 1
        assert top_http.get(f"/api/records/{ids['secret']}").status == 200
        assert top_http.get(f"/api/records/{ids['secret']}/similar").status == 200
        assert Http(base, changer["token"]).get("/api/search?q=hat+nhan").json()["total"] == 1
        assert cli("users", "set", "changer", "--clearance", "unclassified").exit_code == 0  # searched as secret
        assert low_http.get("/api/search?q=congkhaiword").json()["total"] == 1
        yield {"settings": settings, "cli": cli, "ids": ids, "base": base, "top": top, "low": low, "secret": secret}


@pytest.fixture
def low(world) -> Http:
    return Http(world["base"], world["low"]["token"])


@pytest.fixture
def top(world) -> Http:
    return Http(world["base"], world["top"]["token"])


def hidden_hashes(world) -> set[str]:
    """Hashes of entries the low admin may not read whole: about hidden records, or searches they may not read."""
    hidden_ids = {world["ids"][n] for n in (*HIDDEN, "gone_secret")}
    with Catalog(world["settings"].catalog_path) as catalog:
        rows = catalog.db.execute("SELECT record_id, action, actor, origin, detail, hash FROM events").fetchall()
    found = set()
    for row in rows:
        searched = row["action"].startswith("search") and (row["actor"] in ("top", "changer") or row["origin"] == "cli")
        if row["record_id"] in hidden_ids or searched or row["action"] == "fixity":
            found.add(row["hash"])
    return found


def clean(world, reply) -> str:
    """The reply's text, after proving it holds no hidden record's words, id-bearing paths or hashes."""
    assert reply.status == 200, reply.text
    text = reply.body.decode("utf-8")
    for marker in (*MARKERS, world["secret"].sha256, "bimatquansu", "hat nhan", "xylophonevault"):
        assert marker.lower() not in text.lower(), f"{marker!r} leaked"
    for digest in hidden_hashes(world):
        assert digest not in text, "a hash that could be tried against guesses leaked"
    return text


def known_ids(world) -> set[int]:
    return {world["ids"][n] for n in (*VISIBLE, "gone_pub")}


def test_status_counts_and_the_last_verification_hold_only_what_the_admin_may_see(world, low, top):
    status = json.loads(clean(world, low.get("/api/status")))
    assert (status["records"], status["not_indexed"], status["ocr_pending"]) == (2, 1, 1)
    verified = status["last_verify"]
    assert set(verified) == {"at", "by", "sample", "problems"}, "no figure over the whole archive"
    assert [(p["kind"], p["id"]) for p in verified["problems"]] == [("corrupt_original", world["ids"]["pub"])]
    everything = top.get("/api/status").json()
    assert (everything["records"], everything["not_indexed"], everything["ocr_pending"]) == (5, 2, 3)
    assert {p["id"] for p in everything["last_verify"]["problems"]} == {world["ids"]["pub"], world["ids"]["secret"]}


def test_the_admin_page_shows_the_verification_as_a_table_cut_to_the_reader(world, low, top):
    page = clean(world, Http(world["base"], lang="en", token=world["low"]["token"]).get("/admin"))
    table = re.search(r'<table id="verify-problems">(.*?)</table>', page, re.S).group(1)
    assert "corrupt_original" in table and f'href="/records/{world["ids"]["pub"]}"' in table
    assert "missing_original" not in page and "{" not in page.split('id="status"')[1], "no raw JSON"
    assert "Records you may see</dt><dd>2<" in page
    assert "missing_original" in top.get("/admin").text, "the administrator cleared for all sees the probe's problem"


def test_the_writer_lock_names_the_job_not_its_arguments(world, low):
    secret = world["ids"]["secret"]
    with writer_lock(world["settings"].lock_path, command=f"/usr/bin/archive hold add {secret} --reason bimatquansu"):
        status = json.loads(clean(world, low.get("/api/status")))
        assert status["writer"]["command"] == "archive hold add" and status["writer"]["pid"]
        assert "archive hold add" in clean(world, low.get("/admin"))


def test_the_audit_trail_withholds_entries_about_hidden_records(world, low, top):
    shown = json.loads(clean(world, low.get("/api/audit?limit=1000")))["entries"]
    assert {e["record_id"] for e in shown} - {None} <= known_ids(world)
    assert {e["action"] for e in shown} >= {"ingest", "disposal", "search", "fixity", "user.add"}
    everything = top.get("/api/audit?limit=1000").json()["entries"]
    assert {e["record_id"] for e in everything} >= {world["ids"][n] for n in (*HIDDEN, "gone_secret")}
    assert "secret.txt" in json.dumps(everything) and "bimatquansu" in json.dumps(everything)


def test_searches_show_their_query_only_to_those_cleared_as_far_as_the_searcher(world, low, top):
    searches = json.loads(clean(world, low.get("/api/audit?action=search")))["entries"]
    by_actor = {(e["actor"], e["origin"] == "cli"): e["detail"] for e in searches}
    assert by_actor[("low", False)]["query"] == "congkhaiword"
    for searcher in (("top", False), ("changer", False)):
        assert by_actor[searcher] == {"withheld": ["clearance", "filters", "page", "query", "results"]}
    assert [d for (_, cli), d in by_actor.items() if cli] == [{"withheld": ["filters", "page", "query", "results"]}]
    similar = [e for e in searches if e["action"] == "search.similar"]
    assert similar == [], "about a hidden record: withheld whole"
    queries = {e["detail"].get("query") for e in top.get("/api/audit?action=search").json()["entries"]}
    assert {"bimatquansu", "hat nhan"} <= queries, "the administrator cleared for all reads them"
    assert "xylophonevault" not in queries, "the command line may see more than any clearance: only it reads its own"


@pytest.mark.parametrize("path", ["/api/audit?record={}", "/admin/audit?record={}", "/admin/audit.csv?record={}"])
def test_filtering_on_a_hidden_record_answers_as_for_an_id_never_used(world, low, top, path):
    never = low.get(path.format(999999))
    for name in (*HIDDEN, "gone_secret"):
        record_id = world["ids"][name]
        reply = low.get(path.format(record_id))
        assert reply.status == never.status and echo(clean(world, reply), record_id) == echo(never.text, 999999)
        assert len(top.get(path.format(record_id)).text) > len(reply.text), "the administrator cleared for all sees"


def echo(text: str, record_id: int) -> str:
    """The page with the record filter it echoes (the form's field, the export link) written as N."""
    return re.sub(rf'(value="|record=|record%3D){record_id}\b', r"\1N", text)


def test_the_csv_export_is_cut_like_the_page_and_keeps_every_filter(world, low):
    browser = Http(world["base"], lang="en")
    assert browser.login("low", world["low"]["password"]).status == 302
    query = f"action=ingest&actor={getpass.getuser()}&record={world['ids']['pub']}&from=2000-01-01&to=2999-12-31"
    page = clean(world, browser.get(f"/admin/audit?{query}"))
    link = re.search(r'<a href="(/admin/audit\.csv\?[^"]+)">Export CSV</a>', page).group(1).replace("&amp;", "&")
    assert sorted(link.split("?", 1)[1].split("&")) == sorted(query.split("&")), "the export keeps every filter"
    rows = list(csv.DictReader(io.StringIO(clean(world, browser.get(link)))))
    assert [(r["action"], r["record_id"]) for r in rows] == [("ingest", str(world["ids"]["pub"]))]
    everything = list(csv.DictReader(io.StringIO(clean(world, browser.get("/admin/audit.csv")))))
    assert {int(r["record_id"]) for r in everything if r["record_id"]} <= known_ids(world)
    whole = [r for r in everything if r["hash"]]
    assert whole and all(r["action"] != "fixity" for r in whole), "an entry shown cut has no hash"


def test_the_chain_check_shows_a_head_only_when_its_entry_may_be_read_whole(world, low, top):
    assert top.get(f"/api/records/{world['ids']['secret']}").status == 200  # the head is now a hidden view
    report = json.loads(clean(world, low.get("/api/audit/verify")))
    assert report["ok"] and report["head"] is None and report["entries"] > 0
    assert top.get("/api/audit/verify").json()["head"], "who may read the head entry gets it to keep"
    page = clean(world, low.get("/admin/audit?verify=1"))
    assert re.search(r'<code class="hash">—</code>', page)


def test_the_command_line_still_exports_the_whole_trail(world):
    exported = world["cli"]("audit", "export").stdout
    assert "secret.txt" in exported and "bimatquansu" in exported and "xylophonevault" in exported
