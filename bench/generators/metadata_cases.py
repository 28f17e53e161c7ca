"""First pages of invented Party and state documents, each with the metadata an extractor should find.

A case renders with ``WRITERS[case.fmt](case.doc, path, **case.writer_kwargs)`` (``bench.generators.docgen``); its
``expected`` gives every field of ``FIELDS``, written out by hand. Every name, number and sentence is
fictional test data; symbols of real documents appear only as citations, and an invented symbol that
matches a real one does so by chance.

Conventions for ``expected``:
- doc_number: the symbol as printed, without "Số", "Số:" or "No.", dashes (– — ‑) as "-", no spaces
  around "-" and "/"; None without a number.
- doc_type: from the type word above the summary, else from the symbol ("45/UBND-VP" → CV).
- issuer: the issuing body (not its superior), canonically cased; "Bộ Chính trị" / "Ban Bí thư" /
  "Politburo" / "Secretariat" from the centre's "CỦA ..." / "OF THE ..." line under the Central Committee;
  a bare unit ("VĂN PHÒNG") completed by its parent ("Văn phòng Tỉnh ủy Quảng Trị").
- place, issued (ISO date): from the date line only, None without one.
- title: the summary as printed, lines joined by one space ("V/v ..." kept for a công văn).
- classification / urgency: only from a mark printed by the number, never from the prose.
- signer: the last line of the signature block; citations: sorted distinct symbols cited in the body,
  normalised like doc_number, without the document's own symbol.
- recipients: the "Nơi nhận:" (Recipients:) entries, each without its dash and closing punctuation, joined
  by "; ", without the entries for the file copy ("Lưu VT", "Filed at …"); None without a block. Cases
  written before the field existed state it by this rule from their own block (``listed``); the cases in
  ``RECIPIENT_CASES`` state it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from bench.generators.docgen import OfficialDoc

FIELDS = (
    "doc_number",
    "doc_type",
    "issuer",
    "place",
    "issued",
    "title",
    "classification",
    "urgency",
    "language",
    "signer",
    "citations",
    "recipients",
)


def listed(entries: tuple[str, ...]) -> str | None:
    """The recipients field of a block written as ``entries`` (``OfficialDoc.recipients``), by the rule above."""
    kept = [" ".join(e.split()).lstrip("-–•+* ").rstrip(",;. ") for e in entries]
    kept = [e for e in kept if e and not e.startswith(("Lưu", "Filed"))]
    return "; ".join(kept) or None


def expected_value(case: MetadataCase, name: str):
    """What the case expects for a field; recipients by ``listed`` where the case does not say."""
    if name == "recipients" and name not in case.expected:
        return listed(case.doc.recipients)
    return case.expected[name]


@dataclass(frozen=True)
class MetadataCase:
    """One rendered document and the metadata expected from it."""

    name: str
    doc: OfficialDoc
    fmt: str  # "docx" | "pdf" | "text" | "html"
    expected: dict[str, object]
    writer_kwargs: dict[str, Any] = field(default_factory=dict)
    skip: tuple[str, ...] = ()  # fields not scored for this case


def _paras(text: str) -> tuple[str, ...]:
    """Split blank-line separated blocks into paragraphs, joining wrapped lines."""
    return tuple(" ".join(block.split()) for block in text.strip().split("\n\n"))


def _expect(
    *,
    doc_number: str | None,
    doc_type: str,
    issuer: str,
    place: str | None,
    issued: str | None,
    title: str,
    classification: str,
    urgency: str | None,
    language: str,
    signer: str | None,
    citations: list[str],
    **recipients: str | None,
) -> dict[str, object]:
    """The expected metadata; every field is required so that each case states all of them (recipients, a
    later field, is stated by the cases written with it and follows ``listed`` in the others)."""
    return {
        **recipients,
        "doc_number": doc_number,
        "doc_type": doc_type,
        "issuer": issuer,
        "place": place,
        "issued": issued,
        "title": title,
        "classification": classification,
        "urgency": urgency,
        "language": language,
        "signer": signer,
        "citations": citations,
    }


_TW = "BAN CHẤP HÀNH TRUNG ƯƠNG"
_TW_DANG = "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG"
_QT = "TỈNH ỦY QUẢNG TRỊ"
_DB_QT = "ĐẢNG BỘ TỈNH QUẢNG TRỊ"
_HN = "THÀNH ỦY HÀ NỘI"
_DB_HN = "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
_DN = "THÀNH ỦY ĐÀ NẴNG"
_DB_DN = "ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG"
_STATE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
_CPV = "COMMUNIST PARTY OF VIETNAM"
_CC = "CENTRAL COMMITTEE"
_QT_EN = "QUANG TRI PROVINCIAL PARTY COMMITTEE"
_LUU_VPTW = "- Lưu Văn phòng Trung ương Đảng."
_LUU_VPTU = "- Lưu Văn phòng Tỉnh ủy."
_LUU_VT = "- Lưu VT."
_PDF_SERIF = {"font_path": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"}

# ---------------------------------------------------------------------------------------------- DOCX

_DOCX = (
    MetadataCase(
        name="tw-nq-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            issuer=_TW,
            number="Số 62-NQ/TW",
            place_date="Hà Nội, ngày 05 tháng 01 năm 2026",
            type_word="NGHỊ QUYẾT",
            of_body="CỦA BỘ CHÍNH TRỊ",
            summary="về nâng cao chất lượng công tác tham mưu, phục vụ của văn phòng cấp ủy các cấp "
            "trong giai đoạn mới",
            body=_paras("""
I. TÌNH HÌNH

Sau hơn một năm thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, văn phòng cấp ủy
các cấp đã chuyển mạnh sang xử lý văn bản trên môi trường số; khoảng 92% văn bản đi của các cơ quan
đảng cấp tỉnh được ký số. Tuy vậy, chất lượng tham mưu ở một số nơi chưa theo kịp yêu cầu, việc theo
dõi thực hiện kết luận của cấp ủy còn làm thủ công.

II. MỤC TIÊU VÀ NHIỆM VỤ

Đến năm 2030, mỗi văn phòng cấp ủy cấp tỉnh có cơ sở dữ liệu nghị quyết, chỉ thị, kết luận được cập
nhật đầy đủ, tra cứu được theo số, ký hiệu và ngày ban hành. Các cấp ủy tiếp tục thực hiện nghiêm Quy
định số 189-QĐi/TW và Kết luận số 21-KL/TW của Bộ Chính trị.

III. TỔ CHỨC THỰC HIỆN

Văn phòng Trung ương Đảng chủ trì hướng dẫn thực hiện Nghị quyết số 62-NQ/TW; định kỳ hằng năm báo cáo
Bộ Chính trị. Các tỉnh ủy, thành ủy xây dựng kế hoạch thực hiện trong quý I năm 2026, gắn với việc sơ
kết Nghị quyết 57-NQ/TW.
"""),
            signature=("T/M BỘ CHÍNH TRỊ", "Trương Văn Đạt"),
            recipients=("- Các tỉnh ủy, thành ủy,", "- Các ban đảng, đảng ủy trực thuộc Trung ương,", _LUU_VPTW),
            title="Nghị quyết số 62-NQ/TW của Bộ Chính trị",
        ),
        expected=_expect(
            doc_number="62-NQ/TW",
            doc_type="NQ",
            issuer="Bộ Chính trị",
            place="Hà Nội",
            issued="2026-01-05",
            title="về nâng cao chất lượng công tác tham mưu, phục vụ của văn phòng cấp ủy các cấp trong giai đoạn mới",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Trương Văn Đạt",
            citations=["189-QĐi/TW", "21-KL/TW", "57-NQ/TW"],
        ),
    ),
    MetadataCase(
        name="tw-ct-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            issuer=_TW,
            number="Số 47-CT/TW",
            place_date="Hà Nội, ngày 3 tháng 3 năm 2025",
            type_word="CHỈ THỊ",
            of_body="CỦA BAN BÍ THƯ",
            summary="về tăng cường công tác bảo vệ bí mật nhà nước trong các cơ quan đảng",
            secrecy="MẬT",
            body=_paras("""
Thời gian qua, các cấp ủy, tổ chức đảng đã quan tâm lãnh đạo công tác bảo vệ bí mật nhà nước; việc thực
hiện Chỉ thị số 35-CT/TW ngày 26/5/2014 của Ban Bí thư có nhiều chuyển biến. Tuy nhiên, ở một số nơi vẫn
còn tình trạng soạn thảo, sao chụp, lưu giữ tài liệu mật trên máy tính có kết nối Internet.

Ban Bí thư yêu cầu các cấp ủy, tổ chức đảng quán triệt Luật Bảo vệ bí mật nhà nước số 29/2018/QH14 và
Luật số 117/2025/QH15; rà soát danh mục bí mật nhà nước thuộc lĩnh vực của mình, hoàn thành trước ngày
30/6/2025.

Văn phòng cấp ủy bố trí máy tính, mạng nội bộ độc lập dành riêng cho tài liệu mật; mọi lượt xem, sao,
in tài liệu được ghi nhật ký theo khoản 2, Điều 5 Quy chế số 08-QC/VPTW của Văn phòng Trung ương Đảng.

Ban Tổ chức Trung ương, Văn phòng Trung ương Đảng theo dõi, kiểm tra việc thực hiện Chỉ thị này cùng
với việc sơ kết Chỉ thị số 35-CT/TW; báo cáo Ban Bí thư trong tháng 12/2025.
"""),
            signature=("T/M BAN BÍ THƯ", "Lê Quang Vinh"),
            recipients=("- Các tỉnh ủy, thành ủy,", "- Các ban đảng, đảng ủy trực thuộc Trung ương,", _LUU_VPTW),
        ),
        expected=_expect(
            doc_number="47-CT/TW",
            doc_type="CT",
            issuer="Ban Bí thư",
            place="Hà Nội",
            issued="2025-03-03",
            title="về tăng cường công tác bảo vệ bí mật nhà nước trong các cơ quan đảng",
            classification="confidential",
            urgency=None,
            language="vi",
            signer="Lê Quang Vinh",
            citations=["08-QC/VPTW", "117/2025/QH15", "29/2018/QH14", "35-CT/TW"],
        ),
    ),
    MetadataCase(
        name="vptw-hd-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_TW_DANG,
            issuer="VĂN PHÒNG",
            number="Số 41-HD/VPTW",
            place_date="Hà Nội, ngày 17 tháng 9 năm 2024",
            type_word="HƯỚNG DẪN",
            summary="lập danh mục hồ sơ và nộp lưu tài liệu điện tử của các cơ quan đảng",
            # no mark: "bí mật nhà nước" and "khẩn trương" in the prose must not set one
            body=_paras("""
Căn cứ Quy định số 66-QĐ/TW ngày 06/2/2017 của Ban Chấp hành Trung ương và Hướng dẫn số 36-HD/VPTW
ngày 03/4/2018 của Văn phòng Trung ương Đảng, Văn phòng Trung ương Đảng hướng dẫn như sau:

1. Danh mục hồ sơ được lập vào đầu năm, ghi rõ tên hồ sơ, thời hạn bảo quản và người lập. Hồ sơ chứa
tài liệu thuộc bí mật nhà nước được lập riêng, đánh dấu độ mật theo quy định và không đưa vào hệ thống
có kết nối mạng.

2. Văn bản điện tử được nộp lưu kèm dữ liệu đặc tả: số, ký hiệu, ngày ban hành, cơ quan ban hành, trích
yếu. Tỉ lệ hồ sơ điện tử nộp lưu đúng hạn phải đạt ít nhất 80% vào cuối năm 2025.

3. Văn phòng các tỉnh ủy, thành ủy khẩn trương rà soát danh mục hồ sơ năm 2024, gửi Văn phòng Trung ương
Đảng trước ngày 15/11/2024. Hướng dẫn này thay thế mục 3 phần II Hướng dẫn số 36-HD/VPTW.
"""),
            signature=("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Đinh Thị Mai Phương"),
            recipients=("- Văn phòng các tỉnh ủy, thành ủy,", "- Các ban đảng Trung ương,", "- Lưu VT, Cục Lưu trữ."),
            title="Hướng dẫn số 41-HD/VPTW",
        ),
        expected=_expect(
            doc_number="41-HD/VPTW",
            doc_type="HD",
            issuer="Văn phòng Trung ương Đảng",
            place="Hà Nội",
            issued="2024-09-17",
            title="lập danh mục hồ sơ và nộp lưu tài liệu điện tử của các cơ quan đảng",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Đinh Thị Mai Phương",
            citations=["36-HD/VPTW", "66-QĐ/TW"],
        ),
    ),
    MetadataCase(
        name="tu-ctr-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_DB_QT,
            issuer=_QT,
            number="Số 38-CTr/TU",
            place_date="Quảng Trị, ngày 27 tháng 3 năm 2025",
            type_word="CHƯƠNG TRÌNH",
            summary="hành động của Ban Chấp hành Đảng bộ tỉnh thực hiện Kết luận số 133-KL/TW ngày 14/3/2025\n"
            "của Bộ Chính trị về cải cách hành chính và công tác văn thư, lưu trữ",
            body=_paras("""
I. MỤC ĐÍCH, YÊU CẦU

Cụ thể hóa Kết luận số 133-KL/TW của Bộ Chính trị sát với thực tiễn của tỉnh; gắn với việc thực hiện Kế
hoạch số 205-KH/TU ngày 16/1/2025 và Chỉ thị số 18-CT/TU ngày 20/2/2025 của Ban Thường vụ Tỉnh ủy.

II. NHIỆM VỤ TRỌNG TÂM

1. Chuẩn hóa thể thức văn bản của các cơ quan đảng tỉnh trong năm 2025; 100% văn bản đi có số, ký
hiệu, ngày tháng rõ ràng.

2. Hoàn thành chỉnh lý tài liệu tích đống tại 4 huyện ủy trước ngày 31/10/2025; số hóa hồ sơ nhiệm kỳ
2015–2020.

III. TỔ CHỨC THỰC HIỆN

Văn phòng Tỉnh ủy chủ trì theo dõi, đôn đốc; định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy kết quả
thực hiện Chương trình này.
"""),
            signature=("T/M TỈNH ỦY", "BÍ THƯ", "Hoàng Văn Sơn"),
            recipients=("- Văn phòng Trung ương Đảng,", "- Các đồng chí Tỉnh ủy viên,", _LUU_VPTU),
        ),
        expected=_expect(
            doc_number="38-CTr/TU",
            doc_type="CTr",
            issuer="Tỉnh ủy Quảng Trị",
            place="Quảng Trị",
            issued="2025-03-27",
            title="hành động của Ban Chấp hành Đảng bộ tỉnh thực hiện Kết luận số 133-KL/TW ngày 14/3/2025 "
            "của Bộ Chính trị về cải cách hành chính và công tác văn thư, lưu trữ",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Hoàng Văn Sơn",
            citations=["133-KL/TW", "18-CT/TU", "205-KH/TU"],
        ),
    ),
    MetadataCase(
        name="hn-kl-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_DB_HN,
            issuer=_HN,
            number="Số 115 - KL/TU",
            place_date="Hà Nội, ngày 14 tháng 6 năm 2024",
            type_word="KẾT LUẬN",
            of_body="CỦA BAN THƯỜNG VỤ THÀNH ỦY",
            summary="về công tác bảo vệ chính trị nội bộ 6 tháng đầu năm 2024",
            secrecy="TỐI MẬT",
            body=_paras("""
Tại phiên họp ngày 10/6/2024, sau khi nghe Ban Tổ chức Thành ủy báo cáo kết quả công tác bảo vệ chính
trị nội bộ 6 tháng đầu năm 2024, Ban Thường vụ Thành ủy kết luận:

1. Các cấp ủy đã thực hiện nghiêm Quy định số 58-QĐ/TW ngày 08/2/2022 của Bộ Chính trị; việc thẩm định
tiêu chuẩn chính trị được tiến hành chặt chẽ, đúng quy trình. Hồ sơ đảng viên ở 27 đảng bộ trực thuộc
được số hóa, đạt 95%.

2. Tiếp tục thực hiện Chỉ thị số 12-CT/TU của Ban Thường vụ Thành ủy về quản lý hồ sơ đảng viên; không
để thất lạc, hư hỏng hồ sơ.

3. Giao Ban Tổ chức Thành ủy chủ trì, phối hợp với Văn phòng Thành ủy theo dõi việc thực hiện Kết luận
số 115-KL/TU, báo cáo Ban Thường vụ Thành ủy vào tháng 12/2024.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Thị Hồng Vân"),
            recipients=("- Các đồng chí Ủy viên Ban Thường vụ Thành ủy,", "- Ban Tổ chức Thành ủy,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="115-KL/TU",
            doc_type="KL",
            issuer="Thành ủy Hà Nội",
            place="Hà Nội",
            issued="2024-06-14",
            title="về công tác bảo vệ chính trị nội bộ 6 tháng đầu năm 2024",
            classification="secret",
            urgency=None,
            language="vi",
            signer="Nguyễn Thị Hồng Vân",
            citations=["12-CT/TU", "58-QĐ/TW"],
        ),
    ),
    MetadataCase(
        name="dn-qc-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_DB_DN,
            issuer=_DN,
            number="Số 09-QC/TU",
            place_date="Đà Nẵng, ngày 22 tháng 11 năm 2023",
            type_word="QUY CHẾ",
            summary="làm việc của Ban Chấp hành Đảng bộ thành phố khóa XXII, nhiệm kỳ 2020–2025",
            # no mark: "bỏ phiếu kín" and "Tài liệu mật" in the prose must not set one
            body=_paras("""
Điều 1. Phạm vi điều chỉnh. Quy chế này quy định trách nhiệm, quyền hạn và chế độ làm việc của Ban Chấp
hành Đảng bộ thành phố, Ban Thường vụ Thành ủy, Thường trực Thành ủy, theo Quy định số 24-QĐ/TW ngày
30/7/2021 của Ban Chấp hành Trung ương.

Điều 2. Nguyên tắc làm việc. Ban Chấp hành làm việc theo nguyên tắc tập trung dân chủ; các nội dung về
nhân sự được quyết định bằng bỏ phiếu kín theo khoản 2 Điều 5 của Quy chế này.

Điều 3. Tài liệu hội nghị. Tài liệu mật phát tại hội nghị được đánh số, thu hồi ngay sau phiên họp; Văn
phòng Thành ủy chịu trách nhiệm quản lý, không sao chụp dưới bất kỳ hình thức nào.

Điều 4. Hiệu lực thi hành. Quy chế này thay thế Quy chế số 03-QC/TU ngày 18/11/2020 và có hiệu lực kể
từ ngày ký.
"""),
            signature=("T/M THÀNH ỦY", "BÍ THƯ", "Phạm Quốc Trung"),
            recipients=("- Văn phòng Trung ương Đảng,", "- Các đồng chí Thành ủy viên,", _LUU_VT),
            title="Quy chế làm việc khóa XXII",
        ),
        expected=_expect(
            doc_number="09-QC/TU",
            doc_type="QC",
            issuer="Thành ủy Đà Nẵng",
            place="Đà Nẵng",
            issued="2023-11-22",
            title="làm việc của Ban Chấp hành Đảng bộ thành phố khóa XXII, nhiệm kỳ 2020–2025",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Phạm Quốc Trung",
            citations=["03-QC/TU", "24-QĐ/TW"],
        ),
    ),
    MetadataCase(
        name="hu-bb-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_DB_QT,
            issuer="HUYỆN ỦY GIO LINH",
            number="Số 14-BB/HU",
            place_date="Gio Linh, ngày 28 tháng 3 năm 2025",
            type_word="BIÊN BẢN",
            summary="hội nghị Ban Thường vụ Huyện ủy tháng 3 năm 2025",
            body=_paras("""
Thời gian: 8 giờ 00, ngày 27/3/2025. Địa điểm: Hội trường Huyện ủy. Chủ trì: đồng chí Bí thư Huyện ủy.
Có mặt 11/13 đồng chí Ủy viên Ban Thường vụ; vắng 2 đồng chí có lý do.

Hội nghị nghe Văn phòng Huyện ủy báo cáo kết quả 3 tháng thực hiện Kế hoạch số 205-KH/TU ngày 16/1/2025
của Tỉnh ủy và Kế hoạch số 88-KH/HU của Ban Thường vụ Huyện ủy; tỉ lệ văn bản ký số đạt 76%.

Kết luận của đồng chí chủ trì: giao Văn phòng Huyện ủy hoàn thiện dự thảo báo cáo, gửi Văn phòng Tỉnh
ủy trước ngày 5/4/2025. Hội nghị kết thúc lúc 11 giờ 30 cùng ngày; biên bản đã được đọc lại và các đồng
chí dự họp nhất trí.
"""),
            signature=("CHỦ TRÌ HỘI NGHỊ", "BÍ THƯ HUYỆN ỦY", "Trần Văn Lâm"),
            recipients=("- Thường trực Huyện ủy,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="14-BB/HU",
            doc_type="BB",
            issuer="Huyện ủy Gio Linh",
            place="Gio Linh",
            issued="2025-03-28",
            title="hội nghị Ban Thường vụ Huyện ủy tháng 3 năm 2025",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Trần Văn Lâm",
            citations=["205-KH/TU", "88-KH/HU"],
        ),
    ),
    MetadataCase(
        name="ubnd-qd-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            issuer="ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
            party_line=_STATE,
            number="Số: 1245/QĐ-UBND",
            place_date="Quảng Trị, ngày 10 tháng 6 năm 2024",
            type_word="QUYẾT ĐỊNH",
            summary="Về việc ban hành Quy chế quản lý tài liệu điện tử tại cơ quan Văn phòng Ủy ban nhân dân tỉnh",
            body=_paras("""
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ

Căn cứ Luật Lưu trữ ngày 11 tháng 11 năm 2011; căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của
Chính phủ về công tác văn thư; căn cứ Thông tư số 10/2022/TT-BNV ngày 19/12/2022 của Bộ Nội vụ; theo đề
nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh,

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý tài liệu điện tử tại cơ quan Văn phòng Ủy ban
nhân dân tỉnh.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 872/QĐ-UBND ngày 15/4/2019
của Chủ tịch Ủy ban nhân dân tỉnh. Chánh Văn phòng Ủy ban nhân dân tỉnh và các tổ chức, cá nhân liên
quan chịu trách nhiệm thi hành Quyết định này.
"""),
            signature=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hồ Thị Thanh Bình"),
            recipients=("- Như Điều 2,", "- Chủ tịch, các Phó Chủ tịch UBND tỉnh,", "- Lưu: VT, HCTC."),
        ),
        expected=_expect(
            doc_number="1245/QĐ-UBND",
            doc_type="QĐ",
            issuer="Ủy ban nhân dân tỉnh Quảng Trị",
            place="Quảng Trị",
            issued="2024-06-10",
            title="Về việc ban hành Quy chế quản lý tài liệu điện tử tại cơ quan Văn phòng Ủy ban nhân dân tỉnh",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Hồ Thị Thanh Bình",
            citations=["10/2022/TT-BNV", "30/2020/NĐ-CP", "872/QĐ-UBND"],
        ),
    ),
    MetadataCase(
        name="tw-nq-docx-en-1",
        fmt="docx",
        doc=OfficialDoc(
            issuer=_CC,
            party_line=_CPV,
            number="No. 62-NQ/TW",
            place_date="Hanoi, January 5, 2026",
            type_word="RESOLUTION",
            of_body="OF THE POLITBURO",
            summary="on improving the quality of advisory and support work of Party committee offices at all "
            "levels in the new period",
            body=_paras("""
I. SITUATION

More than a year after the adoption of Resolution No. 57-NQ/TW dated 22/12/2024 of the Politburo, Party
committee offices at all levels have moved most of their document handling online; about 92% of the
outgoing documents of provincial Party agencies are digitally signed. Advisory work in some places,
however, has not kept pace, and the follow-up of committee conclusions is still done by hand.

II. OBJECTIVES AND TASKS

By 2030 every provincial Party committee office shall keep a database of resolutions, directives and
conclusions that can be searched by number, symbol and date of issue. Party committees continue to
implement Regulation No. 189-QĐi/TW and Conclusion No. 21-KL/TW strictly.

III. IMPLEMENTATION

The Central Party Office shall guide the implementation of Resolution No. 62-NQ/TW and report to the
Politburo every year.
"""),
            signature=("ON BEHALF OF THE POLITBURO", "Truong Van Dat"),
            recipients=("- Provincial and city Party committees,", "- Filed at the Central Party Office."),
            language="en",
            title="Resolution No. 62-NQ/TW (English translation)",
        ),
        expected=_expect(
            doc_number="62-NQ/TW",
            doc_type="NQ",
            issuer="Politburo",
            place="Hanoi",
            issued="2026-01-05",
            title="on improving the quality of advisory and support work of Party committee offices at all "
            "levels in the new period",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Truong Van Dat",
            citations=["189-QĐi/TW", "21-KL/TW", "57-NQ/TW"],
        ),
    ),
    MetadataCase(
        name="btctu-ttr-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_QT,
            issuer="BAN TỔ CHỨC",
            number="Số 152-TTr/BTCTU",
            place_date="Quảng Trị, ngày 9 tháng 9 năm 2024",
            type_word="TỜ TRÌNH",
            summary="về việc kiện toàn Ban Chỉ đạo chuyển đổi số của Tỉnh ủy",
            urgency="THƯỢNG KHẨN",
            body=_paras("""
Kính gửi: Ban Thường vụ Tỉnh ủy

Thực hiện Kế hoạch số 162-KH/TU ngày 12/3/2024 của Ban Thường vụ Tỉnh ủy, do thay đổi công tác của một
số đồng chí thành viên, Ban Tổ chức Tỉnh ủy kính trình Ban Thường vụ Tỉnh ủy xem xét kiện toàn Ban Chỉ
đạo chuyển đổi số của Tỉnh ủy gồm 15 đồng chí (có danh sách kèm theo).

Đề nghị Ban Thường vụ Tỉnh ủy cho ý kiến trước ngày 12/9/2024 để kịp triển khai các nhiệm vụ theo Quyết
định số 1870-QĐ/TU về quy chế làm việc của Ban Chỉ đạo.
"""),
            signature=("TRƯỞNG BAN", "Võ Thị Kim Oanh"),
            recipients=("- Như trên,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="152-TTr/BTCTU",
            doc_type="TTr",
            issuer="Ban Tổ chức Tỉnh ủy Quảng Trị",
            place="Quảng Trị",
            issued="2024-09-09",
            title="về việc kiện toàn Ban Chỉ đạo chuyển đổi số của Tỉnh ủy",
            classification="unclassified",
            urgency="very_urgent",
            language="vi",
            signer="Võ Thị Kim Oanh",
            citations=["162-KH/TU", "1870-QĐ/TU"],
        ),
    ),
    MetadataCase(
        name="hn-bc-docx-en-1",
        fmt="docx",
        doc=OfficialDoc(
            issuer="HANOI PARTY COMMITTEE",
            party_line=_CPV,
            number="No. 389-BC/TU",
            place_date="Hanoi, 31 July 2025",
            type_word="REPORT",
            summary="on the results of digitising the archives of the Hanoi Party Organisation "
            "in the first half of 2025",
            secrecy="SECRET",
            body=_paras("""
In the first six months of 2025 the Standing Board of the City Party Committee directed the
digitisation of 18,400 files kept in the archives of Party agencies, in line with Plan No. 311-KH/TU
dated 9/1/2025. About 64% of the files of the 2015–2020 term have been scanned and checked.

Records containing state secrets were digitised on stand-alone computers only; no disclosure was
recorded. Text recognition of documents typed before 2001 remains weak and has to be corrected by hand.

In the second half of the year the City Party Committee Office will finish the files of the 2020–2025
term and report to the Standing Board under Conclusion No. 115-KL/TU.
"""),
            signature=("ON BEHALF OF THE STANDING BOARD", "DEPUTY SECRETARY", "Nguyen Thi Hong Van"),
            recipients=("- Central Party Office,", "- Filed at the City Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="389-BC/TU",
            doc_type="BC",
            issuer="Hanoi Party Committee",
            place="Hanoi",
            issued="2025-07-31",
            title="on the results of digitising the archives of the Hanoi Party Organisation in the first half of 2025",
            classification="secret",
            urgency=None,
            language="en",
            signer="Nguyen Thi Hong Van",
            citations=["115-KL/TU", "311-KH/TU"],
        ),
    ),
    MetadataCase(
        name="btctw-cv-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_TW,
            issuer="BAN TỔ CHỨC",
            number="Số 8127-CV/BTCTW",
            place_date="Hà Nội, ngày 21 tháng 10 năm 2024",
            summary="V/v báo cáo số liệu đội ngũ cán bộ văn phòng cấp ủy",
            secrecy="MẬT",
            urgency="HỎA TỐC",
            body=_paras("""
Kính gửi: Các tỉnh ủy, thành ủy trực thuộc Trung ương

Để chuẩn bị sơ kết việc thực hiện Quy định số 105-QĐ/TW ngày 19/12/2017 của Bộ Chính trị, Ban Tổ chức
Trung ương đề nghị các tỉnh ủy, thành ủy báo cáo số lượng, cơ cấu, trình độ của đội ngũ cán bộ văn
phòng cấp ủy tính đến ngày 30/9/2024 theo biểu mẫu gửi kèm.

Báo cáo gửi bằng đường bưu chính theo chế độ tài liệu mật, không gửi qua mạng, trước ngày 25/10/2024.
Ban Tổ chức Trung ương đề nghị các đồng chí quan tâm, chỉ đạo thực hiện.
"""),
            signature=("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Mai Đức Hạnh"),
            recipients=("- Như trên,", "- Lưu VT, Vụ Tổ chức - Cán bộ."),
        ),
        expected=_expect(
            doc_number="8127-CV/BTCTW",
            doc_type="CV",
            issuer="Ban Tổ chức Trung ương",
            place="Hà Nội",
            issued="2024-10-21",
            title="V/v báo cáo số liệu đội ngũ cán bộ văn phòng cấp ủy",
            classification="confidential",
            urgency="flash",
            language="vi",
            signer="Mai Đức Hạnh",
            citations=["105-QĐ/TW"],
        ),
    ),
    MetadataCase(
        name="tw-qdi-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            issuer=_TW,
            number="Số 214-QĐi/TW",
            place_date="Hà Nội, ngày 18 tháng 2 năm 2025",
            type_word="QUY ĐỊNH",
            of_body="CỦA BỘ CHÍNH TRỊ",
            summary="về chế độ lập hồ sơ, nộp lưu và tiêu hủy tài liệu trong các cơ quan của Đảng",
            # no mark: "tuyệt mật, tối mật" in the prose must not set one
            body=_paras("""
Căn cứ Điều lệ Đảng; căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư khóa
XIII; xét đề nghị của Văn phòng Trung ương Đảng, Bộ Chính trị quy định như sau:

Điều 1. Mọi văn bản, tài liệu hình thành trong hoạt động của cơ quan đảng phải được lập hồ sơ. Hồ sơ có
tài liệu tuyệt mật, tối mật được lập riêng, bảo quản trong kho có chế độ bảo vệ đặc biệt.

Điều 2. Việc tiêu hủy tài liệu hết giá trị chỉ được thực hiện sau khi có quyết định của người đứng đầu
cơ quan và được lập biên bản; hồ sơ bảo quản vĩnh viễn không được tiêu hủy.

Điều 3. Quy định này thay thế Quy định số 270-QĐ/TW ngày 6/12/2014 và có hiệu lực kể từ ngày ký. Văn
phòng Trung ương Đảng hướng dẫn thực hiện Quy định số 214-QĐi/TW.
"""),
            signature=("T/M BỘ CHÍNH TRỊ", "Phan Thanh Tùng"),
            recipients=("- Các tỉnh ủy, thành ủy,", "- Các ban đảng, đảng ủy trực thuộc Trung ương,", _LUU_VPTW),
        ),
        expected=_expect(
            doc_number="214-QĐi/TW",
            doc_type="QĐi",
            issuer="Bộ Chính trị",
            place="Hà Nội",
            issued="2025-02-18",
            title="về chế độ lập hồ sơ, nộp lưu và tiêu hủy tài liệu trong các cơ quan của Đảng",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Phan Thanh Tùng",
            citations=["270-QĐ/TW"],
        ),
    ),
    MetadataCase(
        name="hu-nq-docx-1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_DB_HN,
            issuer="HUYỆN ỦY ĐÔNG ANH",
            number="Số 27-NQ/HU",
            place_date="Đông Anh, ngày 12 tháng 4 năm 2025",
            type_word="NGHỊ QUYẾT",
            of_body="CỦA BAN THƯỜNG VỤ HUYỆN ỦY",
            summary="về đẩy mạnh chuyển đổi số trong các cơ quan đảng, đoàn thể của huyện đến năm 2025",
            body=_paras("""
Thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị và Chương trình số 09-CTr/TU ngày 2/12/2024 của Thành ủy
Hà Nội, Ban Thường vụ Huyện ủy quyết nghị:

1. Đến hết năm 2025, 100% cơ quan đảng, đoàn thể của huyện gửi, nhận văn bản điện tử; 90% hồ sơ công
việc được xử lý trên môi trường mạng.

2. Văn phòng Huyện ủy chủ trì số hóa tài liệu lưu trữ giai đoạn 2010–2020; phối hợp với Ủy ban nhân dân
huyện bố trí kinh phí theo Quyết định số 2210/QĐ-UBND của Ủy ban nhân dân thành phố.

3. Các chi bộ, đảng bộ trực thuộc quán triệt Nghị quyết này đến đảng viên trong tháng 4/2025.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Đặng Văn Quý"),
            recipients=("- Ban Thường vụ Thành ủy (để b/c),", "- Các chi bộ, đảng bộ trực thuộc,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="27-NQ/HU",
            doc_type="NQ",
            issuer="Huyện ủy Đông Anh",
            place="Đông Anh",
            issued="2025-04-12",
            title="về đẩy mạnh chuyển đổi số trong các cơ quan đảng, đoàn thể của huyện đến năm 2025",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Đặng Văn Quý",
            citations=["09-CTr/TU", "2210/QĐ-UBND", "57-NQ/TW"],
        ),
    ),
)

# ----------------------------------------------------------------------------------------------- PDF

_PDF = (
    MetadataCase(
        name="tw-kl-pdf-1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer=_TW,
            number="Số 21–KL/TW",
            place_date="Hà Nội, ngày 8 tháng 10 năm 2024",
            type_word="KẾT LUẬN",
            of_body="CỦA BỘ CHÍNH TRỊ",
            summary="về tiếp tục đổi mới công tác văn phòng cấp ủy các cấp",
            body=_paras("""
Tại phiên họp ngày 2/10/2024, sau khi nghe Văn phòng Trung ương Đảng báo cáo tổng kết 10 năm thực hiện
Kết luận số 87-KL/TW ngày 18-2-2014 của Ban Bí thư về công tác văn phòng cấp ủy, Bộ Chính trị kết luận:

1. Văn phòng cấp ủy các cấp đã làm tốt chức năng tham mưu, phục vụ; nhiều nơi ứng dụng phần mềm quản
lý văn bản, tỉ lệ văn bản điện tử đạt trên 70%. Hạn chế là việc theo dõi, đôn đốc thực hiện kết luận
của cấp ủy còn chậm, thiếu cơ sở dữ liệu dùng chung.

2. Giao Văn phòng Trung ương Đảng xây dựng đề án cơ sở dữ liệu văn bản của Đảng, trình Bộ Chính trị
trong năm 2025; sửa đổi Hướng dẫn số 36-HD/VPTW cho phù hợp.

3. Các tỉnh ủy, thành ủy phổ biến Kết luận số 21-KL/TW đến chi bộ và báo cáo kết quả thực hiện vào
tháng 12 hằng năm.
"""),
            signature=("T/M BỘ CHÍNH TRỊ", "Phan Thanh Tùng"),
            recipients=("- Các tỉnh ủy, thành ủy,", "- Các ban đảng, đảng ủy trực thuộc Trung ương,", _LUU_VPTW),
            title="Kết luận số 21-KL/TW của Bộ Chính trị",
        ),
        expected=_expect(
            doc_number="21-KL/TW",
            doc_type="KL",
            issuer="Bộ Chính trị",
            place="Hà Nội",
            issued="2024-10-08",
            title="về tiếp tục đổi mới công tác văn phòng cấp ủy các cấp",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Phan Thanh Tùng",
            citations=["36-HD/VPTW", "87-KL/TW"],
        ),
    ),
    MetadataCase(
        name="tw-tb-pdf-1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer=_TW,
            number="Số 204-TB/TW",
            place_date="Hà Nội, ngày 29 tháng 11 năm 2024",
            type_word="THÔNG BÁO",
            of_body="KẾT LUẬN CỦA BAN BÍ THƯ",
            summary="về việc bảo quản tài liệu lưu trữ đặc biệt quý hiếm của Đảng",
            secrecy="TUYỆT MẬT",
            body=_paras("""
Ngày 26/11/2024, Ban Bí thư nghe Văn phòng Trung ương Đảng báo cáo tình trạng bảo quản tài liệu lưu trữ
đặc biệt quý hiếm của Đảng. Ban Bí thư kết luận:

1. Giao Văn phòng Trung ương Đảng lập danh mục tài liệu quý hiếm, hoàn thành trước ngày 30/6/2025; tài
liệu có độ mật được quản lý theo Luật Bảo vệ bí mật nhà nước số 29/2018/QH14.

2. Việc sao chụp, số hóa các tài liệu này chỉ thực hiện tại kho lưu trữ, trên thiết bị không kết nối
mạng, theo Kết luận số 21–KL/TW ngày 8/10/2024 của Bộ Chính trị.

3. Văn phòng Trung ương Đảng theo dõi, báo cáo Ban Bí thư kết quả thực hiện Thông báo này.
"""),
            signature=("T/L BAN BÍ THƯ", "CHÁNH VĂN PHÒNG", "Lương Thị Ngọc Hà"),
            recipients=("- Văn phòng Trung ương Đảng,", "- Lưu VT (bản số 1)."),
        ),
        expected=_expect(
            doc_number="204-TB/TW",
            doc_type="TB",
            issuer="Ban Bí thư",
            place="Hà Nội",
            issued="2024-11-29",
            title="về việc bảo quản tài liệu lưu trữ đặc biệt quý hiếm của Đảng",
            classification="top_secret",
            urgency=None,
            language="vi",
            signer="Lương Thị Ngọc Hà",
            citations=["21-KL/TW", "29/2018/QH14"],
        ),
        writer_kwargs=dict(_PDF_SERIF),
    ),
    MetadataCase(
        name="btgtu-hd-pdf-1",
        fmt="pdf",
        doc=OfficialDoc(
            superior=_HN,
            issuer="BAN TUYÊN GIÁO",
            number="Số 47-HD / BTGTU",
            place_date="Hà Nội, ngày 20 tháng 5 năm 2024",
            type_word="HƯỚNG DẪN",
            summary="tuyên truyền kết quả chuyển đổi số trong các cơ quan đảng của thành phố năm 2024",
            # no mark: "bí mật nhà nước" in the prose must not set one
            body=_paras("""
Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị và Chỉ thị số 12-CT/TU của Ban Thường
vụ Thành ủy, Ban Tuyên giáo Thành ủy hướng dẫn công tác tuyên truyền năm 2024 như sau:

1. Nội dung: kết quả ứng dụng công nghệ thông tin, dịch vụ công trực tuyến; gương điển hình trong thực
hiện chuyển đổi số ở cơ sở. Không đưa tin về nội dung thuộc bí mật nhà nước và thông tin nội bộ chưa
được phép công bố.

2. Hình thức: trên báo, đài, trang thông tin điện tử của các cơ quan đảng; sinh hoạt chi bộ định kỳ.
Các đơn vị báo cáo kết quả về Ban Tuyên giáo Thành ủy trước ngày 15/12/2024.
"""),
            signature=("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Bùi Thanh Hải"),
            recipients=("- Các đảng bộ trực thuộc Thành ủy,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="47-HD/BTGTU",
            doc_type="HD",
            issuer="Ban Tuyên giáo Thành ủy Hà Nội",
            place="Hà Nội",
            issued="2024-05-20",
            title="tuyên truyền kết quả chuyển đổi số trong các cơ quan đảng của thành phố năm 2024",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Bùi Thanh Hải",
            citations=["12-CT/TU", "52-NQ/TW"],
        ),
    ),
    MetadataCase(
        name="ubkttu-qd-pdf-1",
        fmt="pdf",
        doc=OfficialDoc(
            superior=_QT,
            issuer="ỦY BAN KIỂM TRA",
            number="Số 312-QĐ/UBKTTU",
            place_date="Quảng Trị, ngày 16 tháng 5 năm 2025",
            type_word="QUYẾT ĐỊNH",
            summary="về việc thành lập Đoàn giám sát chuyên đề năm 2025",
            secrecy="MẬT",
            body=_paras("""
ỦY BAN KIỂM TRA TỈNH ỦY

Căn cứ Điều lệ Đảng; căn cứ Quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành Trung ương; căn cứ
Chương trình số 02-CTr/UBKTTU ngày 10/01/2025 về công tác kiểm tra, giám sát năm 2025,

QUYẾT ĐỊNH:

Điều 1. Thành lập Đoàn giám sát chuyên đề việc thực hiện Quy định số 06-QĐi/TU ngày 8/5/2025 về lập hồ
sơ, nộp lưu tài liệu điện tử tại 5 đảng ủy trực thuộc Tỉnh ủy; thời gian giám sát 30 ngày kể từ ngày
công bố quyết định.

Điều 2. Đoàn giám sát gồm 5 đồng chí (có danh sách kèm theo); Trưởng đoàn chịu trách nhiệm báo cáo kết
quả với Ủy ban Kiểm tra Tỉnh ủy.
"""),
            signature=("T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM", "Lê Minh Tuấn"),
            recipients=("- Thường trực Tỉnh ủy (để b/c),", "- Như Điều 1,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="312-QĐ/UBKTTU",
            doc_type="QĐ",
            issuer="Ủy ban Kiểm tra Tỉnh ủy Quảng Trị",
            place="Quảng Trị",
            issued="2025-05-16",
            title="về việc thành lập Đoàn giám sát chuyên đề năm 2025",
            classification="confidential",
            urgency=None,
            language="vi",
            signer="Lê Minh Tuấn",
            citations=["02-CTr/UBKTTU", "06-QĐi/TU", "22-QĐ/TW"],
        ),
    ),
    MetadataCase(
        name="tw-ct-pdf-en-1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer=_CC,
            party_line=_CPV,
            number="No. 47-CT/TW",
            place_date="Hanoi, March 3, 2025",
            type_word="DIRECTIVE",
            of_body="OF THE SECRETARIAT",
            summary="on strengthening the protection of state secrets in Party agencies",
            secrecy="CONFIDENTIAL",
            body=_paras("""
Party committees and organisations have paid attention to the protection of state secrets, and the
implementation of Directive No. 35-CT/TW dated 26/5/2014 of the Secretariat has improved. In some
places, however, classified documents are still drafted, copied or stored on computers connected to
the Internet.

The Secretariat requests Party committees to study the Law on Protection of State Secrets No.
29/2018/QH14 and Law No. 117/2025/QH15, and to review their lists of state secrets before 30/6/2025.
Every view, copy or print of a classified document shall be logged in accordance with clause 2,
Article 5 of Rules No. 08-QC/VPTW.

The Central Organisation Commission and the Central Party Office shall monitor the implementation of
this Directive together with the review of Directive No. 35-CT/TW.
"""),
            signature=("ON BEHALF OF THE SECRETARIAT", "Le Quang Vinh"),
            recipients=("- Provincial and city Party committees,", "- Filed at the Central Party Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="47-CT/TW",
            doc_type="CT",
            issuer="Secretariat",
            place="Hanoi",
            issued="2025-03-03",
            title="on strengthening the protection of state secrets in Party agencies",
            classification="confidential",
            urgency=None,
            language="en",
            signer="Le Quang Vinh",
            citations=["08-QC/VPTW", "117/2025/QH15", "29/2018/QH14", "35-CT/TW"],
        ),
    ),
    MetadataCase(
        name="dn-kh-pdf-1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer=_DN,
            number="Số 176-KH/TU",
            place_date="Đà Nẵng, ngày 18/2/2021",
            type_word="KẾ HOẠCH",
            summary="triển khai phần mềm quản lý văn bản và hồ sơ công việc trong các cơ quan đảng thành phố",
            # no mark: "khẩn trương" and "nội dung mật" in the prose must not set one
            body=_paras("""
I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm hoạt động của các cơ quan đảng thành phố không bị gián đoạn trong bối cảnh dịch COVID-19; phấn
đấu 85% văn bản được gửi, nhận trên môi trường mạng trong năm 2021, thực hiện Kết luận số 87-KL/TW ngày
18-2-2014 của Ban Bí thư.

II. NHIỆM VỤ

Văn phòng Thành ủy khẩn trương hoàn thành cài đặt phần mềm tại 100% cơ quan tham mưu, giúp việc Thành
ủy trong quý I năm 2021; tổ chức tập huấn cho văn thư các đảng bộ trực thuộc. Văn bản có nội dung mật
không xử lý trên phần mềm.

III. TỔ CHỨC THỰC HIỆN

Các cơ quan, đơn vị căn cứ Kế hoạch số 176-KH/TU xây dựng kế hoạch của đơn vị mình, báo cáo kết quả
trước ngày 30/6/2021.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lương Văn Khải"),
            recipients=("- Các đảng bộ trực thuộc,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="176-KH/TU",
            doc_type="KH",
            issuer="Thành ủy Đà Nẵng",
            place="Đà Nẵng",
            issued="2021-02-18",
            title="triển khai phần mềm quản lý văn bản và hồ sơ công việc trong các cơ quan đảng thành phố",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Lương Văn Khải",
            citations=["87-KL/TW"],
        ),
    ),
    MetadataCase(
        name="hu-bb-pdf-en-1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer="GIO LINH DISTRICT PARTY COMMITTEE",
            party_line=_CPV,
            number="No. 22-BB/HU",
            place_date="",  # no date line
            type_word="MINUTES",
            summary="Meeting of the Standing Board of the District Party Committee on records digitisation",
            # no mark: "marked secret" in the prose must not set one
            body=_paras("""
Time: 14:00 on 24/6/2025. Venue: meeting hall of the District Party Committee. Chair: the Secretary of
the District Party Committee. Present: 12 of 13 members of the Standing Board.

The District Party Committee Office reported that 81% of the files of the 2020–2025 term have been
scanned under Plan No. 88-KH/HU. Records marked secret were scanned on a stand-alone computer only.

The chair concluded that the remaining files must be finished before 31/7/2025, in line with Plan No.
205-KH/TU of the Provincial Party Committee. The minutes were read out and approved by all participants.
"""),
            signature=("CHAIR OF THE MEETING", "Tran Van Lam"),
            recipients=("- Standing Board of the District Party Committee,", "- Filed at the office."),
            language="en",
        ),
        expected=_expect(
            doc_number="22-BB/HU",
            doc_type="BB",
            issuer="Gio Linh District Party Committee",
            place=None,
            issued=None,
            title="Meeting of the Standing Board of the District Party Committee on records digitisation",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Tran Van Lam",
            citations=["205-KH/TU", "88-KH/HU"],
        ),
    ),
    MetadataCase(
        name="cp-nd-pdf-1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer="CHÍNH PHỦ",
            party_line=_STATE,
            number="Số: 87/2025/NĐ-CP",
            place_date="Hà Nội, ngày 30 tháng 6 năm 2025",
            type_word="NGHỊ ĐỊNH",
            summary="Quy định chi tiết một số điều về số hóa và quản lý tài liệu lưu trữ điện tử",
            # no mark: "bí mật nhà nước" in the prose must not set one
            body=_paras("""
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; căn cứ Luật Lưu trữ số 33/2024/QH15; theo đề
nghị của Bộ trưởng Bộ Nội vụ; Chính phủ ban hành Nghị định quy định chi tiết một số điều về số hóa và
quản lý tài liệu lưu trữ điện tử.

Điều 1. Phạm vi điều chỉnh. Nghị định này quy định việc số hóa tài liệu lưu trữ giấy, định dạng tài
liệu lưu trữ điện tử và dữ liệu đặc tả đi kèm; không áp dụng đối với tài liệu có nội dung bí mật nhà
nước.

Điều 2. Hiệu lực thi hành. Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2025 và thay thế các quy
định về văn bản điện tử tại Nghị định số 30/2020/NĐ-CP.
"""),
            signature=("TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Hà Minh Châu"),
            recipients=("- Ban Bí thư Trung ương Đảng,", "- Các bộ, cơ quan ngang bộ,", "- Lưu: VT, KSTT."),
        ),
        expected=_expect(
            doc_number="87/2025/NĐ-CP",
            doc_type="NĐ",
            issuer="Chính phủ",
            place="Hà Nội",
            issued="2025-06-30",
            title="Quy định chi tiết một số điều về số hóa và quản lý tài liệu lưu trữ điện tử",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Hà Minh Châu",
            citations=["30/2020/NĐ-CP", "33/2024/QH15"],
        ),
    ),
    MetadataCase(
        name="vptw-cv-pdf-en-1",
        fmt="pdf",
        doc=OfficialDoc(
            superior=_CC,
            issuer="CENTRAL PARTY OFFICE",
            party_line=_CPV,
            number="No. 2291-CV/VPTW",
            place_date="Hanoi, 14 May 2025",
            summary="Re: reporting on the digitisation of Party archives",
            urgency="URGENT",
            body=_paras("""
To: Offices of provincial and city Party committees

Pursuant to Conclusion No. 133-KL/TW dated 14/3/2025 of the Politburo, the Central Party Office requests
the offices of provincial and city Party committees to report on the digitisation of their archives as
of 30/4/2025, using the attached form.

Reports shall be sent through the Party's internal network before 31/5/2025. Records containing state
secrets shall not be attached; only their number and level of classification shall be listed.
"""),
            signature=("FOR THE CHIEF OF OFFICE", "DEPUTY CHIEF", "Vu Thi Lan Anh"),
            recipients=("- As above,", "- Filed at the Central Party Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="2291-CV/VPTW",
            doc_type="CV",
            issuer="Central Party Office",
            place="Hanoi",
            issued="2025-05-14",
            title="Re: reporting on the digitisation of Party archives",
            classification="unclassified",
            urgency="urgent",
            language="en",
            signer="Vu Thi Lan Anh",
            citations=["133-KL/TW"],
        ),
    ),
    MetadataCase(
        name="tu-pa-pdf-1",
        fmt="pdf",
        doc=OfficialDoc(
            superior=_DB_QT,
            issuer=_QT,
            number="Số 07-PA/TU",
            place_date="Quảng Trị, ngày 02 tháng 9 năm 2024",
            type_word="PHƯƠNG ÁN",
            summary="bảo đảm an toàn kho lưu trữ của các cơ quan đảng tỉnh trong mùa mưa bão năm 2024",
            urgency="KHẨN",
            body=_paras("""
1. Các cơ quan có kho lưu trữ ở vùng trũng di chuyển tài liệu lên tầng cao trước ngày 15/9/2024; ưu
tiên hồ sơ bảo quản vĩnh viễn, nghị quyết, chỉ thị, kết luận của cấp ủy.

2. Văn phòng Tỉnh ủy chuẩn bị sẵn phương tiện, vật tư chống ẩm; phối hợp với Ban Chỉ huy phòng chống
thiên tai tỉnh theo Quyết định số 1902/QĐ-UBND ngày 20/8/2024 của Ủy ban nhân dân tỉnh.

3. Khi có thiệt hại, các đơn vị báo cáo ngay về Văn phòng Tỉnh ủy để tổng hợp, báo cáo Thường trực Tỉnh
ủy.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Thị Thu Hà"),
            recipients=("- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,", _LUU_VPTU),
        ),
        expected=_expect(
            doc_number="07-PA/TU",
            doc_type="PA",
            issuer="Tỉnh ủy Quảng Trị",
            place="Quảng Trị",
            issued="2024-09-02",
            title="bảo đảm an toàn kho lưu trữ của các cơ quan đảng tỉnh trong mùa mưa bão năm 2024",
            classification="unclassified",
            urgency="urgent",
            language="vi",
            signer="Lê Thị Thu Hà",
            citations=["1902/QĐ-UBND"],
        ),
    ),
    MetadataCase(
        name="dn-kl-pdf-en-1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer="DA NANG CITY PARTY COMMITTEE",
            party_line=_CPV,
            number="No. 116—KL/TU",
            place_date="Da Nang, 14 June 2024",
            type_word="CONCLUSION",
            of_body="OF THE STANDING BOARD OF THE CITY PARTY COMMITTEE",
            summary="on records management and archives work in 2023",
            body=_paras("""
At its meeting on 10/6/2024, having heard the report of the City Party Committee Office, the Standing
Board concluded as follows.

1. Records management in the Party agencies of the city improved in 2023: 96% of outgoing documents
were issued electronically, and the files of the 2010–2015 term were fully arranged. Some district
Party committees, however, still keep unsorted records.

2. The City Party Committee Office shall complete the arrangement of the remaining records by the end
of 2024 and continue to apply Rules No. 09-QC/TU and Plan No. 176-KH/TU. The Standing Board will review
the implementation of Conclusion No. 116-KL/TU at the end of the year.
"""),
            signature=("ON BEHALF OF THE STANDING BOARD", "DEPUTY SECRETARY", "Luong Van Khai"),
            recipients=("- Central Party Office,", "- Filed at the City Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="116-KL/TU",
            doc_type="KL",
            issuer="Da Nang City Party Committee",
            place="Da Nang",
            issued="2024-06-14",
            title="on records management and archives work in 2023",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Luong Van Khai",
            citations=["09-QC/TU", "176-KH/TU"],
        ),
        writer_kwargs=dict(_PDF_SERIF),
    ),
    MetadataCase(
        name="vptw-da-pdf-1",
        fmt="pdf",
        doc=OfficialDoc(
            superior=_TW,
            issuer="VĂN PHÒNG",
            number="Số 05-ĐA/VPTW",
            place_date="Hà Nội, ngày 20 tháng 12 năm 2024",
            type_word="ĐỀ ÁN",
            summary="xây dựng cơ sở dữ liệu văn bản của Đảng\ngiai đoạn 2025–2030, tầm nhìn đến năm 2035",
            body=_paras("""
I. SỰ CẦN THIẾT

Thực hiện Kết luận số 21-KL/TW ngày 8/10/2024 của Bộ Chính trị, việc xây dựng cơ sở dữ liệu văn bản
thống nhất của Đảng là yêu cầu cấp thiết. Hiện nay dữ liệu văn bản còn phân tán ở 63 tỉnh ủy, thành ủy
và các cơ quan Trung ương; nhiều tài liệu trước năm 2001 chỉ có bản giấy.

II. MỤC TIÊU

Đến năm 2030, 100% nghị quyết, chỉ thị, kết luận, quy định của Trung ương và cấp tỉnh được số hóa, tra
cứu được theo số, ký hiệu; dữ liệu mật được lưu trên mạng nội bộ độc lập.

III. KINH PHÍ

Kinh phí thực hiện Đề án được bố trí theo Nghị quyết số 57-NQ/TW của Bộ Chính trị và các quy định hiện
hành.
"""),
            signature=("CHÁNH VĂN PHÒNG", "Nguyễn Hữu Thành"),
            recipients=("- Bộ Chính trị (để b/c),", _LUU_VPTW),
        ),
        expected=_expect(
            doc_number="05-ĐA/VPTW",
            doc_type="ĐA",
            issuer="Văn phòng Trung ương Đảng",
            place="Hà Nội",
            issued="2024-12-20",
            title="xây dựng cơ sở dữ liệu văn bản của Đảng giai đoạn 2025–2030, tầm nhìn đến năm 2035",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Nguyễn Hữu Thành",
            citations=["21-KL/TW", "57-NQ/TW"],
        ),
    ),
    MetadataCase(
        name="tu-tb-pdf-en-1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer=_QT_EN,
            party_line=_CPV,
            number="No. 611-TB/TU",
            place_date="Quang Tri, 9 October 2024",
            type_word="ANNOUNCEMENT",
            of_body="CONCLUSIONS OF THE PROVINCIAL PARTY STANDING COMMITTEE",
            summary="on archiving the documents of Party congresses at all levels for the 2025–2030 term",
            body=_paras("""
On 4/10/2024 the Standing Committee of the Provincial Party Committee heard the Provincial Party
Committee Office report on preparations for archiving congress documents. The Standing Committee
concluded:

1. Congress documents of Party organisations at all levels shall be archived in full, both on paper
and in electronic form, in line with Guidance No. 41-HD/VPTW of the Central Party Office.

2. The Provincial Party Committee Office shall train the staff of district Party committees before
31/12/2024 and report the results to the Standing Committee.
"""),
            signature=("ON BEHALF OF THE STANDING COMMITTEE", "CHIEF OF OFFICE", "Phan Quoc Bao"),
            recipients=("- District Party committees,", "- Filed at the Provincial Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="611-TB/TU",
            doc_type="TB",
            issuer="Quang Tri Provincial Party Committee",
            place="Quang Tri",
            issued="2024-10-09",
            title="on archiving the documents of Party congresses at all levels for the 2025–2030 term",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Phan Quoc Bao",
            citations=["41-HD/VPTW"],
        ),
    ),
)

# ---------------------------------------------------------------------------------------------- text

_TEXT = (
    MetadataCase(
        name="tw-nq-text-1",
        fmt="text",
        doc=OfficialDoc(
            issuer=_TW,
            number="Số 48-NQ/TW",
            place_date="Hà Nội, ngày 30 tháng 10 năm 2024",
            type_word="NGHỊ QUYẾT",
            of_body="HỘI NGHỊ LẦN THỨ MƯỜI BA BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII",
            summary="về công tác lưu trữ tài liệu của Đảng trong tình hình mới",
            body=_paras("""
I. TÌNH HÌNH

Tài liệu lưu trữ của Đảng là di sản quý của dân tộc. Thời gian qua, việc thu thập, bảo quản, khai thác
tài liệu đạt nhiều kết quả; việc thực hiện Chỉ thị số 35-CT/TW ngày 26/5/2014 và Kết luận số 87-KL/TW
được các cấp ủy quan tâm. Tuy nhiên, điều kiện bảo quản ở nhiều kho còn thiếu thốn.

II. MỤC TIÊU

Đến năm 2030, tài liệu của Đảng có giá trị bảo quản vĩnh viễn được số hóa, bảo đảm an toàn; 100% kho
lưu trữ cấp tỉnh đạt chuẩn.

III. NHIỆM VỤ, GIẢI PHÁP

Các cấp ủy, tổ chức đảng nâng cao nhận thức về công tác lưu trữ; bố trí đủ nguồn lực, hoàn thiện thể
chế; Bộ Chính trị chỉ đạo sơ kết việc thực hiện Nghị quyết sau 5 năm.
"""),
            signature=("T/M BAN CHẤP HÀNH TRUNG ƯƠNG", "TỔNG BÍ THƯ", "Nguyễn Minh Khôi"),
            recipients=("- Các tỉnh ủy, thành ủy,", "- Các ban đảng, đảng ủy trực thuộc Trung ương,", _LUU_VPTW),
        ),
        expected=_expect(
            doc_number="48-NQ/TW",
            doc_type="NQ",
            issuer="Ban Chấp hành Trung ương",
            place="Hà Nội",
            issued="2024-10-30",
            title="về công tác lưu trữ tài liệu của Đảng trong tình hình mới",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Nguyễn Minh Khôi",
            citations=["35-CT/TW", "87-KL/TW"],
        ),
        writer_kwargs={"encoding": "utf-8"},
    ),
    MetadataCase(
        name="tu-ct-text-1",
        fmt="text",
        doc=OfficialDoc(
            superior=_DB_QT,
            issuer=_QT,
            number="Số 21-CT/TU",
            place_date="Quảng Trị, ngày 09 tháng 6 năm 2025",
            type_word="CHỈ THỊ",
            summary="về tăng cường quản lý, bảo vệ tài liệu mật trong các cơ quan đảng tỉnh",
            secrecy="MẬT",
            body=_paras("""
Thời gian qua, các cơ quan đảng tỉnh đã thực hiện nghiêm Chỉ thị số 47-CT/TW ngày 3/3/2025 của Ban Bí
thư; không để xảy ra lộ, lọt bí mật nhà nước. Tuy nhiên, một số đơn vị còn lưu tài liệu mật trên máy
tính kết nối Internet.

Ban Thường vụ Tỉnh ủy yêu cầu các cơ quan rà soát toàn bộ máy tính, thiết bị lưu trữ trước ngày
30/6/2025; thực hiện đúng Quy định số 06-QĐi/TU ngày 8/5/2025 về ghi nhật ký truy cập tài liệu.

Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Chỉ thị số 21-CT/TU; Ủy ban Kiểm tra Tỉnh ủy đưa
nội dung này vào chương trình kiểm tra năm 2025.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Sơn"),
            recipients=("- Văn phòng Trung ương Đảng,", "- Các đảng ủy trực thuộc,", _LUU_VPTU),
        ),
        expected=_expect(
            doc_number="21-CT/TU",
            doc_type="CT",
            issuer="Tỉnh ủy Quảng Trị",
            place="Quảng Trị",
            issued="2025-06-09",
            title="về tăng cường quản lý, bảo vệ tài liệu mật trong các cơ quan đảng tỉnh",
            classification="confidential",
            urgency=None,
            language="vi",
            signer="Hoàng Văn Sơn",
            citations=["06-QĐi/TU", "47-CT/TW"],
        ),
        writer_kwargs={"encoding": "utf-8", "layout": "columns"},
    ),
    MetadataCase(
        name="hn-tb-text-1",
        fmt="text",
        doc=OfficialDoc(
            issuer=_HN,
            number="Số 1187-TB/TU",
            place_date="Hà Nội, ngày 11 tháng 11 năm 2024",
            type_word="THÔNG BÁO",
            of_body="KẾT LUẬN CỦA THƯỜNG TRỰC THÀNH ỦY",
            summary="về việc chuẩn bị tài liệu phục vụ Đại hội Đảng bộ thành phố lần thứ XVIII",
            urgency="KHẨN",
            body=_paras("""
Ngày 8/11/2024, Thường trực Thành ủy nghe Văn phòng Thành ủy báo cáo tiến độ chuẩn bị tài liệu phục vụ
Đại hội. Thường trực Thành ủy kết luận:

1. Văn phòng Thành ủy hoàn thiện danh mục tài liệu đại hội theo Hướng dẫn số 41-HD/VPTW của Văn phòng
Trung ương Đảng; hoàn thành trước ngày 30/11/2024.

2. Ban Tuyên giáo Thành ủy phối hợp thực hiện Hướng dẫn số 47-HD/BTGTU về tuyên truyền; các đơn vị gửi
báo cáo về Văn phòng Thành ủy đúng thời hạn.
"""),
            signature=("T/L THƯỜNG TRỰC THÀNH ỦY", "CHÁNH VĂN PHÒNG", "Trịnh Quang Huy"),
            recipients=("- Các đồng chí Thường trực Thành ủy,", "- Các cơ quan liên quan,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="1187-TB/TU",
            doc_type="TB",
            issuer="Thành ủy Hà Nội",
            place="Hà Nội",
            issued="2024-11-11",
            title="về việc chuẩn bị tài liệu phục vụ Đại hội Đảng bộ thành phố lần thứ XVIII",
            classification="unclassified",
            urgency="urgent",
            language="vi",
            signer="Trịnh Quang Huy",
            citations=["41-HD/VPTW", "47-HD/BTGTU"],
        ),
        writer_kwargs={"encoding": "cp1258", "layout": "columns"},
    ),
    MetadataCase(
        name="vptu-cv-text-1",
        fmt="text",
        doc=OfficialDoc(
            superior=_QT,
            issuer="VĂN PHÒNG",
            number="Số 2087-CV/VPTU",
            place_date="Quảng Trị, ngày 14 tháng 10 năm 2025",
            summary="V/v đôn đốc báo cáo kết quả số hóa tài liệu\nlưu trữ năm 2025",
            urgency="HỎA TỐC",
            body=_paras("""
Kính gửi: Các đảng ủy trực thuộc Tỉnh ủy

Thực hiện Chỉ thị số 21-CT/TU ngày 09/6/2025 của Ban Thường vụ Tỉnh ủy, đến nay còn 7 đơn vị chưa gửi
báo cáo kết quả số hóa tài liệu lưu trữ. Văn phòng Tỉnh ủy đề nghị các đơn vị gửi báo cáo trước 17 giờ
ngày 16/10/2025 theo mẫu tại Công văn số 1537-CV/VPTU.

Quá thời hạn trên, Văn phòng Tỉnh ủy sẽ báo cáo Thường trực Tỉnh ủy danh sách các đơn vị chậm trễ.
"""),
            signature=("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Thị Bích Ngọc"),
            recipients=("- Như trên,", "- Thường trực Tỉnh ủy (để b/c),", _LUU_VT),
        ),
        expected=_expect(
            doc_number="2087-CV/VPTU",
            doc_type="CV",
            issuer="Văn phòng Tỉnh ủy Quảng Trị",
            place="Quảng Trị",
            issued="2025-10-14",
            title="V/v đôn đốc báo cáo kết quả số hóa tài liệu lưu trữ năm 2025",
            classification="unclassified",
            urgency="flash",
            language="vi",
            signer="Nguyễn Thị Bích Ngọc",
            citations=["1537-CV/VPTU", "21-CT/TU"],
        ),
        writer_kwargs={"encoding": "cp1258"},
    ),
    MetadataCase(
        name="ubnd-cv-text-1",
        fmt="text",
        doc=OfficialDoc(
            issuer="ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
            party_line=_STATE,
            number="Số: 45/UBND-VP",
            place_date="Quảng Trị, ngày 8 tháng 01 năm 2025",
            summary="V/v triển khai Quy chế quản lý tài liệu điện tử",
            # no mark: "khẩn trương" in the prose must not set one
            body=_paras("""
Kính gửi: Các sở, ban, ngành cấp tỉnh

Thực hiện Quyết định số 1245/QĐ-UBND ngày 10/6/2024 của Chủ tịch Ủy ban nhân dân tỉnh ban hành Quy chế
quản lý tài liệu điện tử, Ủy ban nhân dân tỉnh yêu cầu các cơ quan khẩn trương cập nhật dữ liệu hồ sơ
năm 2024 lên hệ thống trước ngày 31/01/2025.

Văn phòng Ủy ban nhân dân tỉnh theo dõi, tổng hợp kết quả thực hiện Công văn số 45/UBND-VP và Quyết định
số 1245/QĐ-UBND, báo cáo Chủ tịch Ủy ban nhân dân tỉnh.
"""),
            signature=("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Trần Ngọc Ánh"),
            recipients=("- Như trên,", "- Lưu: VT, HCTC."),
        ),
        expected=_expect(
            doc_number="45/UBND-VP",
            doc_type="CV",
            issuer="Ủy ban nhân dân tỉnh Quảng Trị",
            place="Quảng Trị",
            issued="2025-01-08",
            title="V/v triển khai Quy chế quản lý tài liệu điện tử",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Trần Ngọc Ánh",
            citations=["1245/QĐ-UBND"],
        ),
        writer_kwargs={"encoding": "utf-8", "layout": "columns"},
    ),
    MetadataCase(
        name="hu-kh-text-1",
        fmt="text",
        doc=OfficialDoc(
            superior=_DB_QT,
            issuer="HUYỆN ỦY GIO LINH",
            number="Số 88‑KH/HU",  # U+2011 non-breaking hyphen
            place_date="Gio Linh, ngày 18-2-2025",
            type_word="KẾ HOẠCH",
            summary="thực hiện Kế hoạch số 205-KH/TU ngày 16/1/2025 của Tỉnh ủy "
            "về chuyển đổi số trong các cơ quan đảng",
            body=_paras("""
I. MỤC ĐÍCH, YÊU CẦU

Triển khai kịp thời Kế hoạch số 205-KH/TU của Tỉnh ủy trên địa bàn huyện; phấn đấu 80% văn bản của các
cơ quan đảng huyện được ký số trong năm 2025.

II. NHIỆM VỤ

Văn phòng Huyện ủy số hóa tài liệu nhiệm kỳ 2020–2025 trước ngày 30/6/2025; các chi bộ, đảng bộ cơ sở
cập nhật danh mục hồ sơ. Kinh phí thực hiện theo Quyết định số 1902/QĐ-UBND của Ủy ban nhân dân tỉnh.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Văn Lâm"),
            recipients=("- Văn phòng Tỉnh ủy,", "- Các chi bộ, đảng bộ cơ sở,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="88-KH/HU",
            doc_type="KH",
            issuer="Huyện ủy Gio Linh",
            place="Gio Linh",
            issued="2025-02-18",
            title="thực hiện Kế hoạch số 205-KH/TU ngày 16/1/2025 của Tỉnh ủy về chuyển đổi số trong các cơ quan đảng",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Trần Văn Lâm",
            citations=["1902/QĐ-UBND", "205-KH/TU"],
        ),
        writer_kwargs={"encoding": "utf-16", "layout": "columns"},
    ),
    MetadataCase(
        name="dn-bc-text-1",
        fmt="text",
        doc=OfficialDoc(
            issuer=_DN,
            number="Số 402-BC/TU",
            place_date="Đà Nẵng, ngày 05 tháng 12 năm 2024",
            type_word="BÁO CÁO",
            summary="kết quả rà soát tài liệu có nội dung bí mật nhà nước tại các cơ quan đảng thành phố",
            secrecy="TỐI MẬT",
            urgency="KHẨN",
            body=_paras("""
Thực hiện Công văn số 8127-CV/BTCTW ngày 21/10/2024 của Ban Tổ chức Trung ương và Kết luận số 116-KL/TU
ngày 14/6/2024 của Ban Thường vụ Thành ủy, Thành ủy báo cáo như sau:

1. Các cơ quan đảng thành phố đang quản lý 3.150 tài liệu có độ mật, trong đó 41 tài liệu tối mật;
100% được lưu trên máy tính không kết nối mạng.

2. Qua rà soát, phát hiện 2 đơn vị lưu bản sao tài liệu mật không đúng quy định; Thành ủy đã chỉ đạo
khắc phục ngay trong tháng 11/2024.
"""),
            signature=("T/M THÀNH ỦY", "PHÓ BÍ THƯ", "Lương Văn Khải"),
            recipients=("- Ban Tổ chức Trung ương,", "- Lưu VT (bản số 2)."),
        ),
        expected=_expect(
            doc_number="402-BC/TU",
            doc_type="BC",
            issuer="Thành ủy Đà Nẵng",
            place="Đà Nẵng",
            issued="2024-12-05",
            title="kết quả rà soát tài liệu có nội dung bí mật nhà nước tại các cơ quan đảng thành phố",
            classification="secret",
            urgency="urgent",
            language="vi",
            signer="Lương Văn Khải",
            citations=["116-KL/TU", "8127-CV/BTCTW"],
        ),
        writer_kwargs={"encoding": "utf-8-sig"},
    ),
    MetadataCase(
        name="vptu-bb-text-1",
        fmt="text",
        doc=OfficialDoc(
            superior=_DN,
            issuer="VĂN PHÒNG",
            number="",  # minutes without a number
            place_date="",  # and without a date line
            type_word="BIÊN BẢN",
            summary="bàn giao tài liệu lưu trữ của Ban Chỉ đạo chuyển đổi số Thành ủy",
            body=_paras("""
Hôm nay, ngày 19/3/2025, tại kho lưu trữ Văn phòng Thành ủy, chúng tôi gồm: bên giao là đại diện Ban
Chỉ đạo chuyển đổi số Thành ủy; bên nhận là bộ phận lưu trữ Văn phòng Thành ủy.

Bên giao bàn giao 42 hồ sơ, trong đó có hồ sơ triển khai Kế hoạch số 176-KH/TU và Quyết định số
2105-QĐ/TU về thành lập Ban Chỉ đạo; tổng cộng 1,6 mét giá tài liệu.

Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản.
"""),
            signature=("ĐẠI DIỆN BÊN NHẬN", "Hồ Thị Mỹ Duyên"),
        ),
        expected=_expect(
            doc_number=None,
            doc_type="BB",
            issuer="Văn phòng Thành ủy Đà Nẵng",
            place=None,
            issued=None,
            title="bàn giao tài liệu lưu trữ của Ban Chỉ đạo chuyển đổi số Thành ủy",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Hồ Thị Mỹ Duyên",
            citations=["176-KH/TU", "2105-QĐ/TU"],
        ),
        writer_kwargs={"encoding": "utf-8", "layout": "columns"},
    ),
    MetadataCase(
        name="tu-kh-text-en-1",
        fmt="text",
        doc=OfficialDoc(
            issuer=_QT_EN,
            party_line=_CPV,
            number="No. 205 - KH/TU",
            place_date="Quang Tri, January 16, 2025",
            type_word="PLAN",
            summary="for implementing Resolution No. 57-NQ/TW of the Politburo on science, technology, "
            "innovation and digital transformation",
            body=_paras("""
I. PURPOSE AND REQUIREMENTS

To put Resolution No. 57-NQ/TW into practice in the conditions of the province, with clear tasks,
deadlines and responsibilities for each agency.

II. TASKS

The Provincial Party Committee Office shall build a repository of the documents of provincial Party
agencies and digitise the resolutions, directives and conclusions of the Provincial Party Committee
issued since 2001. At least 30% fewer paper documents shall be issued than in 2024, and Conclusion No.
89-KL/TU dated 18-2-2019 remains in force.

III. IMPLEMENTATION

Agencies shall draw up their own plans under Plan No. 205-KH/TU and send them to the Provincial Party
Committee Office before 28/2/2025.
"""),
            signature=("ON BEHALF OF THE STANDING COMMITTEE", "STANDING DEPUTY SECRETARY", "Le Thi Thu Ha"),
            recipients=("- Central Party Office,", "- Filed at the Provincial Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="205-KH/TU",
            doc_type="KH",
            issuer="Quang Tri Provincial Party Committee",
            place="Quang Tri",
            issued="2025-01-16",
            title="for implementing Resolution No. 57-NQ/TW of the Politburo on science, technology, "
            "innovation and digital transformation",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Le Thi Thu Ha",
            citations=["57-NQ/TW", "89-KL/TU"],
        ),
        writer_kwargs={"encoding": "utf-8"},
    ),
    MetadataCase(
        name="hn-ctr-text-en-1",
        fmt="text",
        doc=OfficialDoc(
            issuer="HANOI PARTY COMMITTEE",
            party_line=_CPV,
            number="No. 09-CTr/TU",
            place_date="Hanoi, 2 December 2024",
            type_word="PROGRAMME",
            summary="of action for implementing Conclusion No. 21-KL/TW\n"
            "of the Politburo on renewing the work of Party committee offices",
            # no mark: "urgent" and "secret ballot" in the prose must not set one
            body=_paras("""
I. PURPOSE

To carry out Conclusion No. 21-KL/TW dated 8/10/2024 of the Politburo, and to meet urgent needs for
searchable records ahead of the congresses of Party organisations at all levels.

II. MAIN TASKS

1. Party organisations shall elect their committees by secret ballot in line with the Party Statute;
voting papers are kept for 12 months and then destroyed under minutes.

2. The City Party Committee Office shall build a searchable database of the conclusions of the
Standing Board by the end of 2025, covering 100% of the 2020–2025 term.
"""),
            # an unsigned translation
            recipients=("- Central Party Office,", "- Filed at the City Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="09-CTr/TU",
            doc_type="CTr",
            issuer="Hanoi Party Committee",
            place="Hanoi",
            issued="2024-12-02",
            title="of action for implementing Conclusion No. 21-KL/TW "
            "of the Politburo on renewing the work of Party committee offices",
            classification="unclassified",
            urgency=None,
            language="en",
            signer=None,
            citations=["21-KL/TW"],
        ),
        writer_kwargs={"encoding": "utf-8", "layout": "columns"},
    ),
    MetadataCase(
        name="btctw-hd-text-en-1",
        fmt="text",
        doc=OfficialDoc(
            superior=_CC,
            issuer="CENTRAL ORGANISATION COMMISSION",
            party_line=_CPV,
            number="No. 12-HD/BTCTW",
            place_date="Hanoi, 15 April 2025",
            type_word="GUIDELINES",
            summary="on managing Party members' records in electronic form",
            # no mark: "state secrets" in the prose must not set one
            body=_paras("""
1. Each Party member's record shall be scanned in full and kept both on paper and in electronic form;
the electronic copy carries the number, symbol and date of every decision it contains.

2. Party committees shall complete the scanning of the records of Party members admitted before 2010
by 31/12/2025, in line with Regulation No. 24-QĐ/TW dated 30/7/2021.

3. Records of Party members that contain state secrets are handled under Directive No. 47-CT/TW of the
Secretariat.
"""),
            signature=("FOR THE HEAD OF THE COMMISSION", "DEPUTY HEAD", "Mai Duc Hanh"),
            recipients=("- Provincial and city Party committees,", "- Filed at the Commission."),
            language="en",
        ),
        expected=_expect(
            doc_number="12-HD/BTCTW",
            doc_type="HD",
            issuer="Central Organisation Commission",
            place="Hanoi",
            issued="2025-04-15",
            title="on managing Party members' records in electronic form",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Mai Duc Hanh",
            citations=["24-QĐ/TW", "47-CT/TW"],
        ),
        writer_kwargs={"encoding": "utf-8-sig", "layout": "columns"},
    ),
    MetadataCase(
        name="tu-tt-text-1",
        fmt="text",
        doc=OfficialDoc(
            issuer=_QT,
            number="Số 05-TT/TU",
            place_date="Quảng Trị, ngày 25 tháng 4 năm 2024",
            type_word="THÔNG TRI",
            summary="về lãnh đạo công tác chỉnh lý tài liệu tích đống trong các cơ quan đảng",
            # no mark: "khẩn trương", "bí mật nhà nước" and a quoted “TỐI MẬT” in the prose must not set one
            body=_paras("""
Thực hiện Kết luận số 89-KL/TU ngày 18-2-2019 của Ban Thường vụ Tỉnh ủy, công tác chỉnh lý tài liệu đã
có chuyển biến, song khối lượng tài liệu tích đống còn lớn, nhiều hồ sơ chưa xác định thời hạn bảo quản.

Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy khẩn trương bố trí kinh phí, hoàn thành chỉnh lý trước ngày
31/12/2024. Tài liệu thuộc bí mật nhà nước, tài liệu có đóng dấu “TỐI MẬT” phải được chỉnh lý riêng,
do cán bộ được phân công thực hiện theo Luật Bảo vệ bí mật nhà nước số 29/2018/QH14.

Văn phòng Tỉnh ủy hướng dẫn nghiệp vụ, kiểm tra và báo cáo Ban Thường vụ Tỉnh ủy kết quả thực hiện
Thông tri này.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Đức Thắng"),
            recipients=("- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,", _LUU_VPTU),
        ),
        expected=_expect(
            doc_number="05-TT/TU",
            doc_type="TT",
            issuer="Tỉnh ủy Quảng Trị",
            place="Quảng Trị",
            issued="2024-04-25",
            title="về lãnh đạo công tác chỉnh lý tài liệu tích đống trong các cơ quan đảng",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Nguyễn Đức Thắng",
            citations=["29/2018/QH14", "89-KL/TU"],
        ),
        writer_kwargs={"encoding": "cp1258"},
    ),
    MetadataCase(
        name="tw-tb-text-en-1",
        fmt="text",
        doc=OfficialDoc(
            issuer=_CC,
            party_line=_CPV,
            number="No. 204-TB/TW",
            place_date="Hanoi, November 29, 2024",
            type_word="NOTICE",
            of_body="CONCLUSIONS OF THE SECRETARIAT",
            summary="on the preservation of especially rare and valuable Party archives",
            secrecy="TOP SECRET",
            body=_paras("""
On 26/11/2024 the Secretariat heard the Central Party Office report on the preservation of especially
rare and valuable Party archives. The Secretariat concluded:

1. The Central Party Office shall list the rare archives before 30/6/2025; classified items are
managed under the Law on Protection of State Secrets No. 29/2018/QH14.

2. Copying and scanning of these archives shall take place only in the repository, on equipment not
connected to any network, as required by Conclusion No. 21–KL/TW dated 8/10/2024.
"""),
            signature=("FOR THE SECRETARIAT", "CHIEF OF OFFICE", "Luong Thi Ngoc Ha"),
            recipients=("- Central Party Office,", "- Filed (copy No. 1)."),
            language="en",
        ),
        expected=_expect(
            doc_number="204-TB/TW",
            doc_type="TB",
            issuer="Secretariat",
            place="Hanoi",
            issued="2024-11-29",
            title="on the preservation of especially rare and valuable Party archives",
            classification="top_secret",
            urgency=None,
            language="en",
            signer="Luong Thi Ngoc Ha",
            citations=["21-KL/TW", "29/2018/QH14"],
        ),
        writer_kwargs={"encoding": "utf-16"},
    ),
    MetadataCase(
        name="hu-qd-text-1",
        fmt="text",
        doc=OfficialDoc(
            superior=_DB_HN,
            issuer="HUYỆN ỦY ĐÔNG ANH",
            number="Số 415 – QĐ/HU",
            place_date="Đông Anh, ngày 3 tháng 6 năm 2025",
            type_word="QUYẾT ĐỊNH",
            summary="về việc thành lập Tổ công tác chỉnh lý tài liệu lưu trữ của Huyện ủy",
            body=_paras("""
BAN THƯỜNG VỤ HUYỆN ỦY

Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ huyện khóa XXVI, nhiệm kỳ 2020–2025; căn cứ Nghị quyết
số 27-NQ/HU ngày 12/4/2025 của Ban Thường vụ Huyện ủy; xét đề nghị của Văn phòng Huyện ủy,

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công tác chỉnh lý tài liệu lưu trữ của Huyện ủy gồm 6 đồng chí do đồng chí Chánh
Văn phòng Huyện ủy làm Tổ trưởng.

Điều 2. Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ. Văn phòng Huyện ủy và các đồng chí có tên
tại Điều 1 thi hành Quyết định số 415-QĐ/HU.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Đặng Văn Quý"),
            recipients=("- Như Điều 2,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="415-QĐ/HU",
            doc_type="QĐ",
            issuer="Huyện ủy Đông Anh",
            place="Đông Anh",
            issued="2025-06-03",
            title="về việc thành lập Tổ công tác chỉnh lý tài liệu lưu trữ của Huyện ủy",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Đặng Văn Quý",
            citations=["27-NQ/HU"],
        ),
        writer_kwargs={"encoding": "utf-8", "layout": "columns"},
    ),
)

# ---------------------------------------------------------------------------------------------- HTML

_HTML = (
    MetadataCase(
        name="tw-nq-html-1",
        fmt="html",
        doc=OfficialDoc(
            issuer=_TW,
            number="Số 59 - NQ/TW",
            place_date="Hà Nội, ngày 24 tháng 01 năm 2025",
            type_word="NGHỊ QUYẾT",
            of_body="CỦA BỘ CHÍNH TRỊ",
            summary="về phát triển nguồn nhân lực làm công tác văn phòng,\nlưu trữ của Đảng đến năm 2030",
            body=_paras("""
Bộ Chính trị đánh giá đội ngũ cán bộ làm công tác văn phòng, lưu trữ của Đảng cơ bản đáp ứng yêu cầu;
tuy nhiên, kỹ năng số còn hạn chế, nhiều nơi thiếu người có chuyên môn lưu trữ.

Đến năm 2030, 100% cán bộ văn phòng cấp ủy cấp tỉnh được bồi dưỡng kỹ năng số; tiếp tục thực hiện Nghị
quyết số 57 - NQ/TW và Nghị quyết số 48-NQ/TW của Ban Chấp hành Trung ương.

Các tỉnh ủy, thành ủy xây dựng kế hoạch thực hiện Nghị quyết này trong quý II năm 2025.
"""),
            # republished on a web page without the signature block
            recipients=("- Các tỉnh ủy, thành ủy,", _LUU_VPTW),
            title="Nghị quyết 59-NQ/TW của Bộ Chính trị",
        ),
        expected=_expect(
            doc_number="59-NQ/TW",
            doc_type="NQ",
            issuer="Bộ Chính trị",
            place="Hà Nội",
            issued="2025-01-24",
            title="về phát triển nguồn nhân lực làm công tác văn phòng, lưu trữ của Đảng đến năm 2030",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer=None,
            citations=["48-NQ/TW", "57-NQ/TW"],
        ),
    ),
    MetadataCase(
        name="dn-tb-html-1",
        fmt="html",
        doc=OfficialDoc(
            superior=_DB_DN,
            issuer=_DN,
            number="Số 845-TB/TU",
            place_date="Đà Nẵng, ngày 26 tháng 8 năm 2024",
            type_word="THÔNG BÁO KẾT LUẬN",
            of_body="CỦA BAN THƯỜNG VỤ THÀNH ỦY",
            summary="về công tác chuẩn bị nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2025–2030",
            # no mark: "bỏ phiếu kín" and "Tài liệu mật" in the prose must not set one
            body=_paras("""
Tại hội nghị ngày 22/8/2024, Ban Thường vụ Thành ủy kết luận:

1. Việc chuẩn bị nhân sự thực hiện theo Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội
đảng bộ các cấp; việc giới thiệu nhân sự được thực hiện bằng bỏ phiếu kín.

2. Tài liệu mật về nhân sự chỉ được phát tại hội nghị và thu hồi ngay; Văn phòng Thành ủy chịu trách
nhiệm bảo quản theo Quy chế số 09-QC/TU.

3. Giao Ban Tổ chức Thành ủy hướng dẫn các đảng bộ trực thuộc thực hiện; báo cáo Ban Thường vụ Thành ủy
trước ngày 30/9/2024.
"""),
            signature=("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Tôn Nữ Thảo Vy"),
            recipients=("- Các đảng bộ trực thuộc,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="845-TB/TU",
            doc_type="TB",
            issuer="Thành ủy Đà Nẵng",
            place="Đà Nẵng",
            issued="2024-08-26",
            title="về công tác chuẩn bị nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2025–2030",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Tôn Nữ Thảo Vy",
            citations=["09-QC/TU", "35-CT/TW"],
        ),
        writer_kwargs={"with_noise": False},
    ),
    MetadataCase(
        name="btctu-ttr-html-1",
        fmt="html",
        doc=OfficialDoc(
            superior=_DN,
            issuer="BAN TỔ CHỨC",
            number="",  # a draft submission, not yet numbered
            place_date="Đà Nẵng, ngày 15 tháng 7 năm 2024",
            type_word="TỜ TRÌNH",
            summary="về đề án vị trí việc làm trong các cơ quan đảng thành phố",
            body=_paras("""
Kính gửi: Ban Thường vụ Thành ủy

Thực hiện Kết luận số 116-KL/TU ngày 14/6/2024 của Ban Thường vụ Thành ủy, Ban Tổ chức Thành ủy đã phối
hợp với Văn phòng Thành ủy xây dựng dự thảo đề án vị trí việc làm, trong đó bố trí mỗi cơ quan ít nhất
01 vị trí lưu trữ chuyên trách.

Ban Tổ chức Thành ủy kính trình Ban Thường vụ Thành ủy xem xét, cho ý kiến để hoàn thiện và ban hành
trong quý III năm 2024.
"""),
            signature=("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Huỳnh Văn Phước"),
            recipients=("- Như trên,", _LUU_VT),
            title="Tờ trình về đề án vị trí việc làm (dự thảo)",
        ),
        expected=_expect(
            doc_number=None,
            doc_type="TTr",
            issuer="Ban Tổ chức Thành ủy Đà Nẵng",
            place="Đà Nẵng",
            issued="2024-07-15",
            title="về đề án vị trí việc làm trong các cơ quan đảng thành phố",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Huỳnh Văn Phước",
            citations=["116-KL/TU"],
        ),
    ),
    MetadataCase(
        name="tw-nq-html-en-1",
        fmt="html",
        doc=OfficialDoc(
            issuer=_CC,
            party_line=_CPV,
            number="",  # an unnumbered, unsigned translation
            place_date="Hanoi, January 24, 2025",
            type_word="RESOLUTION",
            of_body="OF THE POLITBURO",
            summary="on developing human resources for Party office and archive work until 2030",
            # no mark: "top secret and confidential" in the prose must not set one
            body=_paras("""
The Politburo finds that the staff working in Party offices and archives largely meet requirements,
although digital skills are still limited and many places lack trained archivists.

By 2030 every staff member of provincial Party committee offices shall be trained in digital skills.
Staff handling top secret and confidential records shall pass a security review every two years.

Party committees continue to carry out Resolution No. 57-NQ/TW and Resolution No. 48-NQ/TW of the
Central Committee.
"""),
            language="en",
            title="Politburo resolution on human resources for office and archive work (unofficial translation)",
        ),
        expected=_expect(
            doc_number=None,
            doc_type="NQ",
            issuer="Politburo",
            place="Hanoi",
            issued="2025-01-24",
            title="on developing human resources for Party office and archive work until 2030",
            classification="unclassified",
            urgency=None,
            language="en",
            signer=None,
            citations=["48-NQ/TW", "57-NQ/TW"],
        ),
    ),
    MetadataCase(
        name="tu-qdi-html-en-1",
        fmt="html",
        doc=OfficialDoc(
            issuer=_QT_EN,
            party_line=_CPV,
            number="No. 06-QĐi/TU",
            place_date="Quang Tri, 8 May 2025",
            type_word="REGULATIONS",
            summary="on creating, archiving and using electronic records in provincial Party agencies",
            # no mark: "urgent" and "Confidential records" in the prose must not set one
            body=_paras("""
Article 1. Scope. These Regulations apply to the advisory agencies of the Provincial Party Committee and
to the Party committees directly under it, as required by Directive No. 18-CT/TU dated 20/2/2025.

Article 2. Filing. Every incoming and outgoing document is attached to a case file when it is handled;
urgent documents are filed on the same day. Confidential records are kept only on the isolated
internal network.

Article 3. Entry into force. These Regulations take effect from the date of signing. The Provincial
Party Committee Office shall guide the implementation of Regulation No. 06-QĐi/TU and report to the
Standing Committee.
"""),
            signature=("ON BEHALF OF THE STANDING COMMITTEE", "SECRETARY", "Hoang Van Son"),
            recipients=("- Central Party Office,", "- Filed at the Provincial Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="06-QĐi/TU",
            doc_type="QĐi",
            issuer="Quang Tri Provincial Party Committee",
            place="Quang Tri",
            issued="2025-05-08",
            title="on creating, archiving and using electronic records in provincial Party agencies",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Hoang Van Son",
            citations=["18-CT/TU"],
        ),
    ),
    MetadataCase(
        name="ubnd-qd-html-1",
        fmt="html",
        doc=OfficialDoc(
            issuer="ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
            party_line=_STATE,
            number="Số: 2210/QĐ-UBND",
            place_date="Hà Nội, ngày 15 tháng 01 năm 2025",
            type_word="QUYẾT ĐỊNH",
            summary="Về việc phân bổ kinh phí số hóa tài liệu lưu trữ năm 2025",
            body=_paras("""
CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI

Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13; căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ
Chính trị; xét đề nghị của Giám đốc Sở Tài chính,

QUYẾT ĐỊNH:

Điều 1. Phân bổ 12,5 tỷ đồng cho các cơ quan, đơn vị để số hóa tài liệu lưu trữ năm 2025 (chi tiết tại
phụ lục kèm theo).

Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc Sở
Tài chính và thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này.
"""),
            signature=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Phong"),
            recipients=("- Như Điều 2,", "- Lưu: VT, KT."),
        ),
        expected=_expect(
            doc_number="2210/QĐ-UBND",
            doc_type="QĐ",
            issuer="Ủy ban nhân dân thành phố Hà Nội",
            place="Hà Nội",
            issued="2025-01-15",
            title="Về việc phân bổ kinh phí số hóa tài liệu lưu trữ năm 2025",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Nguyễn Văn Phong",
            citations=["57-NQ/TW", "83/2015/QH13"],
        ),
        writer_kwargs={"with_noise": False},
    ),
    MetadataCase(
        name="vptu-bc-html-1",
        fmt="html",
        doc=OfficialDoc(
            superior=_QT,
            issuer="VĂN PHÒNG",
            number="Số 318-BC/VPTU",
            place_date="Quảng Trị, ngày 30 tháng 12 năm 2024",
            type_word="BÁO CÁO",
            summary="tình hình quản lý tài liệu mật năm 2024",
            secrecy="MẬT",
            body=_paras("""
1. Năm 2024, Văn phòng Tỉnh ủy tiếp nhận 412 tài liệu có độ mật, phát hành 96 tài liệu; việc đăng ký,
chuyển giao thực hiện đúng Luật Bảo vệ bí mật nhà nước số 29/2018/QH14.

2. Hạn chế: 2 huyện ủy còn chậm thu hồi tài liệu mật sau hội nghị; sổ theo dõi ở một số đơn vị ghi
chưa đầy đủ.

3. Năm 2025, Văn phòng Tỉnh ủy tham mưu Ban Thường vụ Tỉnh ủy ban hành chỉ thị về quản lý tài liệu
mật, thực hiện Thông báo kết luận số 204–TB/TW ngày 29/11/2024 của Ban Bí thư.
"""),
            signature=("CHÁNH VĂN PHÒNG", "Phan Quốc Bảo"),
            recipients=("- Thường trực Tỉnh ủy (để b/c),", _LUU_VT),
        ),
        expected=_expect(
            doc_number="318-BC/VPTU",
            doc_type="BC",
            issuer="Văn phòng Tỉnh ủy Quảng Trị",
            place="Quảng Trị",
            issued="2024-12-30",
            title="tình hình quản lý tài liệu mật năm 2024",
            classification="confidential",
            urgency=None,
            language="vi",
            signer="Phan Quốc Bảo",
            citations=["204-TB/TW", "29/2018/QH14"],
        ),
    ),
    MetadataCase(
        name="tw-qc-html-en-1",
        fmt="html",
        doc=OfficialDoc(
            issuer=_CC,
            party_line=_CPV,
            number="No. 12-QC/TW",
            place_date="Hanoi, 31 July 2025",
            type_word="RULES",
            of_body="OF THE SECRETARIAT",
            summary="on the use of the Party's internal data network",
            # no mark: "classified as state secrets" in the prose must not set one
            body=_paras("""
Article 1. These Rules govern the connection to and use of the Party's internal data network by Party
agencies from the central to the grassroots level.

Article 2. Documents classified as state secrets may be transmitted over the internal network only when
encrypted with approved equipment, under Directive No. 47-CT/TW dated 3/3/2025 of the Secretariat.

Article 3. The Central Party Office shall guide the implementation of these Rules. Rules No. 08-QC/VPTW
remain in force where they are not contrary to these Rules.
"""),
            signature=("ON BEHALF OF THE SECRETARIAT", "Le Quang Vinh"),
            recipients=(
                "- Party committees directly under the Central Committee,",
                "- Filed at the Central Party Office.",
            ),
            language="en",
        ),
        expected=_expect(
            doc_number="12-QC/TW",
            doc_type="QC",
            issuer="Secretariat",
            place="Hanoi",
            issued="2025-07-31",
            title="on the use of the Party's internal data network",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Le Quang Vinh",
            citations=["08-QC/VPTW", "47-CT/TW"],
        ),
    ),
    MetadataCase(
        name="hu-ctr-html-1",
        fmt="html",
        doc=OfficialDoc(
            superior=_DB_QT,
            issuer="HUYỆN ỦY HẢI LĂNG",
            number="Số 31-CTr/HU",
            place_date="",  # no date line
            type_word="CHƯƠNG TRÌNH",
            summary="công tác kiểm tra, giám sát năm 2025 của Ban Thường vụ Huyện ủy",
            body=_paras("""
1. Kiểm tra việc thực hiện Kế hoạch số 205-KH/TU của Tỉnh ủy tại 8 đảng ủy xã, thị trấn trong quý II năm
2025.

2. Giám sát chuyên đề việc lập hồ sơ, nộp lưu tài liệu của các chi bộ, đảng bộ cơ sở theo Quyết định số
312-QĐ/UBKTTU của Ủy ban Kiểm tra Tỉnh ủy.

3. Văn phòng Huyện ủy phối hợp với Ủy ban Kiểm tra Huyện ủy theo dõi, tổng hợp, báo cáo kết quả thực
hiện Chương trình vào cuối năm.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Võ Văn Hùng"),
            recipients=("- Ủy ban Kiểm tra Tỉnh ủy,", "- Các đảng ủy xã, thị trấn,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="31-CTr/HU",
            doc_type="CTr",
            issuer="Huyện ủy Hải Lăng",
            place=None,
            issued=None,
            title="công tác kiểm tra, giám sát năm 2025 của Ban Thường vụ Huyện ủy",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Võ Văn Hùng",
            citations=["205-KH/TU", "312-QĐ/UBKTTU"],
        ),
    ),
)

CASES: tuple[MetadataCase, ...] = _DOCX + _PDF + _TEXT + _HTML

# ------------------------------------------------------------------------------------- RECIPIENTS
# First pages of the cases above with other closing blocks, their recipients written out by hand: "+"
# bullets and ";" endings, an entry long enough to wrap in a PDF, a block beside the signature (text in
# columns), entries on the label's own line, English, and a document with no block at all.


def _with_block(base: str, name: str, recipients: tuple[str, ...], expected: str | None, **writer) -> MetadataCase:
    case = next(c for c in CASES if c.name == base)
    return MetadataCase(
        name=name,
        fmt=case.fmt,
        doc=replace(case.doc, recipients=recipients),
        expected={**case.expected, "recipients": expected},
        writer_kwargs={**case.writer_kwargs, **writer},
        skip=case.skip,
    )


RECIPIENT_CASES = (
    _with_block(
        "tu-ctr-docx-1",
        "tu-ctr-docx-recipients",
        ("+ Thường trực Tỉnh ủy (để b/c);", "+ Các ban xây dựng Đảng Tỉnh ủy;", "+ Lưu: VT, TH."),
        "Thường trực Tỉnh ủy (để b/c); Các ban xây dựng Đảng Tỉnh ủy",
    ),
    _with_block(
        "tw-tb-pdf-1",
        "tw-tb-pdf-recipients",
        (
            "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy và các đồng chí Tỉnh ủy viên được phân công theo dõi, "
            "chỉ đạo các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc,",
            "- Như trên,",
            "- Lưu VT.",
        ),
        "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy và các đồng chí Tỉnh ủy viên được phân công theo dõi, "
        "chỉ đạo các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc; Như trên",
    ),
    _with_block(
        "tw-nq-text-1",
        "tw-nq-text-columns-recipients",
        ("- Như Điều 3,", "- Ủy ban Kiểm tra Tỉnh ủy,", "- Báo Quảng Trị (để đưa tin),", "- Lưu VT."),
        "Như Điều 3; Ủy ban Kiểm tra Tỉnh ủy; Báo Quảng Trị (để đưa tin)",
        layout="columns",
    ),
    _with_block(
        "vptu-cv-text-1",
        "vptu-cv-text-one-line-recipients",
        ("Như trên; Thường trực Tỉnh ủy (để b/c); Lưu VT.",),
        "Như trên; Thường trực Tỉnh ủy (để b/c)",
    ),
    _with_block(
        "dn-tb-html-1",
        "dn-tb-html-recipients",
        (
            "- Ban Bí thư Trung ương Đảng (để b/c),",
            "- Các tỉnh ủy, thành ủy trực thuộc Trung ương,",
            "- Lưu Văn phòng Trung ương Đảng.",
        ),
        "Ban Bí thư Trung ương Đảng (để b/c); Các tỉnh ủy, thành ủy trực thuộc Trung ương",
    ),
    _with_block(
        "tw-ct-pdf-en-1",
        "tw-ct-pdf-en-recipients",
        (
            "- Standing Board of the Provincial Party Committee (to report),",
            "- Party committees of districts and towns,",
            "- Filed at the Provincial Party Committee Office.",
        ),
        "Standing Board of the Provincial Party Committee (to report); Party committees of districts and towns",
    ),
    _with_block("tw-nq-docx-1", "tw-nq-docx-no-recipients", (), None),
)
