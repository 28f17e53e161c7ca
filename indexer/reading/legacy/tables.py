"""Character tables of the pre-Unicode Vietnamese encodings, as maps between "byte characters" and Unicode.

A byte character is what a legacy byte becomes when read as Windows-1252: the .VnTime and VNI-Times fonts
are ANSI fonts, so Word stores their bytes that way, and a text file's bytes are read the same way here.
"""

from __future__ import annotations

import unicodedata

# TCVN 5712:1993 VN3, bytes 0xA0-0xFF (the .VnTime fonts), as glibc's TCVN5712-1 decodes them.
# 0xB0-0xB4 are stand-alone tone marks (combining). VN3 leaves 0x80-0x9F to the Windows punctuation
# and has no place for most toned capitals: .VnTimeH-style fonts draw the lowercase codes as capitals.
_VN3_HIGH = (
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
    "éẹềểễếệìỉỄẾỒĩíịò"
    "Ổỏõóọồổỗốộờởỡớợù"
    "ỖủũúụừửữứựỳỷỹýỵỐ"
)
TCVN3_DECODE: dict[str, str] = {chr(0xA0 + i): char for i, char in enumerate(_VN3_HIGH)}
# Unicode → byte character; the stand-alone tone marks are never written (precomposed letters exist).
TCVN3_ENCODE: dict[str, str] = {char: byte for byte, char in TCVN3_DECODE.items() if not unicodedata.combining(char)}

# VNI-Windows: a base letter followed by a mark character, in the order none, acute, grave, hook, tilde, dot.
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_VNI_TONE_MARKS = ("", "ù", "ø", "û", "õ", "ï")
_VNI_CIRCUMFLEX_MARKS = ("â", "á", "à", "å", "ã", "ä")  # â ê ô, then with each tone
_VNI_BREVE_MARKS = ("ê", "é", "è", "ú", "ü", "ë")  # ă, then with each tone
# (Unicode base with its shape mark, the VNI spelling of each of the six tones)
_VNI_ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("a", tuple("a" + m for m in _VNI_TONE_MARKS)),
    ("e", tuple("e" + m for m in _VNI_TONE_MARKS)),
    ("o", tuple("o" + m for m in _VNI_TONE_MARKS)),
    ("u", tuple("u" + m for m in _VNI_TONE_MARKS)),
    ("y", ("y", "yù", "yø", "yû", "yõ", "î")),  # ỵ is one character
    ("i", ("i", "í", "ì", "æ", "ó", "ò")),  # i and its tones are single characters
    ("a\u0302", tuple("a" + m for m in _VNI_CIRCUMFLEX_MARKS)),
    ("e\u0302", tuple("e" + m for m in _VNI_CIRCUMFLEX_MARKS)),
    ("o\u0302", tuple("o" + m for m in _VNI_CIRCUMFLEX_MARKS)),
    ("a\u0306", tuple("a" + m for m in _VNI_BREVE_MARKS)),
    ("o\u031b", tuple("ô" + m for m in _VNI_TONE_MARKS)),  # ơ is the character ô
    ("u\u031b", tuple("ö" + m for m in _VNI_TONE_MARKS)),  # ư is the character ö
)


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    encode = {"đ": "ñ", "Đ": "Ñ"}
    for base, spellings in _VNI_ROWS:
        for tone, spelling in zip(_TONES, spellings, strict=True):
            letter = unicodedata.normalize("NFC", base + tone)
            encode[letter] = spelling
            encode[letter.upper()] = spelling.upper()
    decode = {spelling: letter for letter, spelling in encode.items() if spelling != letter}
    for spelling, letter in list(decode.items()):
        if len(spelling) == 2:  # a mark typed in the other case still belongs to its base: "Aù" is Á
            decode.setdefault(spelling[0] + spelling[1].swapcase(), letter)
    return encode, decode


VNI_ENCODE, VNI_DECODE = _vni_tables()
VNI_MARKS = frozenset(s[1] for s in VNI_DECODE if len(s) == 2)
