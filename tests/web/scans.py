"""Scans for the web's OCR tests, ingested while Tesseract is "missing" (so they wait), then given OCR
results and searchable PDFs written here: fax.tif (OCR'd, flagged, with a rendition), bare.tif (waiting for
OCR, no rendition), secret.tif (secret, OCR'd, flagged, with a rendition) and note.txt."""

from __future__ import annotations

from PIL import Image

from archive.catalog import Catalog
from archive.models import OcrPage, OcrResult
from archive.store import Store
from tests.conftest import write

RENDITION = b"%PDF-1.4\n% a searchable PDF made by ocrmypdf (a fixture)\n%%EOF\n"
REASON = "OCR could not read page 3 (tesseract timed out); mean OCR confidence 61.5 is below 70"


def tiff(path, shade: int):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", (120, 80), shade).save(path, format="TIFF", dpi=(300, 300))
    return path


def make_scans(cli, settings, inbox, tmp_path, monkeypatch) -> dict[str, int]:
    """Ids by file stem."""
    monkeypatch.setenv("ARCHIVE_TESSERACT", "/nonexistent/tesseract")
    tiff(inbox / "fax.tif", 200)
    tiff(inbox / "bare.tif", 150)
    tiff(inbox / "secret.tif", 100)
    write(inbox / "note.txt", "Công văn về công tác văn thư.\n")
    manifest = write(tmp_path / "m.csv", "file,classification\nsecret.tif,secret\n")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    ids = {line["path"].rsplit("/", 1)[-1].split(".")[0]: line["id"] for line in lines[:-1]}
    pages = (
        OcrPage(1, "văn bản", 92.0, 50),
        OcrPage(2, "vă bn", 31.0, 50),
        OcrPage(3, "", None, 0, error="tesseract timed out"),
    )
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        for name in ("fax", "secret"):
            result = OcrResult("done", "tesseract", "5.3.0", "vie+eng", 300, pages, needs_review=True, reason=REASON)
            catalog.save_ocr(ids[name], result)
        shas = {name: catalog.get(ids[name]).sha256 for name in ("fax", "secret")}
    store = Store(settings.store_dir)
    for sha in shas.values():  # where the store keeps what ocrmypdf makes
        store.rendition_path(sha).write_bytes(RENDITION)
    return ids
