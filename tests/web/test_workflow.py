"""Retention, holds, disposal, declassification and the audit trail through the web pages and the JSON API,
under a real waitress server."""

import csv
import io
import re
import sqlite3

import pytest

from archive.catalog import Catalog
from tests.conftest import write
from tests.web.browser import Http
from tests.web.conftest import add_user

FILES = {  # name: (type, issued, classification)
    "cv-old": ("CV", "2010-05-01", "unclassified"),
    "nq": ("NQ", "1999-05-01", "unclassified"),
    "conf": ("CV", "2012-05-01", "confidential"),
}


@pytest.fixture
def ids(cli, inbox, tmp_path):
    rows = ["file,doc_type,issued,classification,doc_number"]
    for n, (name, (kind, issued, level)) in enumerate(FILES.items(), start=1):
        write(inbox / f"{name}.txt", f"Văn bản {name} về công tác lưu trữ.\n")
        rows.append(f"{name}.txt,{kind},{issued},{level},{n}-{kind}/TU")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(write(tmp_path / "m.csv", "\n".join(rows) + "\n")))
    assert result.exit_code == 0, result.output
    return {line["path"].rsplit("/", 1)[-1].removesuffix(".txt"): line["id"] for line in lines[:-1]}


@pytest.fixture
def archivist(cli):
    return add_user(cli, "thu", "archivist", "secret")


def events(settings, action: str) -> list:
    with Catalog(settings.catalog_path) as catalog:
        return catalog.db.execute("SELECT * FROM events WHERE action = ? ORDER BY id", (action,)).fetchall()


def test_retention_holds_and_disposal_through_the_api(server, ids, archivist, settings):
    api = Http(server, archivist["token"])
    old, nq = ids["cv-old"], ids["nq"]
    due = api.get("/api/retention/due?as_of=2025-06-01").json()
    assert [r["id"] for r in due["records"]] == [old, ids["conf"]] and due["records"][0]["ends"] == "2021-01-01"
    held = api.post(f"/api/records/{old}/hold", body={"reason": "Thanh tra số 3"})
    assert held.status == 201 and held.json()["hold"]["by"] == "thu"
    assert api.get("/api/holds").json()["holds"][0]["reason"] == "Thanh tra số 3"
    refused = api.post("/api/retention/dispose", body={"ids": [old], "authority": "QĐ 9"})
    assert refused.status == 409 and "legal hold" in refused.json()["refused"][0]["reason"]
    assert refused.json()["error"]["status"] == 409 and refused.json()["disposed"] == []
    for unexplained in (None, {}, {"reason": "  "}):
        assert api.delete(f"/api/records/{old}/hold", body=unexplained).status == 400, "lifting needs a reason"
    assert api.get("/api/holds").json()["holds"], "still held"
    assert api.delete(f"/api/records/{old}/hold", body={"reason": "xong"}).status == 200
    assert api.delete(f"/api/records/{old}/hold", body={"reason": "xong"}).status == 404
    permanent = api.post("/api/retention/dispose", body={"ids": [nq], "authority": "QĐ 9"})
    assert permanent.status == 409 and "kept permanently" in permanent.json()["refused"][0]["reason"]
    assert api.post("/api/retention/dispose", body={"ids": [old]}).status == 400
    assert api.post("/api/retention/dispose", body={"ids": "1", "authority": "x"}).status == 400
    done = api.post("/api/retention/dispose", body={"ids": [old], "authority": "QĐ số 9-QĐ/VPTU"})
    assert done.status == 200 and done.json()["disposed"][0]["disposed_by"] == "thu"
    gone = api.get(f"/api/records/{old}")
    assert gone.status == 410 and gone.json()["disposal"]["authority"] == "QĐ số 9-QĐ/VPTU"
    assert [d["id"] for d in api.get("/api/disposals").json()["disposals"]] == [old]
    (disposal,) = events(settings, "disposal")
    assert (disposal["actor"], disposal["origin"], disposal["record_id"]) == ("thu", "127.0.0.1", old)
    assert [e["actor"] for e in events(settings, "hold.add") + events(settings, "hold.remove")] == ["thu", "thu"]


def test_retention_holds_and_disposal_through_the_pages(server, ids, archivist):
    browser = Http(server, lang="en")
    browser.login("thu", archivist["password"])
    old = ids["cv-old"]
    page = browser.get(f"/records/{old}").text
    assert f'action="/records/{old}/hold"' in page and 'name="csrf_token"' in page
    assert browser.post(f"/records/{old}/hold", form={"reason": "no token"}).status == 403
    assert browser.form(f"/records/{old}/hold", {"reason": "Vụ việc 7"}).status == 303
    assert "Legal hold since" in browser.get(f"/records/{old}").text
    listing = browser.get("/retention?as_of=2025-06-01").text
    assert "held: Vụ việc 7" in listing and f'value="{old}"' not in listing, "a held record has no dispose box"
    refused = browser.form("/retention/dispose", {"id": str(old), "authority": "QĐ 10", "as_of": "2025-06-01"})
    assert refused.status == 409 and "legal hold" in refused.text and "nothing was disposed" in refused.text
    assert browser.form(f"/records/{old}/hold", {"action": "remove", "reason": " "}).status == 400
    assert "Legal hold since" in browser.get(f"/records/{old}").text, "not lifted without a reason"
    assert browser.form(f"/records/{old}/hold", {"action": "remove", "reason": "xong"}).status == 303
    assert f'value="{old}"' in browser.get("/retention?as_of=2025-06-01").text
    done = browser.form("/retention/dispose", {"id": str(old), "authority": "QĐ 10", "as_of": "2025-06-01"})
    assert done.status == 200 and f"disposed: record {old}" in done.text and "QĐ 10" in done.text
    gone = browser.get(f"/records/{old}")
    assert gone.status == 410 and "QĐ 10" in gone.text


def test_declassification_review_and_declassify_through_the_pages_and_the_api(server, ids, archivist, settings):
    browser, api = Http(server, lang="en"), Http(server, archivist["token"])
    browser.login("thu", archivist["password"])
    conf = ids["conf"]
    review = browser.get("/classification?as_of=2025-01-01").text
    assert f'href="/records/{conf}"' in review and "Confidential (10 years)" in review
    assert api.get("/api/classification/due?as_of=2021-01-01").json()["records"] == []
    back = "/classification?as_of=2025-01-01"
    fields = {"field": "classification", "value": "unclassified", "back": back}
    declassified = browser.form(f"/records/{conf}/edit", fields)
    assert declassified.status == 303 and declassified.headers["Location"] == back
    assert f'href="/records/{conf}"' not in browser.get(back).text
    (change,) = events(settings, "classification.changed")
    assert change["actor"] == "thu" and change["origin"] == "127.0.0.1" and '"declassified": true' in change["detail"]
    again = api.patch(f"/api/records/{conf}", body={"set": {"classification": "mật", "notes": "xem lại"}})
    assert again.status == 200 and again.json()["changed"]["classification"] == {
        "old": "unclassified",
        "new": "confidential",
    }
    assert api.patch(f"/api/records/{conf}", body={"set": {"classification": "bogus"}}).status == 400
    assert api.patch(f"/api/records/{conf}", body={"set": {"colour": "red"}}).status == 400
    assert api.patch(f"/api/records/{conf}", body=["x"]).status == 400


def test_the_admin_sees_the_audit_trail_and_exports_it(server, ids, admin, settings, cli):
    reader = Http(server, add_user(cli, "doc", "reader", "unclassified")["token"])
    assert reader.get("/api/search?q=cong+tac+luu+tru").json()["total"] == 2
    reader.get(f"/api/records/{ids['conf']}")  # hidden from them: a not_found entry
    reader.get(f"/records/{ids['nq']}/download")
    api = Http(server, admin["token"])
    searches = api.get("/api/audit?action=search&actor=doc").json()["entries"]
    assert [(e["detail"]["query"], e["detail"]["results"], e["origin"]) for e in searches] == [
        ("cong tac luu tru", 2, "127.0.0.1")
    ]
    assert [e["record_id"] for e in api.get("/api/audit?action=download").json()["entries"]] == [ids["nq"]]
    assert (
        api.get("/api/audit?actor=doc&action=not_found")
        .json()["entries"][0]["detail"]["path"]
        .endswith(f"/{ids['conf']}")
    )
    browser = Http(server, lang="en")
    browser.login("admin", admin["password"])
    page = browser.get("/admin/audit?verify=1").text
    assert "chain intact" in page.lower() and "cong tac luu tru" in page
    assert "cong tac luu tru" not in browser.get("/admin/audit?action=ingest").text
    exported = browser.get("/admin/audit.csv?from=2000-01-01&to=2999-12-31")
    assert exported.status == 200 and exported.headers.get_content_type() == "text/csv"
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert {"ingest", "search", "download", "login"} <= {r["action"] for r in rows}
    assert events(settings, "audit.export")[-1]["actor"] == "admin"
    assert browser.get("/admin/audit?from=not-a-date").status == 400


def test_tampering_shows_in_the_admin_page_and_the_api(server, ids, admin, settings):
    api = Http(server, admin["token"])
    healthy = api.get("/api/audit/verify").json()
    assert healthy["ok"] and healthy["entries"] >= 3
    db = sqlite3.connect(settings.catalog_path)
    db.execute("DROP TRIGGER events_no_update")
    db.execute("UPDATE events SET actor = 'nobody' WHERE id = 2")
    db.commit()
    db.close()
    broken = api.get("/api/audit/verify").json()
    assert not broken["ok"] and broken["problems"][0] == {
        "kind": "edited",
        "entry": 2,
        "detail": "the entry's content does not match its hash: it was changed",
    }
    anchored = api.get(f"/api/audit/verify?anchor={healthy['head']}").json()
    assert not anchored["ok"]
    browser = Http(server, lang="en")
    browser.login("admin", admin["password"])
    page = browser.get("/admin/audit?verify=1").text
    assert "chain broken" in page.lower() and re.search(r"edited: entry 2\b", page)
