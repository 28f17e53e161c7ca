"""Text analysis: how text becomes index terms, as Whoosh filter chains.

Every text field is folded: NFC, lower case, all diacritics removed and `đ` → `d`, so that the
unaccented queries staff type find accented text. (Exact-accent ranking comes with the search issue.)
"""

from __future__ import annotations

import re
import unicodedata

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer

WORD = r"\w+"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"


def fold(text: str) -> str:
    """Remove every diacritic (Vietnamese tone and vowel marks, `đ`/`Đ` included)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D").replace("\u00d0", "D")


def normalize_symbol(symbol: str) -> str:
    """Matching key of a document symbol: `57 – NQ/TW` → `57-nq/tw`, `11-QĐi/TW` → `11-qdi/tw`."""
    value = unicodedata.normalize("NFC", symbol)
    for dash in DASHES:
        value = value.replace(dash, "-")
    value = re.sub(r"\s*([-/])\s*", r"\1", value.strip())
    return fold(value).lower()


class FoldFilter(Filter):
    """Replace each token's text by its folded form."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(unicodedata.normalize("NFC", token.text))
            yield token


def folding_analyzer():
    """Syllable tokens (one-letter ones kept, no stop list), lower-cased and folded."""
    return RegexTokenizer(WORD) | LowercaseFilter() | FoldFilter()
