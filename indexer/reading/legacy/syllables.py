"""Is a word a well-formed Vietnamese syllable? The evidence that tells a right decoding from a wrong one.

A wrong decoding of legacy bytes leaves symbols inside words (`c¸c`), letters Vietnamese does not have
(`ViÖt`, `Vieät`), two tone marks, or vowel sequences no syllable has (`cơng`): none of these parse as
initial consonant + rime, with at most one tone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
INITIALS = [
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
]

# Rimes without tone: nucleus (with its medial glide) and the finals it takes ("" = open syllable).
_RIMES = {
    "a": " c ch i m n ng nh o p t u y",
    "ă": "c m n ng p t",
    "â": "c m n ng p t u y",
    "e": " c ch m n ng nh o p t",
    "ê": " c ch m n nh p t u",
    "i": " a c ch m n nh p t u",
    "iê": "c m n ng p t u",
    "y": " ch n nh p t u",  # finals after qu-
    "yê": " m n ng t u",
    "o": " c i m n ng p t o ong oc",
    "ô": " c i m n ng p t",
    "ơ": " i m n p t",
    "u": " a c i m n ng p t y",
    "uô": "c i m n ng t",
    "ư": " a c i m n ng t u",
    "ươ": "c i m n ng p t u",
    "oa": " c ch i m n ng nh o p t y",
    "oă": "c m n ng t",
    "oe": " c m n o t",
    "uâ": "n ng t y",
    "uê": " ch n nh t",
    "uy": " a ch n nh p t u",
    "uyê": "n t",
    "uơ": " ",
}
RIMES = frozenset(nucleus + final for nucleus, finals in _RIMES.items() for final in finals.split(" "))
_SYLLABLE = re.compile(
    "(?:{})?(?:{})".format(
        "|".join(sorted(INITIALS, key=len, reverse=True)), "|".join(sorted(RIMES, key=len, reverse=True))
    )
)
_PUNCTUATION_RANGE = "\u2010-\u206f"
WORD = re.compile(rf"[^\s!-@\[-`{{-~{_PUNCTUATION_RANGE}]+")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True for one Vietnamese syllable in any case, with or without its single tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in TONES for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def evidence(text: str) -> int:
    """Well-formed minus ill-formed words among those with a non-ASCII character (ASCII reads alike in
    every candidate encoding, so it says nothing)."""
    score = 0
    for word in WORD.findall(unicodedata.normalize("NFC", text)):
        if not word.isascii():
            score += 1 if is_syllable(word) else -1
    return score
