"""Born-digital PDFs are never sent to OCR: each page is judged on its own extracted text, and command lines,
file paths, code, checksums and tables of numbers are real text. A technical manual made here (random
pieces, `bench/generators/techpdf.py`) ingests with no OCR'd page and no searchable copy; in a PDF that mixes typeset
pages with a scanned one, only the scanned page is OCR'd and no copy is made either."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text

from archive.catalog import Catalog
from archive.pipeline.ingest import ingest
from archive.store import Store
from bench.generators.techpdf import write_technical_pdf
from indexer.reading.ocr.pages import pdf_pages_to_ocr, text_is_unusable
from indexer.reading.ocr.tesseract import Engine

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MISSING = Engine().missing()
pytestmark = pytest.mark.skipif(not (FONT_DIR / "DejaVuSansMono.ttf").exists(), reason="needs fonts-dejavu-core")
needs_ocr_tools = pytest.mark.skipif(
    MISSING is not None or shutil.which("ocrmypdf") is None,
    reason=f"needs tesseract and ocrmypdf ({MISSING or 'ocrmypdf missing'}); CI installs them (.ci/run)",
)


@pytest.mark.parametrize("seed", [63, 7, 2024])
def test_every_page_of_a_technical_manual_is_usable_text(tmp_path, seed):
    path = write_technical_pdf(tmp_path / "manual.pdf", seed=seed)
    pages = extract_text(path).split("\f")[:-1]
    assert len(pages) == 9 and any("$ " in p for p in pages) and any("/" in p and "=" in p for p in pages)
    assert [i for i, text in enumerate(pages) if text_is_unusable(text)] == []
    assert pdf_pages_to_ocr(path, pages) == []


def test_glyph_codes_and_glued_nonsense_are_still_unusable():
    assert text_is_unusable("V:6P:6ý Vu4Đl Vn6(cid:76)l V64Đ: VơB6à VoQDmn VN KG-ơó012 V:BCD Vl4 " * 3)
    assert text_is_unusable("Ka3Bđ7q Mx9Rơt1 Qz4ĐpL2 Tý8Kv0s " * 8)
    assert not text_is_unusable("$ sha256sum /srv/archive/store/ab/ab12cd34ef56.pdf > /tmp/sums_2.txt " * 5)


def test_a_born_digital_manual_ingests_with_no_ocr_and_no_searchable_copy(settings, inbox):
    write_technical_pdf(inbox / "manual.pdf", pages=12, seed=11)
    outcomes = []
    summary = ingest(settings.with_(ocr_rendition=True), [inbox], on_outcome=outcomes.append)
    assert summary.counts["added"] == 1, summary.counts
    with Catalog(settings.catalog_path) as catalog:
        record = catalog.get(outcomes[0].record_id)
        assert record.extractor == "pdfminer" and catalog.ocr_of(record.id) is None, "no page was OCR'd"
        assert "sha256sum" in catalog.text(record.id) or "systemctl" in catalog.text(record.id)
    assert not Store(settings.store_dir).rendition_path(record.sha256).exists()


@needs_ocr_tools
@pytest.mark.slow
def test_in_a_mixed_pdf_only_the_scanned_page_is_read_and_no_copy_is_made(settings, inbox, tmp_path):
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(image).text((120, 200), "Biên bản họp giao ban văn phòng", fill=0,
                               font=ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 44))  # fmt: skip
    image.save(tmp_path / "scan.png", dpi=(150, 150))
    manual = write_technical_pdf(tmp_path / "manual.pdf", pages=3, seed=5)
    typed = extract_text(manual).split("\f")[:-1]
    pdf = FPDF(format="A4")
    pdf.add_font("Mono", "", str(FONT_DIR / "DejaVuSansMono.ttf"))
    pdf.set_font("Mono", size=8)
    pdf.add_page()
    for line in filter(None, typed[1].splitlines()):
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.image(str(tmp_path / "scan.png"), x=0, y=0, w=210, h=297)
    pdf.output(str(inbox / "mixed.pdf"))
    outcomes = []
    summary = ingest(settings.with_(ocr_rendition=True), [inbox], on_outcome=outcomes.append)
    assert summary.counts["added"] == 1, summary.counts
    with Catalog(settings.catalog_path) as catalog:
        record = catalog.get(outcomes[0].record_id)
        assert [p.page for p in catalog.ocr_of(record.id).pages] == [2], "the code page keeps its text layer"
        text = catalog.text(record.id)
    assert "giao ban" in text.split("\f")[1]
    assert not Store(settings.store_dir).rendition_path(record.sha256).exists(), "born-digital: no copy"


@needs_ocr_tools
@pytest.mark.slow
def test_a_scan_with_a_garbage_layer_gets_its_pages_redone_in_the_copy(settings, inbox):
    from bench.generators.scangen import sample, write_garbled_pdf

    write_garbled_pdf(sample(), inbox / "garbled.pdf")
    outcomes = []
    ingest(settings.with_(ocr_rendition=True), [inbox], on_outcome=outcomes.append)
    with Catalog(settings.catalog_path) as catalog:
        record = catalog.get(outcomes[0].record_id)
        assert [p.page for p in catalog.ocr_of(record.id).pages] == [1]
    copy = Store(settings.store_dir).rendition_path(record.sha256)
    assert copy.exists() and "(cid:" not in extract_text(copy) and "KẾT LUẬN" in extract_text(copy)
