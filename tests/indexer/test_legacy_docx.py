"""DOCX runs in .VnTime, .VnTimeH and VNI-Times fonts become Unicode run by run; other runs stay as they are."""

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from bench.generators.docgen import SAMPLES, plain_text
from bench.generators.legacygen import TCVN3_CAPITALS, TCVN3_FONT, VNI_FONT, add_pieces, write_legacy_docx
from indexer.reading import detect, legacy
from indexer.reading.extract import extract_file
from tests.indexer.test_legacy import NEWS_VI

UNICODE_FONT = "Times New Roman"
DIRECTIVE = plain_text(next(doc for name, doc, _fmt, _kw in SAMPLES if name.startswith("chi-thi-18")))


def _paragraphs() -> list[str]:
    return [line for line in (NEWS_VI + "\n" + DIRECTIVE).splitlines() if line.strip()]


def _mixed_document() -> list[list[tuple[str, str]]]:
    """Each paragraph in one of the fonts, every fourth one split between a Unicode and a legacy font."""
    fonts = (TCVN3_FONT, VNI_FONT, UNICODE_FONT)
    document = []
    for i, line in enumerate(_paragraphs()):
        if i % 4 == 3:
            cut = line.find(" ", len(line) // 2) + 1 or len(line)
            document.append([(line[:cut], UNICODE_FONT), (line[cut:], fonts[i % 2])])
        else:
            document.append([(line, fonts[i % 3])])
    return document


@pytest.mark.parametrize("soft_hyphen_element", [False, True], ids=["u00ad", "w-softHyphen"])
def test_mixed_fonts_round_trip_exactly(tmp_path, soft_hyphen_element):
    document = _mixed_document()
    source = "\n".join("".join(text for text, _font in pieces) for pieces in document)
    assert len(source.split()) >= 600
    path = write_legacy_docx(tmp_path / "old.docx", document, soft_hyphen_element=soft_hyphen_element)
    fonts_used = {run.font.name for p in docx.Document(str(path)).paragraphs for run in p.runs}
    assert {TCVN3_FONT, TCVN3_CAPITALS, VNI_FONT, UNICODE_FONT} <= fonts_used
    result = extract_file(path, detect.DOCX)
    assert result.extractor == "python-docx+tcvn3+vni"
    assert result.text == source
    assert result.language == "vi"


def test_the_soft_hyphen_trap_is_real(tmp_path):
    """python-docx's run.text drops <w:softHyphen/>: in a .VnTime run that is the letter ư."""
    path = write_legacy_docx(tmp_path / "a.docx", [[("Mường Khương", TCVN3_FONT)]], soft_hyphen_element=True)
    naive = "".join(run.text for run in docx.Document(str(path)).paragraphs[0].runs)
    assert legacy.decode_tcvn3(naive) == "Mờng Khơng"
    assert extract_file(path, detect.DOCX).text == "Mường Khương"


def test_capital_font_headings(tmp_path):
    heading = "ĐẢNG CỘNG SẢN VIỆT NAM"
    path = write_legacy_docx(tmp_path / "a.docx", [[(heading, TCVN3_FONT)], [("Ủy ban Ấn Độ", TCVN3_FONT)]])
    runs = docx.Document(str(path)).paragraphs[0].runs
    assert [r.font.name for r in runs] == [TCVN3_CAPITALS]
    assert runs[0].text == "®¶ng céng s¶n viÖt nam", "a capital font holds the lowercase codes"
    runs = docx.Document(str(path)).paragraphs[1].runs
    assert [r.font.name for r in runs] == [TCVN3_CAPITALS, TCVN3_FONT], "Ủ needs the capital font, Ấ does not"
    assert extract_file(path, detect.DOCX).text == f"{heading}\nỦy ban Ấn Độ"


def test_unicode_runs_stay_as_they_are(tmp_path):
    text = "España ¸ ñ ö ® – Unicode ư"  # characters that would change if they were read as legacy bytes
    path = write_legacy_docx(tmp_path / "a.docx", [[(text, UNICODE_FONT), (" Việt", TCVN3_FONT)]])
    result = extract_file(path, detect.DOCX)
    assert result.text == text + " Việt" and result.extractor == "python-docx+tcvn3"


def test_soft_hyphen_in_a_unicode_run_is_still_an_optional_hyphen(tmp_path):
    document = docx.Document()
    run = document.add_paragraph().add_run("chuyển")
    run.font.name = UNICODE_FONT
    run._r.append(OxmlElement("w:softHyphen"))
    run._r.append(OxmlElement("w:t"))
    run._r[-1].text = "đổi"
    document.save(str(tmp_path / "a.docx"))
    result = extract_file(tmp_path / "a.docx", detect.DOCX)
    assert result.text == "chuyểnđổi" and result.extractor == "python-docx"


def _style_font(style, name: str) -> None:
    style.font.name = name


@pytest.mark.parametrize("where", ["paragraph style", "character style", "based-on style", "hAnsi only", "defaults"])
def test_font_comes_from_styles_when_the_run_has_none(tmp_path, where):
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run(legacy.encode("Thường trực Tỉnh ủy", legacy.TCVN3))
    if where == "paragraph style":
        style = document.styles.add_style("Old", 1)
        _style_font(style, TCVN3_FONT)
        paragraph.style = style
    elif where == "character style":
        style = document.styles.add_style("OldChars", 2)
        _style_font(style, TCVN3_FONT)
        run.style = style
    elif where == "based-on style":
        base = document.styles.add_style("OldBase", 1)
        _style_font(base, TCVN3_FONT)
        child = document.styles.add_style("OldChild", 1)
        child.base_style = base
        paragraph.style = child
    elif where == "hAnsi only":
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:hAnsi"), TCVN3_FONT)
    else:
        defaults = document.styles.element.find(qn("w:docDefaults"))
        fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        fonts.set(qn("w:ascii"), TCVN3_FONT)
        fonts.set(qn("w:hAnsi"), TCVN3_FONT)
        for style in document.styles:  # Normal names no font of its own here; make sure
            if style.type == 1 and style.font.name:
                style.font.name = None
    document.save(str(tmp_path / "a.docx"))
    assert extract_file(tmp_path / "a.docx", detect.DOCX).text == "Thường trực Tỉnh ủy"


def test_a_run_font_beats_its_style(tmp_path):
    document = docx.Document()
    style = document.styles.add_style("Old", 1)
    _style_font(style, TCVN3_FONT)
    paragraph = document.add_paragraph(style=style)
    add_pieces(paragraph, [("Tỉnh ủy ", TCVN3_FONT), ("¸ stays", UNICODE_FONT)])
    document.save(str(tmp_path / "a.docx"))
    assert extract_file(tmp_path / "a.docx", detect.DOCX).text == "Tỉnh ủy ¸ stays"


def test_vni_letter_and_mark_split_across_runs(tmp_path):
    encoded = legacy.encode("Việt Nam", legacy.VNI)  # "Vieät Nam"
    document = docx.Document()
    paragraph = document.add_paragraph()
    for part in (encoded[:3], encoded[3:]):  # "Vie" | "ät Nam": bold changes mid-letter
        run = paragraph.add_run(part)
        run.font.name = VNI_FONT
    paragraph.runs[1].bold = True
    document.save(str(tmp_path / "a.docx"))
    assert extract_file(tmp_path / "a.docx", detect.DOCX).text == "Việt Nam"


def test_symbol_in_a_legacy_font(tmp_path):
    document = docx.Document()
    run = document.add_paragraph().add_run("B")
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), TCVN3_FONT)
    sym.set(qn("w:char"), "F0B8")  # á
    run._r.append(sym)
    document.save(str(tmp_path / "a.docx"))
    assert extract_file(tmp_path / "a.docx", detect.DOCX).text == "Bá"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_title_typed_in_the_old_font_is_converted(tmp_path, encoding):
    font = TCVN3_FONT if encoding == "tcvn3" else VNI_FONT
    title = "Nghị quyết về chuyển đổi số"
    path = write_legacy_docx(tmp_path / "a.docx", [[("Văn bản", font)]], title=legacy.encode(title, encoding))
    assert extract_file(path, detect.DOCX).title == title
