"""Highlighted snippets: the passages of a text where a query's words occur, escaped, matches in <mark>.

A text's words are compared folded (no diacritics, `đ` → `d`), so accented and unaccented queries
mark the same places; English stems and prefixes mark their word forms too, and a document symbol
(`18-CT/TU`) marks wherever it is printed, however spaced or dashed (`Số 18 – CT/TU`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from indexer.index.analysis import tone_token
from indexer.normalize import FOLD_TABLE, fold

WORD = re.compile(r"\w+")
SYMBOL_PARTS = {"-": r"\s*[-\u2010-\u2014\u2212]\s*", "/": r"\s*/\s*"}  # as printed: spaced, any dash
FRAGMENT_CHARS = 160  # a passage holds matches within this span
CONTEXT_CHARS = 40  # text shown before the first and after the last match of a passage
FRAGMENTS = 2
SNIPPET_CHARS = 240


@dataclass
class Terms:
    """What to mark: folded words, folded prefixes, English stems (with the stemmer), and document symbols
    by their matching key (`indexer.normalize.symbol_key`); `phrases` are folded words marked only side by
    side, and `exact` the accented forms typed (lower case, `indexer.index.analysis.tone_token`): a word or phrase
    word whose folded form is one of them is marked only in those forms."""

    words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    stem: object = None
    symbols: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)

    _pattern: re.Pattern | None = None
    _stem_pattern: re.Pattern | None = None
    _symbol_pattern: re.Pattern | None = None

    def find(self, flat: str) -> list[tuple[int, int, str]]:
        """(start, end, what matched) of each marked word. Folding keeps length, so the spans found in
        the folded text are the spans of the original (one regex pass instead of a test per word)."""
        folded = flat.translate(FOLD_TABLE)
        found = []
        if self.words or self.prefixes or self.phrases:
            if self._pattern is None:
                phrases = sorted(self.phrases, key=lambda p: (len(p), sum(map(len, p))), reverse=True)
                alternatives = [r"\W+".join(map(re.escape, phrase)) for phrase in phrases]
                alternatives += [re.escape(w) for w in sorted(self.words, key=len, reverse=True)]
                alternatives += [re.escape(p) + r"\w*" for p in self.prefixes]
                self._pattern = _words_pattern(alternatives)
            accents = self._accents()
            found = [
                (m.start(), m.end(), " ".join(WORD.findall(m.group().lower())))
                for m in self._pattern.finditer(folded)
                if not accents or _typed_forms(flat[m.start() : m.end()], accents)
            ]
        if self.stems and self.stem is not None:
            # English word forms: only words starting like a stem are stemmed and compared.
            if self._stem_pattern is None:
                self._stem_pattern = _words_pattern([re.escape(s[: max(3, len(s) - 1)]) + r"\w*" for s in self.stems])
            marked = {start for start, _, _ in found}
            for m in self._stem_pattern.finditer(folded):
                if m.start() not in marked and (stemmed := self.stem(flat[m.start() : m.end()].lower())) in self.stems:
                    found.append((m.start(), m.end(), stemmed))
        if self.symbols:
            if self._symbol_pattern is None:
                self._symbol_pattern = _symbols_pattern(self.symbols)
            found += [(m.start(), m.end(), _symbol_key(m.group())) for m in self._symbol_pattern.finditer(folded)]
        return _apart(found)

    def _accents(self) -> dict[str, set[str]]:
        """Folded word → the accented forms typed for it."""
        accents: dict[str, set[str]] = {}
        for form in self.exact:
            accents.setdefault(fold(form).lower(), set()).add(form)
        return accents

    def __bool__(self) -> bool:
        return bool(self.words or self.prefixes or self.stems or self.symbols or self.phrases)


def _typed_forms(piece: str, accents: dict[str, set[str]]) -> bool:
    """Whether each word of a matched piece is in a form the query typed (any form, for a word typed bare)."""
    for word in WORD.findall(piece):
        lower = word.lower()
        forms = accents.get(lower.translate(FOLD_TABLE))
        if forms is not None and tone_token(lower) not in forms:
            return False
    return True


def _apart(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Marks in text order, none inside another (a symbol's own letters are not marked twice as a word)."""
    kept: list[tuple[int, int, str]] = []
    for start, end, what in sorted(found, key=lambda f: (f[0], -f[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, what))
    return kept


def _symbols_pattern(keys: set[str]) -> re.Pattern:
    alternatives = [
        "".join(SYMBOL_PARTS.get(c, re.escape(c)) for c in key) for key in sorted(keys, key=len, reverse=True)
    ]
    return re.compile(r"(?<![\w/])(?:" + "|".join(alternatives) + r")(?![\w/])", re.IGNORECASE)


def _symbol_key(printed: str) -> str:
    return re.sub(r"\s+", "", re.sub("[\u2010-\u2014\u2212]", "-", printed)).lower()


def _words_pattern(alternatives: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


# A Party document opens with its letterhead (the issuing body, "Số 57-NQ/TW", "ĐẢNG CỘNG SẢN VIỆT NAM", the
# place and date); the date line ends it. A snippet is taken from what follows when the words are there too.
LETTERHEAD_DATE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
LETTERHEAD_CHARS = 600


def letterhead_end(flat: str) -> int:
    """Where the letterhead of a (whitespace-flattened) text ends: after its date line, if the text opens
    with one; else 0."""
    match = LETTERHEAD_DATE.search(flat, 0, LETTERHEAD_CHARS)
    return match.end() if match else 0


def plain_snippet(text: str) -> str:
    """The start of the text after its letterhead, escaped: the snippet when nothing matches."""
    flat = " ".join(text.split())
    flat = flat[letterhead_end(flat) :].lstrip(" ,.;:") or flat
    return escape(flat[:SNIPPET_CHARS] + ("…" if len(flat) > SNIPPET_CHARS else ""), quote=False)


def snippet(text: str, terms: Terms) -> str:
    """Up to two passages around the densest matches, in text order, joined by ' … '."""
    flat = " ".join(text.split())
    found = terms.find(flat) if terms else []
    if not found:
        return plain_snippet(flat)
    body = letterhead_end(flat)
    found = [f for f in found if f[0] >= body] or found  # the letterhead only when the words are nowhere else
    passages = []
    i = 0
    while i < len(found):
        j = i
        while j + 1 < len(found) and found[j + 1][1] - found[i][0] <= FRAGMENT_CHARS:
            j += 1
        group = found[i : j + 1]
        passages.append((len({k for _, _, k in group}), len(group), -i, group))
        i = j + 1
    best = sorted(sorted(passages, reverse=True)[:FRAGMENTS], key=lambda p: -p[2])
    return " … ".join(_render(flat, group) for *_, group in best)


def _render(flat: str, group: list[tuple[int, int, str]]) -> str:
    start = max(0, group[0][0] - CONTEXT_CHARS)
    end = min(len(flat), group[-1][1] + CONTEXT_CHARS)
    if start > 0 and flat[start - 1].isalnum():  # do not cut a word in half
        start = flat.find(" ", start) + 1 or start
    if end < len(flat) and flat[end].isalnum():
        end = flat.rfind(" ", 0, end) if flat.rfind(" ", 0, end) > group[-1][1] else end
    pieces, last = [], start
    for begin, finish, _ in group:
        pieces.append(escape(flat[last:begin], quote=False))
        pieces.append(f"<mark>{escape(flat[begin:finish], quote=False)}</mark>")
        last = finish
    pieces.append(escape(flat[last:end], quote=False))
    return "".join(pieces).strip()
