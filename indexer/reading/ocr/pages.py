"""Page images for OCR: PDF pages rendered by PDFium (pypdfium2), image frames read by Pillow.

Also decides which pages of a PDF need OCR, each page on its own text: those whose text layer is unusable
(`(cid:N)` glyph codes from fonts without a Unicode map, or letters and digits glued into nonsense by a
wrong map) and those with next to no text that draw something (a scanned page). Command lines, file
paths, code, checksums and tables of numbers are real text: a born-digital manual needs no OCR.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

from indexer.core.errors import ExtractionError
from indexer.reading import detect

PDF_POINTS_PER_INCH = 72
MAX_PIXELS = 80_000_000  # a page larger than this at the chosen resolution is rendered smaller (maps, plans)
MIN_IMAGE_DPI = 200  # frames scanned coarser than this are enlarged to the OCR resolution: Tesseract wants ~300
MIN_LETTERS = 20  # fewer letters than this on a page with an image: the text is a stamp or a page number
CID = re.compile(r"\(cid:\d+\)")
# A token of real text: a word (T/M, e-mail), a number (1.234,5), a symbol (57-NQ/TW), with its punctuation.
TOKEN = re.compile(r"^[(\"'“‘\[]*(?:[^\W\d_]+(?:[-/.'’][^\W\d_]+)*|[\d.,%/–-]+|\d+[-/][\w/.-]+)[)\"'”’\].,;:!?…]*$")
MIN_TOKENS = 20  # below this a page says too little to judge its tokens
MIN_CLEAN_SHARE = 0.7  # real text, code and tables: 0.9–1.0 of tokens are clean; a font without Unicode map: ~0.3–0.6
PIECES = re.compile(r"[\W_]+")  # a token's pieces: between its punctuation (paths, code, e-mail, symbols)
RUNS = re.compile(r"\d+|[^\W\d_]+")
HEX = re.compile(r"[0-9a-f]{8,}|[0-9A-F]{8,}")  # checksums, ids


def _clean(token: str) -> bool | None:
    """Whether a token reads as text: a word, number or symbol (TOKEN), or pieces of code — each piece a
    word, a number, a word with a number after it (x86, sha256, v2), a number with a short lower-case unit
    (64bit, 2nd) or a hexadecimal string. None for punctuation alone (`$`, `->`, `|`), which says nothing."""
    if TOKEN.match(token):
        return True
    pieces = [p for p in PIECES.split(token) if p]
    if not pieces:
        return False if "\x00" in token else None
    return all(_plain_piece(p) for p in pieces)


def _plain_piece(piece: str) -> bool:
    runs = RUNS.findall(piece)
    if len(runs) == 1 or HEX.fullmatch(piece):
        return True
    if len(runs) == 2:
        first, second = runs
        if first[0].isdigit():
            return len(second) <= 4 and second.islower()  # 64bit, 2nd, 10px — not 6P
        return True  # x86, sha256, utf8, v2
    return False  # letters and digits in turn: Vu4Đl, VơB6à


def text_is_unusable(text: str) -> bool:
    """Glyph codes or gibberish instead of words: the fonts have no (or a wrong) Unicode map, so only the
    rendered page can be read. pdfminer gives `(cid:N)` for unmapped glyphs and stray letters for others."""
    if sum(len(code) for code in CID.findall(text)) * 10 > len(text):
        return True
    judged = [c for c in map(_clean, CID.sub(" \x00 ", text).split()) if c is not None]
    return len(judged) >= MIN_TOKENS and sum(judged) < MIN_CLEAN_SHARE * len(judged)


def pdf_pages_to_ocr(path: Path, page_texts: list[str]) -> list[int]:
    """0-based pages whose text layer is unusable, or next to empty on a page that draws something."""
    wanted = [i for i, text in enumerate(page_texts) if text_is_unusable(text)]
    short = [i for i, text in enumerate(page_texts) if i not in wanted and _letters(text) < MIN_LETTERS]
    if short or len(page_texts) == 0:
        import pypdfium2.raw as pdfium_c

        drawn = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING)
        with _pdf(path) as pdf:
            short += range(len(page_texts), len(pdf))  # pages pdfminer did not report
            for index in short:
                # A blank page draws nothing: no reason to OCR it.
                if next(pdf[index].get_objects(filter=drawn, max_depth=3), None) is not None:
                    wanted.append(index)
    return sorted(wanted)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def page_count(path: Path, mime: str) -> int:
    if mime == detect.PDF:
        with _pdf(path) as pdf:
            return len(pdf)
    with _image(path) as image:
        return getattr(image, "n_frames", 1)


def page_image(path: Path, mime: str, index: int, dpi: int, *, packed: bool = False) -> tuple[bytes, int]:
    """(PNM bytes in grey levels, resolution to tell the OCR engine) of page `index` (0-based).

    PNM because it costs nothing to write and Leptonica reads it; PNG compression would cost ~0.3 s a page.
    `packed`: LZW-compressed TIFF instead, a quarter of the bytes for ~0.15 s, for a page sent over the network.
    """
    image, resolution = _render_pdf_page(path, index, dpi) if mime == detect.PDF else _image_frame(path, index, dpi)
    out = io.BytesIO()
    if packed:
        image.save(out, "TIFF", compression="tiff_lzw")
    else:
        image.save(out, "PPM")
    return out.getvalue(), resolution


def _render_pdf_page(path: Path, index: int, dpi: int):
    with _pdf(path) as pdf:
        page = pdf[index]
        width, height = page.get_size()
        scale = dpi / PDF_POINTS_PER_INCH
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / (width * height)) ** 0.5
            dpi = int(scale * PDF_POINTS_PER_INCH)
        return page.render(scale=scale, grayscale=True).to_pil().convert("L"), dpi


def _image_frame(path: Path, index: int, dpi: int):
    from PIL import Image

    with _image(path) as image:
        image.seek(index)
        frame = image.convert("L")
        found = image.info.get("dpi")
    own = round(float(found[0])) if found and float(found[0]) >= 50 else None
    if own is None:
        return frame, dpi  # no resolution recorded: assume the usual scanning resolution
    if own < MIN_IMAGE_DPI:
        factor = dpi / own
        frame = frame.resize((round(frame.width * factor), round(frame.height * factor)), Image.Resampling.LANCZOS)
        return frame, dpi
    return frame, own


class _pdf:
    """A PDFium document, closed on exit; damage and passwords become ExtractionError."""

    def __init__(self, path: Path) -> None:
        import pypdfium2 as pdfium

        try:
            self.doc = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise ExtractionError(f"PDFium cannot open the PDF to render its pages: {exc}") from exc

    def __enter__(self):
        return self.doc

    def __exit__(self, *exc) -> None:
        self.doc.close()


class _image:
    """A Pillow image, closed on exit; damage and decompression bombs become ExtractionError."""

    def __init__(self, path: Path) -> None:
        from PIL import Image, UnidentifiedImageError

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                self.image = Image.open(path)
                self.image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ExtractionError(f"the image is too large to read safely: {exc}") from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise ExtractionError(f"damaged or unreadable image: {exc}") from exc

    def __enter__(self):
        return self.image

    def __exit__(self, *exc) -> None:
        self.image.close()
