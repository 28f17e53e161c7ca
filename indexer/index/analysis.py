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

import itertools
import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import BiWordFilter, Filter, LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.lang.porter import stem

from indexer.normalize import fold, normalize_tones

WORD = r"\w+"
WORD_RE = re.compile(WORD)


# Token-level caches: a collection's vocabulary is small next to its token count.
fold_token = lru_cache(maxsize=200_000)(fold)


stem_token = lru_cache(maxsize=200_000)(stem)  # the English analyzer's stemmer (Porter), one word at a time


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


# The same views as plain functions over a text's word list, for indexing: Python's Counter over a
# list is several times faster than Whoosh's token-by-token filter chain, and a record's body is
# tokenized once for its three views (the same string object arrives for each of them).
_last_words: tuple[str | None, list[str]] = (None, [])


def words_of(text: str) -> list[str]:
    """The text's lower-case word tokens, as RegexTokenizer(WORD) | LowercaseFilter gives them."""
    global _last_words
    cached = _last_words  # one read: another thread may replace it meanwhile
    if cached[0] is not text:
        cached = _last_words = (text, [w.lower() for w in WORD_RE.findall(text)])
    return cached[1]


_last_folded: tuple[str | None, list[str]] = (None, [])


def folded_view(text: str) -> list[str]:
    global _last_folded
    cached = _last_folded
    if cached[0] is not text:  # the body's folded words serve its folded and pairs views
        cached = _last_folded = (text, list(map(fold_token, words_of(text))))
    return list(cached[1])


def exact_view(text: str) -> list[str]:
    return list(map(tone_token, words_of(text)))


def pairs_view(text: str) -> list[str]:
    folded = folded_view(text)
    if len(folded) < 2:
        return folded  # as BiWordFilter: a lone word stands for itself
    return [f"{a} {b}" for a, b in itertools.pairwise(folded)]
