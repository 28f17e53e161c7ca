"""Scans end to end with the real Tesseract: pages rendered here with DejaVu's Vietnamese glyphs, degraded like
a scan, saved as image-only PDF, multi-page TIFF, PNG and JPEG, ingested, read, searched and flagged."""

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from archive.catalog import Catalog
from archive.pipeline.ingest import ingest
from archive.store import Store
from bench.generators.scangen import (
    long_doc,
    page_images,
    recall,
    sample,
    scanned,
    source_text,
    write_garbled_pdf,
    write_image_pdf,
    write_mixed_pdf,
    write_tiff,
)
from indexer.reading.ocr.tesseract import Engine
from tests.conftest import run_archive

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
MISSING = Engine().missing()
needs_tesseract = pytest.mark.skipif(
    MISSING is not None, reason=f"{MISSING}; CI installs it (.ci/run), so these tests run there"
)
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-dejavu-core (apt-get install it)")
SENTENCE = "công tác lập hồ sơ và nộp lưu tài liệu vào lưu trữ cơ quan chưa nghiêm"


@pytest.fixture(autouse=True)
def no_renditions(monkeypatch):
    monkeypatch.setenv("ARCHIVE_OCR_RENDITION", "0")  # ocrmypdf OCRs every page again: only its own test


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Two A4 pages of an official conclusion, as a scanner would hand them over."""
    return [
        scanned(image, seed) for seed, image in enumerate(page_images(long_doc(sample()), tmp_path_factory.mktemp("r")))
    ]


def ingest_files(settings, *paths, **overrides):
    outcomes = []
    summary = ingest(settings.with_(ocr_rendition=False, **overrides), list(paths), on_outcome=outcomes.append)
    return summary, {Path(o.path).name: o for o in outcomes}


@needs_tesseract
def test_image_pdf_and_tiff_are_read_page_by_page(settings, inbox, cli, pages):
    write_image_pdf(pages, inbox / "scan.pdf")
    write_tiff(pages, inbox / "scan.tif")
    planned, done = [], []
    summary = ingest(
        settings.with_(ocr_rendition=False), [inbox], on_pages=lambda p, d: (planned.append(p), done.append(d))
    )
    assert summary.counts == {"added": 2, "duplicate": 0, "unsupported": 0, "failed": 0}
    assert sum(planned) == 4 and sum(done) == 4, "progress is reported page by page"
    source = source_text(long_doc(sample()))
    with Catalog(settings.catalog_path) as catalog:
        for record in catalog.iter_records():
            text, ocr = catalog.text(record.id), catalog.ocr_of(record.id)
            assert recall(source, text) >= 0.90, (record.filename, recall(source, text))
            assert record.extractor == "tesseract" and record.pages == 2 and text.count("\f") == 1
            assert (record.doc_number, record.doc_type, record.issued) == ("133-KL/TW", "KL", "2025-03-14")
            assert ocr.status == "done" and ocr.engine == "tesseract" and ocr.version[0].isdigit()
            assert ocr.languages == "vie+eng" and [p.page for p in ocr.pages] == [1, 2]
            assert all(p.words > 100 and p.confidence > 70 for p in ocr.pages) and not ocr.needs_review
    result, lines = cli.json("search", SENTENCE)
    assert result.exit_code == 0
    assert {hit["filename"] for hit in lines[0]["hits"][:2]} == {"scan.pdf", "scan.tif"}


@needs_tesseract
def test_mixed_garbled_png_and_jpeg(settings, inbox, pages):
    first_page = "Trang một có lớp chữ: báo cáo tổng kết công tác văn thư, lưu trữ năm 2024 của Văn phòng Tỉnh ủy."
    write_mixed_pdf(first_page, pages[0], inbox / "mixed.pdf", inbox.parent)
    write_garbled_pdf(sample(), inbox / "garbled.pdf")
    pages[0].save(inbox / "page.png", dpi=(300, 300))
    pages[0].convert("RGB").save(inbox / "page.jpg", quality=80, dpi=(300, 300))
    summary, outcomes = ingest_files(settings, inbox)
    assert summary.counts["added"] == 4, outcomes
    source = source_text(sample())
    with Catalog(settings.catalog_path) as catalog:
        mixed = catalog.get(outcomes["mixed.pdf"].record_id)
        text = catalog.text(mixed.id)
        assert mixed.extractor == "pdfminer+tesseract" and " ".join(text.split("\f")[0].split()) == first_page
        assert [p.page for p in catalog.ocr_of(mixed.id).pages] == [2], "the text layer of page 1 is kept"
        assert SENTENCE in " ".join(text.split("\f")[1].split())
        for name in ("garbled.pdf", "page.png", "page.jpg"):
            record = catalog.get(outcomes[name].record_id)
            assert "(cid:" not in catalog.text(record.id)
            assert recall(source, catalog.text(record.id)) >= 0.90, name
            assert record.doc_number == "133-KL/TW", name


@needs_tesseract
def test_low_confidence_is_flagged_and_listed(settings, inbox, cli, pages):
    pages[0].save(inbox / "page.png", dpi=(300, 300))
    summary, outcomes = ingest_files(settings, inbox, ocr_min_confidence=99.9)
    assert summary.ok and outcomes["page.png"].status == "added"
    assert "below 99.9" in outcomes["page.png"].reason
    result, lines = cli.json("ocr", "--low-confidence")
    assert result.exit_code == 0
    [row] = lines[0]["records"]
    assert row["id"] == outcomes["page.png"].record_id and row["filename"] == "page.png"
    assert 70 < row["confidence"] < 99.9 and row["engine"].startswith("tesseract ")


def test_without_tesseract_scans_wait_and_nothing_is_lost(settings, inbox, cli, monkeypatch, pages):
    monkeypatch.setenv("ARCHIVE_TESSERACT", "/nonexistent/tesseract")
    scan = write_image_pdf(pages[:1], inbox / "scan.pdf")
    result, lines = cli.json("ingest", str(inbox))
    assert result.exit_code == 0, "a scan waiting for OCR is archived, not failed"
    [outcome, summary] = lines
    assert outcome["status"] == "pending_ocr" and "apt-get install tesseract-ocr" in outcome["reason"]
    assert "archive ocr --pending" in outcome["reason"]
    assert summary["summary"]["pending_ocr"] == 1 and summary["summary"]["added"] == 0
    exported = inbox.parent / "copy.pdf"
    assert cli("export", str(outcome["id"]), "-o", str(exported)).exit_code == 0
    assert hashlib.sha256(exported.read_bytes()).digest() == hashlib.sha256(scan.read_bytes()).digest()
    again = cli("ocr", "--pending")
    assert again.exit_code == 1 and "stay pending_ocr" in again.stderr
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.ocr_pending() == [outcome["id"]]
        assert catalog.ocr_of(outcome["id"]).status == "pending"


@needs_tesseract
def test_pending_scans_are_read_later_under_the_lock(settings, inbox, cli, monkeypatch, pages):
    monkeypatch.setenv("ARCHIVE_TESSERACT", "/nonexistent/tesseract")
    write_image_pdf(pages[:1], inbox / "scan.pdf")
    [outcome, _] = cli.json("ingest", str(inbox))[1]
    monkeypatch.delenv("ARCHIVE_TESSERACT")
    assert cli.json("search", SENTENCE)[1][0]["total"] == 0
    from archive.upkeep.lock import writer_lock

    with writer_lock(settings.lock_path, command="archive ingest elsewhere"):
        busy = run_archive(settings.home, "ocr", "--pending")
    assert busy.returncode == 75 and "archive ingest elsewhere" in busy.stderr
    result, lines = cli.json("ocr", "--pending")
    assert result.exit_code == 0, result.output
    assert lines[0] == {
        "id": outcome["id"],
        "status": "done",
        "confidence": lines[0]["confidence"],
        "needs_review": False,
        "reason": None,
    }
    assert lines[-1]["summary"]["done"] == 1 and lines[-1]["summary"]["pages"] == 1
    hits = cli.json("search", SENTENCE)[1][0]["hits"]
    assert [h["id"] for h in hits] == [outcome["id"]] and hits[0]["doc_number"] == "133-KL/TW"
    assert cli.json("ocr", "--pending")[1][-1]["summary"]["records"] == 0, "nothing left pending"
    assert cli("verify").exit_code == 0


@needs_tesseract
@pytest.mark.skipif(shutil.which("ocrmypdf") is None, reason="ocrmypdf is optional and not installed")
def test_searchable_rendition_beside_the_untouched_original(settings, inbox, cli, pages):
    scan = write_image_pdf(pages[:1], inbox / "scan.pdf")
    summary = ingest(settings.with_(ocr_rendition=True), [scan])
    assert summary.counts["added"] == 1
    with Catalog(settings.catalog_path) as catalog:
        record = next(catalog.iter_records())
        ocr = catalog.ocr_of(record.id)
    store = Store(settings.store_dir)
    assert ocr.rendition == f"{record.sha256[:2]}/{record.sha256}.ocr.pdf"
    assert store.path(record.sha256).read_bytes() == scan.read_bytes()
    from pdfminer.high_level import extract_text

    assert "hành chính" in extract_text(store.rendition_path(record.sha256)), "the rendition has a text layer"
    exported = inbox.parent / "copy.pdf"
    assert cli("export", str(record.id), "-o", str(exported)).exit_code == 0
    assert exported.read_bytes() == scan.read_bytes(), "export gives the original, not the rendition"
    assert cli("verify").exit_code == 0


def on_a_terminal(home: Path, *args: str, env: dict) -> str:
    """Run `archive …` with its stderr on a pseudo-terminal; what the terminal showed."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    env = {**os.environ, "ARCHIVE_HOME": str(home), **env}
    with subprocess.Popen([sys.executable, "-m", "archive", *args], stderr=secondary, stdout=subprocess.PIPE, env=env):
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


@needs_tesseract
def test_pages_show_on_a_terminal(settings, inbox, pages):
    write_image_pdf(pages, inbox / "scan.pdf")
    shown = on_a_terminal(settings.home, "ingest", str(inbox), env={"ARCHIVE_TESSERACT": "/nonexistent"})
    assert "page/s" not in shown and "pending_ocr" in shown, "no OCR bar while nothing is OCR'd"
    shown = on_a_terminal(settings.home, "ocr", "--pending", env={"ARCHIVE_OCR_RENDITION": "0"})
    assert "OCR" in shown and "2/2" in shown and "page/s" in shown, shown
    piped = run_archive(settings.home, "ocr", "--pending")
    assert "page/s" not in piped.stderr and "0 pending scans" in piped.stdout


@needs_tesseract
def test_a_searchable_pdf_that_cannot_be_made_is_a_note_not_a_problem(settings, inbox, pages, tmp_path, monkeypatch):
    """The scan is archived and read; only the optional rendition failed: a quiet run stays silent, the log
    file says why, and a run without --quiet shows it."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "ocrmypdf").write_text("#!/bin/sh\necho 'ocrmypdf: broken on purpose' >&2\nexit 3\n")
    (fake / "ocrmypdf").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:{os.environ['PATH']}")
    monkeypatch.setenv("ARCHIVE_OCR_RENDITION", "1")
    log = tmp_path / "archive.log"
    write_image_pdf(pages[:1], inbox / "quiet.pdf")
    quiet = run_archive(settings.home, "--log-file", str(log), "ingest", str(inbox / "quiet.pdf"), "--quiet")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    assert "no searchable PDF for" in log.read_text(encoding="utf-8")
    write_image_pdf(pages[1:], inbox / "loud.pdf")
    loud = run_archive(settings.home, "ingest", str(inbox / "loud.pdf"))
    assert loud.returncode == 0 and "no searchable PDF for" in loud.stderr
