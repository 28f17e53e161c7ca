"""The generators' tables as data files (UTF-8 JSON, NFC): the labelled metadata cases and the like. `read`
gives one file's content, checked to be NFC so that a case never differs from what it claims by its form."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def read(name: str) -> Any:
    """The parsed content of the data file ``name`` (e.g. ``"metadata_cases.json"``)."""
    text = (HERE / name).read_text(encoding="utf-8")
    if not unicodedata.is_normalized("NFC", text):
        raise ValueError(f"{name} is not in Unicode NFC")
    return json.loads(text)
