"""Every path that hands out stored bytes checks them against a recorded SHA-256 as it reads them: the record
page's inline preview of an original, the searchable PDF OCR made of a scan (saved, or shown inline) and the
PDF LibreOffice made of an office document. A damaged file answers an error, is never handed out whole, and
is recorded as a fixity problem of its record; `archive verify` finds it too. A searchable PDF made before
digests were kept is checked against nothing, and verify says how many there are."""

from __future__ import annotations

import json
import shutil

import pytest

from archive.catalog import Catalog
from archive.models import OcrPage, OcrResult
from archive.store import Store, file_sha256
from indexer.reading.detect import office_converter
from tests.conftest import VI_TEXT, write
from tests.web.conftest import add_user, archive_app, token_client
from tests.web.scans import RENDITION, tiff
from tests.web.test_previews import write_scan


def damage(path, at: int = -1) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0xFF
    path.chmod(0o600)
    path.write_bytes(bytes(data))


def fixity_events(settings) -> list[dict]:
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT record_id, detail FROM events WHERE action = 'fixity' ORDER BY id")
        return [{"record_id": r[0], **json.loads(r[1])} for r in rows]


def reader_of(cli, settings):
    client = token_client(archive_app(settings), add_user(cli, "r", "reader", "unclassified")["token"], lang="en")
    client.application.testing = False  # errors answered as a server would, not raised into the test
    return client


def ingest_one(cli, path) -> int:
    result, lines = cli.json("ingest", str(path))
    assert result.exit_code == 0, result.output
    return lines[0]["id"]


def test_the_inline_preview_of_a_damaged_original_answers_an_error_and_records_it(cli, settings, inbox, monkeypatch):
    monkeypatch.setenv("ARCHIVE_TESSERACT", "/nonexistent/tesseract")  # the scan waits for OCR: no matter here
    scan = write_scan(inbox / "bien-ban.png", "PNG")
    record_id = ingest_one(cli, scan)
    reader = reader_of(cli, settings)
    good = reader.get(f"/records/{record_id}/inline")
    assert good.status_code == 200 and good.data == scan.read_bytes()
    with Catalog(settings.catalog_path) as catalog:
        damage(Store(settings.store_dir).path(catalog.get(record_id).sha256))
    bad = reader.get(f"/records/{record_id}/inline")
    assert bad.status_code == 500 and "damaged" in bad.get_data(as_text=True)
    assert scan.read_bytes()[:64] not in bad.data, "not one byte of the damaged original"
    (event,) = fixity_events(settings)
    assert (event["record_id"], event["ok"], event["via"]) == (record_id, False, "inline")
    assert event["problems"][0]["kind"] == "corrupt_original"


def ocr_with_rendition(settings, record_id: int, rendition: bytes, *, digest: bool) -> None:
    """The OCR of a scan and its searchable PDF, as the pipeline keeps them (`digest`), or as a version
    before digests were kept did (none)."""
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        sha = catalog.get(record_id).sha256
        made = Store(settings.store_dir).rendition_path(sha)
        made.write_bytes(rendition)
        result = OcrResult(
            "done",
            "tesseract",
            "5.3.0",
            "vie+eng",
            300,
            (OcrPage(1, "văn bản", 92.0, 50),),
            rendition=f"{sha[:2]}/{sha}.ocr.pdf",
            rendition_sha256=file_sha256(made) if digest else None,
        )
        catalog.save_ocr(record_id, result)


def test_a_damaged_searchable_pdf_is_not_handed_out_and_is_a_fixity_problem(cli, settings, inbox, monkeypatch):
    monkeypatch.setenv("ARCHIVE_TESSERACT", "/nonexistent/tesseract")
    record_id = ingest_one(cli, tiff(inbox / "fax.tif", 200))
    ocr_with_rendition(settings, record_id, RENDITION, digest=True)
    reader = reader_of(cli, settings)
    assert reader.get(f"/records/{record_id}/rendition").data == RENDITION
    assert reader.get(f"/records/{record_id}/inline").data == RENDITION, "a TIFF previews as its searchable PDF"
    assert cli("verify").exit_code == 0
    with Catalog(settings.catalog_path) as catalog:
        damage(Store(settings.store_dir).rendition_path(catalog.get(record_id).sha256), at=3)
    for path, via in (("rendition", "download"), ("inline", "inline")):
        bad = reader.get(f"/records/{record_id}/{path}")
        assert bad.status_code == 500 and b"searchable PDF made by ocrmypdf" not in bad.data
        assert "searchable PDF of record" in bad.get_data(as_text=True) and "damaged" in bad.get_data(as_text=True)
        event = fixity_events(settings)[-1]
        assert (event["record_id"], event["ok"], event["via"]) == (record_id, False, via)
        assert event["problems"][0]["kind"] == "corrupt_rendition"
    result, lines = cli.json("verify")
    assert result.exit_code == 1
    report = lines[-1]
    assert [(p["kind"], p["id"]) for p in report["problems"]] == [("corrupt_rendition", record_id)]
    assert report["renditions_checked"] == 1 and report["renditions_unchecked"] == 0
    assert cli("show", str(record_id)).exit_code == 0, "the record itself is untouched"


def test_a_searchable_pdf_made_before_digests_is_handed_out_unchecked_and_verify_says_so(
    cli, settings, inbox, monkeypatch
):
    monkeypatch.setenv("ARCHIVE_TESSERACT", "/nonexistent/tesseract")
    record_id = ingest_one(cli, tiff(inbox / "fax.tif", 200))
    ocr_with_rendition(settings, record_id, RENDITION, digest=False)
    reader = reader_of(cli, settings)
    assert reader.get(f"/records/{record_id}/rendition").data == RENDITION
    result, lines = cli.json("verify")
    assert result.exit_code == 0 and lines[-1]["renditions_unchecked"] == 1 and lines[-1]["renditions_checked"] == 0
    said = cli("verify").output
    assert "1 searchable PDFs made before digests were kept: not checked" in said
    assert fixity_events(settings)[-1]["renditions_unchecked"] == 1, "the audit trail's fixity entry says it too"


@pytest.mark.slow
def test_ocr_records_the_digest_of_the_searchable_pdf_it_makes(cli, settings, inbox, monkeypatch):
    from bench.generators.scangen import page_images, sample, scanned, write_tiff
    from tests.archive.test_ocr import FONT

    for tool in ("tesseract", "ocrmypdf"):
        if shutil.which(tool) is None:
            pytest.skip(f"needs {tool}")
    if not FONT.exists():
        pytest.skip("needs fonts-dejavu-core (apt-get install it)")
    monkeypatch.setenv("ARCHIVE_OCR_RENDITION", "1")
    folder = inbox.parent / "pages"
    folder.mkdir()
    record_id = ingest_one(cli, write_tiff([scanned(page_images(sample(), folder)[0])], inbox / "scan.tif"))
    with Catalog(settings.catalog_path) as catalog:
        sha, ocr = catalog.get(record_id).sha256, catalog.ocr_of(record_id)
    made = Store(settings.store_dir).rendition_path(sha)
    assert made.is_file() and ocr.rendition_sha256 == file_sha256(made)
    reader = reader_of(cli, settings)
    assert reader.get(f"/records/{record_id}/rendition").data == made.read_bytes()
    damage(made, at=100)
    assert reader.get(f"/records/{record_id}/rendition").status_code == 500
    assert fixity_events(settings)[-1]["problems"][0]["kind"] == "corrupt_rendition"


@pytest.mark.slow
def test_a_damaged_office_preview_is_not_shown_is_recorded_and_is_made_again(cli, settings, inbox):
    if office_converter() is None:
        pytest.skip("needs LibreOffice (soffice) to make previews")
    page = f"<html><body><h1>Thông báo</h1><p>{VI_TEXT}</p></body></html>"
    record_id = ingest_one(cli, write(inbox / "thong-bao.html", page))
    reader = reader_of(cli, settings)
    first = reader.get(f"/records/{record_id}/inline")
    assert first.status_code == 200 and first.data.startswith(b"%PDF")
    with Catalog(settings.catalog_path) as catalog:
        preview = Store(settings.store_dir).preview_path(catalog.get(record_id).sha256)
        recorded = catalog.db.execute("SELECT pdf_sha256 FROM previews").fetchone()[0]
    assert recorded == file_sha256(preview) and first.data == preview.read_bytes()
    assert cli("verify").exit_code == 0
    damage(preview, at=len(preview.read_bytes()) // 2)
    result, lines = cli.json("verify")
    assert result.exit_code == 1 and [p["kind"] for p in lines[-1]["problems"]] == ["corrupt_preview"]
    bad = reader.get(f"/records/{record_id}/inline")
    assert bad.status_code == 500 and not bad.data.startswith(b"%PDF") and "damaged" in bad.get_data(as_text=True)
    event = fixity_events(settings)[-1]
    assert (event["record_id"], event["via"], event["problems"][0]["kind"]) == (record_id, "inline", "corrupt_preview")
    assert not preview.exists(), "the damaged preview is removed"
    again = reader.get(f"/records/{record_id}/inline")
    assert again.status_code == 200 and again.data.startswith(b"%PDF"), "made again from the original"
    assert cli("verify").exit_code == 0
