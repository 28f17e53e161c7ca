"""Words: the Vietnamese interface calls a document *văn bản* (or *tài liệu*) and only a file (a folder of
documents) *hồ sơ*. A message whose English speaks of a record or document must not say "hồ sơ"."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from web.i18n import CATALOG_DIR

FILE_WORDS = re.compile(r"\bfil(?:e|es|ed|ing)\b|\bfonds\b|\bplan\b|\bmatter\b|hồ sơ", re.IGNORECASE)


def entries():
    with (CATALOG_DIR / "vi" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        for message in read_po(po):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            yield " ".join(ids), " ".join(s or "" for s in strings)


def test_no_document_is_called_ho_so():
    wrong = [(mid, text) for mid, text in entries() if "hồ sơ" in text.lower() and not FILE_WORDS.search(mid)]
    assert wrong == [], "a document is văn bản (or tài liệu), not hồ sơ: " + repr(wrong[:5])


def test_the_archive_and_its_records_are_named_as_documents():
    found = dict(entries())
    assert (
        found["Records archive"] == "Kho lưu trữ"
    )  # a document is not a hồ sơ; the short name keeps the header one line
    assert "văn bản" in found["record %(id)s not found"]
    assert found["File (hồ sơ)"] == "Hồ sơ"


def test_the_rule_catches_a_document_called_ho_so():
    assert "hồ sơ" in "Không tìm thấy hồ sơ 7".lower() and not FILE_WORDS.search("record %(id)s not found")
