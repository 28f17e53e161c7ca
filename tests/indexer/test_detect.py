import zipfile

import pytest

from archive.errors import ExtractionError
from indexer.reading import detect
from indexer.reading.detect import sniff
from tests.conftest import write


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("report.txt", b"%PDF-1.7\n...", detect.PDF),  # the extension lies; the bytes decide
        ("a.pdf", "Báo cáo tổng kết công tác năm".encode(), detect.TEXT),
        ("page.txt", b"<!DOCTYPE html><html><body>x</body></html>", detect.HTML),
        ("page", b"\xef\xbb\xbf  <html lang='vi'><p>x</p></html>", detect.HTML),
        ("utf16.dat", b"\xff\xfe" + "Văn bản".encode("utf-16-le"), detect.TEXT),
    ],
)
def test_type_comes_from_content(tmp_path, name, content, mime):
    assert sniff(write(tmp_path / name, content)).mime == mime


@pytest.mark.parametrize(
    ("content", "mime"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", detect.PNG),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", detect.JPEG),
        (b"II*\x00\x08\x00", detect.TIFF),
        (b"MM\x00*\x00\x00\x00\x08", detect.TIFF),
    ],
)
def test_scanned_images_are_read_by_ocr(tmp_path, content, mime):
    detected = sniff(write(tmp_path / "scan.pdf", content))
    assert detected.mime == mime and detected.unsupported is None


def test_docx_is_recognised_inside_its_zip(tmp_path):
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert sniff(path).mime == detect.DOCX


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"GIF89a\x01\x00", "GIF image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "legacy Microsoft Office"),
        (b"\x00\x01\x02binary", "unrecognised binary"),
    ],
)
def test_known_unsupported_formats_say_what_they_are(tmp_path, content, fragment):
    detected = sniff(write(tmp_path / "file.pdf", content))
    assert detected.unsupported and fragment in detected.unsupported


def test_plain_zip_and_xlsx_are_unsupported(tmp_path):
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel" in sniff(path).unsupported


@pytest.mark.parametrize(("content", "reason"), [(b"", "empty"), (b"PK\x03\x04truncated", "damaged ZIP")])
def test_empty_and_damaged_files_raise(tmp_path, content, reason):
    with pytest.raises(ExtractionError, match=reason):
        sniff(write(tmp_path / "f.docx", content))
