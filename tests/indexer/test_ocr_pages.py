"""Which PDF pages need OCR, page images at the right resolution, and the engine's readiness."""

import io
from pathlib import Path

import pytest
from PIL import Image

from archive.errors import ExtractionError, NeedsOcrError
from bench.generators.docgen import write_pdf
from bench.generators.scangen import (
    page_images,
    sample,
    write_garbled_pdf,
    write_image_pdf,
    write_mixed_pdf,
    write_tiff,
)
from indexer.reading import detect
from indexer.reading.extract import extract_file
from indexer.reading.ocr.pages import page_count, page_image, pdf_pages_to_ocr, text_is_unusable
from indexer.reading.ocr.tesseract import Engine, engine_for

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-dejavu-core (apt-get install it)")


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Image.Image:
    if not FONT.exists():
        pytest.skip("needs fonts-dejavu-core (apt-get install it) to render pages")
    return page_images(sample(), tmp_path_factory.mktemp("render"))[0]


def test_gibberish_text_layers_are_unusable():
    assert text_is_unusable("(cid:3)(cid:4)(cid:5) (cid:6)(cid:7)" * 10)
    assert text_is_unusable("V:6P:6ý Vu4Đl Vn6(cid:76)l V64Đ: VơB6à VoQDmn VN KG-ơó012 V:BCD Vl4 " * 3)
    assert not text_is_unusable("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá (cid:3) " * 5)
    assert not text_is_unusable("T/M BAN THƯỜNG VỤ, 1.234,5 tỷ đồng (12%), e-mail: vanthu@tinhuy.vn. " * 5)


@needs_font
def test_born_digital_pdfs_need_no_ocr(tmp_path):
    path = write_pdf(sample(), tmp_path / "typeset.pdf")
    assert extract_file(path, detect.PDF).extractor == "pdfminer"


def test_image_only_pdf_needs_ocr_on_every_page(tmp_path, page):
    path = write_image_pdf([page, page, page], tmp_path / "scan.pdf")
    with pytest.raises(NeedsOcrError) as caught:
        extract_file(path, detect.PDF)
    assert caught.value.pages == (0, 1, 2)
    assert page_count(path, detect.PDF) == 3


def test_only_the_pages_without_usable_text_are_named(tmp_path, page):
    mixed = write_mixed_pdf(
        "Trang một có lớp chữ: báo cáo tổng kết công tác văn thư năm 2024.", page, tmp_path / "m.pdf", tmp_path
    )
    with pytest.raises(NeedsOcrError) as caught:
        extract_file(mixed, detect.PDF)
    assert caught.value.pages == (1,) and "văn thư" in caught.value.texts[0]
    garbled = write_garbled_pdf(sample(), tmp_path / "garbled.pdf")
    with pytest.raises(NeedsOcrError) as caught:
        extract_file(garbled, detect.PDF)
    assert caught.value.pages == (0,)


def test_a_blank_pdf_page_is_not_sent_to_ocr(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    path = tmp_path / "blank.pdf"
    pdf.output(str(path))
    assert pdf_pages_to_ocr(path, [""]) == []
    with pytest.raises(ExtractionError, match="nothing to read"):
        extract_file(path, detect.PDF)


def test_pages_are_rendered_at_the_ocr_resolution(tmp_path, page):
    pdf = write_image_pdf([page], tmp_path / "scan.pdf")
    data, dpi = page_image(pdf, detect.PDF, 0, 300)
    image = Image.open(io.BytesIO(data))
    assert dpi == 300 and image.mode == "L" and abs(image.width - 2480) <= 2  # A4 at 300 dpi


def test_tiff_frames_and_coarse_images(tmp_path, page):
    tiff = write_tiff([page, page.rotate(180)], tmp_path / "scan.tif")
    assert sniff_mime(tiff) == detect.TIFF and page_count(tiff, detect.TIFF) == 2
    first, second = (Image.open(io.BytesIO(page_image(tiff, detect.TIFF, i, 300)[0])) for i in (0, 1))
    assert first.size == page.size and first.tobytes() != second.tobytes()
    coarse = tmp_path / "coarse.png"
    page.resize((page.width // 2, page.height // 2)).save(coarse, dpi=(150, 150))
    data, dpi = page_image(coarse, detect.PNG, 0, 300)
    assert dpi == 300 and abs(Image.open(io.BytesIO(data)).width - page.width) <= 2  # enlarged to 300 dpi


def test_damaged_images_say_so(tmp_path):
    path = tmp_path / "torn.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ExtractionError, match="damaged or unreadable image"):
        page_count(path, detect.PNG)


def test_engine_names_what_to_install():
    assert engine_for("tesseract", ("vi", "en")).languages == "vie+eng"
    missing = Engine("/nonexistent/tesseract").missing()
    assert "tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng" in missing


def sniff_mime(path: Path) -> str:
    return detect.sniff(path).mime
