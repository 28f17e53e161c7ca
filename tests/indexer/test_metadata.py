"""Metadata extraction on its own: symbols, dates, marks, names, titles, signers, citations."""

import pytest

from indexer.reading.metadata import extract_metadata
from indexer.reading.metadata.dates import parse_date_line
from indexer.reading.metadata.names import issuer_name
from indexer.reading.metadata.symbols import find_symbols, type_from_symbol


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chỉ thị số 35-CT/TW ngày 26/5/2014", [("35-CT/TW", "35-ct/tw", "2014-05-26")]),
        ("Quy định 11-QĐi/TW và 11-QDI/TW", [("11-QĐi/TW", "11-qdi/tw", None), ("11-QDI/TW", "11-qdi/tw", None)]),
        (
            "Nghị định 30/2020/NĐ-CP; Luật 29/2018/QH14",
            [("30/2020/NĐ-CP", "30/2020/nd-cp", None), ("29/2018/QH14", "29/2018/qh14", None)],
        ),
        (
            "Quyết định số 123/QĐ-UBND, Công văn 45/UBND-VP",
            [("123/QĐ-UBND", "123/qd-ubnd", None), ("45/UBND-VP", "45/ubnd-vp", None)],
        ),
        ("Số 57 – NQ/TW", [("57-NQ/TW", "57-nq/tw", None)]),
        ("ngày 18-2-2019, 26/5/2014, COVID-19, Điều 5-Khoản 2, 100%, 2014-2019", []),
    ],
)
def test_find_symbols(text, expected):
    assert [(s.display, s.key, s.date) for s in find_symbols(text)] == expected


@pytest.mark.parametrize(
    ("symbol", "code"),
    [("57-NQ/TW", "NQ"), ("11-QĐi/TW", "QĐi"), ("12-CTr/TU", "CTr"), ("123/QĐ-UBND", "QĐ"), ("45/UBND-VP", "CV"),
     ("30/2020/NĐ-CP", "NĐ"), ("29/2018/QH14", None), ("2087-CV/VPTU", "CV")],
)  # fmt: skip
def test_type_from_symbol(symbol, code):
    assert type_from_symbol(symbol) == code


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hà Nội, ngày 22 tháng 12 năm 2024", ("Hà Nội", "2024-12-22")),
        ("Đông Hà, ngày 18-2-2019", ("Đông Hà", "2019-02-18")),
        ("ngày 05/01/2026", (None, "2026-01-05")),
        ("Quang Tri, July 31, 2025", ("Quang Tri", "2025-07-31")),
        ("Hanoi, 1 Sept. 2025", ("Hanoi", "2025-09-01")),
        ("HA NOI, NGAY 22 THANG 12 NAM 2024", ("HA NOI", "2024-12-22")),  # OCR capitals without diacritics
        ("Hà Nội, ngày 31 tháng 2 năm 2024", (None, None)),  # no such day: never invented
    ],
)
def test_parse_date_line(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("superior", "issuing", "of_body", "name"),
    [
        (None, "TỈNH ỦY QUẢNG TRỊ", None, "Tỉnh ủy Quảng Trị"),
        (None, "TỈNH UỶ QUẢNG TRỊ", None, "Tỉnh ủy Quảng Trị"),
        (None, "BAN CHẤP HÀNH TRUNG ƯƠNG", "CỦA BỘ CHÍNH TRỊ", "Bộ Chính trị"),
        (None, "BAN CHẤP HÀNH TRUNG ƯƠNG", "KẾT LUẬN CỦA BAN BÍ THƯ", "Ban Bí thư"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG", None, "Văn phòng Trung ương Đảng"),
        ("THÀNH ỦY HÀ NỘI", "BAN TUYÊN GIÁO", None, "Ban Tuyên giáo Thành ủy Hà Nội"),
        (None, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", None, "Đảng ủy Khối các cơ quan tỉnh"),
        (None, "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", None, "Ủy ban nhân dân tỉnh Quảng Trị"),
        (None, "QUANG TRI PROVINCIAL PARTY COMMITTEE", None, "Quang Tri Provincial Party Committee"),
        (None, "CENTRAL COMMITTEE", "OF THE POLITBURO", "Politburo"),
        (None, None, None, None),
    ],
)
def test_issuer_name(superior, issuing, of_body, name):
    assert issuer_name(superior, issuing, of_body) == name


SIDE_BY_SIDE = """\
TỈNH ỦY QUẢNG TRỊ                         ĐẢNG CỘNG SẢN VIỆT NAM
        *                        Quảng Trị, ngày 16 tháng 1 năm 2025
Số 205-KH/TU
TỐI MẬT - KHẨN

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024
của Bộ Chính trị về chuyển đổi số

Các cấp ủy bảo vệ bí mật nhà nước, khẩn trương triển khai Kế hoạch số 205-KH/TU và Chỉ thị 35-CT/TW.
Nơi nhận:                                       T/M BAN THƯỜNG VỤ
- Như trên,                                      PHÓ BÍ THƯ
- Lưu VPTU.                                   Lê Thị Thu Hà
"""


def test_side_by_side_header():
    meta = extract_metadata(SIDE_BY_SIDE, "vi")
    assert (meta.doc_number, meta.doc_type, meta.issuer) == ("205-KH/TU", "KH", "Tỉnh ủy Quảng Trị")
    assert (meta.place, meta.issued) == ("Quảng Trị", "2025-01-16")
    assert meta.title == "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về chuyển đổi số"
    assert (meta.classification, meta.urgency, meta.signer) == ("secret", "urgent", "Lê Thị Thu Hà")
    assert [(c.symbol, c.date) for c in meta.citations] == [("57-NQ/TW", "2024-12-22"), ("35-CT/TW", None)]


def test_prose_is_not_a_mark_and_unknown_stays_empty():
    meta = extract_metadata("Cán bộ phải giữ bí mật, tài liệu mật và khẩn trương báo cáo.\nMật thư gửi đồng chí.", "vi")
    assert meta.classification == "unclassified" and meta.urgency is None
    assert (meta.doc_number, meta.doc_type, meta.issuer, meta.issued, meta.title, meta.signer) == (None,) * 6


def test_dispatch_title_and_type():
    text = "VĂN PHÒNG TỈNH ỦY\n*\nSố 2087-CV/VPTU\nV/v chuẩn bị hội nghị\ntổng kết năm 2025\nKính gửi: Các ban đảng."
    meta = extract_metadata(text, "vi")
    assert (meta.doc_type, meta.title) == ("CV", "V/v chuẩn bị hội nghị tổng kết năm 2025")
