"""Pure text normalisation shared by analysis, metadata extraction and validation (no Whoosh here)."""

from __future__ import annotations

import re
import unicodedata

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
DASH_RE = re.compile(f"[{DASHES}]")


def fold_char(ch: str) -> str:
    """One character without its diacritics; `đ` → `d`. Always exactly one character."""
    if ch in "đĐ\u00d0":
        return "D" if ch != "đ" else "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base if len(base) == 1 else ch


# Every precomposed Latin letter with marks (Latin-1 to Latin Extended Additional, where all Vietnamese
# letters live) mapped to its base letter once, so that folding is one C-level str.translate.
FOLD_TABLE = {
    code: fold_char(chr(code))
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00))
    if fold_char(chr(code)) != chr(code)
}


def fold(text: str) -> str:
    """Remove every diacritic (tone and vowel marks, `đ`/`Đ` too). Keeps length: char i ↔ char i."""
    return unicodedata.normalize("NFC", text).translate(FOLD_TABLE)


def display_symbol(symbol: str) -> str:
    """A document symbol as printed, tidied: `57 – NQ/TW` → `57-NQ/TW` (case and diacritics kept)."""
    value = DASH_RE.sub("-", unicodedata.normalize("NFC", symbol))
    return re.sub(r"\s*([-/])\s*", r"\1", value.strip())


def symbol_key(symbol: str) -> str:
    """Matching key of a symbol: case- and diacritic-free (`11-QĐi/TW` → `11-qdi/tw`)."""
    return fold(display_symbol(symbol)).lower()


TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
TONE_CLUSTERS = ("oa", "oe", "uy")


def normalize_tones(word: str) -> str:
    """One tone-mark convention: `hoà`→`hòa`, `thuỷ`→`thủy`, `khoẻ`→`khỏe` (`Ð`→`Đ`).

    Only an open syllable ending in oa/oe/uy differs between the two conventions; the mark goes on
    the first vowel of the pair (`quý` keeps it: there `u` belongs to `qu`).
    """
    word = word.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in TONES]
    if len(tones) != 1:
        return unicodedata.normalize("NFC", word)
    base = unicodedata.normalize("NFC", decomposed.replace(tones[0], ""))
    lower = base.lower()
    if len(base) < 2 or not lower.endswith(TONE_CLUSTERS) or (lower.endswith("uy") and lower[-3:-2] == "q"):
        return unicodedata.normalize("NFC", word)
    first = len(base) - 2
    return unicodedata.normalize("NFC", base[: first + 1] + tones[0] + base[first + 1 :])
