"""Every extractor honours one contract: the document's text, NFC, in reading order, with its language."""

import re
import unicodedata
from pathlib import Path

import pytest
from fpdf import FPDF

from archive.errors import ExtractionError
from bench.generators.docgen import (
    NOISE_WORDS,
    SAMPLES,
    encode_cp1258,
    footer_text,
    header_text,
    plain_text,
    write_docx,
    write_html,
    write_pdf,
    write_text,
)
from indexer.reading import detect
from indexer.reading.detect import sniff
from indexer.reading.extract import clean_text, extract_file
from indexer.reading.language import detect_language
from tests.conftest import NEWS

WRITERS = {"docx": write_docx, "pdf": write_pdf, "html": write_html, "text": write_text}
EXPECTED_MIME = {"docx": detect.DOCX, "pdf": detect.PDF, "html": detect.HTML, "text": detect.TEXT}
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="PDF tests need fonts-dejavu-core (apt-get install it)")


def flat(text: str) -> str:
    return " ".join(text.split())


def sample(name_part: str):
    return next(doc for name, doc, _fmt, _kw in SAMPLES if name_part in name)


VI_DOC = sample("nghi-quyet-57")
EN_DOC = sample("report-412")


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=needs_font), "html", "text"])
@pytest.mark.parametrize("doc", [VI_DOC, EN_DOC], ids=["vi", "en"])
def test_extractor_contract(tmp_path, fmt, doc):
    path = WRITERS[fmt](doc, tmp_path / "document.bin")  # no telling extension: content decides
    mime = sniff(path).mime
    assert mime == EXPECTED_MIME[fmt]
    result = extract_file(path, mime)
    assert unicodedata.is_normalized("NFC", result.text)
    text = flat(result.text)
    for part in (doc.number, doc.summary, doc.place_date, *doc.body, *doc.signature):
        assert flat(part) in text, f"{part[:40]!r} missing from the {fmt} text"
    # reading order: number before summary before the body's last paragraph
    assert text.index(flat(doc.number)) < text.index(flat(doc.summary)) < text.index(flat(doc.body[-1]))
    assert result.language == doc.language
    if fmt != "text":
        assert result.title


def test_docx_keeps_the_header_table_cells_headers_and_footers(tmp_path):
    result = extract_file(write_docx(VI_DOC, tmp_path / "a.docx"), detect.DOCX)
    lines = result.text.splitlines()
    assert VI_DOC.issuer in lines and VI_DOC.party_line in lines, "each header cell paragraph is its own line"
    assert flat(header_text(VI_DOC)) in flat(result.text)
    assert flat(footer_text(VI_DOC)).split(" 1")[0] in flat(result.text)
    assert result.title == VI_DOC.title and result.extractor == "python-docx"


def test_docx_text_equals_the_document_text(tmp_path):
    result = extract_file(write_docx(VI_DOC, tmp_path / "a.docx"), detect.DOCX)
    body_part = result.text.split(flat(header_text(VI_DOC)))[0]
    assert flat(body_part) == flat(plain_text(VI_DOC))


def test_html_drops_scripts_styles_and_comments(tmp_path):
    result = extract_file(write_html(VI_DOC, tmp_path / "a.html"), detect.HTML)
    for noise in NOISE_WORDS:
        assert noise not in result.text
    assert flat(result.text) == flat(plain_text(VI_DOC))


def test_html_hidden_elements_and_meta_charset(tmp_path):
    page = (
        '<html><head><meta charset="windows-1258"><title>Tiêu đề</title></head><body>'
        '<p>Văn bản hiển thị</p><div hidden>HIDDENNOISE</div><p style="display: none">HIDDENNOISE</p>'
        "<noscript>NOSCRIPTNOISE</noscript></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(encode_cp1258(page))
    result = extract_file(path, detect.HTML)
    # Hidden elements are text the page holds (tabs, accordions): read since issue 16.
    assert result.text.split("\n") == ["Văn bản hiển thị", "HIDDENNOISE", "HIDDENNOISE", "NOSCRIPTNOISE"]
    assert result.title == "Tiêu đề"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_text_encodings_round_trip(tmp_path, encoding):
    path = write_text(VI_DOC, tmp_path / "a.txt", encoding=encoding)
    result = extract_file(path, detect.TEXT)
    assert result.text == clean_text(plain_text(VI_DOC))
    assert result.extractor == f"text:{encoding}"


@needs_font
def test_pdf_pages_and_title(tmp_path):
    result = extract_file(write_pdf(VI_DOC, tmp_path / "a.pdf"), detect.PDF)
    assert result.pages >= 1 and result.title == VI_DOC.title and result.extractor == "pdfminer"


@needs_font
@pytest.mark.parametrize(("user_password", "readable"), [("secret", False), ("", True)])
def test_encrypted_pdf(tmp_path, user_password, readable):
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=12)
    pdf.cell(text="Báo cáo mật về công tác bảo vệ bí mật nhà nước năm 2025")
    pdf.set_encryption(owner_password="owner", user_password=user_password)
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    if readable:  # an empty user password only restricts permissions: the text is readable
        assert "bí mật nhà nước" in extract_file(path, detect.PDF).text
    else:
        with pytest.raises(ExtractionError, match="encrypted with a password"):
            extract_file(path, detect.PDF)


@needs_font
def test_pdf_without_text_layer_says_so(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ExtractionError, match="no text layer"):
        extract_file(path, detect.PDF)


def test_damaged_docx_says_so(tmp_path):
    import zipfile

    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<not-xml")
    with pytest.raises(ExtractionError, match="damaged DOCX"):
        extract_file(path, detect.DOCX)


def test_clean_text_normalises():
    assert clean_text("Nghi\u0323\r\nquyê\u0301t\x00\x07  \n\n\n\nx\u200b") == "Nghị\nquyết\n\nx"


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        ("Nghị quyết về đột phá phát triển khoa học, công nghệ và chuyển đổi số quốc gia", ("vi", "en"), "vi"),
        ("cong van so 123 ve viec trien khai thuc hien nghi quyet cua tinh uy", ("vi", "en"), "vi"),
        ("Report on the implementation of the resolution on digital transformation", ("vi", "en"), "en"),
        ("Resolution 57", ("vi", "en"), "und"),
        ("1234 5678 — 90", ("vi", "en"), "und"),
        ("Nghị quyết về đột phá phát triển khoa học, công nghệ", ("vi",), "vi"),
    ],
)
def test_language_detection_is_restricted_and_repeatable(text, languages, expected):
    assert {detect_language(text, languages) for _ in range(5)} == {expected}


@pytest.mark.skipif(not NEWS.is_dir(), reason="needs ../shared/corpus/news beside the project")
def test_language_of_real_news_reports():
    for path in sorted(NEWS.glob("*.txt")):
        expected = re.search(r"_(vi|en)\.txt$", path.name).group(1)
        assert detect_language(path.read_text(encoding="utf-8")) == expected, path.name
