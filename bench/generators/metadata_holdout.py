"""A held-out set of first pages, labelled by hand under the conventions of ``bench.generators.metadata_cases``.

The extractor was written without seeing these cases: they check that its rules carry over to other
provinces and cities (Nghệ An, Thừa Thiên Huế, Cần Thơ, Thành phố Hồ Chí Minh), other bodies (Ban Dân
vận, Ban Nội chính, Đảng ủy Khối, Quận ủy, Ủy ban Kiểm tra), other date styles, long multi-line
summaries, bodies full of numbers and dates, differently worded English translations, and prose that
quotes "MẬT", "KHẨN", "URGENT" or "SECRET" in the middle of a sentence (which must not set a mark).
Two text cases in the columns layout print the mark on the same line as the number.

Every name, number and sentence is fictional test data; symbols of real documents appear only as
citations, and an invented symbol that matches a real one does so by chance.
"""

from __future__ import annotations

from bench.generators.docgen import OfficialDoc
from bench.generators.metadata_cases import FIELDS, MetadataCase


def _paras(text: str) -> tuple[str, ...]:
    """Split blank-line separated blocks into paragraphs, joining wrapped lines."""
    return tuple(" ".join(block.split()) for block in text.strip().split("\n\n"))


def _expect(**fields: object) -> dict[str, object]:
    """The expected metadata; every field of ``FIELDS`` must be stated, and nothing else (recipients, added
    after these cases were written, may be left to ``bench.generators.metadata_cases.listed``)."""
    if set(fields) | {"recipients"} != set(FIELDS) | {"recipients"} or not set(fields) <= set(FIELDS):
        raise ValueError(f"expected fields differ from FIELDS: {sorted(set(fields) ^ set(FIELDS))}")
    return {name: fields[name] for name in FIELDS if name in fields}


_STATE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
_CPV = "COMMUNIST PARTY OF VIETNAM"
_CC = "CENTRAL COMMITTEE"
_TW = "BAN CHẤP HÀNH TRUNG ƯƠNG"
_NA = "TỈNH ỦY NGHỆ AN"
_DB_NA = "ĐẢNG BỘ TỈNH NGHỆ AN"
_HUE = "TỈNH ỦY THỪA THIÊN HUẾ"
_DB_HUE = "ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ"
_CT = "THÀNH ỦY CẦN THƠ"
_DB_CT = "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ"
_HCM = "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH"
_DB_HCM = "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH"
_LUU_VT = "- Lưu VT."
_LUU_VPTU = "- Lưu Văn phòng Tỉnh ủy."
_PDF_SERIF = {"font_path": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"}

# ---------------------------------------------------------------------------------------------- DOCX

_DOCX = (
    MetadataCase(
        name="na-nq-docx-h1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_DB_NA,
            issuer=_NA,
            number="Số 15-NQ/TU",
            place_date="Nghệ An, ngày 07 tháng 8 năm 2025",
            type_word="NGHỊ QUYẾT",
            of_body="CỦA BAN THƯỜNG VỤ TỈNH ỦY",
            summary="về tăng cường lãnh đạo công tác văn thư, lưu trữ và\n"
            "xây dựng cơ sở dữ liệu văn bản của các cơ quan đảng tỉnh\n"
            "giai đoạn 2025–2030",
            body=_paras("""
I. TÌNH HÌNH

Giai đoạn 2020–2024, các cơ quan đảng tỉnh đã tiếp nhận 48.612 văn bản đến, phát hành 21.305 văn bản
đi; 86,4% văn bản được gửi, nhận trên môi trường mạng. Kho lưu trữ Tỉnh ủy đang bảo quản 1.742 mét giá
tài liệu, trong đó 312 mét giá tài liệu thời kỳ 1930–1975. Việc thực hiện Kế hoạch số 128-KH/TU ngày
14/02/2022 của Ban Thường vụ Tỉnh ủy về số hóa tài liệu mới đạt 61%, thấp hơn chỉ tiêu đề ra (75%).

Tuy nhiên, 9/21 huyện ủy, thị ủy, thành ủy và 4/12 đảng ủy trực thuộc chưa có kho lưu trữ đạt chuẩn;
còn khoảng 230 mét giá tài liệu tích đống chưa được chỉnh lý.

II. MỤC TIÊU

Đến ngày 31/12/2026, 100% nghị quyết, chỉ thị, kết luận của Tỉnh ủy, Ban Thường vụ Tỉnh ủy từ năm 1976
đến nay được số hóa; đến năm 2030, cơ sở dữ liệu văn bản của các cơ quan đảng tỉnh được kết nối với cơ
sở dữ liệu của Văn phòng Trung ương Đảng, thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính
trị.

III. TỔ CHỨC THỰC HIỆN

Văn phòng Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ tham mưu sửa đổi Quy chế số 05-QC/TU ngày 19/7/2021;
kinh phí thực hiện theo Quyết định số 2468/QĐ-UBND ngày 30/8/2023 của Ủy ban nhân dân tỉnh. Các cấp ủy
trực thuộc quán triệt Nghị quyết số 15-NQ/TU trong tháng 9/2025 và báo cáo kết quả trước ngày 15/12 hằng
năm.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Phan Đình Lộc"),
            recipients=(
                "- Văn phòng Trung ương Đảng,",
                "- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,",
                _LUU_VPTU,
            ),
            title="Nghị quyết 15-NQ/TU về công tác văn thư, lưu trữ",
        ),
        expected=_expect(
            doc_number="15-NQ/TU",
            doc_type="NQ",
            issuer="Tỉnh ủy Nghệ An",
            place="Nghệ An",
            issued="2025-08-07",
            title="về tăng cường lãnh đạo công tác văn thư, lưu trữ và xây dựng cơ sở dữ liệu văn bản của các cơ "
            "quan đảng tỉnh giai đoạn 2025–2030",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Phan Đình Lộc",
            citations=["05-QC/TU", "128-KH/TU", "2468/QĐ-UBND", "57-NQ/TW"],
        ),
    ),
    MetadataCase(
        name="bdvtu-hd-docx-h1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_HUE,
            issuer="BAN DÂN VẬN",
            number="Số 23 – HD/BDVTU",
            place_date="Thừa Thiên Huế, ngày 03/11/2023",
            type_word="HƯỚNG DẪN",
            summary="tiếp nhận, xử lý và lưu trữ hồ sơ ý kiến, kiến nghị của Nhân dân\n"
            "gửi đến các cơ quan đảng, Mặt trận Tổ quốc và các đoàn thể tỉnh",
            # no mark: a stamp "KHẨN" and "MẬT" quoted in mid-sentence must not set one
            body=_paras("""
Thực hiện Quy định số 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư và Chương trình số 46-CTr/TU ngày 20/3/2023
của Tỉnh ủy, Ban Dân vận Tỉnh ủy hướng dẫn như sau:

1. Mọi ý kiến, kiến nghị của Nhân dân gửi đến các cơ quan đảng, Mặt trận Tổ quốc và các đoàn thể tỉnh
đều được vào sổ, cập nhật lên phần mềm trong vòng 01 ngày làm việc; phân loại, chuyển xử lý chậm nhất
sau 03 ngày. Đơn thư có nội dung phức tạp, đông người được đóng dấu KHẨN và chuyển ngay trong ngày đến
cơ quan có thẩm quyền.

2. Hồ sơ giải quyết kiến nghị được lập theo từng vụ việc, nộp lưu vào lưu trữ cơ quan trong thời hạn 01
năm kể từ ngày kết thúc công việc; hồ sơ có tài liệu đóng dấu MẬT được quản lý theo Luật Bảo vệ bí mật
nhà nước số 29/2018/QH14.

3. Ban dân vận các huyện ủy, thị ủy, thành ủy tổng hợp kết quả hằng quý (trước ngày 20 của tháng cuối
quý), gửi Ban Dân vận Tỉnh ủy để báo cáo Ban Thường vụ Tỉnh ủy.
"""),
            signature=("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Lê Thị Diệu Hiền"),
            recipients=(
                "- Ban dân vận các huyện ủy, thị ủy, thành ủy,",
                "- Các đoàn thể chính trị - xã hội tỉnh,",
                _LUU_VT,
            ),
        ),
        expected=_expect(
            doc_number="23-HD/BDVTU",
            doc_type="HD",
            issuer="Ban Dân vận Tỉnh ủy Thừa Thiên Huế",
            place="Thừa Thiên Huế",
            issued="2023-11-03",
            title="tiếp nhận, xử lý và lưu trữ hồ sơ ý kiến, kiến nghị của Nhân dân gửi đến các cơ quan đảng, "
            "Mặt trận Tổ quốc và các đoàn thể tỉnh",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Lê Thị Diệu Hiền",
            citations=["124-QĐ/TW", "29/2018/QH14", "46-CTr/TU"],
        ),
    ),
    MetadataCase(
        name="hcm-bc-docx-en-h1",
        fmt="docx",
        doc=OfficialDoc(
            issuer="HO CHI MINH CITY PARTY COMMITTEE",
            party_line=_CPV,
            number="No. 1024-BC/TU",
            place_date="Ho Chi Minh City, 5 September 2024",
            type_word="REPORT",
            summary="reviewing five years of the digital transformation of records\n"
            "in the Party agencies of the city, 2019–2024",
            secrecy="CONFIDENTIAL",
            body=_paras("""
1. Between 1/9/2019 and 31/8/2024 the Party agencies of the city received 212,480 incoming documents and
issued 67,915 outgoing ones; the share handled entirely online rose from 38.2% in 2019 to 91.7% in 2024.
All 22 district-level Party committees and 19 Party committees directly under the City Party Committee
now share one document management system, as required by Plan No. 276-KH/TU dated 14/11/2019.

2. The City Party Committee Office scanned 4,860 archival files (about 1.2 million pages) from the
1975–2000 period. The 312 files that contain state secrets were scanned on two stand-alone workstations
under Law No. 29/2018/QH14; none was lost or disclosed.

3. Shortcomings: 7 units still keep paper registers only, and text recognition of documents typed in
TCVN3 fonts before 2001 has an error rate of 6–8%, which staff correct by hand.

4. In 2024–2026 the Standing Board will keep carrying out Resolution No. 52-NQ/TW dated 27/9/2019 of the
Politburo; the City Party Committee Office will follow up the proposals of Report No. 1024-BC/TU.
"""),
            signature=("ON BEHALF OF THE STANDING BOARD", "STANDING DEPUTY SECRETARY", "Ngo Thi Bich Tram"),
            recipients=("- Central Party Office,", "- Filed at the City Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="1024-BC/TU",
            doc_type="BC",
            issuer="Ho Chi Minh City Party Committee",
            place="Ho Chi Minh City",
            issued="2024-09-05",
            title="reviewing five years of the digital transformation of records in the Party agencies of the city, "
            "2019–2024",
            classification="confidential",
            urgency=None,
            language="en",
            signer="Ngo Thi Bich Tram",
            citations=["276-KH/TU", "29/2018/QH14", "52-NQ/TW"],
        ),
    ),
    MetadataCase(
        name="duk-ct-docx-h1",
        fmt="docx",
        doc=OfficialDoc(
            issuer="ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG",
            number="Số 08 - CT/ĐUK",
            place_date="Hà Nội, ngày 14 tháng 02 năm 2024",
            type_word="CHỈ THỊ",
            summary="về nâng cao chất lượng lập hồ sơ, nộp lưu tài liệu của các tổ chức cơ sở đảng trong Khối",
            urgency="KHẨN",
            body=_paras("""
Đến tháng 12/2023, Đảng bộ Khối có 56 đảng bộ trực thuộc với 1.126 tổ chức cơ sở đảng; chỉ 612 tổ chức
(54,4%) nộp lưu hồ sơ đúng hạn. Ở một số nơi, văn bản có dấu chỉ độ MẬT vẫn được gửi qua hộp thư điện tử
công vụ, tài liệu hội nghị không được thu hồi.

Ban Thường vụ Đảng ủy Khối yêu cầu:

1. Cấp ủy cơ sở lập danh mục hồ sơ ngay từ đầu năm; nộp lưu hồ sơ năm 2023 về Lưu trữ Đảng ủy Khối
trước ngày 30/6/2024, theo Hướng dẫn số 19-HD/VPTW ngày 08/9/2021 của Văn phòng Trung ương Đảng.

2. Không soạn thảo, lưu giữ tài liệu mật trên máy tính kết nối Internet; thực hiện nghiêm Quy định số
15-QĐi/ĐUK ngày 10/01/2023 của Ban Thường vụ Đảng ủy Khối.

3. Văn phòng Đảng ủy Khối chủ trì theo dõi việc thực hiện Chỉ thị số 08-CT/ĐUK; sơ kết sau 01 năm.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Đoàn Minh Trí"),
            recipients=("- Các đảng ủy trực thuộc,", "- Các ban, văn phòng Đảng ủy Khối,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="08-CT/ĐUK",
            doc_type="CT",
            issuer="Đảng ủy Khối các cơ quan Trung ương",
            place="Hà Nội",
            issued="2024-02-14",
            title="về nâng cao chất lượng lập hồ sơ, nộp lưu tài liệu của các tổ chức cơ sở đảng trong Khối",
            classification="unclassified",
            urgency="urgent",
            language="vi",
            signer="Đoàn Minh Trí",
            citations=["15-QĐi/ĐUK", "19-HD/VPTW"],
        ),
    ),
    MetadataCase(
        name="ct-ubnd-cv-docx-h1",
        fmt="docx",
        doc=OfficialDoc(
            issuer="ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
            party_line=_STATE,
            number="Số: 3127/UBND-NC",
            place_date="Cần Thơ, ngày 22 tháng 4 năm 2024",
            summary="V/v tăng cường quản lý hồ sơ, tài liệu điện tử và bảo đảm an toàn thông tin "
            "trong các cơ quan hành chính nhà nước thành phố",
            urgency="THƯỢNG KHẨN",
            body=_paras("""
Kính gửi: Các sở, ban, ngành thành phố; Ủy ban nhân dân các quận, huyện

Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư và Thông tư số
02/2019/TT-BNV ngày 24/01/2019 của Bộ trưởng Bộ Nội vụ, qua kiểm tra 14 cơ quan trong quý I/2024, còn 5
cơ quan chưa lập hồ sơ điện tử, 3 cơ quan lưu văn bản có nội dung khẩn, mật trên máy tính kết nối
Internet.

Chủ tịch Ủy ban nhân dân thành phố yêu cầu thủ trưởng các cơ quan, đơn vị chỉ đạo lập hồ sơ điện tử đối
với 100% văn bản phát hành từ ngày 01/5/2024; khắc phục các tồn tại nêu trên và báo cáo kết quả về Sở
Nội vụ trước ngày 10/5/2024, theo Quyết định số 1185/QĐ-UBND ngày 12/5/2022 của Ủy ban nhân dân thành
phố.
"""),
            signature=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Văn Thọ"),
            recipients=("- Như trên,", "- Chủ tịch, các Phó Chủ tịch UBND thành phố,", "- Lưu: VT, NC."),
        ),
        expected=_expect(
            doc_number="3127/UBND-NC",
            doc_type="CV",
            issuer="Ủy ban nhân dân thành phố Cần Thơ",
            place="Cần Thơ",
            issued="2024-04-22",
            title="V/v tăng cường quản lý hồ sơ, tài liệu điện tử và bảo đảm an toàn thông tin trong các cơ quan "
            "hành chính nhà nước thành phố",
            classification="unclassified",
            urgency="very_urgent",
            language="vi",
            signer="Lâm Văn Thọ",
            citations=["02/2019/TT-BNV", "1185/QĐ-UBND", "30/2020/NĐ-CP"],
        ),
    ),
    MetadataCase(
        name="bnctw-tb-docx-en-h1",
        fmt="docx",
        doc=OfficialDoc(
            superior=_CC,
            issuer="CENTRAL INTERNAL AFFAIRS COMMISSION",
            party_line=_CPV,
            number="No. 146-TB/BNCTW",
            place_date="Hanoi, October 2, 2024",
            type_word="NOTICE",
            summary="on the conclusions of the Head of the Commission at the conference reviewing\n"
            "the handling of petitions and case files in the first nine months of 2024",
            # no mark: "stamped CONFIDENTIAL" and "urgent cases" in the prose must not set one
            body=_paras("""
On 27/9/2024 the Head of the Central Internal Affairs Commission chaired a conference with the internal
affairs commissions of 63 provinces and cities. Having heard the report of the Department of General
Affairs, the Head of the Commission concluded:

1. In the first nine months of 2024 the Commission received 3,418 petitions, 2,976 of which (87.1%) were
handled on time under Regulation No. 11-QĐi/TW dated 18/2/2019 of the Politburo.

2. Petitions stamped CONFIDENTIAL shall be entered in a separate register and must not be scanned on
networked computers; urgent cases are reported to the Head of the Commission within 24 hours.

3. Provincial internal affairs commissions shall send their 2024 reports before 15/12/2024, following
Guidance No. 04-HD/BNCTW.
"""),
            signature=("FOR THE HEAD OF THE COMMISSION", "CHIEF OF OFFICE", "Dinh Van Khoa"),
            recipients=("- Internal affairs commissions of provincial Party committees,", "- Filed at the Commission."),
            language="en",
            title="Notice No. 146-TB/BNCTW (translation)",
        ),
        expected=_expect(
            doc_number="146-TB/BNCTW",
            doc_type="TB",
            issuer="Central Internal Affairs Commission",
            place="Hanoi",
            issued="2024-10-02",
            title="on the conclusions of the Head of the Commission at the conference reviewing the handling of "
            "petitions and case files in the first nine months of 2024",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Dinh Van Khoa",
            citations=["04-HD/BNCTW", "11-QĐi/TW"],
        ),
    ),
)

# ----------------------------------------------------------------------------------------------- PDF

_PDF = (
    MetadataCase(
        name="hue-kl-pdf-h1",
        fmt="pdf",
        doc=OfficialDoc(
            superior=_DB_HUE,
            issuer=_HUE,
            number="Số 702-KL/TU",
            place_date="Thừa Thiên Huế, ngày 21 tháng 3 năm 2024",
            type_word="KẾT LUẬN",
            of_body="CỦA BAN THƯỜNG VỤ TỈNH ỦY",
            summary="về kết quả kiểm tra công tác bảo vệ bí mật nhà nước\n"
            "tại các cơ quan đảng, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh năm 2023",
            secrecy="MẬT",
            body=_paras("""
Tại hội nghị ngày 18/3/2024, sau khi nghe Văn phòng Tỉnh ủy báo cáo kết quả kiểm tra theo Quyết định số
1560-QĐ/TU ngày 02/10/2023 tại 27 cơ quan, đơn vị (từ ngày 09/10 đến ngày 15/12/2023), Ban Thường vụ Tỉnh
ủy kết luận:

1. Năm 2023, các cơ quan được kiểm tra đã tiếp nhận 2.847 tài liệu mật, 134 tài liệu tối mật và 9 tài
liệu tuyệt mật; 100% được vào sổ theo dõi riêng. Không xảy ra lộ, lọt bí mật nhà nước.

2. Hạn chế: 6 cơ quan chưa ban hành nội quy bảo vệ bí mật nhà nước theo Luật số 29/2018/QH14 và Nghị
định số 26/2020/NĐ-CP ngày 28/02/2020 của Chính phủ; 11 máy tính soạn thảo tài liệu mật từng kết nối
Internet.

3. Giao Văn phòng Tỉnh ủy chủ trì, phối hợp với Công an tỉnh hướng dẫn khắc phục trước ngày 30/4/2024 và
kiểm tra lại trong quý IV/2024. Các cơ quan tiếp tục thực hiện Chỉ thị số 31-CT/TU ngày 25/7/2022 của
Ban Thường vụ Tỉnh ủy.
"""),
            signature=("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Nguyễn Thị Thu Sương"),
            recipients=("- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,", "- Công an tỉnh,", _LUU_VPTU),
        ),
        expected=_expect(
            doc_number="702-KL/TU",
            doc_type="KL",
            issuer="Tỉnh ủy Thừa Thiên Huế",
            place="Thừa Thiên Huế",
            issued="2024-03-21",
            title="về kết quả kiểm tra công tác bảo vệ bí mật nhà nước tại các cơ quan đảng, Mặt trận Tổ quốc và "
            "các đoàn thể chính trị - xã hội tỉnh năm 2023",
            classification="confidential",
            urgency=None,
            language="vi",
            signer="Nguyễn Thị Thu Sương",
            citations=["1560-QĐ/TU", "26/2020/NĐ-CP", "29/2018/QH14", "31-CT/TU"],
        ),
        writer_kwargs=dict(_PDF_SERIF),
    ),
    MetadataCase(
        name="ct-da-pdf-h1",
        fmt="pdf",
        doc=OfficialDoc(
            superior=_DB_CT,
            issuer=_CT,
            number="Số 11-ĐA/TU",
            place_date="Cần Thơ, ngày 30-9-2024",
            type_word="ĐỀ ÁN",
            summary="chuyển đổi số trong hoạt động của các cơ quan đảng, Mặt trận Tổ quốc\n"
            "và các tổ chức chính trị - xã hội thành phố Cần Thơ\n"
            "giai đoạn 2024–2027, định hướng đến năm 2030",
            body=_paras("""
I. THỰC TRẠNG

Đến ngày 31/8/2024, 100% cơ quan đảng thành phố và 9/9 quận ủy, huyện ủy đã sử dụng phần mềm quản lý
văn bản; tuy nhiên, chỉ 43,5% hồ sơ công việc được lập trên môi trường điện tử. Hạ tầng mạng nội bộ của
một số đơn vị được đầu tư từ năm 2012, đã xuống cấp.

II. MỤC TIÊU

Đến năm 2027: 95% văn bản đi được ký số; 80% hồ sơ công việc được xử lý trên mạng; số hóa toàn bộ tài
liệu lưu trữ của Thành ủy giai đoạn 2004–2020 (khoảng 860 mét giá). Đến năm 2030: kết nối, chia sẻ dữ
liệu với các cơ quan đảng Trung ương, thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị.

III. KINH PHÍ

Tổng kinh phí dự kiến 48,6 tỷ đồng, trong đó năm 2025 là 17,2 tỷ đồng; bố trí từ ngân sách thành phố
theo Nghị quyết số 12/2023/NQ-HĐND ngày 07/7/2023 của Hội đồng nhân dân thành phố.

IV. TỔ CHỨC THỰC HIỆN

Văn phòng Thành ủy là cơ quan thường trực, định kỳ 6 tháng báo cáo Ban Thường vụ Thành ủy. Đề án này
thay thế Kế hoạch số 95-KH/TU ngày 15/3/2021.
"""),
            signature=("T/M THÀNH ỦY", "BÍ THƯ", "Trương Quốc Vinh"),
            recipients=("- Văn phòng Trung ương Đảng,", "- Các quận ủy, huyện ủy, đảng ủy trực thuộc,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="11-ĐA/TU",
            doc_type="ĐA",
            issuer="Thành ủy Cần Thơ",
            place="Cần Thơ",
            issued="2024-09-30",
            title="chuyển đổi số trong hoạt động của các cơ quan đảng, Mặt trận Tổ quốc và các tổ chức chính trị - "
            "xã hội thành phố Cần Thơ giai đoạn 2024–2027, định hướng đến năm 2030",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Trương Quốc Vinh",
            citations=["12/2023/NQ-HĐND", "52-NQ/TW", "95-KH/TU"],
        ),
    ),
    MetadataCase(
        name="na-kh-pdf-en-h1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer="NGHE AN PROVINCIAL PARTY COMMITTEE",
            party_line=_CPV,
            number="No. 342-KH/TU",
            place_date="Nghe An, March 12, 2024",
            type_word="PLAN",
            summary="for the 2024 review of records management in the Party agencies\n"
            "and mass organisations of the province",
            # no mark: "marked URGENT" and "top secret records" in the prose must not set one
            body=_paras("""
I. PURPOSE

To assess how Party agencies have applied Directive No. 12-CT/TU dated 26/2/2024 of the Standing
Committee and Rules No. 05-QC/TU dated 19/7/2021, and to collect data for the documents of the next
provincial Party congress.

II. CONTENTS AND SCHEDULE

1. From 1/4 to 31/5/2024 the 21 district-level Party committees and 12 Party committees directly under
the Provincial Party Committee review their files of 2020–2023 and report the number of files, pages
and metres of shelving.

2. From 3/6 to 28/6/2024 five inspection teams visit 33 units; each team spends no more than 2 days in
a unit.

3. Documents marked URGENT by the sending agency are registered and passed on the same day; files
holding top secret records are reviewed only on the premises of the agency that keeps them.

III. IMPLEMENTATION

The Provincial Party Committee Office shall report the results to the Standing Committee before
15/7/2024, together with proposals for amending the Rules.
"""),
            signature=("ON BEHALF OF THE STANDING COMMITTEE", "DEPUTY SECRETARY", "Cao Thi Minh Nguyet"),
            recipients=("- District-level Party committees,", "- Filed at the Provincial Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="342-KH/TU",
            doc_type="KH",
            issuer="Nghe An Provincial Party Committee",
            place="Nghe An",
            issued="2024-03-12",
            title="for the 2024 review of records management in the Party agencies and mass organisations of the "
            "province",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Cao Thi Minh Nguyet",
            citations=["05-QC/TU", "12-CT/TU"],
        ),
    ),
    MetadataCase(
        name="bnctu-bc-pdf-h1",
        fmt="pdf",
        doc=OfficialDoc(
            superior=_HCM,
            issuer="BAN NỘI CHÍNH",
            number="Số 198—BC/BNCTU",
            place_date="Thành phố Hồ Chí Minh, ngày 15 tháng 7 năm 2025",
            type_word="BÁO CÁO",
            summary="kết quả công tác phòng, chống tham nhũng, lãng phí, tiêu cực\n"
            "6 tháng đầu năm 2025 và phương hướng, nhiệm vụ 6 tháng cuối năm 2025",
            secrecy="TỐI MẬT",
            urgency="HỎA TỐC",
            body=_paras("""
Thực hiện Kế hoạch số 312-KH/TU ngày 06/01/2025 của Ban Thường vụ Thành ủy và Công văn số 2257-CV/BNCTW
ngày 20/6/2025 của Ban Nội chính Trung ương, Ban Nội chính Thành ủy báo cáo như sau:

1. Trong 6 tháng đầu năm 2025, các cơ quan chức năng đã tiến hành 1.284 cuộc thanh tra, kiến nghị thu
hồi 412,7 tỷ đồng và 18.600 m² đất; khởi tố 96 vụ/241 bị can về các tội tham nhũng, chức vụ, tăng 14 vụ
so với cùng kỳ năm 2024.

2. Ban Chỉ đạo thành phố theo dõi 37 vụ án, vụ việc, đã đưa ra xét xử sơ thẩm 19 vụ. Hồ sơ các vụ việc
được lập, quản lý theo chế độ tài liệu tối mật; không để xảy ra lộ, lọt thông tin.

3. Nhiệm vụ 6 tháng cuối năm: xử lý xong 100% kiến nghị sau thanh tra trước ngày 31/12/2025; tiếp tục
thực hiện Chỉ thị số 04-CT/TW ngày 02/6/2021 của Ban Bí thư.
"""),
            signature=("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Huỳnh Thị Ngọc Hân"),
            recipients=("- Ban Nội chính Trung ương,", "- Thường trực Thành ủy (để b/c),", "- Lưu VT (bản số 3)."),
        ),
        expected=_expect(
            doc_number="198-BC/BNCTU",
            doc_type="BC",
            issuer="Ban Nội chính Thành ủy Thành phố Hồ Chí Minh",
            place="Thành phố Hồ Chí Minh",
            issued="2025-07-15",
            title="kết quả công tác phòng, chống tham nhũng, lãng phí, tiêu cực 6 tháng đầu năm 2025 và phương "
            "hướng, nhiệm vụ 6 tháng cuối năm 2025",
            classification="secret",
            urgency="flash",
            language="vi",
            signer="Huỳnh Thị Ngọc Hân",
            citations=["04-CT/TW", "2257-CV/BNCTW", "312-KH/TU"],
        ),
    ),
    MetadataCase(
        name="hu-qdi-pdf-h1",
        fmt="pdf",
        doc=OfficialDoc(
            superior=_DB_NA,
            issuer="HUYỆN ỦY NGHI LỘC",
            number="Số 1035-QĐ/HU",  # the QĐ abbreviation used for a quy định: the type word decides
            place_date="Nghi Lộc, ngày 05/01/2024",
            type_word="QUY ĐỊNH",
            summary="về chế độ báo cáo, thông tin định kỳ của các tổ chức cơ sở đảng trực thuộc Huyện ủy",
            body=_paras("""
Điều 1. Phạm vi áp dụng. Quy định này áp dụng đối với 47 tổ chức cơ sở đảng trực thuộc Huyện ủy và các
cơ quan tham mưu, giúp việc Huyện ủy.

Điều 2. Kỳ báo cáo. Báo cáo tháng lấy số liệu từ ngày 15 tháng trước đến ngày 14 tháng báo cáo, gửi
trước ngày 17; báo cáo quý gửi trước ngày 17 của tháng cuối quý; báo cáo 6 tháng gửi trước ngày 17/6;
báo cáo năm gửi trước ngày 17/12.

Điều 3. Phương thức gửi. Báo cáo có nội dung thuộc bí mật nhà nước được gửi bằng văn bản giấy qua văn
thư, không gửi qua phần mềm; các báo cáo khác gửi qua hệ thống thông tin điều hành theo Hướng dẫn số
12-HD/VPTU ngày 22/8/2023 của Văn phòng Tỉnh ủy.

Điều 4. Hiệu lực. Quy định này thay thế Quy định số 487-QĐ/HU ngày 14/3/2019 của Ban Thường vụ Huyện ủy
và có hiệu lực từ ngày ký.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Võ Đình Hưng"),
            recipients=("- Thường trực Tỉnh ủy (để b/c),", "- Các tổ chức cơ sở đảng,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="1035-QĐ/HU",
            doc_type="QĐi",
            issuer="Huyện ủy Nghi Lộc",
            place="Nghi Lộc",
            issued="2024-01-05",
            title="về chế độ báo cáo, thông tin định kỳ của các tổ chức cơ sở đảng trực thuộc Huyện ủy",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Võ Đình Hưng",
            citations=["12-HD/VPTU", "487-QĐ/HU"],
        ),
        writer_kwargs=dict(_PDF_SERIF),
    ),
    MetadataCase(
        name="ct-tb-pdf-en-h1",
        fmt="pdf",
        doc=OfficialDoc(
            issuer="CAN THO CITY PARTY COMMITTEE",
            party_line=_CPV,
            number="No. 214-TB/TU",
            place_date="Can Tho, 18 April 2025",
            type_word="NOTICE",
            of_body="CONCLUSIONS OF THE STANDING BOARD OF THE CITY PARTY COMMITTEE",
            summary="on preparing the handover of archives when Party organisations\nof the city are merged in 2025",
            urgency="URGENT",
            body=_paras("""
On 16/4/2025 the Standing Board of the City Party Committee heard the City Party Committee Office
report on the handover of the archives of 9 district Party committees and 83 commune-level Party
committees that will be merged from 1/7/2025. The Standing Board concluded:

1. All files of the dissolved committees, about 2,140 metres of shelving, shall be listed, sealed and
handed over by 25/6/2025; files of the 1990–2005 period that are still unsorted come first.

2. The handover follows Guidance No. 28-HD/VPTW dated 4/3/2025 of the Central Party Office and Project
No. 11-ĐA/TU of the City Party Committee.

3. Records marked secret or top secret are handed over separately, with minutes signed by both sides;
any shortfall is reported to the Standing Board within 48 hours.
"""),
            signature=("FOR THE STANDING BOARD", "CHIEF OF OFFICE", "Tran Thi Kim Loan"),
            recipients=("- District Party committees,", "- Filed at the City Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="214-TB/TU",
            doc_type="TB",
            issuer="Can Tho City Party Committee",
            place="Can Tho",
            issued="2025-04-18",
            title="on preparing the handover of archives when Party organisations of the city are merged in 2025",
            classification="unclassified",
            urgency="urgent",
            language="en",
            signer="Tran Thi Kim Loan",
            citations=["11-ĐA/TU", "28-HD/VPTW"],
        ),
    ),
)

# ---------------------------------------------------------------------------------------------- text

_TEXT = (
    MetadataCase(
        name="na-ct-text-h1",
        fmt="text",
        doc=OfficialDoc(
            superior=_DB_NA,
            issuer=_NA,
            number="Số 12-CT/TU",
            # the "MẬT" stamp sits right of the number: in the columns layout it is the right-hand cell
            # of the number's line ("Số 12-CT/TU" ... "MẬT"), two lines under the date
            place_date="Nghệ An, ngày 26 tháng 02 năm 2024\n\nMẬT",
            type_word="CHỈ THỊ",
            summary="về tăng cường lãnh đạo công tác bảo vệ bí mật nhà nước\ntrong tình hình mới",
            body=_paras("""
Những năm qua, các cấp ủy, tổ chức đảng trong tỉnh đã thực hiện nghiêm Luật Bảo vệ bí mật nhà nước số
29/2018/QH14 và Chỉ thị số 09-CT/TU ngày 06/6/2022 của Ban Thường vụ Tỉnh ủy; trong 2 năm 2022–2023 không
xảy ra vụ việc lộ, lọt bí mật nhà nước nghiêm trọng. Tuy nhiên, qua kiểm tra 46 cơ quan, đơn vị, còn 13
máy tính soạn thảo tài liệu mật có kết nối Internet, 5 đơn vị chưa mở sổ theo dõi tài liệu mật đến.

Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng, người đứng đầu cơ quan, đơn vị:

1. Chỉ soạn thảo, lưu giữ tài liệu mật trên máy tính không kết nối mạng; việc sao, chụp phải được người
có thẩm quyền cho phép bằng văn bản theo Nghị định số 26/2020/NĐ-CP của Chính phủ.

2. Rà soát, cập nhật danh mục bí mật nhà nước của cơ quan, hoàn thành trước ngày 30/4/2024; kiểm tra
định kỳ 6 tháng/lần.

3. Văn phòng Tỉnh ủy, Công an tỉnh theo dõi, đôn đốc việc thực hiện Chỉ thị số 12-CT/TU, sơ kết vào
tháng 12/2025.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Phan Đình Lộc"),
            recipients=(
                "- Văn phòng Trung ương Đảng,",
                "- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,",
                _LUU_VPTU,
            ),
        ),
        expected=_expect(
            doc_number="12-CT/TU",
            doc_type="CT",
            issuer="Tỉnh ủy Nghệ An",
            place="Nghệ An",
            issued="2024-02-26",
            title="về tăng cường lãnh đạo công tác bảo vệ bí mật nhà nước trong tình hình mới",
            classification="confidential",
            urgency=None,
            language="vi",
            signer="Phan Đình Lộc",
            citations=["09-CT/TU", "26/2020/NĐ-CP", "29/2018/QH14"],
        ),
        writer_kwargs={"encoding": "utf-8", "layout": "columns"},
    ),
    MetadataCase(
        name="vptu-cv-text-h1",
        fmt="text",
        doc=OfficialDoc(
            superior=_CT,
            issuer="VĂN PHÒNG",
            number="Số 1456-CV/VPTU     KHẨN",  # the "KHẨN" stamp printed on the number's own line
            place_date="Cần Thơ, ngày 08 tháng 10 năm 2024",
            summary="V/v cung cấp hồ sơ, tài liệu phục vụ biên soạn lịch sử Đảng bộ thành phố giai đoạn 2004–2024",
            body=_paras("""
Kính gửi: Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy

Thực hiện Kế hoạch số 187-KH/TU ngày 12/01/2024 của Ban Thường vụ Thành ủy về biên soạn, xuất bản cuốn
Lịch sử Đảng bộ thành phố Cần Thơ (2004–2024), Văn phòng Thành ủy đề nghị các đơn vị:

1. Cung cấp bản sao các nghị quyết, chỉ thị, kết luận của cấp ủy giai đoạn 2004–2024 (bản giấy và bản
điện tử định dạng PDF/A), kèm danh mục ghi rõ số, ký hiệu, ngày ban hành, trích yếu của từng văn bản.

2. Tài liệu có đóng dấu “MẬT” gửi riêng theo đường văn thư, không gửi qua hệ thống phần mềm.

Thời hạn gửi: trước 16 giờ 30 ngày 25/10/2024. Chi tiết liên hệ đồng chí Lê Thanh Tâm, Phòng Lưu trữ,
điện thoại 0292.3821.456.
"""),
            signature=("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Thị Mỹ Phương"),
            recipients=("- Như trên,", "- Ban Tuyên giáo Thành ủy (để phối hợp),", _LUU_VT),
        ),
        expected=_expect(
            doc_number="1456-CV/VPTU",
            doc_type="CV",
            issuer="Văn phòng Thành ủy Cần Thơ",
            place="Cần Thơ",
            issued="2024-10-08",
            title="V/v cung cấp hồ sơ, tài liệu phục vụ biên soạn lịch sử Đảng bộ thành phố giai đoạn 2004–2024",
            classification="unclassified",
            urgency="urgent",
            language="vi",
            signer="Nguyễn Thị Mỹ Phương",
            citations=["187-KH/TU"],
        ),
        writer_kwargs={"encoding": "cp1258", "layout": "columns"},
    ),
    MetadataCase(
        name="hue-bb-text-en-h1",
        fmt="text",
        doc=OfficialDoc(
            issuer="THUA THIEN HUE PROVINCIAL PARTY COMMITTEE",
            party_line=_CPV,
            number="No. 41-BB/TU",
            place_date="Hue, 27 February 2024",
            type_word="MINUTES",
            summary="of the handover of the 2015–2020 term records of district-level Party committees\n"
            "to the archives of the Provincial Party Committee Office",
            # no mark: "classified as secret" in the prose must not set one
            body=_paras("""
Time: 8:30 on 26/2/2024. Venue: meeting room 3 of the Provincial Party Committee Office, Hue.

Handing over: the offices of 9 district-level Party committees. Receiving: the archives of the
Provincial Party Committee Office, under Plan No. 64-KH/TU dated 10/1/2024.

The parties handed over 1,276 files (about 148 metres of shelving), including 62 files of documents
classified as secret, which were listed separately under Regulation No. 06-QĐi/TU dated 17/5/2021.

The minutes were made in 3 copies of equal validity and signed at 11:45 on the same day.
"""),
            signature=("FOR THE RECEIVING PARTY", "HEAD OF ARCHIVES", "Ton That Minh Quan"),
            recipients=(
                "- The 9 district-level Party committees,",
                "- Filed at the Provincial Party Committee Office.",
            ),
            language="en",
        ),
        expected=_expect(
            doc_number="41-BB/TU",
            doc_type="BB",
            issuer="Thua Thien Hue Provincial Party Committee",
            place="Hue",
            issued="2024-02-27",
            title="of the handover of the 2015–2020 term records of district-level Party committees to the "
            "archives of the Provincial Party Committee Office",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Ton That Minh Quan",
            citations=["06-QĐi/TU", "64-KH/TU"],
        ),
        writer_kwargs={"encoding": "utf-8-sig", "layout": "columns"},
    ),
    MetadataCase(
        name="ubkttu-qd-text-h1",
        fmt="text",
        doc=OfficialDoc(
            superior=_NA,
            issuer="ỦY BAN KIỂM TRA",
            number="Số 245-QĐ/UBKTTU",
            place_date="Nghệ An, ngày 28-5-2024",
            type_word="QUYẾT ĐỊNH",
            summary="về việc thành lập Tổ kiểm tra việc chấp hành chế độ lập hồ sơ, nộp lưu tài liệu\n"
            "tại Đảng ủy Khối các cơ quan tỉnh",
            body=_paras("""
ỦY BAN KIỂM TRA TỈNH ỦY

Căn cứ Điều lệ Đảng; căn cứ Hướng dẫn số 02-HD/TW ngày 09/12/2021 của Ban Chấp hành Trung ương; căn cứ
Chương trình số 03-CTr/UBKTTU ngày 08/01/2024 của Ủy ban Kiểm tra Tỉnh ủy về công tác kiểm tra, giám sát
năm 2024,

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ kiểm tra gồm 04 đồng chí (có danh sách kèm theo) kiểm tra việc chấp hành chế độ lập
hồ sơ, nộp lưu tài liệu tại Đảng ủy Khối các cơ quan tỉnh; thời gian kiểm tra từ ngày 03/6/2024 đến ngày
28/6/2024, kỳ kiểm tra từ ngày 01/01/2022 đến ngày 31/12/2023.

Điều 2. Tổ kiểm tra xây dựng kế hoạch, đề cương và báo cáo kết quả với Ủy ban Kiểm tra Tỉnh ủy trước
ngày 10/7/2024.

Điều 3. Văn phòng Ủy ban Kiểm tra Tỉnh ủy, Đảng ủy Khối các cơ quan tỉnh và các đồng chí có tên tại Điều
1 thi hành Quyết định số 245-QĐ/UBKTTU.
"""),
            signature=("T/M ỦY BAN KIỂM TRA", "PHÓ CHỦ NHIỆM THƯỜNG TRỰC", "Nguyễn Văn Khánh"),
            recipients=("- Thường trực Tỉnh ủy (để b/c),", "- Như Điều 3,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="245-QĐ/UBKTTU",
            doc_type="QĐ",
            issuer="Ủy ban Kiểm tra Tỉnh ủy Nghệ An",
            place="Nghệ An",
            issued="2024-05-28",
            title="về việc thành lập Tổ kiểm tra việc chấp hành chế độ lập hồ sơ, nộp lưu tài liệu tại Đảng ủy "
            "Khối các cơ quan tỉnh",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Nguyễn Văn Khánh",
            citations=["02-HD/TW", "03-CTr/UBKTTU"],
        ),
        writer_kwargs={"encoding": "utf-16", "layout": "columns"},
    ),
    MetadataCase(
        name="ct-tt-text-h1",
        fmt="text",
        doc=OfficialDoc(
            superior=_DB_CT,
            issuer=_CT,
            number="Số 07-TT/TU",
            place_date="Cần Thơ, ngày 6 tháng 5 năm 2024",
            type_word="THÔNG TRI",
            summary="về lãnh đạo công tác thu thập, chỉnh lý tài liệu lưu trữ của các cơ quan đảng\n"
            "khi sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023–2025",
            # no mark: "tài liệu khẩn, mật" in the prose must not set one
            body=_paras("""
Thực hiện Nghị quyết số 37-NQ/TW ngày 24/12/2018 và Kết luận số 48-KL/TW ngày 30/01/2023 của Bộ Chính
trị, trong giai đoạn 2023–2025 thành phố sắp xếp 21 đơn vị hành chính cấp xã. Để không thất lạc tài
liệu của các đơn vị thuộc diện sắp xếp, Ban Thường vụ Thành ủy yêu cầu:

1. Cấp ủy các đơn vị thuộc diện sắp xếp thống kê toàn bộ tài liệu hiện có (tính đến ngày 30/6/2024), lập
biên bản giao nhận theo mẫu tại Hướng dẫn số 05-HD/VPTU ngày 15/4/2024 của Văn phòng Thành ủy.

2. Tài liệu khẩn, mật đang giải quyết dở dang phải được bàn giao trực tiếp cho cấp ủy mới trong vòng 05
ngày làm việc kể từ ngày nghị quyết về sắp xếp đơn vị hành chính có hiệu lực.

3. Văn phòng Thành ủy tổng hợp, báo cáo Ban Thường vụ Thành ủy trước ngày 15/12/2024 và ngày 15/6/2025.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Thành Nhân"),
            recipients=("- Các quận ủy, huyện ủy, đảng ủy trực thuộc,", "- Các ban đảng Thành ủy,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="07-TT/TU",
            doc_type="TT",
            issuer="Thành ủy Cần Thơ",
            place="Cần Thơ",
            issued="2024-05-06",
            title="về lãnh đạo công tác thu thập, chỉnh lý tài liệu lưu trữ của các cơ quan đảng khi sắp xếp đơn "
            "vị hành chính cấp huyện, cấp xã giai đoạn 2023–2025",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Nguyễn Thành Nhân",
            citations=["05-HD/VPTU", "37-NQ/TW", "48-KL/TW"],
        ),
        writer_kwargs={"encoding": "utf-8"},
    ),
    MetadataCase(
        name="tw-kl-text-en-h1",
        fmt="text",
        doc=OfficialDoc(
            issuer=_CC,
            party_line=_CPV,
            number="No. 126–KL/TW",
            place_date="Hanoi, 22 August 2025",
            type_word="CONCLUSION",
            of_body="OF THE POLITBURO",
            summary="on continuing to improve the protection and use of Party archives\n"
            "in the period 2025–2030, with a vision to 2045",
            # no mark: "top secret, secret or confidential" in the prose must not set one
            body=_paras("""
On 15/8/2025, having heard the report of the Central Party Office on archive work in 2020–2025, the
Politburo concluded as follows.

1. In 2020–2025 the Party archives at central and provincial level received 38,600 metres of records,
and 71% of the records of permanent value were digitised, against the 60% target set in Conclusion No.
21-KL/TW dated 8/10/2024. The Law on Archives No. 33/2024/QH15, in force since 1/7/2025, calls for
changes to internal rules.

2. By 2030 all records of permanent value shall be digitised. Records classified as top secret, secret
or confidential shall be kept only on the isolated internal network, in line with Law No. 117/2025/QH15.

3. The Central Party Office shall revise Guidance No. 36-HD/VPTW and report to the Politburo on the
implementation of Conclusion No. 126-KL/TW every two years.
"""),
            signature=("ON BEHALF OF THE POLITBURO", "Nguyen Duc Phong"),
            recipients=("- Provincial and city Party committees,", "- Filed at the Central Party Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="126-KL/TW",
            doc_type="KL",
            issuer="Politburo",
            place="Hanoi",
            issued="2025-08-22",
            title="on continuing to improve the protection and use of Party archives in the period 2025–2030, "
            "with a vision to 2045",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Nguyen Duc Phong",
            citations=["117/2025/QH15", "21-KL/TW", "33/2024/QH15", "36-HD/VPTW"],
        ),
        writer_kwargs={"encoding": "utf-16"},
    ),
    MetadataCase(
        name="bnctu-ttr-text-h1",
        fmt="text",
        doc=OfficialDoc(
            superior=_NA,
            issuer="BAN NỘI CHÍNH",
            number="Số 64-TTr/BNCTU",
            place_date="Nghệ An, ngày 19 tháng 9 năm 2024",
            type_word="TỜ TRÌNH",
            summary="về việc ban hành Quy chế phối hợp giữa Ban Nội chính Tỉnh ủy với các cơ quan tư pháp tỉnh\n"
            "trong việc cung cấp, quản lý hồ sơ vụ án, vụ việc",
            urgency="THƯỢNG KHẨN",
            body=_paras("""
Kính gửi: Ban Thường vụ Tỉnh ủy

Quy chế phối hợp số 02-QC/BNCTU ngày 14/8/2018 đã bộc lộ một số bất cập: thời hạn cung cấp hồ sơ chưa
cụ thể, chưa quy định việc chuyển giao hồ sơ điện tử. Trong 2 năm 2022–2023, Ban Nội chính Tỉnh ủy đã đề
nghị cung cấp 318 lượt hồ sơ, trong đó 47 lượt (14,8%) chậm quá 10 ngày.

Thực hiện Chương trình số 58-CTr/TU ngày 02/02/2024 của Tỉnh ủy, Ban Nội chính Tỉnh ủy đã chủ trì, phối
hợp với Công an tỉnh, Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh xây dựng dự thảo Quy chế mới
(có dự thảo kèm theo).

Ban Nội chính Tỉnh ủy kính trình Ban Thường vụ Tỉnh ủy xem xét, ban hành Quy chế trước ngày 30/9/2024,
thay thế Quy chế số 02-QC/BNCTU.
"""),
            signature=("TRƯỞNG BAN", "Trần Quốc Thiện"),
            recipients=("- Như trên,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="64-TTr/BNCTU",
            doc_type="TTr",
            issuer="Ban Nội chính Tỉnh ủy Nghệ An",
            place="Nghệ An",
            issued="2024-09-19",
            title="về việc ban hành Quy chế phối hợp giữa Ban Nội chính Tỉnh ủy với các cơ quan tư pháp tỉnh "
            "trong việc cung cấp, quản lý hồ sơ vụ án, vụ việc",
            classification="unclassified",
            urgency="very_urgent",
            language="vi",
            signer="Trần Quốc Thiện",
            citations=["02-QC/BNCTU", "58-CTr/TU"],
        ),
        writer_kwargs={"encoding": "cp1258"},
    ),
    MetadataCase(
        name="hcm-ctr-text-en-h1",
        fmt="text",
        doc=OfficialDoc(
            issuer="HO CHI MINH CITY PARTY COMMITTEE",
            party_line=_CPV,
            number="No. 38-CTr/TU",
            place_date="Ho Chi Minh City, November 6, 2023",
            type_word="PROGRAMME",
            summary="of action for implementing Resolution No. 31-NQ/TW of the Politburo\n"
            "on developing Ho Chi Minh City to 2030, with a vision to 2045,\n"
            "in the field of records and archives",
            body=_paras("""
I. PURPOSE

To put into practice Resolution No. 31-NQ/TW dated 30/12/2022 of the Politburo and Resolution No.
98/2023/QH15 of the National Assembly on piloting special mechanisms for the city, as far as they concern
the records and archives of Party agencies.

II. TARGETS

By 31/12/2025, 100% of the outgoing documents of the City Party Committee, its advisory agencies and the
22 district-level Party committees are issued electronically and signed digitally, and 70% of the
archives of the 1975–2010 period (about 3,950 metres) are digitised.

By 2030 the city's Party organisation has a single records database, linked with that of the Central
Party Office and searchable by number, symbol and date of issue.

III. RESPONSIBILITIES

The City Party Committee Office leads the programme and reports to the Standing Board every 6 months
(before 15/6 and 15/12). Reports on Programme No. 38-CTr/TU are filed together with those on Plan No.
276-KH/TU.
"""),
            signature=("ON BEHALF OF THE CITY PARTY COMMITTEE", "SECRETARY", "Vo Quang Dung"),
            recipients=("- Central Party Office,", "- Filed at the City Party Committee Office."),
            language="en",
        ),
        expected=_expect(
            doc_number="38-CTr/TU",
            doc_type="CTr",
            issuer="Ho Chi Minh City Party Committee",
            place="Ho Chi Minh City",
            issued="2023-11-06",
            title="of action for implementing Resolution No. 31-NQ/TW of the Politburo on developing Ho Chi Minh "
            "City to 2030, with a vision to 2045, in the field of records and archives",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Vo Quang Dung",
            citations=["276-KH/TU", "31-NQ/TW", "98/2023/QH15"],
        ),
        writer_kwargs={"encoding": "utf-8-sig"},
    ),
)

# ---------------------------------------------------------------------------------------------- HTML

_HTML = (
    MetadataCase(
        name="hue-qc-html-h1",
        fmt="html",
        doc=OfficialDoc(
            superior=_DB_HUE,
            issuer=_HUE,
            number="Số 04-QC/TU",
            place_date="Thừa Thiên Huế, ngày 09 tháng 10 năm 2023",
            type_word="QUY CHẾ",
            summary="quản lý, khai thác, sử dụng tài liệu lưu trữ tại Kho Lưu trữ Tỉnh ủy",
            # no mark: "TUYỆT MẬT, TỐI MẬT" and "MẬT" quoted in the prose must not set one
            body=_paras("""
Điều 1. Phạm vi điều chỉnh. Quy chế này quy định việc quản lý, khai thác, sử dụng tài liệu lưu trữ tại
Kho Lưu trữ Tỉnh ủy, thực hiện Quy định số 270-QĐ/TW ngày 06/12/2014 của Ban Bí thư.

Điều 2. Đối tượng khai thác. Cán bộ, đảng viên, cơ quan, tổ chức, cá nhân trong nước và nước ngoài có nhu
cầu nghiên cứu tài liệu; người nước ngoài khai thác tài liệu phải được Thường trực Tỉnh ủy đồng ý bằng
văn bản.

Điều 3. Thẩm quyền cho phép. Tài liệu có đóng dấu TUYỆT MẬT, TỐI MẬT chỉ được khai thác khi có ý kiến của
đồng chí Bí thư Tỉnh ủy; tài liệu đóng dấu MẬT do Chánh Văn phòng Tỉnh ủy quyết định. Thời gian giải
quyết yêu cầu không quá 05 ngày làm việc.

Điều 4. Hiệu lực. Quy chế này có hiệu lực từ ngày 15/10/2023, thay thế Quy chế số 11-QC/TU ngày 26/6/2017
của Ban Thường vụ Tỉnh ủy.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Trường Sơn"),
            recipients=("- Văn phòng Trung ương Đảng,", "- Các đảng bộ trực thuộc,", _LUU_VPTU),
            title="Quy chế khai thác tài liệu lưu trữ Tỉnh ủy (bản đăng trên cổng thông tin)",
        ),
        expected=_expect(
            doc_number="04-QC/TU",
            doc_type="QC",
            issuer="Tỉnh ủy Thừa Thiên Huế",
            place="Thừa Thiên Huế",
            issued="2023-10-09",
            title="quản lý, khai thác, sử dụng tài liệu lưu trữ tại Kho Lưu trữ Tỉnh ủy",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Lê Trường Sơn",
            citations=["11-QC/TU", "270-QĐ/TW"],
        ),
    ),
    MetadataCase(
        name="qu-kh-html-h1",
        fmt="html",
        doc=OfficialDoc(
            superior=_DB_CT,
            issuer="QUẬN ỦY NINH KIỀU",
            number="Số 96-KH/QU",
            place_date="Ninh Kiều, ngày 17/01/2025",
            type_word="KẾ HOẠCH",
            summary="thực hiện Thông tri số 07-TT/TU ngày 06/5/2024 của Ban Thường vụ Thành ủy\n"
            "về thu thập, chỉnh lý tài liệu lưu trữ khi sắp xếp đơn vị hành chính",
            body=_paras("""
I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm toàn bộ tài liệu của 7 đảng ủy phường thuộc diện sắp xếp được thu thập đầy đủ, không để thất
lạc; thực hiện đúng Thông tri số 07-TT/TU của Ban Thường vụ Thành ủy và Hướng dẫn số 05-HD/VPTU của Văn
phòng Thành ủy.

II. NỘI DUNG, TIẾN ĐỘ

1. Từ ngày 20/01 đến ngày 28/02/2025: các đảng ủy phường thống kê tài liệu, lập danh mục hồ sơ (dự kiến
khoảng 112 mét giá).

2. Từ ngày 03/3 đến ngày 30/4/2025: Văn phòng Quận ủy phối hợp chỉnh lý, loại ra tài liệu hết giá trị,
lập hồ sơ đề nghị tiêu hủy theo quy định.

3. Trước ngày 15/5/2025: hoàn thành giao nộp tài liệu về Lưu trữ Quận ủy; kinh phí 1,85 tỷ đồng từ ngân
sách quận năm 2025.

III. TỔ CHỨC THỰC HIỆN

Văn phòng Quận ủy theo dõi, đôn đốc, báo cáo Ban Thường vụ Quận ủy kết quả thực hiện Kế hoạch này trước
ngày 31/5/2025.
"""),
            signature=("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Phạm Thị Hồng Nhung"),
            recipients=("- Văn phòng Thành ủy,", "- Các đảng ủy phường,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="96-KH/QU",
            doc_type="KH",
            issuer="Quận ủy Ninh Kiều",
            place="Ninh Kiều",
            issued="2025-01-17",
            title="thực hiện Thông tri số 07-TT/TU ngày 06/5/2024 của Ban Thường vụ Thành ủy về thu thập, chỉnh lý "
            "tài liệu lưu trữ khi sắp xếp đơn vị hành chính",
            classification="unclassified",
            urgency=None,
            language="vi",
            signer="Phạm Thị Hồng Nhung",
            citations=["05-HD/VPTU", "07-TT/TU"],
        ),
        writer_kwargs={"with_noise": False},
    ),
    MetadataCase(
        name="bdvtw-cv-html-en-h1",
        fmt="html",
        doc=OfficialDoc(
            superior=_CC,
            issuer="CENTRAL MASS MOBILISATION COMMISSION",
            party_line=_CPV,
            number="No. 2318-CV/BDVTW",
            place_date="Hanoi, 9 June 2025",
            summary="Re: collecting and archiving the records of model units in mass mobilisation work, 2020–2025",
            # no mark: "stamped URGENT or SECRET" in the prose must not set one
            body=_paras("""
To: Mass mobilisation commissions of provincial and city Party committees

To prepare the national conference reviewing the implementation of Conclusion No. 114-KL/TW dated
14/7/2015 of the Secretariat, planned for 25/9/2025, the Central Mass Mobilisation Commission requests
the commissions to:

1. Collect the records of the model units recognised in 2020–2025 (decisions, reports, photographs) and
send a list of them, giving the number, symbol and date of each document, before 31/7/2025.

2. Send scanned copies in PDF/A format through the Party's internal network. Files stamped URGENT or
SECRET by the issuing body must not be sent by e-mail; they are delivered by confidential courier.
"""),
            signature=("FOR THE HEAD OF THE COMMISSION", "DEPUTY HEAD", "Pham Thi Thanh Xuan"),
            recipients=("- As above,", "- Filed at the Commission."),
            language="en",
        ),
        expected=_expect(
            doc_number="2318-CV/BDVTW",
            doc_type="CV",
            issuer="Central Mass Mobilisation Commission",
            place="Hanoi",
            issued="2025-06-09",
            title="Re: collecting and archiving the records of model units in mass mobilisation work, 2020–2025",
            classification="unclassified",
            urgency=None,
            language="en",
            signer="Pham Thi Thanh Xuan",
            citations=["114-KL/TW"],
        ),
    ),
    MetadataCase(
        name="hcm-tb-html-h1",
        fmt="html",
        doc=OfficialDoc(
            superior=_DB_HCM,
            issuer=_HCM,
            number="Số 1532-TB/TU",
            place_date="Thành phố Hồ Chí Minh, ngày 02 tháng 12 năm 2024",
            type_word="THÔNG BÁO",
            of_body="KẾT LUẬN CỦA THƯỜNG TRỰC THÀNH ỦY",
            summary="về tình hình triển khai hệ thống quản lý văn bản và điều hành\n"
            "trong các cơ quan đảng thành phố năm 2024",
            secrecy="MẬT",
            urgency="KHẨN",
            body=_paras("""
Ngày 28/11/2024, Thường trực Thành ủy nghe Văn phòng Thành ủy báo cáo kết quả triển khai hệ thống quản
lý văn bản và điều hành theo Kế hoạch số 276-KH/TU ngày 14/11/2019 của Ban Thường vụ Thành ủy. Thường
trực Thành ủy kết luận:

1. Năm 2024, hệ thống đã xử lý 58.214 văn bản đến và 17.903 văn bản đi; thời gian xử lý trung bình giảm
từ 4,6 ngày (năm 2023) xuống 2,9 ngày. Còn 3/22 quận ủy, huyện ủy, thành ủy chưa kết nối liên thông.

2. Giao Văn phòng Thành ủy hoàn thành kết nối liên thông trước ngày 31/3/2025; rà soát, không để văn
bản có nội dung mật lưu trên hệ thống, theo Quy định số 08-QĐi/TU ngày 20/5/2022 của Ban Thường vụ Thành
ủy.

3. Báo cáo số 1024-BC/TU ngày 05/9/2024 của Ban Thường vụ Thành ủy tiếp tục là căn cứ để các cơ quan xây
dựng kế hoạch năm 2025.
"""),
            signature=("T/L THƯỜNG TRỰC THÀNH ỦY", "PHÓ CHÁNH VĂN PHÒNG", "Lâm Hoàng Yến"),
            recipients=("- Các đồng chí Thường trực Thành ủy,", "- Các cơ quan liên quan,", _LUU_VT),
        ),
        expected=_expect(
            doc_number="1532-TB/TU",
            doc_type="TB",
            issuer="Thành ủy Thành phố Hồ Chí Minh",
            place="Thành phố Hồ Chí Minh",
            issued="2024-12-02",
            title="về tình hình triển khai hệ thống quản lý văn bản và điều hành trong các cơ quan đảng thành phố "
            "năm 2024",
            classification="confidential",
            urgency="urgent",
            language="vi",
            signer="Lâm Hoàng Yến",
            citations=["08-QĐi/TU", "1024-BC/TU", "276-KH/TU"],
        ),
    ),
)

HOLDOUT: tuple[MetadataCase, ...] = _DOCX + _PDF + _TEXT + _HTML
