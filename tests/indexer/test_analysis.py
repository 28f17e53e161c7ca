"""Text analysis: tone convention, the folded, exact, pair and English views."""

import pytest

from indexer.index.analysis import english_analyzer, exact_analyzer, folding_analyzer, has_marks, pairs_analyzer
from indexer.normalize import fold, normalize_tones


def terms(analyzer, text: str) -> list[str]:
    return [t.text for t in analyzer(text)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("hoà", "hòa"), ("hòa", "hòa"), ("thuỷ", "thủy"), ("uỷ", "ủy"), ("khoẻ", "khỏe"), ("Hoà", "Hòa"),
     ("quý", "quý"), ("hoàn", "hoàn"), ("quyết", "quyết"), ("ý", "ý"), ("Ðảng", "Đảng"), ("xoá", "xóa")],
)  # fmt: skip
def test_one_tone_convention(word, expected):
    assert normalize_tones(word) == expected


def test_fold_removes_every_mark_and_keeps_length():
    text = "Đảng ủy Quảng Trị đổi mới ĐỒNG"
    assert fold(text) == "Dang uy Quang Tri doi moi DONG" and len(fold(text)) == len(text)


def test_views():
    text = "Tỉnh uỷ Hoà Bình ở đây, ý kiến về bản báo cáo"
    assert terms(folding_analyzer(), text) == [
        "tinh",
        "uy",
        "hoa",
        "binh",
        "o",
        "day",
        "y",
        "kien",
        "ve",
        "ban",
        "bao",
        "cao",
    ]
    assert terms(exact_analyzer(), text)[:4] == ["tỉnh", "ủy", "hòa", "bình"], "one convention, marks kept"
    assert "o" in terms(folding_analyzer(), text) and "y" in terms(folding_analyzer(), text), "one-letter syllables"
    assert terms(pairs_analyzer(), "chuyển đổi số") == ["chuyen doi", "doi so"]
    assert terms(english_analyzer(), "Resolutions on the reforms") == ["resolut", "reform"]
    assert terms(folding_analyzer(), "can to an may bo") == ["can", "to", "an", "may", "bo"], "no English stop list"


def test_has_marks():
    assert has_marks("chuyển đổi") and has_marks("đi") and not has_marks("chuyen doi 2025")
