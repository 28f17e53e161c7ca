"""Text analysis: how text becomes index terms, as Whoosh filter chains.

Every text is read as syllable tokens with positions (one-letter syllables kept, no stop list on
Vietnamese). Four views of the body serve one query:
- folded: lower case, all diacritics removed, `đ` → `d` — what every query must match, so an
  unaccented query finds every accented form;
- exact: lower case, diacritics kept, one tone-mark convention — an accented query's words found here
  score extra, so `bản` ranks above `bàn`;
- pairs: folded adjacent syllables as one term — a query's adjacent words found together score extra,
  the phrase reward without positional checks;
- English: stemmed with an English stop list, filled for English records only.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from whoosh.analysis import BiWordFilter, Filter, LowercaseFilter, RegexTokenizer, StemmingAnalyzer

from indexer.normalize import fold, normalize_tones

WORD = r"\w+"


# Token-level caches: a collection's vocabulary is small next to its token count.
fold_token = lru_cache(maxsize=200_000)(fold)


@lru_cache(maxsize=200_000)
def tone_token(text: str) -> str:
    return normalize_tones(unicodedata.normalize("NFC", text))


class FoldFilter(Filter):
    """Each token without diacritics."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold_token(token.text)
            yield token


class ToneFilter(Filter):
    """Each token in NFC with one tone-mark convention (`hoà` → `hòa`)."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = tone_token(token.text)
            yield token


def folding_analyzer():
    return RegexTokenizer(WORD) | LowercaseFilter() | FoldFilter()


def exact_analyzer():
    return RegexTokenizer(WORD) | LowercaseFilter() | ToneFilter()


def pairs_analyzer():
    return RegexTokenizer(WORD) | LowercaseFilter() | FoldFilter() | BiWordFilter(sep=" ")


def english_analyzer():
    return StemmingAnalyzer(expression=WORD)


def has_marks(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic (the query 'means' its accents)."""
    return fold(text) != unicodedata.normalize("NFC", text)
