"""Scans the browser can show (PNG, JPEG) preview inline on the record page as `<img>`: served from
/records/<id>/inline with their own type, `Content-Disposition: inline`, framed by this site only, audited
like a download, and hidden from a reader below the record's clearance exactly as an absent record is.
(TIFF scans preview as the searchable PDF OCR made of them: test_ocr_web.py; PDFs: test_pages.py.)

Scans are ingested with Tesseract "missing" (they wait for OCR): what a preview shows does not depend on
OCR, and the module stays fast."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from PIL import Image, ImageDraw

from archive.catalog import Catalog
from archive.config import Settings
from archive.store import Store
from indexer.reading.detect import IMAGES, TIFF
from tests.conftest import Cli, write
from tests.web.conftest import add_user, archive_app, token_client
from tests.web.scans import RENDITION
from web.records.shown import INLINE_TYPES

SCANS = {  # file name → (Pillow format, MIME type the archive detects)
    "bien-ban.png": ("PNG", "image/png"),
    "Tờ trình số 12.jpg": ("JPEG", "image/jpeg"),
    "mat.png": ("PNG", "image/png"),
    "ngan.jpg": ("JPEG", "image/jpeg"),
}
SCAN_SIZE = (320, 180)
ABSENT = 99999


def write_scan(path: Path, image_format: str, size: tuple[int, int] = SCAN_SIZE, paper: int = 235) -> Path:
    """A small grey page with dark bars where lines of text would be, as a scanner saves it; scans of
    different `paper` shades differ (the same bytes twice would be one record, a duplicate)."""
    image = Image.new("L", size, paper)
    draw = ImageDraw.Draw(image)
    for top in range(20, size[1] - 20, 24):
        draw.rectangle((16, top, size[0] - 16 - top % 40, top + 10), fill=40)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format=image_format, dpi=(300, 300))
    return path


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("previews")
    settings = Settings(home=root / "home", workers=2)
    inbox = root / "inbox"
    for shade, (name, (image_format, _)) in enumerate(SCANS.items()):
        write_scan(inbox / name, image_format, paper=235 - 5 * shade)
    manifest = write(root / "m.csv", "file,classification,compartments\nmat.png,secret,\nngan.jpg,confidential,ktr\n")
    cli = Cli(settings)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARCHIVE_TESSERACT", "/nonexistent/tesseract")
        result, lines = cli.json("ingest", str(inbox), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    ids = {Path(line["path"]).name: line["id"] for line in lines[:-1]}
    assert len(set(ids.values())) == len(SCANS), "each scan is its own record (none a duplicate of another)"
    users = {
        "admin": add_user(cli, "admin", "admin", "top_secret", "ktr"),
        "reader": add_user(cli, "lan", "reader", "confidential"),
    }
    return {"settings": settings, "inbox": inbox, "ids": ids, "users": users}


@pytest.fixture(scope="module")
def app(world):
    return archive_app(world["settings"])


def client(app, world, who: str):
    return token_client(app, world["users"][who]["token"], lang="en")


def fetch(client, path: str):
    """(response, body) with the file closed: send_file answers stream from the store."""
    response = client.get(path)
    body = response.get_data()
    response.close()
    return response, body


def without_id(body: bytes, record_id: int) -> str:
    """The answer with the id it names made `N` (only as a whole number: not the 4 in 404)."""
    return re.sub(rf"\b{record_id}\b", "N", body.decode())


def inline_views(settings: Settings, record_id: int) -> list[dict]:
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute(
            "SELECT actor, detail FROM events WHERE action = 'download' AND record_id = ? ORDER BY id", (record_id,)
        )
        return [{"actor": r["actor"], **json.loads(r["detail"])} for r in rows]


def test_every_image_type_the_archive_ingests_previews_inline_or_as_its_searchable_pdf():
    """A scan type added to ingest without a preview would show the reader nothing: TIFF (no browser shows
    it) is the one that previews as its searchable PDF instead."""
    ingested = {mime for _, mime in IMAGES}
    assert ingested - {TIFF} == {"image/png", "image/jpeg"}
    assert all(INLINE_TYPES.get(mime) == "image" for mime in ingested - {TIFF})
    assert TIFF not in INLINE_TYPES


@pytest.mark.parametrize("name", ["bien-ban.png", "Tờ trình số 12.jpg"], ids=["png", "jpeg"])
def test_a_scan_shows_inline_as_an_image_on_its_record_page(app, world, name):
    record_id, mime = world["ids"][name], SCANS[name][1]
    admin = client(app, world, "admin")
    page = admin.get(f"/records/{record_id}").get_data(as_text=True)
    assert f'<img class="preview" src="/records/{record_id}/inline" alt="Scan of the original document">' in page
    assert "<iframe" not in page and "No preview" not in page
    shown, body = fetch(admin, f"/records/{record_id}/inline")
    assert shown.status_code == 200 and shown.mimetype == mime
    assert body == (world["inbox"] / name).read_bytes(), "the original itself, byte for byte"
    disposition = shown.headers["Content-Disposition"]
    assert disposition.startswith("inline;") and quote(name) in disposition
    assert shown.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert shown.headers["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'self'; sandbox"
    assert shown.headers["X-Content-Type-Options"] == "nosniff" and shown.headers["Cache-Control"] == "no-store"
    views = inline_views(world["settings"], record_id)
    assert views[-1]["actor"] == "admin" and views[-1]["inline"] is True and "rendition" not in views[-1]


def test_a_scan_ocr_made_a_searchable_pdf_of_still_previews_the_image_itself(app, world):
    record_id = world["ids"]["bien-ban.png"]
    store = Store(world["settings"].store_dir)
    with Catalog(world["settings"].catalog_path) as catalog:
        rendition = store.rendition_path(catalog.get(record_id).sha256)
    rendition.write_bytes(RENDITION)  # where ocrmypdf's searchable PDF of the scan is kept
    try:
        admin = client(app, world, "admin")
        page = admin.get(f"/records/{record_id}").get_data(as_text=True)
        assert f'<img class="preview" src="/records/{record_id}/inline"' in page
        assert f'href="/records/{record_id}/rendition" download' in page, "the searchable PDF is offered beside it"
        shown, body = fetch(admin, f"/records/{record_id}/inline")
        assert shown.mimetype == "image/png" and body == (world["inbox"] / "bien-ban.png").read_bytes()
    finally:
        rendition.unlink()


@pytest.mark.parametrize("name", ["mat.png", "ngan.jpg"], ids=["above-clearance", "missing-compartment"])
@pytest.mark.parametrize("path", ["/records/{}", "/records/{}/inline", "/records/{}/download"])
def test_a_scan_above_the_readers_clearance_is_not_found_like_an_absent_record(app, world, name, path):
    record_id = world["ids"][name]
    reader = client(app, world, "reader")
    absent, absent_body = fetch(reader, path.format(ABSENT))
    hidden, hidden_body = fetch(reader, path.format(record_id))
    assert (hidden.status_code, hidden.mimetype) == (absent.status_code, absent.mimetype) == (404, "text/html")
    assert without_id(hidden_body, record_id) == without_id(absent_body, ABSENT), "hidden reads as absent"
    assert "Content-Disposition" not in hidden.headers and hidden.headers["X-Frame-Options"] == "DENY"
    views = inline_views(world["settings"], record_id)
    assert [v for v in views if v["actor"] == "lan"] == [], "nothing of the hidden scan was served to the reader"


def test_a_reader_sees_the_scans_within_their_clearance_inline(app, world):
    record_id = world["ids"]["Tờ trình số 12.jpg"]
    reader = client(app, world, "reader")
    page = reader.get(f"/records/{record_id}").get_data(as_text=True)
    assert f'<img class="preview" src="/records/{record_id}/inline"' in page
    shown, body = fetch(reader, f"/records/{record_id}/inline")
    assert (shown.status_code, shown.mimetype) == (200, "image/jpeg") and body[:3] == b"\xff\xd8\xff"
    admin = client(app, world, "admin")
    hidden_from_reader = world["ids"]["mat.png"]
    assert fetch(admin, f"/records/{hidden_from_reader}/inline")[0].mimetype == "image/png", "cleared readers see it"
