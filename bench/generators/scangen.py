"""Scans for the OCR tests, made here: documents typeset with real fonts (`bench.generators.docgen`, DejaVu with its
Vietnamese glyphs), rasterised, lightly degraded as a scanner would, and saved as an image-only PDF, a
multi-page TIFF, PNG or JPEG. Also a PDF whose text layer is garbage and one mixing text and scanned pages.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

from PIL import Image, ImageFilter

from bench.generators.docgen import SAMPLES, OfficialDoc, plain_text, write_pdf
from indexer.normalize import fold

DPI = 300
WORD = re.compile(r"\w+")


def sample(fmt: str = "pdf", language: str = "vi") -> OfficialDoc:
    return next(doc for _, doc, f, _ in SAMPLES if f == fmt and doc.language == language)


def long_doc(doc: OfficialDoc, times: int = 2) -> OfficialDoc:
    """The document with its body repeated: two A4 pages for `times=2`."""
    return replace(doc, body=doc.body * times)


def page_images(doc: OfficialDoc, folder: Path, dpi: int = DPI) -> list[Image.Image]:
    """Each page of the document as a grey image at `dpi`, as it looks on paper."""
    import pypdfium2 as pdfium

    pdf_path = write_pdf(doc, folder / "typeset.pdf")
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in pdf]
    finally:
        pdf.close()


def scanned(image: Image.Image, seed: int = 1) -> Image.Image:
    """A scanner's look: a slight skew, a little blur, speckles."""
    rng = random.Random(seed)
    out = image.rotate(rng.uniform(-0.6, 0.6), resample=Image.Resampling.BICUBIC, fillcolor=255)
    out = out.filter(ImageFilter.GaussianBlur(0.6))
    pixels = out.load()
    for _ in range(out.width * out.height // 2000):
        pixels[rng.randrange(out.width), rng.randrange(out.height)] = rng.choice((0, 90, 200))
    return out


def write_image_pdf(images: list[Image.Image], path: Path, dpi: int = DPI) -> Path:
    """An image-only PDF (no text layer at all), one image per page."""
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def write_tiff(images: list[Image.Image], path: Path, dpi: int = DPI) -> Path:
    """A multi-page TIFF, one black-and-white frame per page in CCITT Group 4, as office scanners make them."""
    frames = [image.point(lambda v: 255 if v > 150 else 0, "1") for image in images]
    frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:], dpi=(dpi, dpi), compression="group4")
    return path


def write_garbled_pdf(doc: OfficialDoc, path: Path) -> Path:
    """A PDF whose fonts lost their Unicode map: the text extracts as `(cid:N)`, yet the page renders."""
    write_pdf(doc, path)
    data = path.read_bytes()
    assert b"/ToUnicode" in data
    path.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))  # same length: offsets stay valid
    return path


def write_mixed_pdf(text_page: str, scan: Image.Image, path: Path, folder: Path) -> Path:
    """Page 1 typeset text (a text layer), page 2 a scanned image (none)."""
    from fpdf import FPDF

    from bench.generators.docgen import FONT_DIR

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, text_page)
    pdf.add_page()
    image_path = folder / "scan-page.png"
    scan.save(image_path, dpi=(DPI, DPI))
    pdf.image(str(image_path), x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    return path


def words(text: str) -> list[str]:
    """Words folded (no diacritics, lower case), as recall is measured."""
    return [w for w in WORD.findall(fold(text).lower())]


def recall(source: str, ocr: str) -> float:
    """Share of the source's words (with repeats) that OCR read, after diacritic folding."""
    from collections import Counter

    wanted, got = Counter(words(source)), Counter(words(ocr))
    return sum((wanted & got).values()) / sum(wanted.values())


def source_text(doc: OfficialDoc) -> str:
    return plain_text(doc)
