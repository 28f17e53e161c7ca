"""What the web says about uploads and a busy archive, to an archivist cleared below some records: never a
lock holder's arguments, never the id (or link, or disposal) of a record they may not see; and where an
upload came from, as the catalog keeps it (the name as sent, never the temporary folder)."""

from __future__ import annotations

import io
import json
import re
import threading
from contextlib import contextmanager

import pytest

from archive.catalog import Catalog
from archive.upkeep.lock import writer_lock
from tests.conftest import EN_TEXT, VI_TEXT, write
from tests.web.conftest import add_user, token_client
from web import create_app
from web.openapi import document

BROKEN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer garbage\n"
AUTHORITY = "Quyết định số 77-QĐ/VPTU"
TEXTS = {  # name → (text, classification, disposed)
    "pub.txt": (VI_TEXT + "Văn bản công khai số một.\n", "unclassified", False),
    "secret.txt": (VI_TEXT + "Văn bản tối mật về nhân sự.\n", "secret", False),
    "pub-gone.txt": (EN_TEXT + "A public record, disposed of.\n", "unclassified", True),
    "secret-gone.txt": (EN_TEXT + "A secret record, disposed of.\n", "secret", True),
}


@pytest.fixture
def world(settings, cli, tmp_path):
    """Four records ingested by the command line (two secret, two of them disposed of) and two archivists."""
    inbox = tmp_path / "inbox"
    rows = ["file,classification,issued,retention"]
    for name, (text, level, gone) in TEXTS.items():
        write(inbox / name, text)
        rows.append(f"{name},{level},{'2001-01-01' if gone else '2024-01-01'},{'1 years' if gone else 'permanent'}")
    manifest = write(tmp_path / "manifest.csv", "\n".join(rows) + "\n")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    ids = {line["path"].rsplit("/", 1)[-1]: line["id"] for line in lines if "path" in line}
    gone = [str(ids[n]) for n, (_, _, g) in TEXTS.items() if g]
    assert cli("retention", "dispose", *gone, "--authority", AUTHORITY).exit_code == 0
    app = create_app(settings)
    app.testing = True
    users = {
        "low": add_user(cli, "low", "archivist", "confidential"),
        "top": add_user(cli, "top", "archivist", "secret"),
    }
    return {"app": app, "ids": ids, "users": users, "settings": settings}


def client(world, name: str, lang: str = "en"):
    return token_client(world["app"], world["users"][name]["token"], lang)


def upload(c, path: str, files: list[tuple[str, bytes]], manifest: bytes | None = None):
    data = {"files": [(io.BytesIO(body), name) for name, body in files]}
    if manifest is not None:
        data["manifest"] = (io.BytesIO(manifest), "manifest.csv")
    return c.post(path, data=data, content_type="multipart/form-data")


def copies(*names: str) -> list[tuple[str, bytes]]:
    return [(f"copy of {n}", TEXTS[n][0].encode()) for n in names]


# --- a busy archive ---------------------------------------------------------------------------------------


@contextmanager
def held_by(settings, command: str):
    held, release = threading.Event(), threading.Event()

    def hold():
        with writer_lock(settings.lock_path, command=command):
            held.set()
            release.wait(20)

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(5)
    try:
        yield
    finally:
        release.set()
        thread.join()


def test_a_busy_archive_names_the_job_and_when_never_its_arguments(world, monkeypatch):
    monkeypatch.setattr("web.ingesting.LOCK_WAIT", 0.2)
    monkeypatch.setattr("web.context.LOCK_WAIT", 0.2)
    settings, pub = world["settings"], world["ids"]["pub.txt"]
    en, vi = client(world, "low"), client(world, "low", "vi")
    with held_by(settings, f"/usr/bin/archive --home /srv hold add {pub} --reason bimatquansu-Nguyen-Van-A"):
        since = json.loads(settings.lock_path.read_text())["since"]
        replies = {
            "upload page": upload(en, "/ingest", [("a.txt", b"mot hai ba")]),
            "upload page (vi)": upload(vi, "/ingest", [("a.txt", b"mot hai ba")]),
            "upload API": upload(en, "/api/ingest", [("a.txt", b"mot hai ba")]),
            "hold form": en.post(f"/records/{pub}/hold", data={"reason": "x"}),
            "edit API": en.patch(f"/api/records/{pub}", json={"set": {"notes": "x"}}),
            "hold API": en.post(f"/api/records/{pub}/hold", json={"reason": "x"}),
        }
    for what, reply in replies.items():
        text = reply.get_data(as_text=True)
        assert reply.status_code == 503, (what, text)
        assert "bimatquansu" not in text and "Nguyen" not in text and "/srv" not in text, what
        assert "--reason" not in text and f"add {pub}" not in text, what
        assert "archive hold add" in text and since in text, f"{what}: which job, and since when"
        assert ("đang bận" if "(vi)" in what else "busy") in text, what
    api = replies["upload API"].get_json()["error"]
    assert api["message"].startswith("the archive is busy: pid ")
    assert api["message"].endswith(f"(archive hold add) since {since} holds its writer lock")
    assert "(archive hold add)" in api["text"]


# --- duplicates and disposed bytes of records the uploader may not see -------------------------------------


def test_an_upload_never_names_a_record_the_uploader_may_not_see(world):
    ids = world["ids"]
    files = copies("pub.txt", "secret.txt", "pub-gone.txt", "secret-gone.txt")
    manifest = "file,classification,title\ncopy of secret.txt,unclassified,Lộ ra\n".encode()
    reply = upload(client(world, "low"), "/api/ingest", files, manifest)
    assert reply.status_code == 200, reply.get_data(as_text=True)
    rows = {o["name"]: o for o in reply.get_json()["outcomes"]}
    assert rows["copy of pub.txt"]["status"] == "duplicate" and rows["copy of pub.txt"]["id"] == ids["pub.txt"]
    hidden = rows["copy of secret.txt"]
    assert hidden["status"] == "duplicate" and hidden["id"] is None
    assert hidden["reason"] == "these bytes are already in the archive" and hidden["reason_text"] == hidden["reason"]
    seen_gone, unseen_gone = rows["copy of pub-gone.txt"], rows["copy of secret-gone.txt"]
    assert seen_gone["status"] == "failed" and AUTHORITY in seen_gone["reason"]
    assert f"(record {ids['pub-gone.txt']})" in seen_gone["reason"], "a record they could have seen: as ever"
    assert unseen_gone["status"] == "failed" and unseen_gone["id"] is None
    assert unseen_gone["reason"] == "these bytes were disposed of: a disposed record is not archived again"
    said = json.dumps(reply.get_json(), ensure_ascii=False)
    for secret in (ids["secret.txt"], ids["secret-gone.txt"]):
        assert f'"id": {secret}' not in said and f"record {secret}" not in said
    unseen = json.dumps(unseen_gone, ensure_ascii=False)
    assert "2001" not in unseen and AUTHORITY not in unseen, "no date or authority of theirs"
    with Catalog(world["settings"].catalog_path) as catalog:
        kept = catalog.get(ids["secret.txt"])
    assert kept.classification == "secret" and kept.title != "Lộ ra", "their manifest row changes nothing of it"
    # The one cleared for them is told as before.
    top = {o["name"]: o for o in upload(client(world, "top"), "/api/ingest", files).get_json()["outcomes"]}
    assert top["copy of secret.txt"]["id"] == ids["secret.txt"]
    assert f"(record {ids['secret-gone.txt']})" in top["copy of secret-gone.txt"]["reason"]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_ingest_page_shows_no_link_to_a_record_the_uploader_may_not_see(world, lang):
    ids = world["ids"]
    files = copies("pub.txt", "secret.txt", "secret-gone.txt")
    page = upload(client(world, "low", lang), "/ingest", files)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    links = set(map(int, re.findall(r'href="/records/(\d+)"', html)))
    assert ids["pub.txt"] in links and ids["secret.txt"] not in links
    assert f">{ids['secret.txt']}<" not in html and f">{ids['secret-gone.txt']}<" not in html
    assert AUTHORITY not in html and "2001-01-01" not in html
    already = {"en": "these bytes are already in the archive", "vi": "nội dung tệp này đã có trong kho lưu trữ"}
    gone = {"en": "these bytes were disposed of: a disposed", "vi": "nội dung tệp này đã được tiêu hủy: văn bản"}
    assert already[lang] in html and gone[lang] in html


# --- where an upload came from ------------------------------------------------------------------------------


def test_an_upload_is_recorded_under_the_name_sent_never_its_temporary_folder(world):
    files = [("báo cáo.txt", (VI_TEXT + "Báo cáo quý.\n").encode()), ("báo cáo.txt", BROKEN_PDF)]
    files += [*copies("pub.txt"), ("z-again.txt", files[0][1])]
    reply = upload(client(world, "low"), "/api/ingest", files)
    result = reply.get_json()
    assert reply.status_code == 200, result
    rows = sorted(result["outcomes"], key=lambda o: o["index"])
    assert [(o["index"], o["name"], o["status"]) for o in rows] == [
        (0, "báo cáo.txt", "added"),
        (1, "báo cáo.txt", "failed"),  # the same name twice: each outcome still finds its own file
        (2, "copy of pub.txt", "duplicate"),
        (3, "z-again.txt", "duplicate"),
    ]
    added = rows[0]["id"]
    with Catalog(world["settings"].catalog_path) as catalog:
        outcomes = catalog.batch_outcomes(result["batch"])
        (event,) = catalog.db.execute("SELECT detail FROM events WHERE action = 'ingest' AND record_id = ?", (added,))
        everything = [
            str(value)
            for table in ("events", "batch_files", "records", "batches")
            for row in catalog.db.execute(f"SELECT * FROM {table}")
            for value in tuple(row)
        ]
        assert catalog.get(added).source_path == "upload:báo cáo.txt"
    assert json.loads(event[0])["path"] == "upload:báo cáo.txt", "the audit entry: the name as sent"
    assert sorted(o.path for o in outcomes) == sorted(
        ["upload:báo cáo.txt", "upload:báo cáo.txt", "upload:copy of pub.txt", "upload:z-again.txt"]
    )
    uploads = str(world["settings"].uploads_dir)
    assert [v for v in everything if uploads in v or "/uploads/" in v or "/files/" in v] == []


def test_the_command_line_keeps_the_real_paths(world, cli, tmp_path):
    source = write(tmp_path / "more" / "thêm.txt", EN_TEXT + "One more from the command line.\n")
    result, lines = cli.json("ingest", str(source))
    assert result.exit_code == 0 and lines[0]["path"] == str(source)
    with Catalog(world["settings"].catalog_path) as catalog:
        assert catalog.get(lines[0]["id"]).source_path == str(source.absolute())
        (event,) = catalog.db.execute(
            "SELECT detail FROM events WHERE action = 'ingest' AND record_id = ?", (lines[0]["id"],)
        )
    assert json.loads(event[0])["path"] == str(source)


# --- the record page and the API's description --------------------------------------------------------------


def test_the_record_page_says_where_the_record_came_from(world):
    files = [("<b>nguồn</b>.txt", (VI_TEXT + "Tệp có tên lạ.\n").encode())]
    (row,) = upload(client(world, "low"), "/api/ingest", files).get_json()["outcomes"]
    en = client(world, "low").get(f"/records/{row['id']}").get_data(as_text=True)
    vi = client(world, "low", "vi").get(f"/records/{row['id']}").get_data(as_text=True)
    assert "<dt>Ingested from</dt>" in en and "upload:&lt;b&gt;nguồn&lt;/b&gt;.txt" in en
    assert "<b>nguồn</b>" not in en
    assert "upload:&lt;b&gt;nguồn&lt;/b&gt;.txt" in vi


def test_the_api_description_names_every_field_of_an_upload_outcome(world):
    (row,) = upload(client(world, "low"), "/api/ingest", [("x.txt", b"mot hai ba bon nam")]).get_json()["outcomes"]
    described = document()["paths"]["/api/ingest"]["post"]["responses"]["200"]["content"]["application/json"]
    outcome = described["schema"]["properties"]["outcomes"]["items"]
    assert set(outcome["properties"]) == set(row) and set(outcome["required"]) == set(row)
