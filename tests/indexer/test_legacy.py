"""TCVN3, VNI and Windows-1258: tables, exact round trips of real text, and detection by evidence."""

import shutil
import subprocess
import unicodedata

import pytest

from archive.errors import ExtractionError
from bench.generators.docgen import SAMPLES, encode_cp1258, plain_text
from bench.generators.legacygen import legacy_bytes, tcvn3_text
from indexer.reading import detect, legacy
from indexer.reading.extract import clean_text, extract_file
from indexer.reading.extract.text import decode
from indexer.reading.legacy.syllables import evidence, is_syllable
from indexer.reading.legacy.tables import TCVN3_DECODE
from tests.conftest import NEWS


def _news(name: str, language: str) -> str:
    """A real news text from ../shared/corpus/news; without that folder, the samples' texts in that language."""
    path = NEWS / name
    if path.is_file():
        return path.read_text(encoding="utf-8")
    return "\n\n".join(plain_text(doc) for _name, doc, _fmt, _kw in SAMPLES if doc.language == language)


NEWS_VI = _news("2013-11_hoi-nghi-van-phong-tinh-uy_vi.txt", "vi")
NEWS_EN = _news("2013-11_national-office-conference_en.txt", "en")
DOC_VI = plain_text(next(doc for name, doc, _fmt, _kw in SAMPLES if name.startswith("chi-thi-18")))
TEXTS = {"news": NEWS_VI, "directive": DOC_VI}

BASES = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
LETTERS = [unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES] + ["đ"]
ALL_LETTERS = [*LETTERS, *(letter.upper() for letter in LETTERS)]


def test_tcvn3_table_agrees_with_glibc():
    if not shutil.which("iconv"):
        pytest.skip("iconv (glibc) is not installed")
    data = bytes(range(0xA0, 0x100))
    done = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True)
    if done.returncode:
        pytest.skip("this iconv has no TCVN5712-1")
    glibc = [unicodedata.normalize("NFC", ch) for ch in done.stdout.decode()]
    ours = [TCVN3_DECODE[chr(b)] for b in data]
    assert ours == glibc


def test_tcvn3_holds_every_lowercase_letter_and_the_untoned_capitals():
    for letter in [*LETTERS, "Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]:
        encoded = legacy.encode(letter, legacy.TCVN3)
        assert len(encoded) == 1 and legacy.decode_tcvn3(encoded) == letter
    assert legacy.encode("ư", legacy.TCVN3) == "\xad", "ư is byte 0xAD: the soft hyphen of Windows-1252"
    assert not legacy.can_encode("Ủ", legacy.TCVN3), "toned capitals need the .VnTimeH font"


def test_vni_holds_every_letter_in_both_cases():
    for letter in ALL_LETTERS:
        assert legacy.decode_vni(legacy.encode(letter, legacy.VNI)) == letter, letter


@pytest.mark.parametrize(
    ("vni", "unicode"),
    [
        ("aù", "á"),
        ("oâ", "ô"),
        ("ô", "ơ"),
        ("ö", "ư"),
        ("ñ", "đ"),
        ("Vieät Nam", "Việt Nam"),
        ("Ngöôøi", "Người"),
        ("ÑAÛNG COÄNG SAÛN", "ĐẢNG CỘNG SẢN"),
        ("Aù", "Á"),  # a lowercase mark on a capital still belongs to it
        ("tænh", "tỉnh"),
        ("Myõ", "Mỹ"),
    ],
)
def test_vni_spellings(vni, unicode):
    assert legacy.decode_vni(vni) == unicode


@pytest.mark.parametrize("name", TEXTS)
def test_tcvn3_text_round_trip(tmp_path, name):
    source = tcvn3_text(TEXTS[name])
    assert len(source.split()) >= 300 and "ư" in source
    data = legacy_bytes(source, legacy.TCVN3)
    assert b"\xad" in data and legacy.decode_bytes(data, legacy.TCVN3) == source.replace("\n", "\r\n")
    path = tmp_path / "old.txt"
    path.write_bytes(data)
    result = extract_file(path, detect.TEXT)
    assert result.extractor == "text:tcvn3"
    assert result.text == clean_text(source)
    assert result.language == "vi"


@pytest.mark.parametrize("name", TEXTS)
def test_vni_text_round_trip(tmp_path, name):
    source = TEXTS[name]
    assert len(source.split()) >= 300
    path = tmp_path / "old.txt"
    path.write_bytes(legacy_bytes(source, legacy.VNI))
    result = extract_file(path, detect.TEXT)
    assert result.extractor == "text:vni"
    assert result.text == clean_text(source), "VNI holds every capital: the round trip is exact"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (legacy_bytes(tcvn3_text(NEWS_VI), legacy.TCVN3), "tcvn3"),
        (legacy_bytes(NEWS_VI, legacy.VNI), "vni"),
        (encode_cp1258(NEWS_VI), "cp1258"),
        # one line is evidence enough
        (legacy_bytes("Hà Nội, ngày 5 tháng 3 năm 1998", legacy.TCVN3), "tcvn3"),
        (legacy_bytes("Hà Nội, ngày 5 tháng 3 năm 1998", legacy.VNI), "vni"),
        (encode_cp1258("Hà Nội, ngày 5 tháng 3 năm 1998"), "cp1258"),
        (legacy_bytes("Đảng ủy", legacy.TCVN3), "tcvn3"),
        (encode_cp1258("Đảng ủy"), "cp1258"),
    ],
)
def test_detection_by_evidence(data, expected):
    text, codec = decode(data)
    assert codec == expected
    assert evidence(text) > 0


def test_utf8_stays_utf8_even_when_it_looks_like_tcvn3():
    mojibake = "B¶o c¸o"  # TCVN3 read as Windows-1252, then saved as UTF-8: left as the person saved it
    for text in (NEWS_VI, mojibake):
        assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_english_is_untouched():
    assert decode(NEWS_EN.encode("ascii", "ignore")) == (NEWS_EN.encode("ascii", "ignore").decode(), "utf-8")
    western = "The café’s “naïve” reports – 1998 résumé"
    assert decode(western.encode("cp1252")) == (western, "cp1258"), "Western text stays Windows-125x"


def test_bytes_no_encoding_explains_fail_with_a_reason(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"plain words \x81\x8d\x90 more words")  # undefined in Windows-1258, no Vietnamese either
    with pytest.raises(ExtractionError, match="unknown text encoding"):
        extract_file(path, detect.TEXT)


@pytest.mark.parametrize("word", ["nghiêng", "Quyết", "khuyến", "giữa", "người", "ĐẢNG", "oái", "ỦY", "xuống"])
def test_syllables_accepted(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["B¶o", "ViÖt", "Vieät", "cơng", "viêịt", "Ngöôøi", "ăa", "tiếếng", "quyếtt"])
def test_wrong_decodings_rejected(word):
    assert not is_syllable(word)


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", ("tcvn3", False)),
        (".VnTimeH", ("tcvn3", True)),
        (".VnArial NarrowH", ("tcvn3", True)),
        (".VnBahamasB", ("tcvn3", False)),
        ("VNI-Times", ("vni", False)),
        ("VNI-Helve-Condense", ("vni", False)),
        ("Times New Roman", None),
        ("Vni Helper", None),
        (None, None),
    ],
)
def test_font_names(font, expected):
    assert legacy.font_encoding(font) == expected


def test_capital_font_runs_are_upper_case_and_soft_hyphen_is_u_horn():
    assert legacy.decode_run("®¶ng c\xadêng", legacy.TCVN3, capital=True) == "ĐẢNG CƯỜNG"
    assert legacy.decode_run("\uf0b8", legacy.TCVN3) == "á", "symbol-area characters are bytes too"
