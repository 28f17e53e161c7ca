"""Text analysis: how text becomes index terms, as Whoosh filter chains.

Every text field is folded: NFC, lower case, all diacritics removed and `đ` → `d`, so that the
unaccented queries staff type find accented text. (Exact-accent ranking comes with the search issue.)
"""

from __future__ import annotations

import unicodedata

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer

from indexer.normalize import fold

WORD = r"\w+"


class FoldFilter(Filter):
    """Replace each token's text by its folded form."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(unicodedata.normalize("NFC", token.text))
            yield token


def folding_analyzer():
    """Syllable tokens (one-letter ones kept, no stop list), lower-cased and folded."""
    return RegexTokenizer(WORD) | LowercaseFilter() | FoldFilter()
