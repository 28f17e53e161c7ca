"""A snippet skips a Party document's letterhead (issuing body, number, "ĐẢNG CỘNG SẢN VIỆT NAM", place and
date) when the words it marks are also in the body, and starts the body when nothing matches."""

from __future__ import annotations

from indexer.index.snippets import Terms, letterhead_end, plain_snippet, snippet

TEXT = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 57-NQ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 22 tháng 12 năm 2024
NGHỊ QUYẾT
về đột phá phát triển khoa học, công nghệ và chuyển đổi số quốc gia
Chuyển đổi số là yêu cầu tất yếu của các cơ quan đảng."""


def test_the_letterhead_ends_at_its_date_line():
    flat = " ".join(TEXT.split())
    assert flat[letterhead_end(flat) :].startswith(" NGHỊ QUYẾT")
    assert letterhead_end("Công văn không có tiêu đề ngày 2 tháng 3 năm") == 0


def test_a_snippet_is_taken_from_the_body_when_the_words_are_there():
    shown = snippet(TEXT, Terms(words={"so"}))
    assert "<mark>số</mark>" in shown and "Số 57" not in shown and "BAN CHẤP HÀNH" not in shown
    only_in_letterhead = snippet(TEXT, Terms(words={"ban"}))
    assert "<mark>BAN</mark>" in only_in_letterhead, "the letterhead when the words are nowhere else"
    assert plain_snippet(TEXT).startswith("NGHỊ QUYẾT về đột phá")
