"""Pre-Unicode Vietnamese text: TCVN3 (ABC, `.VnTime`), VNI-Windows (`VNI-Times`) and Windows-1258.

Decoders work on "byte characters" (legacy bytes read as Windows-1252, which is how Word keeps text in
these ANSI fonts), so a DOCX run and a text file go through the same code. `detect` decides a file's
encoding by evidence: the decoding whose words parse as Vietnamese syllables wins.
"""

from __future__ import annotations

import re
import unicodedata

from indexer.reading.legacy.syllables import evidence
from indexer.reading.legacy.tables import TCVN3_DECODE, TCVN3_ENCODE, VNI_DECODE, VNI_ENCODE

TCVN3, VNI, CP1258 = "tcvn3", "vni", "cp1258"
SAMPLE_BYTES = 65536  # enough words to judge by; the winner then decodes the whole file

# Windows-1252 leaves five bytes undefined; they pass through as their Latin-1 characters.
_CP1252_C1 = {b: bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xA0)}
_TO_CP1252 = str.maketrans({chr(b): c for b, c in _CP1252_C1.items()})
_FROM_CP1252 = {c: b for b, c in _CP1252_C1.items()}
# Symbol-font text in Word sits in the private use area at U+F000 + byte.
_FROM_SYMBOL_AREA = str.maketrans({0xF000 + b: _CP1252_C1.get(b, chr(b)) for b in range(0x20, 0x100)})
_TCVN3_TABLE = str.maketrans(TCVN3_DECODE)
_VNI_SEQUENCE = re.compile("|".join(re.escape(k) for k in sorted(VNI_DECODE, key=len, reverse=True)))


def bytes_to_chars(data: bytes) -> str:
    """Legacy bytes as byte characters (Windows-1252, undefined bytes as Latin-1)."""
    return data.decode("latin-1").translate(_TO_CP1252)


def chars_to_bytes(chars: str) -> bytes:
    """The inverse of `bytes_to_chars`; raises ValueError for a character no byte stands for."""
    out = bytearray()
    for char in chars:
        code = ord(char)
        if char in _FROM_CP1252:
            out.append(_FROM_CP1252[char])
        elif code < 0x80 or 0xA0 <= code < 0x100:
            out.append(code)
        else:
            raise ValueError(f"{char!r} (U+{code:04X}) has no byte in an 8-bit legacy encoding")
    return bytes(out)


def decode_tcvn3(chars: str) -> str:
    """TCVN3 byte characters → Unicode NFC."""
    return unicodedata.normalize("NFC", chars.translate(_TCVN3_TABLE))


def decode_vni(chars: str) -> str:
    """VNI byte characters → Unicode NFC; a base letter and its mark are read together, longest first."""
    return unicodedata.normalize("NFC", _VNI_SEQUENCE.sub(lambda m: VNI_DECODE[m.group()], chars))


DECODERS = {TCVN3: decode_tcvn3, VNI: decode_vni}


def encode(text: str, encoding: str) -> str:
    """Unicode → TCVN3 or VNI byte characters (for making test files and checking round trips).

    Raises ValueError for a character the encoding cannot hold: in TCVN3 most capitals with a tone
    mark, which the old documents set in a capital font (`.VnTimeH`) as the lowercase code instead.
    """
    table = TCVN3_ENCODE if encoding == TCVN3 else VNI_ENCODE
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in table:
            out.append(table[char])
        elif char.isascii() or char in _FROM_CP1252 or (0xA0 <= ord(char) < 0xC0 and encoding == VNI):
            out.append(char)
        else:
            raise ValueError(f"{char!r} (U+{ord(char):04X}) cannot be written in {encoding.upper()}")
    return "".join(out)


def can_encode(text: str, encoding: str) -> bool:
    try:
        encode(text, encoding)
    except ValueError:
        return False
    return True


def decode_bytes(data: bytes, encoding: str) -> str:
    if encoding == CP1258:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    return DECODERS[encoding](bytes_to_chars(data))


def encode_bytes(text: str, encoding: str) -> bytes:
    return chars_to_bytes(encode(text, encoding))


def detect(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for bytes that are not UTF-8: the candidate among Windows-1258, TCVN3 and VNI whose
    words parse best as Vietnamese. Windows-1258 wins ties (it is also what Western text decodes as);
    None when it cannot decode the bytes and neither legacy encoding shows any Vietnamese."""
    sample = data[:SAMPLE_BYTES]
    scores: dict[str, int] = {}
    try:
        data.decode("cp1258")
        scores[CP1258] = evidence(sample.decode("cp1258"))
    except UnicodeDecodeError:
        pass  # bytes Windows-1258 leaves undefined: only a legacy encoding can explain them
    for encoding, decoder in DECODERS.items():
        scores[encoding] = evidence(decoder(bytes_to_chars(sample)))
    best = max(scores, key=lambda name: (scores[name], name == CP1258))
    if best != CP1258 and scores[best] <= 0:
        if CP1258 not in scores:
            return None
        best = CP1258
    return decode_bytes(data, best), best


def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """(encoding, capital) for a legacy font name: `.VnTime` is TCVN3, `.VnTimeH` its capital font (names
    ending in H draw every letter as a capital), `VNI-Times` is VNI; None for any other font."""
    if not font:
        return None
    name = font.strip()
    if name.lower().startswith(".vn"):
        return TCVN3, name.endswith("H")
    if name.lower().startswith("vni-"):
        return VNI, False
    return None


def decode_run(text: str, encoding: str, capital: bool = False) -> str:
    """Text of DOCX runs in a legacy font → Unicode; the soft hyphen U+00AD is TCVN3's ư, so it is kept."""
    chars = text.translate(_FROM_SYMBOL_AREA).translate(_TO_CP1252)
    decoded = DECODERS[encoding](chars)
    return decoded.upper() if capital else decoded
