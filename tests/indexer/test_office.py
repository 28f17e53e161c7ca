""".doc, .odt and .rtf: told apart by their bytes, read through LibreOffice when it is installed."""

import zipfile

import pytest

from archive.errors import ExtractionError, UnsupportedFormatError
from bench.generators.legacygen import soffice_convert, write_legacy_docx, write_ole2
from indexer.reading import detect
from indexer.reading.detect import sniff
from indexer.reading.extract import extract_file, office
from tests.conftest import write
from tests.indexer.test_legacy_docx import _mixed_document

needs_soffice = pytest.mark.skipif(
    detect.office_converter() is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
)
LEGACY_RTF = (
    rb"{\rtf1\ansi\deff0{\fonttbl{\f0\froman\fcharset0 .VnTime;}{\f1\froman\fcharset0 .VnTimeH;}"
    rb"{\f2\froman\fcharset0 Times New Roman;}}"
    rb"\f1 \'ae\'b6ng c\'e9ng s\'b6n vi\'d6t nam\par"
    rb"\f0 B\'b8o c\'b8o c\'abng t\'b8c v\'a8n th\'ad n\'a8m 1997\par"
    rb"\f2 English words stay\par}"
)


@pytest.fixture
def no_soffice(monkeypatch, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert detect.office_converter() is None


def _odt(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", detect.ODT)
        z.writestr("content.xml", "<office:document-content/>")
    return path


@pytest.mark.parametrize(
    ("streams", "fragment"),
    [
        (("Workbook",), "Excel 97-2003"),
        (("PowerPoint Document", "Current User"), "PowerPoint 97-2003"),
        (("SummaryInformation",), "other OLE2 file"),
    ],
)
def test_ole2_files_that_are_not_word(tmp_path, streams, fragment):
    detected = sniff(write_ole2(tmp_path / "file.doc", *streams))
    assert detected.unsupported and fragment in detected.unsupported and detected.mime != detect.DOC


def test_a_word_stream_under_a_storage_is_not_a_word_document(tmp_path):
    path = write_ole2(tmp_path / "x.doc", "Root", "WordDocument", "1Table")
    assert sniff(path).mime == detect.DOC
    assert sniff(write(tmp_path / "cut.doc", path.read_bytes()[:700])).mime != detect.DOC, "damaged: no directory"


@pytest.mark.parametrize(
    ("make", "mime"),
    [
        (lambda p: write_ole2(p, "WordDocument", "1Table"), detect.DOC),
        (_odt, detect.ODT),
        (lambda p: write(p, LEGACY_RTF), detect.RTF),
    ],
    ids=["doc", "odt", "rtf"],
)
def test_without_libreoffice_they_are_unsupported_with_a_hint(tmp_path, no_soffice, make, mime):
    detected = sniff(make(tmp_path / "file.bin"))
    assert detected.mime == mime
    assert "LibreOffice" in detected.unsupported and "libreoffice-writer-nogui" in detected.unsupported
    with pytest.raises(UnsupportedFormatError, match="libreoffice-writer-nogui"):
        extract_file(tmp_path / "file.bin", mime)


def test_other_opendocument_files_stay_unsupported(tmp_path):
    path = tmp_path / "sheet.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "OpenDocument" in sniff(path).unsupported


def _first_paragraphs(document: list, paragraphs: int, words: int) -> list:
    """At least `paragraphs` paragraphs from the start, and more until they hold `words` words: the news text of
    ../shared has long paragraphs, the samples' texts that stand in for it on a fresh clone short ones."""
    taken, count = [], 0
    for pieces in document:
        if len(taken) >= paragraphs and count >= words:
            break
        taken.append(pieces)
        count += len("".join(text for text, _font in pieces).split())
    return taken


@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "odt", "rtf"])
def test_legacy_fonts_survive_the_conversion(tmp_path, fmt):
    document = _first_paragraphs(_mixed_document(), 12, 300)
    source = "\n".join("".join(text for text, _font in pieces) for pieces in document)
    assert len(source.split()) >= 300
    original = soffice_convert(write_legacy_docx(tmp_path / "old.docx", document), fmt, tmp_path / "saved")
    stored = write(tmp_path / "blob", original.read_bytes())  # the store keeps no file name
    detected = sniff(stored)
    assert detected == detect.Detected({"doc": detect.DOC, "odt": detect.ODT, "rtf": detect.RTF}[fmt])
    result = extract_file(stored, detected.mime)
    assert result.extractor == f"{fmt}:soffice+python-docx+tcvn3+vni"
    assert result.text == source


@needs_soffice
def test_an_old_rtf_in_vntime_fonts(tmp_path):
    result = extract_file(write(tmp_path / "old.rtf", LEGACY_RTF), detect.RTF)
    assert result.text == "ĐẢNG CỘNG SẢN VIỆT NAM\nBáo cáo công tác văn thư năm 1997\nEnglish words stay"
    assert result.extractor == "rtf:soffice+python-docx+tcvn3"


@needs_soffice
def test_a_damaged_doc_fails_with_a_reason(tmp_path):
    path = write_ole2(tmp_path / "broken.doc", "WordDocument", "1Table")
    with pytest.raises(ExtractionError, match=r"LibreOffice could not convert|no text found"):
        extract_file(path, detect.DOC)


@needs_soffice
def test_a_conversion_that_hangs_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(office, "TIMEOUT_SECONDS", 0.05)
    with pytest.raises(ExtractionError, match="took more than"):
        extract_file(write(tmp_path / "old.rtf", LEGACY_RTF), detect.RTF)
