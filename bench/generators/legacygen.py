"""Make pre-Unicode Vietnamese files for the tests: TCVN3 and VNI text, and DOCX with runs in legacy fonts.

They are written the way the old tools wrote them: a TCVN3 capital with a tone mark that the `.VnTime`
font lacks is set in the capital font `.VnTimeH` as the lowercase code; in DOCX every legacy byte is the
Windows-1252 character Word keeps for it, so TCVN3's ư (byte 0xAD) is a soft hyphen U+00AD or, as Word
saves a soft hyphen, a `<w:softHyphen/>` element.
"""

from __future__ import annotations

import copy
import shutil
import struct
import subprocess
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from indexer.reading import legacy

TCVN3_FONT, TCVN3_CAPITALS, VNI_FONT = ".VnTime", ".VnTimeH", "VNI-Times"
Piece = tuple[str, str]  # (Unicode text, font name)


def tcvn3_text(text: str) -> str:
    """``text`` as a TCVN3 text file can hold it: the toned capitals VN3 lacks become lowercase."""
    return "".join(ch if legacy.can_encode(ch, legacy.TCVN3) else ch.lower() for ch in text)


def legacy_bytes(text: str, encoding: str) -> bytes:
    """Unicode → TCVN3 or VNI bytes, CRLF line ends as DOS and Windows wrote them."""
    return legacy.encode_bytes(text.replace("\n", "\r\n"), encoding)


def _tcvn3_runs(text: str) -> list[tuple[str, str]]:
    """(byte characters, font) runs: one `.VnTime` run, broken by `.VnTimeH` runs where a capital needs it."""
    if text.isupper() and not legacy.can_encode(text, legacy.TCVN3):
        return [(legacy.encode(text.lower(), legacy.TCVN3), TCVN3_CAPITALS)]  # a heading set in the H font
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = TCVN3_FONT if legacy.can_encode(ch, legacy.TCVN3) else TCVN3_CAPITALS
        chars = legacy.encode(ch if font == TCVN3_FONT else ch.lower(), legacy.TCVN3)
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + chars, font)
        else:
            runs.append((chars, font))
    return runs


def add_pieces(paragraph: Paragraph, pieces: list[Piece], *, soft_hyphen_element: bool = False) -> None:
    """Add runs for (text, font) pieces; legacy fonts get their legacy bytes, other fonts Unicode."""
    for text, font in pieces:
        if font == TCVN3_FONT:
            runs = _tcvn3_runs(text)
        elif font.startswith("VNI"):
            runs = [(legacy.encode(text, legacy.VNI), font)]
        else:
            runs = [(text, font)]
        for chars, run_font in runs:
            run = paragraph.add_run(chars)
            run.font.name = run_font
            if soft_hyphen_element and "\xad" in chars:
                _soft_hyphens_as_elements(run._r)


def _soft_hyphens_as_elements(r) -> None:
    """Replace each U+00AD inside the run's text by a `<w:softHyphen/>` between two `w:t`."""
    (t,) = r.findall(qn("w:t"))
    parts = (t.text or "").split("\xad")
    r.remove(t)
    for i, part in enumerate(parts):
        if i:
            r.append(OxmlElement("w:softHyphen"))
        if part:
            piece = copy.deepcopy(t)
            piece.text = part
            piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(piece)


def write_legacy_docx(
    path: str | Path, paragraphs: list[list[Piece]], *, soft_hyphen_element: bool = False, title: str = ""
) -> Path:
    """A DOCX whose paragraphs are made of (text, font) pieces."""
    path = Path(path)
    document = Document()
    document.core_properties.title = title
    for pieces in paragraphs:
        add_pieces(document.add_paragraph(), pieces, soft_hyphen_element=soft_hyphen_element)
    document.save(str(path))
    return path


def write_ole2(path: str | Path, *streams: str) -> Path:
    """A minimal OLE2 compound file (512-byte sectors: FAT, then directory) whose root holds empty
    streams with these names: enough for type detection, which reads only the directory."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)  # versions, byte order, sector shifts
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, end, 0, end, 0)  # 1 FAT sector, directory at 1
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))

    def entry(name: str, kind: int, left: int = free, right: int = free, child: int = free) -> bytes:
        raw = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        raw[: len(encoded)] = encoded
        struct.pack_into("<HBBIII", raw, 0x40, len(encoded), kind, 1, left, right, child)
        struct.pack_into("<I", raw, 0x74, end if kind == 5 else 0)  # start sector
        return bytes(raw)

    entries = [entry("Root Entry", 5, child=1 if streams else free)]
    for i, name in enumerate(streams, start=1):  # a right-leaning chain of siblings is a valid tree
        entries.append(entry(name, 2, right=i + 1 if i < len(streams) else free))
    sectors = (len(entries) + 3) // 4
    directory = b"".join(entries).ljust(512 * sectors, b"\0")
    chain = [*range(2, sectors + 1), end]  # the directory's sectors 1…n, chained in the FAT
    fat = struct.pack("<128I", fat_sector, *chain, *([free] * (127 - len(chain))))
    path = Path(path)
    path.write_bytes(bytes(header) + fat + directory)
    return path


def soffice_convert(source: Path, fmt: str, folder: Path) -> Path:
    """Save ``source`` as ``fmt`` (doc, odt, rtf) with LibreOffice, as an old office would have it."""
    command = shutil.which("soffice") or shutil.which("libreoffice")
    if command is None:
        raise RuntimeError("LibreOffice is not installed")
    profile = (folder / "soffice-profile").as_uri()
    args = [command, "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to", fmt]
    subprocess.run([*args, "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=180)
    return folder / f"{source.stem}.{fmt}"
