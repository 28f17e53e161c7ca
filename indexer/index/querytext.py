"""The query text as people type or paste it, read into the query language's own pieces.

Pasted titles and sentences carry punctuation that the query syntax would misread: `provincial-level`
and `Mác-Lê-nin` are words joined by hyphens (as the text's own tokens stand side by side, they match
as a phrase), not `provincial` without `level`; a dash or bullet standing alone (` - `, ` – `, `•`) is
punctuation; colons, commas, brackets and stray quotes are punctuation too. Only these are syntax:
`"phrases"`, `-` or `+` at the start of a word (after a space, an opening bracket or the start), the
operators AND, OR, NOT in capitals between terms, balanced parentheses, and `*` ending a word.

`normalized` writes what was read back as a string Whoosh's parser always accepts; `words` gives the
plain words with their places in the text as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
QUOTES = '"“”„'
# A run of word characters, joined by punctuation with no space (`vi-rút`, `2021–2025`, `e.g.`, `T/M`).
GROUP = re.compile(r"\w+(?:[^\w\s" + QUOTES + r"()*]+\w+)*")
PART = re.compile(r"\w+")
SIGNS = "-+"


@dataclass(frozen=True)
class Part:
    text: str
    start: int  # place in the text as typed
    end: int


@dataclass
class Item:
    """One piece of a query: a term (`kind` word, phrase or prefix), a parenthesis, or an operator."""

    kind: str  # "word" (one or more parts: several match as a phrase), "phrase", "prefix", "(", ")", "op"
    parts: list[Part] = field(default_factory=list)
    sign: str = ""  # "-" excludes, "+" requires
    text: str = ""  # an operator's name

    @property
    def is_term(self) -> bool:
        return self.kind in ("word", "phrase", "prefix")


def read(text: str) -> list[Item]:
    """The pieces of `text`, in order; anything that is not syntax is punctuation and dropped."""
    items: list[Item] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        sign = ""
        at_word_start = i == 0 or text[i - 1].isspace() or text[i - 1] == "("
        if ch in SIGNS and at_word_start and i + 1 < n and (text[i + 1] in QUOTES + "(" or _is_word(text[i + 1])):
            sign, i = ch, i + 1
            ch = text[i]
        if ch in QUOTES:
            close = next((j for j in range(i + 1, n) if text[j] in QUOTES), None)
            if close is None:  # a stray quote: punctuation
                i += 1
                continue
            parts = [Part(m.group(), m.start(), m.end()) for m in PART.finditer(text, i + 1, close)]
            if parts:
                items.append(Item("phrase", parts, sign))
            i = close + 1
        elif ch == "(":
            items.append(Item("(", sign=sign))
            i += 1
        elif ch == ")":
            items.append(Item(")"))
            i += 1
        elif _is_word(ch):
            match = GROUP.match(text, i)
            parts = [Part(m.group(), i + m.start(), i + m.end()) for m in PART.finditer(match.group())]
            end = match.end()
            if len(parts) == 1 and not sign and parts[0].text in OPERATORS:
                items.append(Item("op", text=parts[0].text))
            elif end < n and text[end] == "*" and len(parts) == 1:
                items.append(Item("prefix", parts, sign))
                end += 1
            else:
                items.append(Item("word", parts, sign))
            i = end
        else:  # punctuation: a lone dash, a bullet, a colon, a bracket of another kind, a lone sign
            i += 1
    return _tidy(items)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _tidy(items: list[Item]) -> list[Item]:
    """Drop what would not parse: unmatched or empty parentheses, operators with nothing to join."""
    keep = [True] * len(items)
    opened: list[int] = []
    for k, item in enumerate(items):
        if item.kind == "(":
            opened.append(k)
        elif item.kind == ")":
            if opened:
                start = opened.pop()
                if not any(x.is_term for x in items[start + 1 : k]):
                    keep[start] = keep[k] = False
            else:
                keep[k] = False
    for k in opened:
        keep[k] = False
    items = [item for item, kept in zip(items, keep, strict=True) if kept]
    # Operators: binary ones between two terms (or groups), NOT before one; otherwise they are dropped.
    out: list[Item] = []
    for k, item in enumerate(items):
        if item.kind == "op":
            before = out[-1] if out else None
            after = items[k + 1] if k + 1 < len(items) else None
            follows = after is not None and (after.is_term or after.kind == "(" or after.text == "NOT")
            if not follows:
                continue
            if item.text != "NOT" and (before is None or not (before.is_term or before.kind == ")")):
                continue
            if item.text == "NOT" and before is not None and before.kind == "op" and before.text == "NOT":
                continue
        out.append(item)
    return out


def normalized(items: list[Item]) -> str:
    """The pieces as a string for Whoosh's parser: words, quoted phrases, prefixes, signs, groups, operators."""
    out = []
    for item in items:
        if item.kind == "op":
            out.append(item.text)
        elif item.kind in "()":
            out.append(item.sign + item.kind)
        elif item.kind == "prefix":
            out.append(f"{item.sign}{item.parts[0].text}*")
        elif len(item.parts) == 1:
            out.append(item.sign + item.parts[0].text)
        else:
            out.append(item.sign + '"' + " ".join(p.text for p in item.parts) + '"')
    return " ".join(out)


def plain(items: list[Item]) -> str:
    """Only the words that are asked for, each required: the fallback when the syntax still fails."""
    return " ".join(p.text for item in items if item.is_term and item.sign != "-" for p in item.parts)


def words(items: list[Item]) -> list[Part]:
    """Plain words asked for (in terms not excluded, not prefixes), with their places."""
    return [p for item in items if item.kind in ("word", "phrase") and item.sign != "-" for p in item.parts]


def segments(items: list[Item]) -> list[list[Part]]:
    """`words` split at each OR: words side by side only within a segment."""
    out: list[list[Part]] = [[]]
    for item in items:
        if item.kind == "op" and item.text == "OR":
            out.append([])
        elif item.kind in ("word", "phrase") and item.sign != "-":
            out[-1].extend(item.parts)
    return [segment for segment in out if segment]
