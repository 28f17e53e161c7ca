"""Language identification restricted to the archive's languages, repeatable run to run."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.lang_profile import LangProfile

UNDETERMINED = "und"
MIN_LETTERS = 20  # below this langdetect guesses (e.g. "Resolution 57" → fr)
SAMPLE_CHARS = 20000
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=4)
def _factory(languages: tuple[str, ...]) -> DetectorFactory:
    """A detector factory that knows only `languages`, so it can only answer one of them."""
    factory = DetectorFactory()
    for index, lang in enumerate(languages):
        data = json.loads((Path(PROFILES_DIRECTORY) / lang).read_text(encoding="utf-8"))
        factory.add_profile(LangProfile(**data), index, len(languages))
    factory.set_seed(0)
    return factory


def detect_language(text: str, languages: tuple[str, ...] = ("vi", "en")) -> str:
    """ISO 639-1 code of the text's main language among `languages`, or `und` when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    if len(LETTER.findall(sample)) < MIN_LETTERS:
        return UNDETERMINED
    if len(languages) == 1:
        return languages[0]
    detector = _factory(tuple(languages)).create()
    detector.append(sample)
    try:
        return detector.detect()
    except LangDetectException:
        return UNDETERMINED
