"""The admin area: one index linking each review, OCR low-confidence review cut to clearance, users and
tokens (never more access than the administrator holds; from the page's forms or the JSON API, a secret shown
once), index and verify status; pages and JSON."""

from __future__ import annotations

import json
import re

import pytest

from archive.catalog import Catalog
from archive.models import OcrPage, OcrResult
from tests.conftest import write
from tests.web.browser import Http
from tests.web.conftest import add_user


@pytest.fixture
def archive(cli, inbox, tmp_path):
    rows = ["file,classification,title"]
    for name, level in (("scan-a", "unclassified"), ("scan-b", "secret"), ("plain", "unclassified")):
        write(inbox / f"{name}.txt", f"Văn bản {name} quét mờ.\n")
        rows.append(f"{name}.txt,{level},Bản quét {name}")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(write(tmp_path / "m.csv", "\n".join(rows) + "\n")))
    assert result.exit_code == 0, result.output
    ids = {line["path"].rsplit("/", 1)[-1].removesuffix(".txt"): line["id"] for line in lines[:-1]}
    return ids


def flag_for_review(settings, record_id: int, confidence: float) -> None:
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        pages = (OcrPage(1, "văn bản", confidence, 40), OcrPage(2, "", None, 0, error="tesseract timed out"))
        reason = f"mean OCR confidence {confidence} is below 70"
        catalog.save_ocr(
            record_id, OcrResult("done", "tesseract", "5.3.0", pages=pages, needs_review=True, reason=reason)
        )


def test_the_admin_index_links_every_review(server, admin):
    browser = Http(server)
    browser.login("admin", admin["password"])
    page = browser.get("/admin").text
    for path in ("/retention", "/classification", "/admin/ocr", "/admin/users", "/admin/audit"):
        assert f'href="{path}"' in page
    assert re.search(r"Chỉ mục tìm kiếm</dt><dd class=\"state-\w+\">", page)


def test_ocr_review_lists_only_what_the_reviewer_may_see(server, settings, cli, archive):
    flag_for_review(settings, archive["scan-a"], 41.5)
    flag_for_review(settings, archive["scan-b"], 30.0)
    clerk = Http(server, add_user(cli, "clerk", "archivist", "confidential")["token"])
    rows = clerk.get("/api/ocr/review").json()["records"]
    assert [r["id"] for r in rows] == [archive["scan-a"]]
    assert rows[0]["confidence"] == 41.5 and [p["page"] for p in rows[0]["low_pages"]] == [1, 2]
    page = clerk.get("/admin/ocr").text
    assert f'href="/records/{archive["scan-a"]}"' in page and "scan-b" not in page
    chief = Http(server, add_user(cli, "chief", "archivist", "secret")["token"])
    assert [r["id"] for r in chief.get("/api/ocr/review").json()["records"]] == [archive["scan-b"], archive["scan-a"]]
    reader = Http(server, add_user(cli, "ann", "reader", "secret")["token"])
    assert reader.get("/api/ocr/review").status == 403 and reader.get("/admin").status == 403


def test_status_says_how_the_index_and_verification_stand(server, cli, archive, admin):
    assert cli("verify").exit_code == 0
    status = Http(server, admin["token"]).get("/api/status").json()
    assert status["records"] == 3 and status["index"] == "ok" and status["not_indexed"] == 0
    assert status["last_verify"]["at"] and status["writer"] is None


def test_users_and_tokens_from_the_web_within_the_admins_own_access(server, cli, settings):
    boss = add_user(cli, "boss", "admin", "secret", "ban-a")
    add_user(cli, "top", "reader", "top_secret")
    browser = Http(server, lang="en")
    browser.login("boss", boss["password"])
    added = browser.form(
        "/admin/users", {"action": "add", "name": "lan", "role": "reader", "clearance": "confidential"}
    )
    assert added.status == 200 and "Password for lan, shown only this once" in added.text
    password = re.search(r'<code class="hash" id="shown-secret">([^<]+)</code>', added.text).group(1)
    assert Http(server).login("lan", password).status == 302
    token = browser.form("/admin/users", {"action": "token", "name": "lan", "label": "script"})
    secret = re.search(r'id="shown-secret">(arc_[^<]+)<', token.text).group(1)
    assert Http(server, secret).get("/api/search?q=a").status == 200
    assert browser.form("/admin/users", {"action": "revoke", "name": "lan"}).status == 303
    assert Http(server, secret).get("/api/search?q=a").status == 401
    too_high = browser.form("/admin/users", {"action": "add", "name": "x", "role": "reader", "clearance": "top_secret"})
    assert too_high.status == 403
    other_unit = {"action": "set", "name": "lan", "role": "reader", "clearance": "secret", "compartments": "ban-b"}
    assert browser.form("/admin/users", other_unit).status == 403
    assert browser.form("/admin/users", {"action": "password", "name": "top"}).status == 403, "sees more than boss"
    assert browser.form("/admin/users", {"action": "disable", "name": "lan"}).status == 303
    assert Http(server).login("lan", password).status == 401
    listing = Http(server, boss["token"]).get("/api/users").json()["users"]
    assert {u["name"]: u["manageable"] for u in listing}["top"] is False
    assert all("token_hash" not in str(u) and secret not in str(u) for u in listing)
    with Catalog(settings.catalog_path) as catalog:
        actions = [r[0] for r in catalog.db.execute("SELECT action FROM events WHERE actor = 'boss' ORDER BY id")]
    assert {"user.add", "token.create", "token.revoke", "user.disable"} <= set(actions)
    assert Http(server, add_user(cli, "clerk2", "archivist", "secret")["token"]).get("/admin/users").status == 403


def events_by(settings, actor: str) -> list[tuple[str, dict]]:
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT action, detail FROM events WHERE actor = ? ORDER BY id", (actor,))
        return [(action, json.loads(detail or "{}")) for action, detail in rows]


def test_users_and_tokens_through_the_api_within_the_admins_own_access(server, cli, settings):
    boss = add_user(cli, "boss", "admin", "secret", "ban-a")
    add_user(cli, "top", "reader", "top_secret")
    api = Http(server, boss["token"])
    added = api.post("/api/users", body={"name": "lan", "role": "reader", "clearance": "confidential"})
    assert added.status == 201
    user, password = added.json()["user"], added.json()["password"]
    assert (user["name"], user["role"], user["clearance"], user["password"]) == ("lan", "reader", "confidential", True)
    assert Http(server).login("lan", password).status == 302

    made = api.post("/api/users/lan/tokens", body={"label": "script"})
    assert made.status == 201 and made.json()["label"] == "script" and made.json()["token"].startswith("arc_")
    secret, token_id = made.json()["token"], made.json()["id"]
    assert Http(server, secret).get("/api/me").json()["name"] == "lan"
    listing = api.get("/api/users").text
    assert secret not in listing and password not in listing, "a secret is shown once, in the answer that made it"
    assert api.delete(f"/api/users/lan/tokens/{token_id}").json() == {"name": "lan", "revoked": [token_id]}
    assert Http(server, secret).get("/api/me").status == 401
    assert api.delete(f"/api/users/lan/tokens/{token_id}").status == 404, "no longer a live token"
    assert api.delete(f"/api/users/lan/tokens/{2**64}").status == 404

    changed = api.patch("/api/users/lan", body={"role": "archivist", "clearance": "secret", "compartments": ["ban-a"]})
    assert changed.status == 200 and changed.json()["changed"]["clearance"] == {"old": "confidential", "new": "secret"}
    assert api.patch("/api/users/lan", body={"clearance": "top_secret"}).status == 403, "more than boss holds"
    assert api.patch("/api/users/lan", body={"compartments": ["ban-b"]}).status == 403
    for bad in ({"clearence": "secret"}, {"disabled": "yes"}, {"compartments": "ban-a"}, {"role": 1}):
        assert api.patch("/api/users/lan", body=bad).status == 400, bad
    assert api.patch("/api/users/nobody", body={"role": "reader"}).status == 404
    half = api.patch("/api/users/boss", body={"role": "reader", "disabled": True})
    assert half.status == 400 and "cannot disable yourself" in half.json()["error"]["message"]
    assert Http(server, boss["token"]).get("/api/users").status == 200, "all or nothing: boss is still an admin"

    fresh = api.post("/api/users/lan/password").json()["password"]
    assert Http(server).login("lan", password).status == 401 and Http(server).login("lan", fresh).status == 302
    assert api.patch("/api/users/lan", body={"disabled": True}).json()["changed"]["disabled"]["new"] is True
    assert Http(server).login("lan", fresh).status == 401

    for method, path, body in (
        ("PATCH", "/api/users/top", {"role": "archivist"}),
        ("POST", "/api/users/top/password", None),
        ("POST", "/api/users/top/tokens", {}),
        ("DELETE", "/api/users/top/tokens", None),
    ):
        assert api.request(method, path, body=body).status == 403, f"{method} {path}: top sees more than boss"
    too_high = {"name": "x", "role": "reader", "clearance": "top_secret"}
    assert api.post("/api/users", body=too_high).status == 403
    clerk = Http(server, add_user(cli, "clerk", "archivist", "secret")["token"])
    assert clerk.post("/api/users", body={"name": "y", "role": "reader", "clearance": "unclassified"}).status == 403
    assert clerk.post("/api/users/lan/tokens", body={}).status == 403

    actions = [action for action, _ in events_by(settings, "boss")]
    assert actions.count("user.add") == 1 and actions.count("token.create") == 1 and "user.disable" in actions
    assert {"token.revoke", "user.set", "user.password"} <= set(actions)
    logged = json.dumps(events_by(settings, "boss"))
    assert secret not in logged and fresh not in logged and password not in logged, "no secret in the trail"


def test_a_session_sends_its_csrf_token_to_manage_users(server, cli):
    boss = add_user(cli, "boss", "admin", "secret")
    browser = Http(server)
    assert browser.login("boss", boss["password"]).status == 302
    body = {"name": "lan", "role": "reader", "clearance": "confidential"}
    assert browser.post("/api/users", body=body).status == 403
    assert browser.post("/api/users", body=body, headers={"X-CSRF-Token": browser.csrf}).status == 201


def test_the_upload_limit_is_in_the_api(server, cli, settings):
    clerk = Http(server, add_user(cli, "clerk", "archivist", "secret")["token"])
    assert clerk.get("/api/ingest").json() == {"limit_mb": settings.max_upload_mb}
    assert Http(server, add_user(cli, "ann", "reader", "secret")["token"]).get("/api/ingest").status == 403
