"""OCR in the web app: the record page and `/api/records/<id>` say what OCR did (engine and version,
languages, dpi, mean and per-page confidence, weak pages, needs_review and why, the review that cleared it);
the searchable PDF OCR made of a scan is served (checked and audited like a download) and previews a TIFF,
while downloads stay the original. (Marking records reviewed from /admin/ocr: test_ocr_review_web.py.)

OCR results and renditions are written here as fixtures (scans are ingested with Tesseract "missing", so
they wait): only the last test runs the real Tesseract and ocrmypdf, and skips without them."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from archive.catalog import Catalog
from indexer.reading.ocr.tesseract import Engine
from tests.web.browser import Http
from tests.web.conftest import add_user
from tests.web.scans import REASON, RENDITION, make_scans


@pytest.fixture
def scans(cli, settings, inbox, tmp_path, monkeypatch) -> dict[str, int]:
    return make_scans(cli, settings, inbox, tmp_path, monkeypatch)


def downloads(settings, record_id: int) -> list[dict]:
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute(
            "SELECT actor, detail FROM events WHERE action = 'download' AND record_id = ? ORDER BY id", (record_id,)
        )
        return [{"actor": r["actor"], **json.loads(r["detail"])} for r in rows]


def test_the_record_page_and_api_say_what_ocr_did(server, scans, admin):
    browser = Http(server, admin["token"], lang="en")
    page = browser.get(f"/records/{scans['fax']}").text
    assert "Text recognition (OCR)" in page and "tesseract 5.3.0" in page and "vie+eng" in page
    assert "300 dpi" in page and "61.5" in page and "review below 70" in page
    assert f"Needs review:</strong> {REASON}" in page
    rows = re.findall(r"<tr( class=\"low\")?><td>(\d+)</td><td>([^<]+)</td><td>(\d+)</td>", page)
    assert rows == [("", "1", "92.0", "50"), (' class="low"', "2", "31.0", "50"), (' class="low"', "3", "—", "0")]
    assert "not read: tesseract timed out" in page
    record = browser.get(f"/api/records/{scans['fax']}").json()
    assert record["extractor"] == "none" and record["mime"] == "image/tiff", "existing keys are kept"
    ocr = record["ocr"]
    assert (ocr["status"], ocr["engine"], ocr["version"], ocr["languages"], ocr["dpi"]) == (
        "done",
        "tesseract",
        "5.3.0",
        "vie+eng",
        300,
    )
    assert ocr["confidence"] == 61.5 and ocr["threshold"] == 70.0 and ocr["needs_review"] and ocr["reason"] == REASON
    assert ocr["reviewed"] is None
    assert [(p["page"], p["confidence"], p["words"], p["low"]) for p in ocr["pages"]] == [
        (1, 92.0, 50, False),
        (2, 31.0, 50, True),
        (3, None, 0, True),
    ]
    assert ocr["pages"][2]["error"] == "tesseract timed out" and "text" not in ocr["pages"][0]
    assert record["links"] == {
        "download": f"/records/{scans['fax']}/download",
        "page": f"/records/{scans['fax']}",
        "rendition": f"/records/{scans['fax']}/rendition",
    }
    waiting = browser.get(f"/api/records/{scans['bare']}").json()
    assert waiting["ocr"]["status"] == "pending" and "install" in waiting["ocr"]["reason"]
    assert waiting["ocr"]["pages"] == [] and waiting["links"]["rendition"] is None
    assert "waiting for OCR" in browser.get(f"/records/{scans['bare']}").text
    plain = browser.get(f"/api/records/{scans['note']}").json()
    assert plain["ocr"] is None and plain["links"]["rendition"] is None
    assert "Text recognition (OCR)" not in browser.get(f"/records/{scans['note']}").text


def test_a_tiff_previews_as_its_searchable_pdf_and_downloads_stay_the_original(server, scans, admin, settings, inbox):
    browser = Http(server, admin["token"], lang="en")
    fax = scans["fax"]
    page = browser.get(f"/records/{fax}").text
    assert f'<iframe class="preview" src="/records/{fax}/inline" title="The searchable PDF made of the scan">' in page
    assert f'href="/records/{fax}/rendition" download' in page
    shown = browser.get(f"/records/{fax}/inline")
    assert shown.status == 200 and shown.body == RENDITION and shown.headers.get_content_type() == "application/pdf"
    assert shown.headers["X-Frame-Options"] == "SAMEORIGIN" and "sandbox" in shown.headers["Content-Security-Policy"]
    saved = browser.get(f"/records/{fax}/rendition")
    assert saved.status == 200 and saved.body == RENDITION and saved.headers.get_content_type() == "application/pdf"
    assert (
        saved.headers["Content-Disposition"].startswith("attachment")
        and "fax.ocr.pdf" in saved.headers["Content-Disposition"]
    )
    original = browser.get(f"/records/{fax}/download")
    assert original.body == (inbox / "fax.tif").read_bytes() and original.headers.get_content_type() == "image/tiff"
    assert [(d["actor"], d.get("inline"), d.get("rendition")) for d in downloads(settings, fax)] == [
        ("admin", True, True),
        ("admin", None, True),
        ("admin", None, None),
    ], "the rendition is audited like a download"
    bare = scans["bare"]
    page = browser.get(f"/records/{bare}").text
    assert "No preview: browsers cannot show this scan" in page and "<iframe" not in page and "<img" not in page
    assert f'href="/records/{bare}/download" download' in page and f"/records/{bare}/rendition" not in page
    assert browser.get(f"/records/{bare}/inline").status == 404
    missing = browser.get(f"/records/{bare}/rendition")
    assert missing.status == 404 and "no searchable PDF" in missing.text
    assert browser.get(f"/records/{bare}/download").body == (inbox / "bare.tif").read_bytes()


def as_id_free(page: str, record_id: int) -> str:
    return re.sub(rf"\b{record_id}\b", "N", page)


def test_a_hidden_records_rendition_is_not_found_like_a_missing_one(server, scans, cli, settings):
    reader = Http(server, add_user(cli, "ann", "reader", "confidential")["token"])
    missing = reader.get("/records/99999/rendition")
    assert missing.status == 404
    for path in ("/records/{}/rendition", "/records/{}/inline"):
        hidden = reader.get(path.format(scans["secret"]))
        assert (hidden.status, hidden.headers.get_content_type()) == (404, missing.headers.get_content_type())
        # The id is masked only where it stands as an id: a bare digit replace turned id 4's "404" into "N0N".
        assert as_id_free(hidden.text, scans["secret"]) == as_id_free(missing.text, 99999)
    assert reader.get(f"/api/records/{scans['secret']}").status == 404
    assert downloads(settings, scans["secret"]) == []
    assert reader.get(f"/records/{scans['fax']}/rendition").body == RENDITION, "a reader may save what they see"


TESSERACT_MISSING = Engine().missing()


@pytest.mark.skipif(TESSERACT_MISSING is not None, reason=f"{TESSERACT_MISSING}; CI installs it")
@pytest.mark.skipif(shutil.which("ocrmypdf") is None, reason="ocrmypdf is optional and not installed")
def test_a_real_tiff_scan_gets_a_searchable_pdf_preview(server, settings, cli, inbox, admin, monkeypatch):
    from bench.generators.scangen import page_images, sample, scanned, write_tiff
    from tests.archive.test_ocr import FONT

    if not FONT.exists():
        pytest.skip("needs fonts-dejavu-core (apt-get install it)")
    monkeypatch.setenv("ARCHIVE_OCR_RENDITION", "1")
    folder = inbox.parent / "pages"
    folder.mkdir()
    image = scanned(page_images(sample(), folder)[0])
    scan = write_tiff([image], inbox / "scan.tif")
    result, lines = cli.json("ingest", str(scan))
    assert result.exit_code == 0 and lines[0]["status"] == "added", result.output
    record_id = lines[0]["id"]
    browser = Http(server, admin["token"], lang="en")
    record = browser.get(f"/api/records/{record_id}").json()
    assert record["ocr"]["engine"] == "tesseract" and record["ocr"]["pages"][0]["words"] > 20
    assert record["links"]["rendition"] == f"/records/{record_id}/rendition"
    assert "The searchable PDF made of the scan" in browser.get(f"/records/{record_id}").text
    shown = browser.get(f"/records/{record_id}/inline")
    assert shown.status == 200 and shown.body.startswith(b"%PDF")
    assert browser.get(f"/records/{record_id}/download").body == scan.read_bytes()
