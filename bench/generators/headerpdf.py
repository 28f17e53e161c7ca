"""Official documents whose PDF header is laid out in two columns the way office exports print them (each
line placed by position, the date line level with the number, or wrapped so its year stands on the next
line), with a DOCX of the same document beside them: metadata read from both must agree.

The documents are drawn at random (a seed) from small lists of places, bodies, types and subjects."""

from __future__ import annotations

import random
from pathlib import Path

from bench.generators.docgen import OfficialDoc

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PLACES = ("Điện Biên Phủ", "Buôn Ma Thuột", "Phan Rang - Tháp Chàm", "Cao Lãnh", "Đông Hà", "Tuy Hòa", "Vị Thanh")
BODIES = ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN", "BAN TUYÊN GIÁO", "ỦY BAN KIỂM TRA", "BAN DÂN VẬN", "ĐẢNG ỦY QUÂN SỰ")
TYPES = (("NGHỊ QUYẾT", "NQ"), ("KẾ HOẠCH", "KH"), ("BÁO CÁO", "BC"), ("CHỈ THỊ", "CT"), ("THÔNG BÁO", "TB"))
SUBJECTS = (
    "về tăng cường công tác bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng",
    "tổng kết công tác kiểm tra, giám sát và thi hành kỷ luật đảng giai đoạn 2020-2025",
    "về việc số hóa tài liệu lưu trữ và lập hồ sơ điện tử tại các chi bộ trực thuộc",
    "triển khai học tập, quán triệt chủ nghĩa Mác-Lê-nin, tư tưởng Hồ Chí Minh năm 2026",
    "về phòng, chống dịch bệnh do vi-rút gây ra trong cán bộ, đảng viên",
)
BODY = (
    "Thực hiện chương trình công tác năm, Ban Thường vụ yêu cầu các cấp ủy, tổ chức đảng quán triệt và "
    "tổ chức thực hiện nghiêm túc các nội dung sau đây, báo cáo kết quả theo định kỳ.",
    "Giao Văn phòng chủ trì, phối hợp với các ban xây dựng Đảng theo dõi, đôn đốc và tổng hợp tình hình.",
)


def random_doc(rng: random.Random) -> tuple[OfficialDoc, dict]:
    place = rng.choice(PLACES)
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2016, 2026)
    type_word, code = rng.choice(TYPES)
    number = f"{rng.randint(1, 480)}-{code}/ĐU"
    body = rng.choice(BODIES)
    subject = rng.choice(SUBJECTS)
    doc = OfficialDoc(
        issuer=body,
        superior=f"ĐẢNG BỘ TỈNH {rng.choice(('ĐIỆN BIÊN', 'ĐẮK LẮK', 'NINH THUẬN', 'ĐỒNG THÁP', 'PHÚ YÊN'))}",
        number=f"Số {number}",
        place_date=f"{place}, ngày {day:02d} tháng {month:02d} năm {year}",
        summary=subject[0].upper() + subject[1:] if type_word == "BÁO CÁO" else subject,
        type_word=type_word,
        body=BODY,
        signature=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Hải"),
    )
    return doc, {"issued": f"{year}-{month:02d}-{day:02d}", "type": code, "number": number}


def write_two_column_pdf(doc: OfficialDoc, path: Path, *, variant: str, row: float = 5.5, gap: float = 8) -> Path:
    """`level`: the date line at the height of the number line; `wrapped`: a narrow right column, the date
    wrapped before its year; `low`: the date below the left column's last line; each drawn row by row as a
    table is exported, `row` millimetres apart."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Serif", "", str(FONT_DIR / "DejaVuSerif.ttf"))
    pdf.add_font("Serif", "B", str(FONT_DIR / "DejaVuSerif-Bold.ttf"))
    pdf.add_font("Serif", "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    left = [(doc.superior, ""), (doc.issuer, "B"), ("*", ""), (doc.number, "")]
    if variant == "level":
        right_x, right_w = 95.0, 100.0
        right = [(doc.party_line, "B"), ("", ""), ("", ""), (doc.place_date, "I")]
    elif variant == "low":  # the date under the left column's last line, just above the type word
        right_x, right_w = 95.0, 100.0
        left.append(("", ""))
        right = [(doc.party_line, "B"), ("", ""), ("", ""), ("", ""), (doc.place_date, "I")]
    else:
        right_x, right_w = 112.0, 83.0
        cut = doc.place_date.rsplit(" ", 1)
        right = [(doc.party_line, "B"), ("", ""), (cut[0], "I"), (cut[1], "I")]
    y = 15.0
    for (ltext, lstyle), (rtext, rstyle) in zip(left, right, strict=True):
        pdf.set_font("Serif", lstyle, 10.5)
        pdf.set_xy(20, y)
        pdf.cell(75, 5.5, ltext, align="C")
        if rtext:
            pdf.set_font("Serif", rstyle, 10.5)
            pdf.set_xy(right_x, y)
            pdf.cell(right_w, 5.5, rtext, align="C")
        y += row
    pdf.set_y(y + gap)
    pdf.set_font("Serif", "B", 13)
    pdf.cell(0, 7, doc.type_word, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Serif", "B", 11.5)
    pdf.set_x(30)
    pdf.multi_cell(150, 6, doc.summary, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Serif", "", 11)
    for text in doc.body:
        pdf.multi_cell(0, 5.8, text, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.ln(4)
    for text in doc.signature:
        pdf.set_x(110)
        pdf.set_font("Serif", "B", 11)
        pdf.cell(85, 6, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
