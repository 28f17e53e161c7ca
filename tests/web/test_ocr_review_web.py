"""/admin/ocr: an archivist marks a flagged record reviewed (a form with its CSRF token, or `POST
/api/ocr/reviewed`); the flag is cleared, the review is audited with who, when and the note, the record leaves
the list, and its page says who reviewed it. Records the archivist may not see are "not found"; readers may
not review."""

from __future__ import annotations

import json

import pytest

from archive.catalog import Catalog
from tests.web.browser import Http
from tests.web.conftest import add_user
from tests.web.scans import make_scans


@pytest.fixture
def scans(cli, settings, inbox, tmp_path, monkeypatch) -> dict[str, int]:
    return make_scans(cli, settings, inbox, tmp_path, monkeypatch)


def test_archivists_mark_reviewed_from_the_ocr_page(server, scans, cli, settings):
    clerk = add_user(cli, "clerk", "archivist", "confidential")
    browser = Http(server, lang="en")
    assert browser.login("clerk", clerk["password"]).status == 302
    page = browser.get("/admin/ocr").text
    assert 'action="/admin/ocr/reviewed"' in page and f'name="id" value="{scans["fax"]}"' in page
    assert f'value="{scans["secret"]}"' not in page
    forged = browser.post("/admin/ocr/reviewed", form={"id": scans["fax"], "note": "x"})
    assert forged.status == 403, "no CSRF token"
    hidden = browser.form("/admin/ocr/reviewed", {"id": scans["secret"], "note": "x"})
    assert hidden.status == 404 and "not found" in hidden.text
    unflagged = browser.form("/admin/ocr/reviewed", {"id": scans["note"]})
    assert unflagged.status == 400 and "not flagged for OCR review" in unflagged.text
    done = browser.form("/admin/ocr/reviewed", {"id": scans["fax"], "note": "checked against the paper copy"})
    assert done.status == 303 and done.headers["Location"].endswith("/admin/ocr")
    assert f'value="{scans["fax"]}"' not in browser.get("/admin/ocr").text
    assert browser.get("/api/ocr/review").json()["records"] == []
    with Catalog(settings.catalog_path) as catalog:
        [event] = catalog.db.execute("SELECT * FROM events WHERE action = 'ocr.reviewed'").fetchall()
        assert (event["actor"], event["record_id"]) == ("clerk", scans["fax"]) and event["at"]
        assert json.loads(event["detail"])["note"] == "checked against the paper copy"
        assert catalog.ocr_of(scans["secret"]).needs_review, "the hidden record is untouched"
    page = browser.get(f"/records/{scans['fax']}").text
    assert "Reviewed by clerk on " in page and ": checked against the paper copy" in page
    assert "Needs review:" not in page and "flagged: OCR could not read page 3" in page
    ocr = browser.get(f"/api/records/{scans['fax']}").json()["ocr"]
    assert not ocr["needs_review"] and ocr["reviewed"]["by"] == "clerk" and ocr["reviewed"]["at"] == event["at"]
    reader = Http(server, add_user(cli, "ann", "reader", "secret")["token"])
    assert reader.post("/admin/ocr/reviewed", form={"id": scans["secret"]}).status == 403
    assert cli("verify").exit_code == 0


def test_archivists_mark_reviewed_through_the_api(server, scans, cli, settings):
    """`POST /api/ocr/reviewed` with a token: the same checks, flag clearing and audit entry as the page."""
    clerk = Http(server, add_user(cli, "clerk", "archivist", "confidential")["token"], lang="vi")
    hidden = clerk.post("/api/ocr/reviewed", body={"ids": [scans["fax"], scans["secret"]], "note": "x"})
    assert hidden.status == 404 and hidden.json()["error"]["message"] == f"record {scans['secret']} not found"
    unflagged = clerk.post("/api/ocr/reviewed", body={"ids": [scans["note"]]}).json()["error"]
    assert unflagged["status"] == 400 and "not flagged for OCR review" in unflagged["message"]
    assert "không" in unflagged["text"], "the reader's language beside the English"
    for bad in ({"ids": "1"}, {"ids": [True]}, {"ids": []}, {"ids": [scans["fax"]], "note": 3}, ["not", "an object"]):
        assert clerk.post("/api/ocr/reviewed", body=bad).status == 400, bad
    assert clerk.post("/api/ocr/reviewed", body={"ids": [2**64]}).status == 404, "past SQLite's integers: no record"
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.ocr_of(scans["fax"]).needs_review, "nothing was marked while any id was refused"
    done = clerk.post("/api/ocr/reviewed", body={"ids": [scans["fax"]], "note": "  checked   against the paper "})
    assert done.status == 200
    [row] = done.json()["reviewed"]
    assert (row["id"], row["note"], row["confidence"]) == (scans["fax"], "checked against the paper", 61.5)
    assert clerk.get("/api/ocr/review").json()["records"] == []
    with Catalog(settings.catalog_path) as catalog:
        [event] = catalog.db.execute("SELECT * FROM events WHERE action = 'ocr.reviewed'").fetchall()
        assert (event["actor"], event["record_id"]) == ("clerk", scans["fax"])
        assert json.loads(event["detail"])["note"] == "checked against the paper"
    assert clerk.get(f"/api/records/{scans['fax']}").json()["ocr"]["reviewed"]["by"] == "clerk"
    reader = Http(server, add_user(cli, "ann", "reader", "secret")["token"])
    assert reader.post("/api/ocr/reviewed", body={"ids": [scans["secret"]]}).status == 403
    session = Http(server)
    assert session.login("chief", add_user(cli, "chief", "archivist", "secret")["password"]).status == 302
    forged = session.post("/api/ocr/reviewed", body={"ids": [scans["secret"]]})
    assert forged.status == 403, "a session (not a token) must send its CSRF token"
    sent = session.post("/api/ocr/reviewed", body={"ids": [scans["secret"]]}, headers={"X-CSRF-Token": session.csrf})
    assert sent.status == 200 and sent.json()["reviewed"][0]["id"] == scans["secret"]
