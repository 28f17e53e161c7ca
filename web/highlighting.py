"""Marks a page keeps: a query typed with its accents marks only the words written exactly so ("chuyển
đổi số" marks "số", never "sơ", "so", "Sở" or "đối"), while a word typed without accents marks every
accented form of it (that is why it was typed so). The index matches both; the page shows what was asked."""

from __future__ import annotations

import html
import re
import unicodedata

from indexer import query_words
from indexer.normalize import fold, normalize_tones

MARK = re.compile(r"<mark>(.*?)</mark>", re.S)
WORD = re.compile(r"\w+")


def _form(word: str) -> str:
    return normalize_tones(unicodedata.normalize("NFC", word)).lower()


def asked(query: str) -> dict[str, set[str]]:
    """{folded word: the accented forms typed} for the query's accented words only."""
    out: dict[str, set[str]] = {}
    for word in query_words(query or ""):
        for part in WORD.findall(word):
            if fold(part).lower() != part.lower():  # typed with accents: only this form
                out.setdefault(fold(part).lower(), set()).add(_form(part))
            else:  # typed bare: any form; an empty set means "all"
                out[fold(part).lower()] = set()
    return {k: v for k, v in out.items() if v}


def keeps(piece: str, exact: dict[str, set[str]]) -> bool:
    """Whether a marked piece stays marked: each of its words that an accented query word folds to must be
    written as typed."""
    for word in WORD.findall(piece):
        forms = exact.get(fold(word).lower())
        if forms and _form(word) not in forms:
            return False
    return True


def exact_pieces(parts: list[tuple[str, bool]], query: str) -> list[tuple[str, bool]]:
    exact = asked(query)
    if not exact:
        return parts
    return [(text, matched and keeps(text, exact)) for text, matched in parts]


def exact_snippet(snippet_html: str, query: str) -> str:
    """A snippet (escaped text whose only markup is <mark>) with the marks of inexact forms taken off."""
    exact = asked(query)
    if not exact or "<mark>" not in snippet_html:
        return snippet_html
    return MARK.sub(lambda m: m.group(0) if keeps(html.unescape(m.group(1)), exact) else m.group(1), snippet_html)
