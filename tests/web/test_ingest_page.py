"""Uploads from the ingest page and /api/ingest: many files with a manifest, one outcome per file, files
streamed into the home folder and gone afterwards, the size limit, a busy archive, and roles."""

from __future__ import annotations

import io
import threading

import pytest

from archive.catalog import Catalog
from archive.upkeep.lock import writer_lock
from tests.conftest import EN_TEXT, VI_TEXT
from tests.web.conftest import add_user, archive_app, token_client
from web import create_app

BROKEN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer garbage\n"


@pytest.fixture
def app(settings, cli):
    app = create_app(settings)
    app.testing = True
    app.config["users"] = {n: add_user(cli, n, r, "secret") for n, r in (("clerk", "archivist"), ("ann", "reader"))}
    return app


def client(app, name: str):
    return token_client(app, app.config["users"][name]["token"])


def upload(c, path: str, files: list[tuple[str, bytes]], manifest: bytes | None = None):
    data = {"files": [(io.BytesIO(body), name) for name, body in files]}
    if manifest is not None:
        data["manifest"] = (io.BytesIO(manifest), "manifest.csv")
    return c.post(path, data=data, content_type="multipart/form-data")


def test_a_batch_with_a_broken_file_reports_each_outcome(app, settings):
    clerk = client(app, "clerk")
    files = [
        ("kết luận.txt", VI_TEXT.encode()),
        ("conclusion.txt", EN_TEXT.encode()),
        ("z-copy.txt", VI_TEXT.encode()),
        ("hỏng.pdf", BROKEN_PDF),
        ("program.bin", bytes(range(256)) * 4),
    ]
    manifest = "file,doc_number,classification\nkết luận.txt,12-KL/TU,confidential\n".encode()
    reply = upload(clerk, "/api/ingest", files, manifest)
    assert reply.status_code == 200, reply.get_data(as_text=True)
    result = reply.get_json()
    outcomes = {o["name"]: o for o in result["outcomes"]}
    assert [outcomes[n]["status"] for n, _ in files] == ["added", "added", "duplicate", "failed", "unsupported"]
    assert outcomes["z-copy.txt"]["id"] == outcomes["kết luận.txt"]["id"]
    assert [outcomes[n]["index"] for n, _ in files] == [0, 1, 2, 3, 4], "each outcome says which file it is"
    assert outcomes["hỏng.pdf"]["reason"] and outcomes["program.bin"]["reason"]
    assert result["summary"]["added"] == 2 and result["summary"]["failed"] == 1
    with Catalog(settings.catalog_path) as catalog:
        record = catalog.get(outcomes["kết luận.txt"]["id"])
        ingest_events = catalog.db.execute("SELECT actor FROM events WHERE action = 'ingest'").fetchall()
    assert record.filename == "kết luận.txt" and record.doc_number == "12-KL/TU"
    assert record.classification == "confidential" and record.provenance["doc_number"] == "manifest"
    assert record.source_path == "upload:kết luận.txt", "the name as sent, not the temporary upload folder"
    shown = clerk.get(f"/api/records/{record.id}").get_json()
    assert shown["source_path"] == "upload:kết luận.txt"
    assert ingest_events and {row[0] for row in ingest_events} == {"clerk"}, "audited as the uploader"
    assert [p for p in settings.uploads_dir.rglob("*") if p.is_file()] == [], "nothing left behind"


def test_safe_names_keep_what_was_sent_within_one_folder():
    from web.ingesting import safe_name

    taken: set[str] = set()
    names = [safe_name(n, taken) for n in ("../../etc/passwd", ".bashrc", "a.txt", "a.txt", "C:\\x\\b.doc", "\x00")]
    assert names == ["passwd", "_.bashrc", "a.txt", "a (2).txt", "b.doc", "unnamed"]


def test_the_page_form_shows_the_outcomes_in_a_table(app):
    page = upload(client(app, "clerk"), "/ingest", [("a.txt", VI_TEXT.encode()), (".hidden <b>x</b>.txt", b"\x00\x01")])
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "đã thêm" in html and "không hỗ trợ" in html
    assert "<td>.hidden &lt;b&gt;x&lt;/b&gt;.txt</td>" in html, "shown as sent, escaped"
    assert "<b>x</b>" not in html


def test_the_page_carries_the_per_file_view_in_both_languages(app):
    clerk = client(app, "clerk")
    vi = clerk.get("/ingest").get_data(as_text=True)
    clerk.set_cookie("archive_lang", "en")
    en = clerk.get("/ingest").get_data(as_text=True)
    for html, words in (
        (vi, ("Các tệp trong lần tải lên này", "Tiến độ", 'data-ready="sẵn sàng tải lên"', "Bảng kê, dòng {line}")),
        (en, ("Files in this upload", "Progress", 'data-ready="ready to upload"', "Manifest line {line}")),
    ):
        assert all(word in html for word in words), words
        assert '<table id="file-list">' in html and 'role="status" aria-live="polite"' in html


def test_a_manifest_with_errors_ingests_nothing(app, settings):
    reply = upload(
        client(app, "clerk"), "/api/ingest", [("a.txt", VI_TEXT.encode())], b"file,issued\na.txt,not-a-date\n"
    )
    assert reply.status_code == 422 and reply.get_json()["batch"] is None
    assert any(p["line"] == 2 for p in reply.get_json()["manifest"])
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.count() == 0


def test_uploads_over_the_limit_are_refused(settings, cli):
    app = archive_app(settings.with_(max_upload_mb=1))
    c = token_client(app, add_user(cli, "big", "archivist", "secret")["token"])
    # A body built by hand stays in memory (the test client would spool a large form to a temporary file).
    body = b"--b\r\nContent-Disposition: form-data; name=files; filename=big.txt\r\n\r\n" + b"a" * (1024 * 1024 + 1)
    reply = c.post("/api/ingest", data=body + b"\r\n--b--\r\n", content_type="multipart/form-data; boundary=b")
    assert reply.status_code == 413 and "ARCHIVE_MAX_UPLOAD_MB" in reply.get_json()["error"]["message"]
    assert app.config["MAX_CONTENT_LENGTH"] == 1024 * 1024


def test_a_busy_archive_says_so_and_keeps_nothing(app, settings, monkeypatch):
    monkeypatch.setattr("web.ingesting.LOCK_WAIT", 0.2)
    held, release = threading.Event(), threading.Event()

    def hold():
        with writer_lock(settings.lock_path, command="archive reindex --full"):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    try:
        page = upload(client(app, "clerk"), "/ingest", [("a.txt", VI_TEXT.encode())])
        api = upload(client(app, "clerk"), "/api/ingest", [("a.txt", VI_TEXT.encode())])
    finally:
        release.set()
        thread.join()
    assert page.status_code == 503 and "Kho lưu trữ đang bận" in page.get_data(as_text=True)
    assert "(archive reindex)" in page.get_data(as_text=True) and "--full" not in page.get_data(as_text=True)
    assert api.status_code == 503 and "busy" in api.get_json()["error"]["message"]
    assert [p for p in settings.uploads_dir.rglob("*") if p.is_file()] == []


def test_readers_may_not_upload(app):
    assert client(app, "ann").get("/ingest").status_code == 403
    assert upload(client(app, "ann"), "/api/ingest", [("a.txt", b"x")]).status_code == 403


def test_uploads_stream_to_disk_in_the_home_folder(app, settings):
    from flask import request

    with app.test_request_context("/api/ingest", method="POST"):
        stream = request._get_file_stream(10, "text/plain", "a.txt")
        try:
            assert stream.fileno() > 0 and (settings.uploads_dir / "incoming").is_dir()
        finally:
            stream.close()


def test_records_keep_the_name_as_sent_with_control_characters_written_out(app, settings):
    files = [("Văn bản/tab\there.txt", VI_TEXT.encode()), ("đến.txt", EN_TEXT.encode())]
    result = upload(client(app, "clerk"), "/api/ingest", files).get_json()
    ids = {o["index"]: o["id"] for o in result["outcomes"]}
    with Catalog(settings.catalog_path) as catalog:
        first, second = catalog.get(ids[0]), catalog.get(ids[1])
    assert first.filename == "tabhere.txt" and first.source_path == "upload:Văn bản/tab\\x09here.txt"
    assert second.source_path == "upload:đến.txt"
    again = upload(client(app, "clerk"), "/api/ingest", [("copy.txt", EN_TEXT.encode())]).get_json()
    assert again["outcomes"][0]["status"] == "duplicate"
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.get(ids[1]).source_path == "upload:đến.txt", "a duplicate leaves the record as it was"


def test_a_manifest_names_files_with_quotes_and_files_kept_under_another_name(app, settings):
    # Browsers write a `"` in a file name as %22 in the form (the HTML standard); the test client would not.
    files = [("Báo cáo %22quý I%22.txt", VI_TEXT.encode()), (".ghi chú.txt", EN_TEXT.encode())]
    manifest = 'file,doc_number\n"Báo cáo ""quý I"".txt",12-BC/TU\n.ghi chú.txt,3-TB/VPTU\n'.encode()
    reply = upload(client(app, "clerk"), "/api/ingest", files, manifest)
    assert reply.status_code == 200, reply.get_json()
    assert reply.get_json()["manifest"] == []
    outcomes = {o["name"]: o for o in reply.get_json()["outcomes"]}
    with Catalog(settings.catalog_path) as catalog:
        quoted = catalog.get(outcomes['Báo cáo "quý I".txt']["id"])
        dotted = catalog.get(outcomes[".ghi chú.txt"]["id"])
    assert quoted.doc_number == "12-BC/TU" and quoted.filename == 'Báo cáo "quý I".txt'
    assert dotted.doc_number == "3-TB/VPTU" and dotted.filename == "_.ghi chú.txt"


def test_a_manifest_row_for_a_file_not_sent_says_so_without_the_server_path(app, settings):
    reply = upload(client(app, "clerk"), "/api/ingest", [("a.txt", VI_TEXT.encode())], b"file\nb.txt\na.txt\n")
    assert reply.status_code == 422
    assert reply.get_json()["manifest"][0] == {
        "line": 2,
        "message": "b.txt: no such file in this upload",
        "severity": "error",
        "text": "b.txt: không có tệp này trong lần tải lên này",  # in the reader's language, beside the English
        "severity_text": "lỗi",
    }
    assert str(settings.home) not in reply.get_data(as_text=True)


@pytest.mark.parametrize(
    "manifest, words",
    [
        (b"file,issued\na.txt,\xff\xfe2001\n", "manifest.csv: not UTF-8 text"),
        (b"issued,title\n2001-01-01,x\n", "manifest.csv: the first row must name the columns"),
    ],
)
def test_an_unreadable_manifest_is_named_as_sent_never_by_its_server_path(app, settings, manifest, words):
    reply = upload(client(app, "clerk"), "/api/ingest", [("a.txt", VI_TEXT.encode())], manifest)
    assert reply.status_code == 400
    assert reply.get_json()["error"]["message"].startswith(words)
    assert str(settings.home) not in reply.get_data(as_text=True) and "uploads" not in reply.get_data(as_text=True)


def test_api_errors_are_in_english_whatever_the_readers_language(app):
    clerk = client(app, "clerk")  # no language cookie: Vietnamese, the default
    no_files = clerk.post("/api/ingest", data={}, content_type="multipart/form-data")
    assert no_files.get_json()["error"]["message"] == "Choose one or more files to upload."
    not_json = clerk.post("/api/records/1/hold", data="[1]", content_type="application/json")
    assert not_json.status_code == 400
    assert not_json.get_json()["error"]["message"] == "send a JSON object (Content-Type: application/json)"
