"""Hostile and broken files, made on the spot (nothing big is committed): truncated, empty, encrypted,
mislabelled, random, decompression bombs, PDFs nested deep or with thousands of pages, a PDF that keeps
pdfminer busy for hours, a sparse 1 GB file, HTML full of scripts, and file names no one should send.

`corpus(folder)` writes them all and returns what each must become: {name: (status, words in the reason)}.
"""

from __future__ import annotations

import os
import random
import struct
import zlib
from pathlib import Path

from bench.generators.docgen import SAMPLES, write_docx

MB = 1024 * 1024
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = (
    b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
)


# --- PDFs written object by object -----------------------------------------------------------------


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF whose object 1 is the catalog, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes) -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)


def text_pdf(lines: list[str]) -> bytes:
    """One page of ASCII text in Helvetica (no font files needed)."""
    shown = b" ".join(b"(%s) Tj 0 -14 Td" % line.encode("ascii") for line in lines)
    content = b"BT /F1 11 Tf 72 770 Td " + shown + b" ET"
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            PAGE % (2, 4, 5),
            stream(content),
            FONT,
        ]
    )


def many_pages_pdf(pages: int) -> bytes:
    """`pages` pages sharing one content stream: a few hundred KB."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        stream(b"BT /F1 12 Tf 72 720 Td (One page of very many) Tj ET"),
    ]
    objects += [PAGE % (2, 3, 4 + pages)] * pages
    return pdf_bytes([*objects, FONT])


def deep_pdf(levels: int) -> bytes:
    """A page tree `levels` deep: Pages inside Pages inside Pages … then one page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        parent = b" /Parent %d 0 R" % (1 + level) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (3 + level, parent))
    page = 2 + levels
    objects += [PAGE % (page - 1, page + 1, page + 2), stream(b"BT /F1 12 Tf 72 720 Td (Deep) Tj ET"), FONT]
    return pdf_bytes(objects)


def slow_pdf(words: int = 20_000) -> bytes:
    """One page of words scattered at random: pdfminer's layout analysis groups text boxes in quadratic
    time (2,000 words take a minute; 20,000 take hours), though the file is ~110 KB."""
    rng = random.Random(8)
    shown = b" ".join(
        b"1 0 0 1 %d %d Tm (w%d) Tj" % (rng.randrange(590), rng.randrange(840), i % 97) for i in range(words)
    )
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            PAGE % (2, 4, 5),
            stream(b"BT /F1 4 Tf " + shown + b" ET"),
            FONT,
        ]
    )


def encrypted_pdf(path: Path, user_password: str) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Report on the protection of state secrets, 2025: locked copy")
    pdf.set_encryption(owner_password="owner", user_password=user_password)
    pdf.output(str(path))
    return path


# --- ZIP bombs ---------------------------------------------------------------------------------------


def zeros_deflated(size: int) -> tuple[bytes, int]:
    """A raw deflate stream of `size` zero bytes (a multiple of 1 MB) and its CRC-32, made in a blink: one
    megabyte is compressed once with a full flush (byte-aligned, no back-references past it) and repeated."""
    squeezer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeezer.compress(bytes(MB)) + squeezer.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty final block
    crc = 0
    zero = bytes(MB)
    for _ in range(size // MB):
        crc = zlib.crc32(zero, crc)
    return block * (size // MB) + end, crc


def zip_bytes(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A ZIP of (name, raw deflate data, CRC-32, unpacked size) members."""
    out, directory = bytearray(), bytearray()
    for name, data, crc, size in members:
        encoded = name.encode()
        fields = struct.pack("<HHHHHIIIHH", 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
        directory += struct.pack("<IH", 0x02014B50, 20) + fields + struct.pack("<HHHII", 0, 0, 0, 0, len(out))
        directory += encoded
        out += struct.pack("<I", 0x04034B50) + fields + encoded + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(out), 0)
    return bytes(out + directory + end)


def docx_bomb(path: Path, extra: int) -> Path:
    """A real DOCX with one more member: `extra` bytes of zeros squeezed about 1,000 to 1."""
    import zipfile

    with zipfile.ZipFile(write_docx(_sample("docx"), path)) as z:
        members = []
        for info in z.infolist():
            squeezer = zlib.compressobj(9, zlib.DEFLATED, -15)
            data = z.read(info)
            members.append((info.filename, squeezer.compress(data) + squeezer.flush(), zlib.crc32(data), len(data)))
    members.append(("word/media/image1.bin", *zeros_deflated(extra), extra))
    path.write_bytes(zip_bytes(members))
    return path


def odt_bomb(path: Path, extra: int) -> Path:
    """An OpenDocument text with one more member: `extra` bytes of zeros squeezed about 1,000 to 1."""
    members = []
    for name, data in (("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<office/>")):
        squeezer = zlib.compressobj(9, zlib.DEFLATED, -15)
        members.append((name, squeezer.compress(data) + squeezer.flush(), zlib.crc32(data), len(data)))
    members.append(("Pictures/zeros.bin", *zeros_deflated(extra), extra))
    path.write_bytes(zip_bytes(members))
    return path


def crowded_docx(entries: int) -> bytes:
    """A DOCX on its face (a `word/document.xml` member) whose ZIP directory lists `entries` members, 47 bytes
    each: reading that directory costs ~400 bytes of memory and some microseconds per entry."""
    name, data = b"word/document.xml", b'<?xml version="1.0"?><w:document/>'
    fields = struct.pack("<HHHHHIIIHH", 20, 0, 0, 0, 0x21, zlib.crc32(data), len(data), len(data), len(name), 0)
    local = struct.pack("<I", 0x04034B50) + fields + name + data
    central = struct.pack("<IH", 0x02014B50, 20) + fields + struct.pack("<HHHII", 0, 0, 0, 0, 0) + name
    filler = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0x21, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0) + b"a"
    directory = central + filler * (entries - 1)
    count = min(entries, 0xFFFF)  # the end record's count is 16 bits; readers go by the directory's size
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), len(local), 0)
    return local + directory + end


# --- An encrypted DOCX: an OLE2 compound file with EncryptionInfo and EncryptedPackage streams --------

FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    head = encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, FREE, right, child)
    return head + bytes(16 + 4 + 16) + struct.pack("<IQ", start, size)


def encrypted_docx() -> bytes:
    """What Word writes for a DOCX saved with a password (4 KB streams, so no mini stream is needed)."""
    info = (b"\x04\x00\x04\x00\x40\x00\x00\x00" + b'<?xml version="1.0"?><encryption/>').ljust(4096, b"\0")
    package = struct.pack("<Q", 12345) + random.Random(7).randbytes(4088)
    fat = [FAT_SECTOR, END, *range(3, 10), END, *range(11, 18), END]  # FAT, directory, then the two streams
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += bytes(6) + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
    header += struct.pack("<I", 0) + struct.pack("<108I", *[FREE] * 108)
    directory = (
        _entry("Root Entry", 5, 1, FREE, END, 0)
        + _entry("EncryptionInfo", 2, FREE, 2, 2, len(info))
        + _entry("EncryptedPackage", 2, FREE, FREE, 10, len(package))
        + bytes(128)
    )
    return header + struct.pack("<128I", *fat, *[FREE] * (128 - len(fat))) + directory + info + package


# --- The corpus ----------------------------------------------------------------------------------------


def _sample(fmt: str):
    return next(doc for _, doc, f, _ in SAMPLES if f == fmt)


def _tiff(path: Path) -> bytes:
    from PIL import Image, ImageDraw

    page = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(page)
    for y in range(100, 1500, 40):
        draw.rectangle((100, y, 1100, y + 12), fill=0)
    page.save(path, dpi=(300, 300))
    return path.read_bytes()


def text(n: int) -> str:
    return f"Báo cáo số {n}-BC/VPTU về công tác văn thư lưu trữ, kiểm tra hồ sơ tài liệu đợt {n} năm 2025.\n"


def _longest(name: str, size: int) -> bytes:
    """As much of `name` as fits in `size` bytes of UTF-8, cut between characters."""
    while len(name.encode()) > size:
        name = name[:-1]
    return name.encode()


def strange_names(folder: Path) -> dict[bytes, str]:
    """Files whose names are hostile, each with text of its own; {name as bytes: its text}."""
    names = {
        b"sub\\..\\..\\evil.txt": text(101),  # a Windows path in a Linux name: just a name
        b"ctl-\x1b[31mred\x1b[0m-\x07\x08-\nline.txt": text(102),  # terminal escapes, a bell, a new line
        _longest("Nghị quyết về công tác lưu trữ " * 9, 255 - len(b"-x.txt")) + b"-x.txt": text(103),  # ext4's most
        b"caf\xe9-\xff\xfe-latin1.txt": text(104),  # not UTF-8
    }
    for name, content in names.items():
        with open(os.path.join(os.fsencode(folder), name), "wb") as f:
            f.write(content.encode())
    return names


def corpus(folder: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Write the hostile files into `folder`; {file name: (expected status, words its reason must hold)}."""
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, tuple[str, tuple[str, ...]]] = {}

    def put(name: str, content: bytes, status: str, *reason: str) -> None:
        (folder / name).write_bytes(content)
        expect[name] = (status, reason)

    whole = text_pdf(["Bao cao tong ket cong tac van thu nam 2025", *[f"Muc {i}: noi dung" for i in range(60)]])
    put("truncated.pdf", whole[: len(whole) // 2], "failed", "truncated", "%%EOF")
    docx = write_docx(_sample("docx"), folder / "whole.docx").read_bytes()
    (folder / "whole.docx").unlink()
    put("truncated.docx", docx[: len(docx) // 2], "failed", "damaged", "ZIP")
    tiff = _tiff(folder / "truncated.tif")
    put("truncated.tif", tiff[: len(tiff) // 3], "failed", "damaged or unreadable image")
    put("empty.txt", b"", "failed", "empty")
    put("encrypted.docx", encrypted_docx(), "failed", "encrypted with a password", "remove the password")
    encrypted_pdf(folder / "locked.pdf", "secret")
    expect["locked.pdf"] = ("failed", ("encrypted with a password",))
    encrypted_pdf(folder / "owner-only.pdf", "")  # no password to open: only permissions are restricted
    expect["owner-only.pdf"] = ("added", ())
    put("really-a-pdf.docx", text_pdf(["Thong bao ket luan cua Thuong truc Tinh uy"]), "added")
    put("really-text.pdf", text(1).encode(), "added")
    put("random.bin", random.Random(1).randbytes(64 * 1024), "unsupported", "unrecognised binary")
    docx_bomb(folder / "bomb.docx", 1536 * MB)
    expect["bomb.docx"] = ("failed", ("MB, over the limit of 1,024 MB (ARCHIVE_MAX_UNZIPPED_MB)", "decompression bomb"))
    docx_bomb(folder / "squeezed.docx", 64 * MB)
    expect["squeezed.docx"] = ("failed", ("to 1", "ARCHIVE_MAX_ZIP_RATIO"))
    put("deep.pdf", deep_pdf(5000), "failed", "nested too deeply")
    put("thousands.pdf", many_pages_pdf(3000), "failed", "3,000 pages", "2,000", "ARCHIVE_MAX_PAGES")
    with open(folder / "huge.iso", "wb") as f:
        f.truncate(1 << 30)  # sparse: 1 GB on paper, nothing on disk
    expect["huge.iso"] = ("failed", ("1,024 MB", "512 MB", "ARCHIVE_MAX_FILE_MB"))
    os.mkfifo(folder / "pipe.txt")  # opening it would wait for a writer forever
    expect["pipe.txt"] = ("unsupported", ("not a regular file",))
    scripts = "".join(
        f'<script>document.write("SCRIPTWORD{i}")</script><style>.x{i}{{color:red}}</style>'
        f'<div style="display:none">HIDDENWORD</div><p onclick="steal()">{text(200 + i % 3)}</p>'
        for i in range(3000)
    )
    put("scripts.html", f"<html><head><script>alert(1)</script></head><body>{scripts}</body></html>".encode(), "added")
    return expect
