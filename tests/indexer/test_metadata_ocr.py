"""Metadata from OCR text: capitals that lost their diacritics (`TINH UY`, `NGHI QUYET`, `SO 12-NQ/TU`) and
digits read as look-alike letters must not stop the symbol, type and date from being found."""

import pytest

from bench.generators.docgen import plain_text
from bench.generators.metadata_cases import CASES
from bench.generators.metadata_holdout import HOLDOUT
from indexer.normalize import fold
from indexer.reading.metadata import extract_metadata
from indexer.reading.metadata.dates import parse_date_line


def capitals_folded(text: str) -> str:
    """What Tesseract often makes of a header: every all-capitals line without its diacritics."""
    lines = []
    for line in text.splitlines():
        letters = [ch for ch in line if ch.isalpha()]
        lines.append(fold(line) if letters and all(ch == ch.upper() for ch in letters) else line)
    return "\n".join(lines)


def folded(value):
    return fold(value) if isinstance(value, str) else value


@pytest.mark.parametrize("layout", ["stacked", "columns"])
def test_symbol_type_and_date_survive_capitals_without_diacritics(layout):
    misses, changed = [], 0
    for case in CASES + HOLDOUT:
        text = capitals_folded(plain_text(case.doc, layout))
        changed += text != plain_text(case.doc, layout)
        meta = extract_metadata(text, case.expected["language"])
        for name in ("doc_number", "doc_type", "issued"):
            if folded(getattr(meta, name)) != folded(case.expected[name]):
                misses.append(f"{case.name}: {name}: expected {case.expected[name]!r}, got {getattr(meta, name)!r}")
    assert changed >= 40, "most headers carry diacritics to lose"
    assert not misses, "\n".join(misses)


def test_the_provincial_resolution_of_the_issue():
    text = (
        "DANG BO TINH QUANG TRI          DANG CONG SAN VIET NAM\n"
        "TINH UY\n"
        "*          Quang Tri, ngay 05 thang 3 nam 2024\n"
        "SO 12-NQ/TU\n\n"
        "NGHI QUYET\n"
        "về đẩy mạnh chuyển đổi số trong các cơ quan đảng\n\n"
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ quyết nghị:\n"
    )
    meta = extract_metadata(text, "vi")
    assert (meta.doc_number, meta.doc_type, meta.issued) == ("12-NQ/TU", "NQ", "2024-03-05")
    assert meta.place == "Quang Tri" and meta.title == "về đẩy mạnh chuyển đổi số trong các cơ quan đảng"
    assert [c.symbol for c in meta.citations] == ["57-NQ/TW"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Quảng Trị, ngày O5 tháng 3 năm 2O24", ("Quảng Trị", "2024-03-05")),
        ("Hà Nội, ngày l5 tháng l0 năm 2024", ("Hà Nội", "2024-10-15")),
        ("HA NOI, NGAY 22 THANG 12 NAM 2024", ("HA NOI", "2024-12-22")),
        ("ngày 31 tháng 2 năm 2O24", (None, None)),  # still no invented date
        ("Hoà Bình, ngày 1 tháng lo năm 2024", (None, None)),  # "lo" holds no digit: not a number
    ],
)
def test_dates_with_digits_read_as_letters(line, expected):
    assert parse_date_line(line) == expected
