"""A PDF's two-column official header is read by position, so its metadata are those of a DOCX of the same
document: documents drawn at random (`bench/generators/headerpdf.py`), their header lines placed one by one as office
exports print them — spaced out (each line its own text box), the date level with the number, or wrapped
before its year — which pdfminer's reading order interleaves."""

from __future__ import annotations

import random

import pytest

from bench.generators.docgen import write_docx
from bench.generators.headerpdf import FONT_DIR, random_doc, write_two_column_pdf
from indexer import detect
from indexer.reading.extract import extract_file

pytestmark = pytest.mark.skipif(not (FONT_DIR / "DejaVuSerif.ttf").exists(), reason="needs fonts-dejavu-core")


@pytest.mark.parametrize("row", [5.5, 9.0, 12.0])
@pytest.mark.parametrize("variant", ["level", "wrapped", "low"])
def test_header_metadata_agree_with_the_docx_and_the_truth(tmp_path, variant, row):
    rng = random.Random(f"{variant}{row}")
    for i in range(4):
        doc, truth = random_doc(rng)
        pdf = extract_file(write_two_column_pdf(doc, tmp_path / f"{i}.pdf", variant=variant, row=row), detect.PDF)
        docx = extract_file(write_docx(doc, tmp_path / f"{i}.docx"), detect.DOCX).metadata
        got = pdf.metadata
        assert got.issued == truth["issued"], (got.issued, pdf.text[:300])
        assert (got.doc_type, got.doc_number) == (truth["type"], truth["number"])
        assert got.title == docx.title == doc.summary
        assert (got.issued, got.issuer, got.place) == (docx.issued, docx.issuer, docx.place)


def test_a_single_column_first_page_keeps_pdfminers_text(tmp_path):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Serif", "", str(FONT_DIR / "DejaVuSerif.ttf"))
    pdf.set_font("Serif", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Báo cáo tình hình công tác văn phòng quý I năm 2025.\n" * 3)
    pdf.output(str(tmp_path / "plain.pdf"))
    from pdfminer.high_level import extract_text

    from indexer.reading.extract import clean_text

    text = extract_file(tmp_path / "plain.pdf", detect.PDF).text
    assert text == clean_text(extract_text(tmp_path / "plain.pdf"))
