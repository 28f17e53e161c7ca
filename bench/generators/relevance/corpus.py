# ruff: noqa: E501  (the topic sentences below are data: one sentence per line reads best)
"""A deterministic corpus of invented Party records for measuring search quality.

About 400 official documents (resolutions, directives, conclusions, notices, reports, plans, regulations,
guidance, dispatches …) from central, provincial, city and district issuers in many provinces, 1998–2026,
about a fifth of them English translations. Bodies are assembled from topic sentences, so many documents are
about the same things and ranking matters; they contain near-miss words (bàn/bán/bản/ban/bạn, biển/biên/biến,
dầu/đầu/đấu), both tone-mark conventions (hòa/hoà, thủy/thuỷ, ủy/uỷ) and cite one another by symbol.
Every name, number and sentence is invented test data.

    build_corpus(folder)           write the files (text, HTML, DOCX, a few PDF) and describe them
    corpus_documents()             the same documents, in memory (cached)
    generate_documents(n, seed)    n documents of about 3 KB in the same style, streamed, for benchmarks
"""

from __future__ import annotations

import os
import random
import re
import shutil
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from bench.generators.docgen import OfficialDoc, plain_text, write_docx, write_html, write_pdf, write_text

SEED = 20_250_526
CORPUS_SIZE = 400
# Beside the project, or where RELEVANCE_NEWS_DIR says (a worktree's parent has no `shared` folder).
NEWS_DIR = Path(
    os.environ.get("RELEVANCE_NEWS_DIR") or Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "news"
)
NEWS_FILES = {  # file name → (language, year)
    "2013-11_hoi-nghi-van-phong-tinh-uy_vi.txt": ("vi", 2013),
    "2013-11_national-office-conference_en.txt": ("en", 2013),
    "2025-11_central-office-conference_en.txt": ("en", 2025),
}


@dataclass
class CorpusDoc:
    """One document of the relevance corpus and the facts a query may rely on."""

    filename: str
    key: str  # unique id key
    title: str  # the summary line (trích yếu) as printed; for news the headline
    symbol: str | None  # as printed: "57-NQ/TW", "06-QĐi/TU"
    doc_type: str | None  # vocabulary code: NQ, CT, QĐi …
    year: int | None
    language: str  # "vi" or "en"
    body: str  # body paragraphs, one per line
    issued: str | None = None  # ISO date
    issuer: str = ""  # header lines of the issuer as printed
    region: str = ""  # the place a staffer names: province, city or district ("" for central bodies)
    region_en: str = ""
    of_body: str | None = None  # "CỦA BỘ CHÍNH TRỊ", "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY" …
    type_word: str | None = None
    topic: str = ""
    aspect: str = ""
    cites: tuple[str, ...] = ()  # symbols cited in the body
    translation_of: str | None = None  # key of the Vietnamese original
    aspect_en: str = ""
    marked: tuple[str, str] = ("", "")  # the aspect with its key phrases in [brackets], Vietnamese and English
    keys: tuple[str, ...] = ()  # key phrases of the title: what a staffer would type (new tone convention)
    cited_as: str = ""  # how a later document names its author: "Bộ Chính trị", "Ban Thường vụ Tỉnh ủy" …
    old_tones: bool = False  # typed with the old tone-mark placement throughout (hoà, thuỷ, Uỷ)
    fmt: str = "text"
    official: OfficialDoc | None = field(default=None, repr=False)
    source: Path | None = None  # news: the file copied into the corpus folder

    @property
    def text(self) -> str:
        """The whole document as plain text (what an extractor should find)."""
        if self.official is not None:
            return plain_text(self.official)
        return self.source.read_text(encoding="utf-8") if self.source else self.body

    @property
    def issuer_name(self) -> str:
        """The issuer as people name it: `VĂN PHÒNG TỈNH ỦY NGHỆ AN`, `BAN TỔ CHỨC TRUNG ƯƠNG`, `HUYỆN ỦY …`."""
        lines = [line for line in self.issuer.split("\n") if line]
        if len(lines) == 2 and self.language == "vi":
            superior, unit = lines
            if fold(superior).upper().startswith("BAN CHAP HANH TRUNG UONG"):
                return f"{unit} TRUNG ƯƠNG"
            if not fold(superior).upper().startswith("DANG BO"):
                return f"{unit} {superior}"
        return lines[-1] if lines else ""

    @property
    def salient(self) -> str:
        """What a staffer remembers of a record: its summary, type, issuer and place."""
        parts = [self.title, self.type_word or "", self.of_body or "", self.issuer, self.issuer_name, self.region]
        return "\n".join(p for p in parts if p)


# ----------------------------------------------------------------------------------------- places and people

# (name, English name, still a province after the 2025 merger)
PROVINCES = (
    ("Quảng Trị", "Quang Tri", True), ("Quảng Bình", "Quang Binh", False), ("Nghệ An", "Nghe An", True),
    ("Hà Tĩnh", "Ha Tinh", True), ("Thanh Hóa", "Thanh Hoa", True), ("Thái Bình", "Thai Binh", False),
    ("Nam Định", "Nam Dinh", False), ("Ninh Bình", "Ninh Binh", True), ("Hòa Bình", "Hoa Binh", False),
    ("Thừa Thiên Huế", "Thua Thien Hue", False), ("Quảng Nam", "Quang Nam", False),
    ("Quảng Ngãi", "Quang Ngai", True), ("Bình Định", "Binh Dinh", False), ("Phú Yên", "Phu Yen", False),
    ("Khánh Hòa", "Khanh Hoa", True), ("Lâm Đồng", "Lam Dong", True), ("Đắk Lắk", "Dak Lak", True),
    ("Gia Lai", "Gia Lai", True), ("Kon Tum", "Kon Tum", False), ("Đồng Nai", "Dong Nai", True),
    ("Bình Dương", "Binh Duong", False), ("Long An", "Long An", False), ("Bến Tre", "Ben Tre", False),
    ("An Giang", "An Giang", True), ("Kiên Giang", "Kien Giang", False), ("Cà Mau", "Ca Mau", True),
    ("Sóc Trăng", "Soc Trang", False), ("Lào Cai", "Lao Cai", True), ("Yên Bái", "Yen Bai", False),
    ("Tuyên Quang", "Tuyen Quang", True), ("Hà Giang", "Ha Giang", False), ("Cao Bằng", "Cao Bang", True),
    ("Lạng Sơn", "Lang Son", True), ("Điện Biên", "Dien Bien", True), ("Sơn La", "Son La", True),
    ("Quảng Ninh", "Quang Ninh", True), ("Bắc Ninh", "Bac Ninh", True), ("Bắc Giang", "Bac Giang", False),
    ("Phú Thọ", "Phu Tho", True), ("Thái Nguyên", "Thai Nguyen", True), ("Hưng Yên", "Hung Yen", True),
    ("Đồng Tháp", "Dong Thap", True), ("Vĩnh Long", "Vinh Long", True), ("Tây Ninh", "Tay Ninh", True),
    ("Bình Thuận", "Binh Thuan", False), ("Trà Vinh", "Tra Vinh", False),
)  # fmt: skip
# (printed name after THÀNH ỦY, place in the date line, region a staffer types, English name)
CITIES = (
    ("HÀ NỘI", "Hà Nội", "Hà Nội", "Hanoi"),
    ("THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh", "Hồ Chí Minh", "Ho Chi Minh City"),
    ("ĐÀ NẴNG", "Đà Nẵng", "Đà Nẵng", "Da Nang"),
    ("HẢI PHÒNG", "Hải Phòng", "Hải Phòng", "Hai Phong"),
    ("CẦN THƠ", "Cần Thơ", "Cần Thơ", "Can Tho"),
)
# (district, its province or city, "tỉnh" or "thành phố")
DISTRICTS = (
    ("Hướng Hóa", "Quảng Trị", "tỉnh"), ("Lệ Thủy", "Quảng Bình", "tỉnh"), ("Quỳnh Lưu", "Nghệ An", "tỉnh"),
    ("Đô Lương", "Nghệ An", "tỉnh"), ("Can Lộc", "Hà Tĩnh", "tỉnh"), ("Hoằng Hóa", "Thanh Hóa", "tỉnh"),
    ("Thủy Nguyên", "Hải Phòng", "thành phố"), ("Đông Anh", "Hà Nội", "thành phố"),
    ("Củ Chi", "Hồ Chí Minh", "thành phố"), ("Hòa Vang", "Đà Nẵng", "thành phố"),
    ("Tuy Phước", "Bình Định", "tỉnh"), ("Krông Pắc", "Đắk Lắk", "tỉnh"), ("Mộc Châu", "Sơn La", "tỉnh"),
    ("Bảo Thắng", "Lào Cai", "tỉnh"), ("Phong Điền", "Thừa Thiên Huế", "tỉnh"), ("Tiên Yên", "Quảng Ninh", "tỉnh"),
)  # fmt: skip
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trương",
    "Lương",
    "Hà",
]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Xuân", "Ngọc", "Thu", "Hồng", "Công", "Đình", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phong",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thảo",
    "Thủy",
    "Trung",
    "Tuấn",
    "Vinh",
    "Yến",
    "Hoa",
    "Huệ",
    "Đạt",
    "Tùng",
    "Giang",
    "Hiếu",
    "Lực",
    "Ngân",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# ------------------------------------------------------------------------------------------- document types

TYPE_WORDS = {
    "NQ": "NGHỊ QUYẾT", "CT": "CHỈ THỊ", "KL": "KẾT LUẬN", "TB": "THÔNG BÁO", "BC": "BÁO CÁO",
    "KH": "KẾ HOẠCH", "QĐi": "QUY ĐỊNH", "QĐ": "QUYẾT ĐỊNH", "HD": "HƯỚNG DẪN", "CTr": "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "ĐA": "ĐỀ ÁN", "QC": "QUY CHẾ", "CV": None,
}  # fmt: skip
TYPE_WORDS_EN = {
    "NQ": "RESOLUTION", "CT": "DIRECTIVE", "KL": "CONCLUSION", "TB": "NOTICE", "BC": "REPORT", "KH": "PLAN",
    "QĐi": "REGULATION", "QĐ": "DECISION", "HD": "GUIDANCE", "CTr": "ACTION PROGRAMME", "ĐA": "PROJECT",
    "QC": "RULES", "CV": None,
}  # fmt: skip
TYPE_NAMES = {
    "NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "TB": "Thông báo kết luận", "BC": "Báo cáo",
    "KH": "Kế hoạch", "QĐi": "Quy định", "QĐ": "Quyết định", "HD": "Hướng dẫn", "CTr": "Chương trình hành động",
    "ĐA": "Đề án", "QC": "Quy chế", "CV": "Công văn",
}  # fmt: skip
TYPE_NAMES_EN = {
    "NQ": "Resolution", "CT": "Directive", "KL": "Conclusion", "TB": "Notice", "BC": "Report", "KH": "Plan",
    "QĐi": "Regulation", "QĐ": "Decision", "HD": "Guidance", "CTr": "Action Programme", "ĐA": "Project",
    "QC": "Rules", "CV": "Official Dispatch",
}  # fmt: skip
FILE_SLUGS = {
    "NQ": "nghi-quyet", "CT": "chi-thi", "KL": "ket-luan", "TB": "thong-bao", "BC": "bao-cao", "KH": "ke-hoach",
    "QĐi": "quy-dinh", "QĐ": "quyet-dinh", "HD": "huong-dan", "CTr": "chuong-trinh", "ĐA": "de-an",
    "QC": "quy-che", "CV": "cong-van",
}  # fmt: skip
# How far apart the numbers of consecutive corpus documents of one series are (the corpus is a sample).
NUMBER_STEPS = {
    "NQ": 4, "CT": 4, "KL": 14, "TB": 40, "BC": 45, "KH": 30, "QĐi": 3, "QĐ": 40, "HD": 5, "CTr": 5,
    "ĐA": 3, "QC": 3, "CV": 350,
}  # fmt: skip

# ------------------------------------------------------------------------------------------------- topics
# Sentences carry slots: {db} the area ("trên địa bàn tỉnh"), {toan} ("Toàn tỉnh"), {y} the year, {y1} the
# year before, {y5} five years on, {p}/{p2} percentages, {n}/{n2} counts, {g} a growth rate. A sentence may be
# (text, first year, last year). Roles: kq results, hc shortcomings, nv tasks.


@dataclass(frozen=True)
class Topic:
    key: str
    aspects: tuple[tuple[str, str, int, int], ...]  # (Vietnamese phrase, English phrase, first year, last year)
    vi: dict[str, tuple]
    en: dict[str, tuple]
    first: int = 1998
    last: int = 2026


TOPICS: tuple[Topic, ...] = (
    Topic(
        "cải cách hành chính",
        (
            ("đẩy mạnh [cải cách hành chính] trong các [cơ quan đảng]", "stepping up [administrative reform] in [Party agencies]", 1998, 2026),
            ("nâng cao [chỉ số hài lòng] của người dân đối với sự phục vụ của [cơ quan hành chính]", "raising [citizen satisfaction] with [public administrative services]", 2012, 2026),
            ("thực hiện [cơ chế một cửa], [một cửa liên thông]", "the [one-stop-shop] and [inter-agency one-stop-shop] mechanism", 2003, 2026),
            ("cải thiện [môi trường đầu tư kinh doanh], nâng cao [chỉ số năng lực cạnh tranh] cấp tỉnh", "improving the [business environment] and the [provincial competitiveness index]", 2008, 2026),
            ("sắp xếp [tổ chức bộ máy] của [hệ thống chính trị] [tinh gọn], hoạt động hiệu lực, hiệu quả", "[streamlining the apparatus] of the [political system]", 2017, 2026),
            ("[sắp xếp đơn vị hành chính] cấp huyện, cấp xã", "[merging] district- and commune-level [administrative units]", 2019, 2026),
        ),
        {
            "kq": (
                "Công tác cải cách hành chính {db} có nhiều chuyển biến; {p}% hồ sơ thủ tục hành chính được giải quyết đúng hạn, mức độ hài lòng của người dân, doanh nghiệp năm {y1} tăng so với năm trước.",
                "Bộ phận một cửa các cấp được kiện toàn, quy trình tiếp nhận và trả kết quả giải quyết thủ tục được công khai, minh bạch; nhiều thủ tục được rút ngắn thời gian từ {n2} ngày xuống còn một nửa.",
                ("Việc sắp xếp tổ chức bộ máy theo hướng tinh gọn được triển khai quyết liệt, giảm {n} đầu mối bên trong và nhiều cấp phó; chức năng, nhiệm vụ của từng cơ quan được phân định rõ hơn.", 2017, 2026),
            ),
            "hc": (
                "Tuy nhiên, một bộ phận cán bộ, công chức còn né tránh, đùn đẩy trách nhiệm; một số thủ tục còn rườm rà, hồ sơ phải bổ sung nhiều lần, gây phiền hà cho người dân.",
                "Chỉ số năng lực cạnh tranh và chỉ số cải cách hành chính chưa tương xứng với tiềm năng; sự phối hợp giữa các sở, ngành trong giải quyết thủ tục liên thông còn chậm.",
            ),
            "nv": (
                "Đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính; rà soát, bãi bỏ các thủ tục không cần thiết, công khai thời hạn giải quyết tại bộ phận một cửa.",
                "Gắn trách nhiệm của người đứng đầu với kết quả cải cách hành chính; đưa mức độ hài lòng của người dân vào tiêu chí đánh giá, xếp loại tổ chức đảng cuối năm.",
                "Tiếp tục sắp xếp, kiện toàn tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả; thực hiện nghiêm việc phân cấp, phân quyền gắn với kiểm tra, giám sát.",
                "Cải thiện mạnh mẽ môi trường đầu tư kinh doanh, tạo thuận lợi cho doanh nghiệp tiếp cận đất đai, tín dụng; kịp thời tháo gỡ vướng mắc cho các dự án đầu tư.",
            ),
        },
        {
            "kq": (
                "Administrative reform has made clear progress {db}: {p}% of administrative files were settled on time and the satisfaction of citizens and businesses rose in {y1}.",
                "One-stop-shop units were consolidated at every level, and the procedures for receiving files and returning results were made public.",
            ),
            "hc": ("However, some officials still avoid responsibility, and several procedures remain cumbersome, forcing citizens to submit papers again and again.",),
            "nv": (
                "Step up administrative reform with a focus on procedures; abolish unnecessary procedures and publish processing deadlines at every one-stop-shop unit.",
                "Hold the heads of agencies accountable for the results of administrative reform and include citizen satisfaction in the annual assessment of Party organisations.",
            ),
        },
    ),
    Topic(
        "chuyển đổi số",
        (
            ("đẩy mạnh [chuyển đổi số] trong các [cơ quan đảng]", "[digital transformation] in [Party agencies]", 2019, 2026),
            ("phát triển [chính quyền số], [kinh tế số] và [xã hội số]", "developing [digital government], the [digital economy] and a [digital society]", 2019, 2026),
            ("ứng dụng [chữ ký số] và gửi, nhận [văn bản điện tử]", "using [digital signatures] and exchanging [electronic documents]", 2019, 2026),
            ("xây dựng [cơ sở dữ liệu dùng chung] và [trung tâm dữ liệu]", "building [shared databases] and a [data centre]", 2019, 2026),
            ("bảo đảm an toàn, [an ninh mạng] trong các cơ quan của [hệ thống chính trị]", "ensuring [cyber security] in the agencies of the [political system]", 2019, 2026),
            ("[đột phá] phát triển [khoa học, công nghệ], [đổi mới sáng tạo]", "[breakthroughs] in [science, technology] and [innovation]", 2020, 2026),
            ("triển khai Đề án 06 về [dữ liệu dân cư], [định danh] và [xác thực điện tử]", "Project 06 on [population data] and [electronic identification]", 2022, 2026),
        ),
        {
            "kq": (
                "Hạ tầng số được đầu tư nâng cấp; {p}% văn bản đi, đến giữa các cơ quan đảng {db} được gửi, nhận trên môi trường mạng, phần lớn được ký số.",
                "Nhiều cơ sở dữ liệu chuyên ngành được xây dựng và kết nối với trục liên thông văn bản quốc gia; dịch vụ công trực tuyến toàn trình được cung cấp cho người dân, doanh nghiệp.",
                "Các cấp ủy đã ban hành nghị quyết, kế hoạch chuyên đề về chuyển đổi số; hội nghị trực tuyến được tổ chức thường xuyên đến cấp xã, tiết kiệm thời gian và kinh phí.",
            ),
            "hc": (
                "Tuy nhiên, chuyển đổi số ở một số nơi còn hình thức, dữ liệu phân tán, chưa được làm sạch và chia sẻ; đội ngũ cán bộ chuyên trách công nghệ thông tin còn thiếu.",
                "Nguy cơ mất an toàn, an ninh mạng gia tăng; một số máy tính dùng để soạn thảo văn bản mật vẫn kết nối Internet, chưa bảo đảm yêu cầu bảo mật.",
            ),
            "nv": (
                "Đẩy mạnh chuyển đổi số trong các cơ quan đảng, chính quyền; xử lý văn bản, hồ sơ công việc trên môi trường mạng, sử dụng chữ ký số trong tất cả văn bản điện tử.",
                "Xây dựng cơ sở dữ liệu dùng chung, kết nối, chia sẻ dữ liệu giữa các cơ quan; phát triển kinh tế số, xã hội số, lấy người dân, doanh nghiệp làm trung tâm.",
                "Bảo đảm an toàn, an ninh mạng; quản lý chặt chẽ máy tính và thiết bị lưu trữ dữ liệu, tuyệt đối không soạn thảo, lưu giữ tài liệu mật trên máy tính có kết nối Internet.",
                "Bồi dưỡng kỹ năng số cho cán bộ, đảng viên; khuyến khích doanh nghiệp công nghệ số đầu tư, phát triển các nền tảng số phục vụ người dân.",
            ),
        },
        {
            "kq": (
                "Digital infrastructure was upgraded; {p}% of documents between Party agencies {db} were exchanged over the network, most of them digitally signed.",
                "Many sector databases were built and connected to the national document exchange platform, and full online public services are offered to citizens.",
            ),
            "hc": ("However, digital transformation remains a formality in some places; data are scattered and not shared, and IT staff are in short supply.",),
            "nv": (
                "Accelerate digital transformation in Party and state agencies: process documents and files online and use digital signatures on every electronic document.",
                "Ensure cyber security and never draft or store classified documents on computers connected to the Internet.",
            ),
        },
        first=2019,
    ),
    Topic(
        "công nghệ thông tin",
        (
            ("ứng dụng [công nghệ thông tin] trong hoạt động của các [cơ quan đảng]", "applying [information technology] in the work of [Party agencies]", 1998, 2018),
            ("xây dựng và khai thác [mạng tin học diện rộng] của Đảng", "building and using the Party's [wide-area computer network]", 1998, 2018),
            ("sử dụng [bộ mã chữ Việt Unicode] trong [soạn thảo văn bản]", "using the [Unicode Vietnamese character set] in documents", 2001, 2018),
            ("[tin học hóa] công tác [quản lý văn bản] đi, văn bản đến", "[computerising] the [management of incoming and outgoing documents]", 1998, 2018),
        ),
        {
            "kq": (
                "Mạng tin học diện rộng của Đảng được triển khai đến {n} đầu mối; phần lớn cán bộ văn phòng đã sử dụng thành thạo máy vi tính trong soạn thảo văn bản.",
                "Trang thông tin điện tử của cấp ủy đi vào hoạt động, cung cấp kịp thời thông tin chỉ đạo, điều hành; thư điện tử được dùng để gửi, nhận tài liệu thông thường.",
            ),
            "hc": ("Tuy nhiên, trang thiết bị tin học còn thiếu, phần mềm quản lý văn bản chưa được dùng thống nhất; tài liệu còn được soạn bằng nhiều bảng mã khác nhau như TCVN3, VNI.",),
            "nv": (
                "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của các cơ quan đảng; thống nhất sử dụng bộ mã Unicode theo tiêu chuẩn TCVN 6909:2001 trong soạn thảo văn bản.",
                "Đầu tư nâng cấp mạng tin học diện rộng của Đảng, đào tạo cán bộ tin học cho văn phòng cấp ủy cấp huyện; từng bước tin học hóa công tác quản lý văn bản đến, văn bản đi.",
            ),
        },
        {
            "kq": ("The Party's wide-area computer network now reaches {n} units, and most office staff draft documents on computers.",),
            "hc": ("Equipment is still lacking and documents are typed in several encodings such as TCVN3 and VNI.",),
            "nv": ("Apply information technology in every Party agency and use the Unicode standard TCVN 6909:2001 for all documents.",),
        },
        last=2018,
    ),
    Topic(
        "công tác cán bộ",
        (
            ("công tác [quy hoạch cán bộ] lãnh đạo, quản lý các cấp", "[succession planning] for [leading and managerial cadres]", 1998, 2026),
            ("[luân chuyển, điều động cán bộ] lãnh đạo, quản lý", "[rotating] and [transferring leading cadres]", 2003, 2026),
            ("[đánh giá, xếp loại chất lượng] [tổ chức đảng], [đảng viên] hằng năm", "the [annual assessment] and [ranking] of [Party organisations] and members", 2008, 2026),
            ("bố trí [bí thư cấp ủy] [không phải người địa phương]", "appointing [Party secretaries] who are [not local people]", 2017, 2026),
            ("khuyến khích và [bảo vệ cán bộ] năng động, sáng tạo, [dám nghĩ, dám làm]", "encouraging and [protecting] dynamic, [creative cadres] who [dare to act]", 2018, 2026),
            ("đào tạo, bồi dưỡng [cán bộ trẻ], [cán bộ nữ], cán bộ [người dân tộc thiểu số]", "training [young], [female] and [ethnic minority cadres]", 1998, 2026),
            ("thực hiện chính sách [tinh giản biên chế]", "the [staff downsizing] policy", 2007, 2026),
        ),
        {
            "kq": (
                "Công tác cán bộ được thực hiện chặt chẽ, dân chủ, đúng quy trình; quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ {y}–{y5} được rà soát, bổ sung {n} đồng chí.",
                "Đã luân chuyển, điều động {n2} lượt cán bộ giữa cấp tỉnh và cấp huyện; bố trí bí thư cấp ủy không phải người địa phương ở {n2} đơn vị.",
                "Tỉ lệ cán bộ nữ, cán bộ trẻ và cán bộ người dân tộc thiểu số trong cấp ủy các cấp tăng so với nhiệm kỳ trước; đội ngũ cán bộ cơ sở từng bước được chuẩn hóa.",
            ),
            "hc": (
                "Tuy nhiên, việc đánh giá cán bộ còn nể nang, chưa phản ánh đúng thực chất; một số cán bộ có biểu hiện sợ sai, ngại va chạm, không dám làm.",
                "Cơ cấu độ tuổi chưa hợp lý, nơi thừa nơi thiếu; việc tinh giản biên chế ở một số đơn vị còn chậm, chưa gắn với vị trí việc làm.",
            ),
            "nv": (
                "Làm tốt công tác quy hoạch, đào tạo, bồi dưỡng cán bộ; chú trọng cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số, tạo nguồn cán bộ cho nhiệm kỳ tới.",
                "Thực hiện nghiêm việc luân chuyển, điều động cán bộ và bố trí cán bộ không phải người địa phương; kiên quyết thay thế cán bộ yếu kém, không hoàn thành nhiệm vụ.",
                ("Khuyến khích và bảo vệ cán bộ năng động, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung.", 2018, 2026),
                "Đổi mới việc đánh giá, xếp loại chất lượng cán bộ, đảng viên theo hướng lượng hóa bằng sản phẩm cụ thể; lấy kết quả đánh giá làm căn cứ bố trí, sử dụng cán bộ.",
            ),
        },
        {
            "kq": (
                "Cadre work followed procedures strictly; the leadership succession plan for {y}–{y5} was reviewed and {n} comrades were added.",
                "{n2} cadres were rotated between provincial and district level.",
            ),
            "hc": ("Assessments of cadres are still lenient, and some officials fear mistakes and avoid responsibility.",),
            "nv": (
                "Improve succession planning and training, paying attention to young, female and ethnic minority cadres.",
                "Replace weak cadres who fail to complete their tasks, and protect those who dare to think and act for the common good.",
            ),
        },
    ),
    Topic(
        "phòng chống tham nhũng",
        (
            ("tăng cường [phòng, chống tham nhũng], [lãng phí, tiêu cực]", "preventing and [combating corruption], [waste] and [negative conduct]", 1998, 2026),
            ("kiểm soát [tài sản, thu nhập] của [người có chức vụ, quyền hạn]", "controlling the [assets and income] of [office holders]", 2012, 2026),
            ("[thu hồi tài sản] bị chiếm đoạt trong các [vụ án tham nhũng], kinh tế", "[recovering misappropriated assets] in [corruption] and [economic cases]", 2012, 2026),
            ("[thực hành tiết kiệm], [chống lãng phí] trong sử dụng [ngân sách]", "[thrift] and [fighting waste] in spending the [budget]", 1998, 2026),
            ("phòng ngừa [xung đột lợi ích] trong [thực thi công vụ]", "preventing [conflicts of interest] in [public service]", 2018, 2026),
            ("[tiếp công dân], giải quyết [khiếu nại, tố cáo]", "[receiving citizens] and settling [complaints and denunciations]", 1998, 2026),
            ("quản lý, [bán đấu giá] [tài sản công]", "managing and [auctioning] [public assets]", 2008, 2026),
        ),
        {
            "kq": (
                "Công tác phòng, chống tham nhũng, lãng phí, tiêu cực được lãnh đạo quyết liệt; đã phát hiện, xử lý {n2} vụ việc, thu hồi hơn {n} tỉ đồng cho Nhà nước.",
                "Việc kê khai, công khai bản kê khai tài sản, thu nhập của người có chức vụ, quyền hạn được thực hiện đúng quy định; {p}% người phải kê khai đã hoàn thành.",
                "Các cơ quan nội chính đã phối hợp chặt chẽ trong điều tra, truy tố, xét xử các vụ án kinh tế, tham nhũng nghiêm trọng, dư luận xã hội quan tâm.",
            ),
            "hc": (
                "Tuy nhiên, tham nhũng vặt trong giải quyết thủ tục hành chính vẫn còn; việc tự kiểm tra, tự phát hiện tham nhũng trong nội bộ cơ quan còn hạn chế.",
                "Tình trạng lãng phí trong quản lý, sử dụng đất đai, tài sản công còn xảy ra; một số cuộc mua bán, đấu giá tài sản công thiếu công khai, minh bạch.",
            ),
            "nv": (
                "Tăng cường phòng, chống tham nhũng, lãng phí, tiêu cực; xử lý nghiêm minh, không có vùng cấm, không có ngoại lệ đối với mọi hành vi vi phạm.",
                "Kiểm soát chặt chẽ tài sản, thu nhập của người có chức vụ, quyền hạn; phòng ngừa xung đột lợi ích trong thực thi công vụ.",
                "Thực hành tiết kiệm, chống lãng phí trong sử dụng ngân sách; công khai việc bán đấu giá, thanh lý tài sản công và giao đất, cho thuê đất.",
                "Làm tốt công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo; bảo vệ người tố cáo, người phát hiện hành vi tham nhũng.",
            ),
        },
        {
            "kq": (
                "The fight against corruption, waste and negative conduct was resolutely directed; {n2} cases were handled and more than {n} billion dong recovered.",
                "{p}% of office holders declared their assets and income as required.",
            ),
            "hc": ("Petty corruption in administrative procedures persists, and waste in managing land and public assets still occurs.",),
            "nv": (
                "Handle every violation strictly, with no forbidden zones and no exceptions.",
                "Tightly control the assets and income of office holders and prevent conflicts of interest.",
            ),
        },
    ),
    Topic(
        "xây dựng Đảng",
        (
            ("xây dựng, [chỉnh đốn Đảng] và [hệ thống chính trị] trong sạch, vững mạnh", "[building and rectifying the Party] and a clean, strong [political system]", 2012, 2026),
            ("nâng cao chất lượng [sinh hoạt chi bộ]", "improving the quality of [Party cell meetings]", 1998, 2026),
            ("[phát triển đảng viên] trong [doanh nghiệp ngoài khu vực nhà nước]", "[admitting Party members] in [private enterprises]", 2005, 2026),
            ("ngăn chặn, đẩy lùi sự [suy thoái] về [tư tưởng chính trị], [đạo đức, lối sống]", "preventing [ideological], [moral] and [lifestyle degradation]", 2012, 2026),
            ("[học tập và làm theo] [tư tưởng, đạo đức, phong cách Hồ Chí Minh]", "[studying and following] [Ho Chi Minh's thought], morality and style", 2006, 2026),
            ("bảo vệ [nền tảng tư tưởng] của Đảng, đấu tranh phản bác các [quan điểm sai trái]", "protecting the [ideological foundation] of the Party and refuting [wrong views]", 2018, 2026),
            ("chuẩn bị và tổ chức [đại hội đảng bộ] các cấp", "preparing and holding [Party congresses] at all levels", 1998, 2026),
            ("công tác [kiểm tra, giám sát] và [thi hành kỷ luật đảng]", "[inspection, supervision] and [Party discipline]", 1998, 2026),
        ),
        {
            "kq": (
                "Công tác xây dựng, chỉnh đốn Đảng được tập trung lãnh đạo; chất lượng sinh hoạt chi bộ có chuyển biến, nhiều chi bộ sinh hoạt chuyên đề có nội dung thiết thực.",
                "Trong năm, toàn Đảng bộ kết nạp {n} đảng viên mới, trong đó có nhiều đảng viên là đoàn viên thanh niên, người lao động trong doanh nghiệp ngoài khu vực nhà nước.",
                "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị, xuất hiện nhiều gương điển hình.",
            ),
            "hc": (
                "Tuy nhiên, sinh hoạt ở một số chi bộ còn đơn điệu, tính chiến đấu chưa cao; một bộ phận đảng viên có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống.",
                "Việc phát triển đảng viên ở vùng đồng bào có đạo, trong doanh nghiệp tư nhân còn khó khăn; một số tổ chức cơ sở đảng nhiều năm không kết nạp được đảng viên.",
            ),
            "nv": (
                "Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh; kiên quyết ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống.",
                "Nâng cao chất lượng sinh hoạt chi bộ; duy trì nền nếp sinh hoạt định kỳ, tăng cường tự phê bình và phê bình, gắn với kiểm điểm việc thực hiện nhiệm vụ của đảng viên.",
                "Tích cực bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch, nhất là trên không gian mạng.",
                "Tăng cường công tác kiểm tra, giám sát và thi hành kỷ luật đảng; chủ động kiểm tra khi có dấu hiệu vi phạm, xử lý kịp thời, nghiêm minh.",
                "Chuẩn bị chu đáo nội dung văn kiện, nhân sự và công tác tổ chức đại hội đảng bộ các cấp, bảo đảm dân chủ, đúng nguyên tắc.",
            ),
        },
        {
            "kq": (
                "Party building and rectification received focused leadership, and the quality of Party cell meetings improved.",
                "During the year {n} new Party members were admitted, many of them working in private enterprises.",
            ),
            "hc": ("Meetings in some Party cells remain monotonous, and some members show signs of ideological, moral and lifestyle degradation.",),
            "nv": (
                "Resolutely prevent and repel ideological, moral and lifestyle degradation and protect the ideological foundation of the Party.",
                "Improve the quality of Party cell meetings and strengthen inspection, supervision and Party discipline.",
            ),
        },
    ),
    Topic(
        "kinh tế - xã hội",
        (
            ("tình hình [kinh tế - xã hội] và [nhiệm vụ trọng tâm]", "the [socio-economic situation] and [key tasks]", 1998, 2026),
            ("phát triển [kinh tế ban đêm] và [dịch vụ đô thị]", "developing the [night-time economy] and [urban services]", 2019, 2026),
            ("phát triển [công nghiệp], [thu hút đầu tư] vào các [khu công nghiệp]", "[industrial development] and [attracting investment] into [industrial parks]", 1998, 2026),
            ("phát triển [kinh tế biển] gắn với bảo đảm [quốc phòng, an ninh]", "developing the [marine economy] together with [defence and security]", 2007, 2026),
            ("xây dựng [kết cấu hạ tầng giao thông] đồng bộ, hiện đại", "building modern, well-connected [transport infrastructure]", 1998, 2026),
            ("quản lý [thu, chi ngân sách] và [nợ công]", "managing [budget revenue], spending and [public debt]", 1998, 2026),
            ("phát triển [kinh tế tư nhân]", "developing the [private economy]", 2002, 2026),
            ("phát triển [kinh tế biên mậu] và [kinh tế cửa khẩu]", "developing [border trade] and [border-gate economic zones]", 2005, 2026),
            ("phát triển [công nghiệp dầu khí] và [năng lượng tái tạo]", "developing the [oil and gas industry] and [renewable energy]", 2006, 2026),
        ),
        {
            "kq": (
                "Tốc độ tăng trưởng kinh tế năm {y1} ước đạt {g}%, thu ngân sách nhà nước {db} đạt {n} tỉ đồng, vượt dự toán; cơ cấu kinh tế chuyển dịch đúng hướng.",
                "Các khu công nghiệp thu hút thêm {n2} dự án đầu tư; hạ tầng giao thông, đô thị được đầu tư đồng bộ, nhiều công trình trọng điểm hoàn thành đúng tiến độ.",
                "Kinh tế tư nhân phát triển nhanh, số doanh nghiệp thành lập mới tăng {p2}% so với cùng kỳ; các loại hình dịch vụ đô thị, thương mại được mở rộng.",
            ),
            "hc": (
                "Tuy nhiên, quy mô kinh tế còn nhỏ, giải ngân vốn đầu tư công chậm; một số dự án lớn chậm triển khai do vướng mắc giải phóng mặt bằng.",
                "Sản xuất, kinh doanh của doanh nghiệp còn nhiều khó khăn; nợ đọng thuế, nợ xây dựng cơ bản chưa được xử lý dứt điểm.",
            ),
            "nv": (
                "Tập trung thực hiện các mục tiêu phát triển kinh tế - xã hội; đẩy nhanh giải ngân vốn đầu tư công, tháo gỡ khó khăn cho sản xuất, kinh doanh.",
                "Phát triển kinh tế biển gắn với bảo đảm quốc phòng, an ninh; khai thác hiệu quả cảng biển, dầu khí, năng lượng tái tạo và du lịch biển.",
                "Xây dựng kết cấu hạ tầng giao thông đồng bộ, hiện đại; ưu tiên các tuyến kết nối vùng, đường cao tốc và hạ tầng các khu công nghiệp.",
                ("Phát triển kinh tế ban đêm, dịch vụ thương mại, phố đi bộ và chợ đêm; tạo điều kiện cho hộ kinh doanh mua bán thuận lợi, văn minh.", 2019, 2026),
            ),
        },
        {
            "kq": (
                "Economic growth in {y1} is estimated at {g}%, and state budget revenue {db} reached {n} billion dong, above the estimate.",
                "Industrial parks attracted {n2} new investment projects, and key transport works were completed on schedule.",
            ),
            "hc": ("The economy is still small and the disbursement of public investment is slow.",),
            "nv": (
                "Speed up the disbursement of public investment and remove obstacles for businesses.",
                "Develop the marine economy together with defence and security, and build modern transport infrastructure.",
            ),
        },
    ),
    Topic(
        "quốc phòng an ninh",
        (
            ("xây dựng [khu vực phòng thủ] vững chắc", "building a solid [defence zone]", 1998, 2026),
            ("bảo vệ [chủ quyền biển], đảo", "protecting [sovereignty over the seas and islands]", 2007, 2026),
            ("xây dựng [đường biên giới] hòa bình, hữu nghị, hợp tác", "building a peaceful, friendly and cooperative [border]", 1998, 2026),
            ("[tuyển chọn] và [gọi công dân nhập ngũ]", "selecting and [calling up citizens] for [military service]", 1998, 2026),
            ("bảo đảm [an ninh trật tự], [an toàn giao thông] dịp [Tết Nguyên đán]", "[security, order] and [traffic safety] during the [Lunar New Year]", 1998, 2026),
            ("phòng, chống [tội phạm mua bán người]", "preventing and combating [human trafficking]", 2004, 2026),
            ("xây dựng lực lượng [dân quân tự vệ] vững mạnh, rộng khắp", "building strong, widespread [militia and self-defence forces]", 1998, 2026),
            ("phòng, chống [tội phạm ma túy]", "preventing and combating [drug crime]", 1998, 2026),
            ("xây dựng lực lượng [công an] xã chính quy", "building a regular [commune police] force", 2019, 2026),
        ),
        {
            "kq": (
                "Tình hình chính trị, an ninh trật tự {db} cơ bản ổn định; khu vực phòng thủ được xây dựng ngày càng vững chắc, diễn tập khu vực phòng thủ đạt kết quả tốt.",
                "Công tác tuyển chọn và gọi công dân nhập ngũ năm {y} hoàn thành {p}% chỉ tiêu; lực lượng dân quân tự vệ được xây dựng vững mạnh, rộng khắp.",
                "Các lực lượng chức năng đã phá {n2} chuyên án ma túy, triệt xóa nhiều đường dây mua bán người qua biên giới.",
            ),
            "hc": (
                "Tuy nhiên, tội phạm sử dụng công nghệ cao, lừa đảo trên không gian mạng diễn biến phức tạp; tai nạn giao thông ở một số tuyến đường còn cao.",
                "Tình trạng xuất cảnh trái phép qua đường mòn, lối mở còn xảy ra; việc quản lý người nước ngoài cư trú ở khu vực biên giới, ven biển còn sơ hở.",
            ),
            "nv": (
                "Xây dựng khu vực phòng thủ vững chắc, nền quốc phòng toàn dân gắn với thế trận an ninh nhân dân; kết hợp chặt chẽ kinh tế với quốc phòng, an ninh.",
                "Bảo vệ vững chắc chủ quyền biển, đảo và biên giới quốc gia; xây dựng đường biên giới hòa bình, hữu nghị, hợp tác với nước bạn.",
                "Bảo đảm an ninh trật tự, an toàn giao thông, nhất là dịp Tết Nguyên đán; tấn công trấn áp các loại tội phạm, tệ nạn xã hội.",
                "Đấu tranh phòng, chống tội phạm ma túy và mua bán người; quản lý chặt chẽ địa bàn, không để hình thành điểm nóng.",
            ),
        },
        {
            "kq": (
                "The political, security and order situation {db} remained stable, and the defence zone was consolidated.",
                "The {y} military call-up reached {p}% of the target, and militia and self-defence forces were strengthened.",
            ),
            "hc": ("High-tech crime and online fraud are becoming more complex.",),
            "nv": (
                "Firmly protect sovereignty over the seas and islands and build a peaceful, friendly border with neighbouring countries.",
                "Ensure security, order and traffic safety, especially during the Lunar New Year, and fight drug crime and human trafficking.",
            ),
        },
    ),
    Topic(
        "văn thư lưu trữ",
        (
            ("tăng cường công tác [văn thư, lưu trữ] trong các [cơ quan đảng]", "strengthening [records management] and [archives] in [Party agencies]", 1998, 2026),
            ("[lập hồ sơ] và [nộp lưu hồ sơ, tài liệu] vào [lưu trữ cơ quan]", "[creating files] and transferring them to the [agency archive]", 1998, 2026),
            ("[số hóa tài liệu lưu trữ] của các cấp ủy", "[digitising the archives] of [Party committees]", 2012, 2026),
            ("[bàn giao hồ sơ, tài liệu] khi sắp xếp, [hợp nhất cơ quan]", "[handing over files] and records when [agencies are merged]", 2017, 2026),
            ("[chỉnh lý tài liệu tích đống]", "arranging [backlogged records]", 1998, 2026),
            ("[bảo vệ bí mật nhà nước] trong [công tác văn thư]", "[protecting state secrets] in [records work]", 1998, 2026),
            ("[thể thức] và [kỹ thuật trình bày văn bản] của Đảng", "the [format] and [presentation of Party documents]", 1998, 2026),
            ("quản lý và sử dụng [con dấu]", "managing and using [official seals]", 1998, 2026),
        ),
        {
            "kq": (
                "Công tác văn thư, lưu trữ của các cơ quan đảng {db} có nhiều tiến bộ; việc quản lý văn bản đi, văn bản đến cơ bản chặt chẽ, phục vụ kịp thời sự lãnh đạo của cấp ủy.",
                "Đã chỉnh lý {n} mét giá tài liệu tích đống, lập danh mục hồ sơ và nộp lưu vào lưu trữ cơ quan; {p}% văn bản được trình bày đúng thể thức.",
                "Kho lưu trữ được cải tạo, bổ sung giá, tủ và thiết bị phòng cháy; tài liệu quý, hiếm được số hóa, lập bản sao bảo hiểm.",
            ),
            "hc": (
                "Tuy nhiên, nhiều đơn vị chưa lập hồ sơ công việc; tài liệu tích đống chưa được chỉnh lý còn nhiều, kho lưu trữ ở một số nơi xuống cấp.",
                "Việc bàn giao hồ sơ, tài liệu khi sắp xếp, hợp nhất cơ quan còn chậm, thiếu biên bản; việc quản lý con dấu và bản sao văn bản mật ở một số nơi chưa chặt chẽ.",
            ),
            "nv": (
                "Tăng cường công tác văn thư, lưu trữ; mỗi cán bộ phải lập hồ sơ công việc, nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan đúng thời hạn.",
                "Thực hiện đúng thể thức và kỹ thuật trình bày văn bản của Đảng; mỗi văn bản đi phải có số, ký hiệu, ngày tháng rõ ràng để tra cứu, trích dẫn chính xác.",
                "Đẩy mạnh số hóa tài liệu lưu trữ, trước hết là nghị quyết, chỉ thị, kết luận của cấp ủy; văn bản soạn bằng phông chữ TCVN3, VNI phải được chuyển sang Unicode.",
                "Bàn giao đầy đủ hồ sơ, tài liệu khi sắp xếp, hợp nhất cơ quan; quản lý chặt chẽ con dấu, bảo vệ bí mật nhà nước trong soạn thảo, sao, chụp tài liệu.",
            ),
        },
        {
            "kq": (
                "Records management and archives in Party agencies {db} made steady progress; incoming and outgoing documents are managed tightly.",
                "{n} metres of backlogged records were arranged and transferred to the agency archive.",
            ),
            "hc": ("Many units still do not create files for their work, and handovers of records during mergers are slow.",),
            "nv": (
                "Every official must create files for their work and transfer them to the agency archive on time.",
                "Digitise the archives, starting with resolutions, directives and conclusions, and protect state secrets when copying documents.",
            ),
        },
    ),
    Topic(
        "dân vận",
        (
            ("tăng cường [công tác dân vận] trong tình hình mới", "strengthening [mass mobilisation work] in the new situation", 1998, 2026),
            ("thực hiện [quy chế dân chủ ở cơ sở]", "implementing [grassroots democracy]", 1998, 2026),
            ("[phong trào thi đua] “[Dân vận khéo]”", "the “[skilful mass mobilisation]” [emulation movement]", 2009, 2026),
            ("[công tác tôn giáo] và vận động [đồng bào có đạo]", "[religious affairs] and outreach to [religious followers]", 1998, 2026),
            ("[công tác dân tộc] và chính sách đối với [đồng bào dân tộc thiểu số]", "[ethnic affairs] and policies for [ethnic minorities]", 1998, 2026),
            ("nâng cao hiệu quả công tác [hòa giải ở cơ sở]", "more effective [mediation] at the [grassroots]", 2005, 2026),
            ("phát huy vai trò của [Mặt trận Tổ quốc] và các [đoàn thể chính trị - xã hội]", "the role of the [Fatherland Front] and [socio-political organisations]", 1998, 2026),
        ),
        {
            "kq": (
                "Công tác dân vận của hệ thống chính trị được tăng cường; phong trào thi đua “Dân vận khéo” được triển khai sâu rộng với {n} mô hình được công nhận.",
                "Quy chế dân chủ ở cơ sở được thực hiện nghiêm túc; Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội phát huy vai trò giám sát và phản biện xã hội.",
                "Công tác tôn giáo, công tác dân tộc được quan tâm; các tổ hòa giải ở cơ sở hòa giải thành {p}% số vụ việc được tiếp nhận.",
            ),
            "hc": (
                "Tuy nhiên, một số cấp ủy, chính quyền chưa thật sự lắng nghe ý kiến nhân dân; việc đối thoại, giải quyết kiến nghị của người dân có nơi còn chậm.",
                "Hoạt động của một số tổ hòa giải ở thôn, bản còn hình thức; đời sống của một bộ phận đồng bào dân tộc thiểu số ở vùng sâu, vùng xa còn khó khăn.",
            ),
            "nv": (
                "Tăng cường công tác dân vận; cán bộ, đảng viên phải gần dân, trọng dân, hiểu dân, học dân và có trách nhiệm với dân.",
                "Thực hiện tốt quy chế dân chủ ở cơ sở theo phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
                "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong tập hợp, vận động nhân dân; làm tốt công tác hòa giải ở cơ sở.",
                "Làm tốt công tác tôn giáo, công tác dân tộc; chăm lo đời sống đồng bào ở các thôn, bản vùng sâu, vùng xa, giữ gìn bản sắc văn hóa các dân tộc.",
            ),
        },
        {
            "kq": (
                "Mass mobilisation work was strengthened, and the skilful mass mobilisation movement produced {n} recognised models.",
                "Grassroots democracy was observed and the Fatherland Front played its supervisory role.",
            ),
            "hc": ("Some authorities do not listen closely to the people, and dialogue with citizens is sometimes slow.",),
            "nv": (
                "Officials must stay close to, respect and understand the people and be accountable to them.",
                "Apply the motto that the people know, discuss, act, inspect, supervise and benefit.",
            ),
        },
    ),
    Topic(
        "giáo dục",
        (
            ("[đổi mới căn bản, toàn diện] [giáo dục và đào tạo]", "the [fundamental and comprehensive renewal] of [education and training]", 2013, 2026),
            ("phát triển [nguồn nhân lực chất lượng cao]", "developing [high-quality human resources]", 2006, 2026),
            ("[phổ cập giáo dục mầm non] cho [trẻ em năm tuổi]", "[universal preschool education] for [five-year-olds]", 2010, 2026),
            ("xây dựng [trường học đạt chuẩn quốc gia]", "building [schools] that meet [national standards]", 1998, 2026),
            ("[đào tạo nghề] cho [lao động nông thôn]", "[vocational training] for [rural workers]", 2009, 2026),
            ("xây dựng [xã hội học tập]", "building a [learning society]", 2005, 2026),
            ("nâng cao chất lượng [dạy và học ngoại ngữ]", "better [foreign language teaching]", 2008, 2026),
        ),
        {
            "kq": (
                "Giáo dục và đào tạo {db} đạt kết quả tích cực; {p}% trường học đạt chuẩn quốc gia, chất lượng giáo dục mũi nhọn được nâng lên.",
                "Phổ cập giáo dục mầm non cho trẻ em năm tuổi được duy trì; tỉ lệ lao động qua đào tạo nghề đạt {p2}%, nguồn nhân lực chất lượng cao từng bước được hình thành.",
                "Phong trào khuyến học, khuyến tài, xây dựng xã hội học tập phát triển rộng khắp; việc dạy và học ngoại ngữ, tin học được chú trọng.",
            ),
            "hc": (
                "Tuy nhiên, cơ sở vật chất trường lớp ở vùng khó khăn còn thiếu; tình trạng thừa, thiếu giáo viên cục bộ chưa được giải quyết.",
                "Chất lượng đào tạo nghề chưa đáp ứng yêu cầu của doanh nghiệp; nhiều lao động nông thôn sau đào tạo chưa tìm được việc làm phù hợp.",
            ),
            "nv": (
                "Tiếp tục đổi mới giáo dục và đào tạo; phát triển nguồn nhân lực chất lượng cao đáp ứng yêu cầu công nghiệp hóa, hiện đại hóa.",
                "Đầu tư xây dựng trường học đạt chuẩn quốc gia, ưu tiên vùng đồng bào dân tộc thiểu số; sắp xếp mạng lưới trường, lớp hợp lý.",
                "Gắn đào tạo nghề cho lao động nông thôn với nhu cầu của doanh nghiệp và chương trình giải quyết việc làm.",
                "Đẩy mạnh xây dựng xã hội học tập; nâng cao chất lượng dạy và học ngoại ngữ trong nhà trường.",
            ),
        },
        {
            "kq": (
                "Education and training {db} brought positive results; {p}% of schools meet national standards.",
                "Universal preschool education for five-year-olds was maintained and {p2}% of workers have vocational training.",
            ),
            "hc": ("School facilities in disadvantaged areas are still insufficient.",),
            "nv": (
                "Continue the renewal of education and develop high-quality human resources.",
                "Build a learning society and improve foreign language teaching in schools.",
            ),
        },
    ),
    Topic(
        "y tế",
        (
            ("tăng cường bảo vệ, chăm sóc và [nâng cao sức khỏe nhân dân]", "protecting, caring for and improving [people's health]", 1998, 2026),
            ("phòng, chống [dịch COVID-19]", "preventing and controlling the [COVID-19 epidemic]", 2020, 2022),
            ("củng cố [mạng lưới y tế cơ sở]", "consolidating the [grassroots health network]", 1998, 2026),
            ("thực hiện [bảo hiểm y tế toàn dân]", "[universal health insurance]", 2009, 2026),
            ("[công tác dân số] trong tình hình mới", "[population work] in the new situation", 2017, 2026),
            ("bảo đảm [an toàn thực phẩm]", "ensuring [food safety]", 2008, 2026),
            ("phòng, chống [dịch sốt xuất huyết]", "preventing [dengue fever]", 1998, 2026),
        ),
        {
            "kq": (
                "Công tác bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân có nhiều tiến bộ; tỉ lệ dân số tham gia bảo hiểm y tế đạt {p}%.",
                "Mạng lưới y tế cơ sở được củng cố, {p2}% trạm y tế xã có bác sĩ; công tác phòng, chống dịch bệnh được triển khai chủ động, không để dịch lớn xảy ra.",
                "Công tác dân số, kế hoạch hóa gia đình và bảo đảm an toàn thực phẩm được quan tâm; các vụ ngộ độc thực phẩm giảm so với năm trước.",
                ("Các biện pháp phòng, chống dịch COVID-19 được thực hiện nghiêm; chiến dịch tiêm vắc-xin bao phủ {p}% người trong độ tuổi.", 2020, 2022),
            ),
            "hc": (
                "Tuy nhiên, tình trạng quá tải ở bệnh viện tuyến tỉnh vẫn còn; trang thiết bị y tế ở tuyến xã còn thiếu, thiếu nhân lực y tế chất lượng cao.",
                "Dịch sốt xuất huyết, tay chân miệng còn diễn biến phức tạp; việc quản lý thực phẩm tại các chợ, bếp ăn tập thể chưa chặt chẽ.",
            ),
            "nv": (
                "Tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân; phát triển y tế cơ sở, y tế dự phòng, thực hiện bảo hiểm y tế toàn dân.",
                "Chủ động phòng, chống dịch bệnh; giám sát chặt chẽ sốt xuất huyết và các dịch bệnh mới nổi, không để lây lan rộng.",
                "Làm tốt công tác dân số, nâng cao chất lượng dân số; kiểm soát chặt chẽ an toàn thực phẩm từ sản xuất đến tiêu dùng.",
                ("Vừa phòng, chống dịch COVID-19 hiệu quả, vừa phục hồi và phát triển kinh tế - xã hội; bảo đảm đủ thuốc, sinh phẩm và trang thiết bị.", 2020, 2022),
            ),
        },
        {
            "kq": ("Health care {db} made progress and {p}% of the population has health insurance.",),
            "hc": ("Provincial hospitals remain overloaded and commune health stations lack equipment.",),
            "nv": (
                "Develop grassroots and preventive health care and achieve universal health insurance.",
                "Prevent epidemics proactively and monitor dengue fever closely.",
            ),
        },
    ),
    Topic(
        "nông nghiệp",
        (
            ("xây dựng [nông thôn mới]", "building [new-style rural areas]", 2009, 2026),
            ("phát triển [nông nghiệp ứng dụng công nghệ cao]", "developing [high-tech agriculture]", 2010, 2026),
            ("phát triển [thủy lợi], chủ động [phòng, chống thiên tai]", "[irrigation] and [natural disaster prevention]", 1998, 2026),
            ("chủ động [phòng, chống bão], lũ và tìm kiếm cứu nạn", "[storm and flood prevention] and search and rescue", 1998, 2026),
            ("phát triển [thủy sản] và [khai thác hải sản xa bờ]", "[fisheries] and [offshore fishing]", 1998, 2026),
            ("thực hiện chương trình [mỗi xã một sản phẩm]", "the [One Commune One Product] programme", 2018, 2026),
            ("phát triển [kinh tế hợp tác], [hợp tác xã] trong nông nghiệp", "[agricultural cooperatives]", 2002, 2026),
            ("phát triển bền vững [cây cà phê], [hồ tiêu]", "sustainable [coffee] and [pepper] growing", 2005, 2026),
            ("thực hiện [giảm nghèo bền vững]", "[sustainable poverty reduction]", 2008, 2026),
            ("quản lý, [bảo vệ và phát triển rừng]", "[forest management], protection and development", 1998, 2026),
        ),
        {
            "kq": (
                "Chương trình xây dựng nông thôn mới đạt kết quả quan trọng; {toan} có {n} xã đạt chuẩn nông thôn mới, nhiều xã đạt chuẩn nông thôn mới nâng cao.",
                "Sản xuất nông nghiệp phát triển ổn định; nhiều mô hình nông nghiệp ứng dụng công nghệ cao và sản phẩm của chương trình mỗi xã một sản phẩm được thị trường đón nhận.",
                "Hệ thống thủy lợi được đầu tư nâng cấp, chủ động tưới tiêu cho {p}% diện tích; sản lượng thủy sản nuôi trồng và khai thác tăng khá.",
            ),
            "hc": (
                "Tuy nhiên, sản xuất nông nghiệp còn manh mún, liên kết theo chuỗi giá trị chưa bền vững; giá cà phê, hồ tiêu và nhiều nông sản biến động thất thường.",
                "Thiên tai, hạn hán, xâm nhập mặn gây thiệt hại lớn; tỉ lệ hộ nghèo ở vùng đồng bào dân tộc thiểu số còn cao, nguy cơ tái nghèo lớn.",
            ),
            "nv": (
                "Đẩy mạnh xây dựng nông thôn mới gắn với cơ cấu lại ngành nông nghiệp; phát triển nông nghiệp ứng dụng công nghệ cao, nông nghiệp hữu cơ.",
                "Phát triển kinh tế hợp tác, hợp tác xã; xây dựng chuỗi liên kết sản xuất, tiêu thụ nông sản, nâng cao giá trị cây cà phê, hồ tiêu.",
                "Đầu tư hệ thống thủy lợi, đê điều, chủ động phòng, chống thiên tai; phát triển thủy sản bền vững, khai thác hải sản xa bờ đúng quy định.",
                "Thực hiện có hiệu quả chương trình giảm nghèo bền vững; quản lý, bảo vệ và phát triển rừng, nâng cao thu nhập cho người trồng rừng.",
            ),
        },
        {
            "kq": ("Agriculture {db} grew steadily; {n} communes now meet the new-style rural standards.",),
            "hc": ("Farming remains small-scale and value chains are not sustainable.",),
            "nv": (
                "Develop high-tech and organic agriculture and strengthen cooperatives.",
                "Invest in irrigation and dykes and prepare for natural disasters.",
            ),
        },
    ),
    Topic(
        "du lịch văn hóa",
        (
            ("phát triển [du lịch] trở thành [ngành kinh tế mũi nhọn]", "making [tourism] a [spearhead economic sector]", 1998, 2026),
            ("phát triển [du lịch cộng đồng] gắn với bảo tồn [bản sắc văn hóa] các dân tộc", "[community tourism] and the [cultural identity] of ethnic groups", 2010, 2026),
            ("bảo tồn và phát huy giá trị [di sản văn hóa]", "preserving and promoting [cultural heritage]", 1998, 2026),
            ("xây dựng [môi trường văn hóa], con người", "building a healthy [cultural environment]", 2014, 2026),
            ("phát triển [thể dục, thể thao]", "developing [physical training and sports]", 1998, 2026),
            ("đẩy mạnh [quảng bá, xúc tiến du lịch]", "[promoting tourism]", 2005, 2026),
            ("phát triển [du lịch biển], đảo", "developing [sea and island tourism]", 2005, 2026),
            ("phát triển [du lịch biên giới] gắn với [kinh tế cửa khẩu]", "developing [border tourism] and [border-gate trade]", 2010, 2026),
        ),
        {
            "kq": (
                "Du lịch {db} tiếp tục phát triển, năm {y1} đón {n} nghìn lượt khách, doanh thu du lịch tăng {p2}% so với năm trước.",
                "Nhiều di sản văn hóa được bảo tồn, phát huy giá trị; lễ hội truyền thống được tổ chức trang trọng, văn minh, gắn với quảng bá du lịch.",
                "Phong trào thể dục, thể thao quần chúng phát triển; môi trường văn hóa ở cơ sở được xây dựng lành mạnh.",
            ),
            "hc": (
                "Tuy nhiên, sản phẩm du lịch còn đơn điệu, chưa có thương hiệu; hạ tầng du lịch ở nhiều điểm còn thiếu, công tác xúc tiến du lịch chưa chuyên nghiệp.",
                "Một số di tích xuống cấp chưa được tu bổ kịp thời; bản sắc văn hóa truyền thống ở một số thôn, bản có nguy cơ mai một.",
            ),
            "nv": (
                "Phát triển du lịch trở thành ngành kinh tế mũi nhọn; đa dạng hóa sản phẩm, đẩy mạnh quảng bá, xúc tiến du lịch trong và ngoài nước.",
                "Phát triển du lịch cộng đồng gắn với bảo tồn bản sắc văn hóa các dân tộc; hỗ trợ người dân ở các bản làng làm du lịch.",
                "Bảo tồn và phát huy giá trị di sản văn hóa, xây dựng môi trường văn hóa, con người đáp ứng yêu cầu phát triển bền vững.",
                "Đầu tư hạ tầng thể dục, thể thao; nâng cao chất lượng phong trào thể dục, thể thao quần chúng và thể thao thành tích cao.",
            ),
        },
        {
            "kq": ("Tourism {db} kept growing: {n} thousand visitors came in {y1} and tourism revenue rose by {p2}%.",),
            "hc": ("Tourism products are still monotonous and promotion is not professional.",),
            "nv": (
                "Make tourism a spearhead economic sector and diversify its products.",
                "Develop community tourism while preserving the cultural identity of ethnic groups.",
            ),
        },
    ),
    Topic(
        "môi trường",
        (
            ("tăng cường công tác [bảo vệ môi trường]", "strengthening [environmental protection]", 1998, 2026),
            ("chủ động ứng phó với [biến đổi khí hậu]", "responding proactively to [climate change]", 2008, 2026),
            ("quản lý [chất thải rắn sinh hoạt]", "managing [household solid waste]", 2005, 2026),
            ("phòng, chống [sạt lở bờ sông, bờ biển]", "preventing [river and coastal erosion]", 2005, 2026),
            ("tăng cường [quản lý, sử dụng đất đai]", "[land management] and use", 1998, 2026),
            ("quản lý [khai thác khoáng sản] và [tài nguyên nước]", "managing [minerals] and [water resources]", 1998, 2026),
            ("giảm thiểu [rác thải nhựa]", "reducing [plastic waste]", 2019, 2026),
        ),
        {
            "kq": (
                "Công tác bảo vệ môi trường {db} được quan tâm; {p}% chất thải rắn sinh hoạt ở đô thị được thu gom, xử lý.",
                "Việc quản lý, sử dụng đất đai, khai thác khoáng sản và tài nguyên nước dần đi vào nền nếp; nhiều phong trào giảm thiểu rác thải nhựa được hưởng ứng.",
                "Các công trình phòng, chống sạt lở bờ sông, bờ biển được đầu tư; chương trình trồng cây xanh được triển khai rộng khắp.",
            ),
            "hc": (
                "Tuy nhiên, ô nhiễm môi trường ở một số khu công nghiệp, làng nghề còn nghiêm trọng; khai thác cát, sỏi trái phép vẫn diễn ra.",
                "Biến đổi khí hậu, nước biển dâng, sạt lở bờ sông, bờ biển diễn biến ngày càng phức tạp, ảnh hưởng tới đời sống nhân dân.",
            ),
            "nv": (
                "Tăng cường bảo vệ môi trường; kiên quyết không thu hút dự án gây ô nhiễm, xử lý nghiêm các cơ sở vi phạm.",
                "Chủ động ứng phó với biến đổi khí hậu, phòng, chống thiên tai và sạt lở bờ sông, bờ biển; di dời dân cư khỏi vùng nguy hiểm.",
                "Quản lý chặt chẽ đất đai, khoáng sản và tài nguyên nước; xử lý dứt điểm các vụ khai thác khoáng sản trái phép.",
                "Đẩy mạnh phân loại rác tại nguồn, giảm thiểu rác thải nhựa; đầu tư nhà máy xử lý chất thải rắn sinh hoạt bằng công nghệ hiện đại.",
            ),
        },
        {
            "kq": ("Environmental protection {db} received attention; {p}% of urban household waste is collected and treated.",),
            "hc": ("Pollution in some industrial parks and craft villages remains serious.",),
            "nv": (
                "Respond proactively to climate change, natural disasters and river and coastal erosion.",
                "Manage land, minerals and water resources strictly and reduce plastic waste.",
            ),
        },
    ),
    Topic(
        "đối ngoại",
        (
            ("công tác [đối ngoại nhân dân]", "[people-to-people diplomacy]", 1998, 2026),
            ("[hợp tác toàn diện] với các tỉnh [nước bạn Lào]", "[comprehensive cooperation] with partner provinces of [Laos]", 1998, 2026),
            ("chủ động, tích cực [hội nhập quốc tế]", "proactive [international integration]", 2007, 2026),
            ("công tác đối với [người Việt Nam ở nước ngoài]", "work with [overseas Vietnamese]", 2004, 2026),
        ),
        {
            "kq": (
                "Công tác đối ngoại và hội nhập quốc tế được triển khai đồng bộ; quan hệ hữu nghị, hợp tác toàn diện với các tỉnh nước bạn Lào tiếp tục được củng cố.",
                "Hoạt động đối ngoại nhân dân được mở rộng; công tác người Việt Nam ở nước ngoài được quan tâm, nhiều kiều bào về đầu tư, kinh doanh.",
            ),
            "hc": ("Tuy nhiên, hiệu quả hợp tác kinh tế quốc tế chưa tương xứng; việc triển khai một số thỏa thuận hợp tác với địa phương nước bạn còn chậm.",),
            "nv": (
                "Nâng cao hiệu quả công tác đối ngoại, hội nhập quốc tế; thực hiện tốt các thỏa thuận hợp tác với các địa phương nước bạn.",
                "Đẩy mạnh đối ngoại nhân dân, giao lưu hữu nghị; làm tốt công tác người Việt Nam ở nước ngoài và công tác thông tin đối ngoại.",
                "Hỗ trợ nước bạn Lào đào tạo cán bộ, xây dựng trường học, trạm y tế ở các huyện giáp biên; giữ vững tình đoàn kết đặc biệt Việt Nam - Lào.",
            ),
        },
        {
            "kq": ("Foreign relations and international integration were carried out in step, and friendly cooperation with Lao provinces was consolidated.",),
            "hc": ("International economic cooperation has not matched its potential.",),
            "nv": ("Promote people-to-people diplomacy and help partner provinces of Laos train their officials.",),
        },
    ),
    Topic(
        "văn phòng cấp ủy",
        (
            ("nâng cao chất lượng [tham mưu, phục vụ] của [văn phòng cấp ủy]", "better [advisory and service work] of [Party committee offices]", 1998, 2026),
            ("xây dựng [chương trình làm việc toàn khóa] của Ban Chấp hành", "the [full-term work programme] of the Executive Committee", 1998, 2026),
            ("[quy chế làm việc] của Ban Chấp hành, Ban Thường vụ", "the [working rules] of the Executive Committee and its Standing Board", 1998, 2026),
            ("quản lý [tài chính, tài sản của Đảng]", "managing the [Party's finances and assets]", 1998, 2026),
            ("tổ chức [hội nghị trực tuyến]", "holding [online conferences]", 2015, 2026),
            ("thực hiện [chế độ thông tin, báo cáo]", "the [information and reporting regime]", 1998, 2026),
        ),
        {
            "kq": (
                "Văn phòng cấp ủy đã làm tốt chức năng tham mưu, phục vụ; chương trình làm việc của Ban Chấp hành, Ban Thường vụ được xây dựng sát thực tế, thực hiện đạt {p}%.",
                "Việc quản lý tài chính, tài sản của Đảng được thực hiện công khai, đúng quy định; các hội nghị được bảo đảm an toàn, thông suốt.",
            ),
            "hc": (
                "Tuy nhiên, chất lượng một số văn bản tham mưu chưa cao; chế độ thông tin, báo cáo của một số cấp ủy chưa kịp thời, số liệu chưa thống nhất.",
                "Việc thực hiện quy chế làm việc ở một số nơi chưa nghiêm; nhiều cuộc họp kéo dài, nội dung trùng lặp.",
            ),
            "nv": (
                "Nâng cao chất lượng tham mưu, phục vụ của văn phòng cấp ủy; chủ động đề xuất những vấn đề mới nảy sinh để cấp ủy xem xét, quyết định.",
                "Xây dựng và thực hiện nghiêm chương trình làm việc toàn khóa, quy chế làm việc của Ban Chấp hành, Ban Thường vụ; giảm hội họp, giấy tờ hành chính.",
                "Thực hiện nghiêm chế độ thông tin, báo cáo định kỳ và đột xuất; quản lý chặt chẽ tài chính, tài sản của Đảng.",
            ),
        },
        {
            "kq": ("The Party committee office fulfilled its advisory and service functions, and the work programme was {p}% completed.",),
            "hc": ("Some advisory documents are of low quality, and reports from some committees arrive late.",),
            "nv": ("Raise the quality of advisory and service work and cut meetings and paperwork.",),
        },
    ),
    Topic(
        "an sinh xã hội",
        (
            ("bảo đảm [an sinh xã hội]", "ensuring [social security]", 1998, 2026),
            ("[giải quyết việc làm] và đưa [người lao động đi làm việc ở nước ngoài]", "[job creation] and [sending workers abroad]", 2002, 2026),
            ("chăm lo [gia đình chính sách], [người có công với cách mạng]", "caring for [families of people with meritorious services]", 1998, 2026),
            ("[xóa nhà tạm, nhà dột nát]", "eliminating [makeshift and dilapidated houses]", 2023, 2026),
            ("[bảo vệ, chăm sóc trẻ em]", "[protecting and caring for children]", 1998, 2026),
            ("[phòng, chống bạo lực gia đình]", "preventing [domestic violence]", 2008, 2026),
            ("phát triển [nhà ở xã hội]", "developing [social housing]", 2014, 2026),
            ("tạo [công ăn việc làm] cho người lao động", "creating [jobs] for workers", 1998, 2026),
        ),
        {
            "kq": (
                "Các chính sách an sinh xã hội {db} được thực hiện đầy đủ, kịp thời; gia đình chính sách, người có công được chăm lo chu đáo.",
                "Năm {y1} đã giải quyết việc làm cho {n} nghìn lao động, đưa hơn {n2} người đi làm việc ở nước ngoài theo hợp đồng.",
                "Đã hỗ trợ xóa {n} căn nhà tạm, nhà dột nát và xây dựng nhiều khu nhà ở xã hội cho công nhân, người thu nhập thấp.",
            ),
            "hc": ("Tuy nhiên, đời sống của một bộ phận người dân, nhất là ở vùng thiên tai, còn khó khăn; việc bảo vệ, chăm sóc trẻ em ở một số nơi chưa được quan tâm đúng mức.",),
            "nv": (
                "Bảo đảm an sinh xã hội, chăm lo tốt gia đình chính sách, người có công; không để người dân nào thiếu đói, không có nhà ở.",
                "Đẩy mạnh giải quyết việc làm, đưa người lao động đi làm việc ở nước ngoài gắn với bảo vệ quyền lợi hợp pháp của người lao động.",
                "Huy động các nguồn lực xóa nhà tạm, nhà dột nát; phát triển nhà ở xã hội; làm tốt công tác bảo vệ, chăm sóc trẻ em.",
            ),
        },
        {
            "kq": ("Social security policies {db} were implemented fully and on time, and families of people with merit were well cared for.",),
            "hc": ("Living conditions in disaster-hit areas remain difficult.",),
            "nv": ("Ensure social security and mobilise resources to replace makeshift houses.",),
        },
    ),
)  # fmt: skip
TOPIC_BY_KEY = {t.key: t for t in TOPICS}


def _near_miss_pairs() -> dict[str, tuple[Topic, tuple]]:
    """Aspects whose key phrases differ only in diacritics from another's (kinh tế biển / kinh tế biên mậu,
    công an / công ăn việc làm, chống bão / chống bạo lực): drawing one asks for a document on the other."""
    pairs = (
        ("[kinh tế biển]", "[kinh tế biên mậu]"),
        ("[du lịch biển]", "[du lịch biên giới]"),
        ("[công an]", "[công ăn việc làm]"),
        ("[phòng, chống bão]", "[phòng, chống bạo lực gia đình]"),
    )
    found = {}
    for first, second in pairs:
        a, b = ((t, x) for word in (first, second) for t in TOPICS for x in t.aspects if word in x[0])
        found[a[1][0]], found[b[1][0]] = b, a
    return found


NEAR_MISS = _near_miss_pairs()

# Sentences any document may carry; they hold the near-miss words (bàn, bản, bạn, ban …).
GENERIC_VI = (
    "Ban Thường vụ đã dành thời gian bàn bạc dân chủ, thống nhất các giải pháp cụ thể, phân công rõ người, rõ việc.",
    "Các văn bản chỉ đạo được sao gửi đầy đủ; bản chính lưu tại văn thư cơ quan, bản sao gửi các đơn vị liên quan.",
    "Tăng cường giao lưu, trao đổi kinh nghiệm với các địa phương bạn và các cơ quan liên quan.",
    "Các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn trực tiếp chỉ đạo, đôn đốc, kịp thời tháo gỡ khó khăn ở cơ sở.",
    "Nghiêm cấm việc mua bán, cho mượn văn bằng, chứng chỉ; xử lý nghiêm cán bộ vi phạm.",
    "Đẩy mạnh công tác thông tin, tuyên truyền trên báo chí, đài phát thanh, truyền hình và mạng xã hội để tạo đồng thuận trong nhân dân.",
    "Các cấp ủy phải đề cao trách nhiệm của người đứng đầu, gắn kết quả thực hiện với đánh giá, xếp loại cuối năm.",
    "Bảo đảm đủ kinh phí từ ngân sách và huy động thêm các nguồn lực hợp pháp khác để thực hiện.",
)
CAUSES_VI = (
    "Nguyên nhân chủ yếu là một số cấp ủy, người đứng đầu chưa quan tâm đúng mức; nguồn lực đầu tư còn hạn chế, việc kiểm tra, đôn đốc chưa thường xuyên.",
    "Nguyên nhân của hạn chế là nhận thức của một bộ phận cán bộ, đảng viên chưa đầy đủ; sự phối hợp giữa các cơ quan chưa chặt chẽ.",
    "Những hạn chế trên có nguyên nhân khách quan là điều kiện kinh tế còn khó khăn, nhưng nguyên nhân chủ quan là chính.",
)
GENERIC_EN = (
    "The Standing Board discussed the matter democratically and agreed on specific solutions.",
    "Guiding documents were copied to every unit; originals are kept by the records office.",
    "Strengthen information and communication work in the press and on social networks to build consensus.",
    "Party committees must uphold the responsibility of their heads and link results to the year-end assessment.",
)

# ------------------------------------------------------------------------------------------------- helpers

TONES = "\u0300\u0301\u0303\u0309\u0323"
WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Text without diacritics; `đ` → `d`."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D").replace("Ð", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _move_tone(word: str, *, old: bool) -> str:
    """`hòa` ↔ `hoà`, `thủy` ↔ `thuỷ`: the two tone-mark placements of an open oa/oe/uy syllable."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONES]
    if len(tones) != 1:
        return word
    base = unicodedata.normalize("NFC", decomposed.replace(tones[0], ""))
    lower = base.lower()
    if len(base) < 2 or not lower.endswith(("oa", "oe", "uy")) or (lower.endswith("uy") and lower[-3:-2] == "q"):
        return word
    at = len(base) - (1 if old else 2)
    return unicodedata.normalize("NFC", base[: at + 1] + tones[0] + base[at + 1 :])


def tone_style(text: str, *, old: bool) -> str:
    """The whole text in the old (`hoà`, `thuỷ`, `uỷ`) or the new (`hòa`, `thủy`, `ủy`) convention."""
    return WORD.sub(lambda m: _move_tone(m.group(0), old=old), unicodedata.normalize("NFC", text))


def ascii_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def _upper(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


# --------------------------------------------------------------------------------------------- the issuers


@dataclass(frozen=True)
class Issuer:
    level: str  # central, province, city, district
    code: str  # the body in the symbol: TW, VPTW, TU, VPTU, HU …
    unit: str  # committee, office, organisation, inspection, propaganda, mobilisation
    name: str  # issuer line as printed
    superior: str | None
    place: str  # place in the date line
    region: str  # what a staffer types for it
    area: str  # "tỉnh", "thành phố", "huyện", "" (central)
    committee: str  # "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Trung ương"
    en_name: str
    en_superior: str | None
    en_place: str


def _central(unit: str) -> Issuer:
    names = {
        "committee": ("TW", "BAN CHẤP HÀNH TRUNG ƯƠNG", "PARTY CENTRAL COMMITTEE"),
        "office": ("VPTW", "VĂN PHÒNG", "CENTRAL PARTY OFFICE"),
        "organisation": ("BTCTW", "BAN TỔ CHỨC", "CENTRAL ORGANISATION COMMISSION"),
        "inspection": ("UBKTTW", "ỦY BAN KIỂM TRA", "CENTRAL INSPECTION COMMISSION"),
        "propaganda": ("BTGTW", "BAN TUYÊN GIÁO", "CENTRAL PROPAGANDA AND EDUCATION COMMISSION"),
        "mobilisation": ("BDVTW", "BAN DÂN VẬN", "CENTRAL MASS MOBILISATION COMMISSION"),
    }
    code, name, en = names[unit]
    superior = None if unit == "committee" else "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG"
    en_superior = None if unit == "committee" else "PARTY CENTRAL COMMITTEE"
    return Issuer("central", code, unit, name, superior, "Hà Nội", "", "", "Trung ương", en, en_superior, "Hanoi")


def _local(level: str, unit: str, printed: str, place: str, region: str, en: str) -> Issuer:
    committee = {"province": "TỈNH ỦY", "city": "THÀNH ỦY", "district": "HUYỆN ỦY"}[level]
    area = {"province": "tỉnh", "city": "thành phố", "district": "huyện"}[level]
    en_committee = {"province": "PROVINCIAL PARTY COMMITTEE", "city": "PARTY COMMITTEE", "district": "DISTRICT PARTY COMMITTEE"}[level]  # fmt: skip
    suffix = "HU" if level == "district" else "TU"
    committee_line = f"{committee} {printed}"
    en_committee_line = f"{_upper(en)} {en_committee}"
    units = {
        "committee": ("", None, committee_line, None, en_committee_line),
        "office": ("VP", committee_line, "VĂN PHÒNG", en_committee_line, "PARTY COMMITTEE OFFICE"),
        "organisation": ("BTC", committee_line, "BAN TỔ CHỨC", en_committee_line, "ORGANISATION COMMISSION"),
        "inspection": ("UBKT", committee_line, "ỦY BAN KIỂM TRA", en_committee_line, "INSPECTION COMMISSION"),
        "propaganda": ("BTG", committee_line, "BAN TUYÊN GIÁO", en_committee_line, "PROPAGANDA COMMISSION"),
        "mobilisation": ("BDV", committee_line, "BAN DÂN VẬN", en_committee_line, "MASS MOBILISATION COMMISSION"),
    }
    prefix, superior, name, en_superior, en_name = units[unit]
    return Issuer(
        level, prefix + suffix, unit, name, superior, place, region, area, committee.title().replace("Ủy", "ủy"),
        en_name, en_superior, en,
    )  # fmt: skip


# Which units issue which types (with weights) and on which topics.
TYPES_BY_UNIT = {
    ("central", "committee"): {"NQ": 22, "CT": 14, "KL": 25, "QĐi": 8, "QĐ": 6, "TB": 25},
    ("local", "committee"): {
        "NQ": 12, "CT": 10, "KL": 12, "TB": 14, "BC": 16, "KH": 16, "QĐi": 5, "QĐ": 4, "CTr": 5, "ĐA": 3, "QC": 3,
    },
    ("district", "committee"): {"NQ": 12, "CT": 8, "KL": 14, "TB": 14, "BC": 22, "KH": 22, "QĐ": 4, "CTr": 4},
    "office": {"CV": 50, "HD": 30, "BC": 10, "KH": 10},
    "organisation": {"HD": 50, "CV": 30, "BC": 20},
    "inspection": {"BC": 40, "HD": 30, "CV": 30},
    "propaganda": {"HD": 50, "KH": 30, "CV": 20},
    "mobilisation": {"HD": 50, "KH": 30, "CV": 20},
}  # fmt: skip
TOPICS_BY_UNIT = {
    "office": ("văn thư lưu trữ", "văn phòng cấp ủy", "chuyển đổi số", "công nghệ thông tin", "cải cách hành chính"),
    "organisation": ("công tác cán bộ", "xây dựng Đảng"),
    "inspection": ("phòng chống tham nhũng", "xây dựng Đảng"),
    "propaganda": ("xây dựng Đảng", "giáo dục", "du lịch văn hóa"),
    "mobilisation": ("dân vận",),
}
UNIT_WEIGHTS = {
    "central": {"committee": 60, "office": 12, "organisation": 8, "inspection": 8, "propaganda": 7, "mobilisation": 5},
    "local": {"committee": 80, "office": 8, "organisation": 4, "inspection": 4, "propaganda": 2, "mobilisation": 2},
}


def _pick(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# ------------------------------------------------------------------------------------------- the generator


@dataclass
class _Draft:
    """A document's facts before its text is written."""

    issuer: Issuer
    doc_type: str
    issued: date
    topic: Topic
    aspect: tuple[str, str, int, int]
    number: int
    padded: bool
    language: str
    old_tones: bool
    secrecy: str | None
    urgency: str | None
    signer: str
    of_body: str | None = None
    cites: list[CorpusDoc] = field(default_factory=list)

    @property
    def symbol(self) -> str:
        number = f"{self.number:02d}" if self.padded else str(self.number)
        return f"{number}-{self.doc_type}/{self.issuer.code}"


class Generator:
    """Streams invented documents in date order; each may cite earlier ones of its topic and area."""

    def __init__(self, seed: int, n: int, *, english_share: float = 0.22) -> None:
        self.rng = random.Random(seed)
        self.n = n
        self.english_share = english_share
        self.start, self.end = date(1998, 1, 5), date(2026, 10, 30)
        self.numbers: dict[tuple, int] = {}
        self.citable: dict[tuple[str, str], list[CorpusDoc]] = defaultdict(list)  # (topic, region) → docs
        self.signers: dict[tuple[str, int], str] = {}
        self.count = 0
        self.last_date = self.start
        self.twins: list[tuple[Topic, tuple, Issuer]] = []  # near-miss partners still to write

    # --- facts -----------------------------------------------------------------------------------------------

    def _date(self, i: int) -> date:
        span = (self.end - self.start).days
        day = self.start + timedelta(days=int(span * (i / max(1, self.n - 1)) ** 0.6) + self.rng.randint(0, 6))
        self.last_date = max(self.last_date, min(day, self.end))
        return self.last_date

    def _issuer(self, when: date) -> Issuer:
        rng = self.rng
        merged = when >= date(2025, 7, 1)
        level = _pick(rng, {"central": 22, "province": 55, "city": 13, "district": 0 if merged else 10})
        if level == "central":
            return _central(_pick(rng, UNIT_WEIGHTS["central"]))
        unit = "committee" if level == "district" else _pick(rng, UNIT_WEIGHTS["local"])
        if level == "province":
            name, en, _ = rng.choice([p for p in PROVINCES if p[2] or not merged])
            return _local(level, unit, _upper(name), name, name, en)
        if level == "city":
            printed, place, region, en = rng.choice(CITIES)
            return _local(level, unit, printed, place, region, en)
        district, province, area = rng.choice(DISTRICTS)
        issuer = _local(level, unit, _upper(district), district, district, fold(district))
        superior = f"ĐẢNG BỘ {_upper(area)} {_upper(province)}"
        en_superior = f"{_upper(fold(province))} PARTY ORGANISATION"
        return replace(issuer, superior=superior, en_superior=en_superior)

    def _type(self, issuer: Issuer) -> str:
        if issuer.unit != "committee":
            return _pick(self.rng, TYPES_BY_UNIT[issuer.unit])
        key = ("central", "committee") if issuer.level == "central" else ("local", "committee")
        if issuer.level == "district":
            key = ("district", "committee")
        return _pick(self.rng, TYPES_BY_UNIT[key])

    def _topic(self, issuer: Issuer, year: int) -> tuple[Topic, tuple]:
        names = TOPICS_BY_UNIT.get(issuer.unit, tuple(TOPIC_BY_KEY))
        topics = [TOPIC_BY_KEY[k] for k in names if TOPIC_BY_KEY[k].first <= year <= TOPIC_BY_KEY[k].last]
        topic = self.rng.choice(topics)
        aspects = [a for a in topic.aspects if a[2] <= year <= a[3]] or list(topic.aspects)
        aspect = self.rng.choice(aspects)
        partner = NEAR_MISS.get(aspect[0])
        if partner and len(self.twins) < 4 and (issuer.level != "district" or year < 2025):
            self.twins.append((*partner, issuer))
        return topic, aspect

    def _number(self, issuer: Issuer, doc_type: str, when: date) -> int:
        if issuer.level == "central":
            term = sum(when >= date(y, 2, 1) for y in (2001, 2006, 2011, 2016, 2021, 2026))
        else:
            term = sum(when >= date(y, 10, 1) for y in (2000, 2005, 2010, 2015, 2020, 2025))
        series = (issuer.code, issuer.region, doc_type, term)
        step = NUMBER_STEPS[doc_type]
        self.numbers[series] = self.numbers.get(series, 0) + self.rng.randint(1, step)
        return self.numbers[series]

    def _signer(self, issuer: Issuer, year: int) -> str:
        key = (issuer.region + issuer.code, year // 5)
        if key not in self.signers:
            rng = self.rng
            self.signers[key] = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        return self.signers[key]

    def _of_body(self, draft: _Draft) -> str | None:
        t, issuer, rng = draft.doc_type, draft.issuer, self.rng
        if issuer.unit != "committee":
            return None
        if issuer.level == "central":
            body = rng.choice(
                ["BỘ CHÍNH TRỊ", "BAN BÍ THƯ"] if t != "NQ" else ["BỘ CHÍNH TRỊ", "BAN CHẤP HÀNH TRUNG ƯƠNG"]
            )
            return f"KẾT LUẬN CỦA {body}" if t == "TB" else (f"CỦA {body}" if t in ("NQ", "CT", "KL", "QĐi") else None)
        board = f"BAN THƯỜNG VỤ {_upper(issuer.committee)}"
        if t == "TB":
            return f"KẾT LUẬN CỦA {board}"
        if t == "KL" or (t == "NQ" and rng.random() < 0.4):
            return f"CỦA {board}"
        return None

    def draft(self, i: int) -> _Draft:
        rng = self.rng
        when = self._date(i)
        twin = next((t for t in self.twins if t[1][2] <= when.year <= t[1][3]), None)
        if twin and rng.random() < 0.5:  # the near-miss partner, from the same issuer
            self.twins.remove(twin)
            topic, aspect, issuer = twin
        else:
            issuer = self._issuer(when)
            topic, aspect = self._topic(issuer, when.year)
        doc_type = self._type(issuer)
        number = self._number(issuer, doc_type, when)
        old = rng.random() < (0.5 if when.year < 2010 else 0.25)
        secrecy = rng.choices([None, "MẬT", "TỐI MẬT"], weights=[90, 8, 2])[0] if doc_type in ("NQ", "KL", "TB", "BC", "CV") else None  # fmt: skip
        urgency = "KHẨN" if doc_type == "CV" and rng.random() < 0.15 else None
        draft = _Draft(
            issuer, doc_type, when, topic, aspect, number, number < 10 and rng.random() < 0.4, "vi", old,
            secrecy, urgency, self._signer(issuer, when.year),
        )  # fmt: skip
        draft.of_body = self._of_body(draft)
        draft.cites = self._citations(draft)
        return draft

    def _citations(self, draft: _Draft) -> list[CorpusDoc]:
        rng = self.rng
        pool = self.citable[(draft.topic.key, draft.issuer.region)] + self.citable[(draft.topic.key, "")]
        pool = [d for d in pool if d.doc_type in ("NQ", "CT", "KL", "TB", "QĐi", "KH", "HD")]
        if not pool:
            return []
        wanted = rng.choices([0, 1, 2, 3], weights=[15, 40, 30, 15])[0]
        chosen: list[CorpusDoc] = []
        for doc in sorted(rng.sample(pool[-12:], min(wanted, len(pool[-12:]))), key=lambda d: d.issued or ""):
            if doc.symbol not in [c.symbol for c in chosen]:
                chosen.append(doc)
        # an implementing plan or report first cites what it implements: the same aspect if there is one
        same = [d for d in pool if d.aspect == plain(draft.aspect[0]) and d.doc_type in ("NQ", "CT", "KL")]
        if same and draft.doc_type in ("KH", "CTr", "BC", "HD") and rng.random() < 0.6:
            chosen = [same[-1], *[c for c in chosen if c is not same[-1]]][:3]
        return chosen

    # --- text ------------------------------------------------------------------------------------------------

    def _fill(self, sentence: str, draft: _Draft, lang: str) -> str:
        rng, issuer, year = self.rng, draft.issuer, draft.issued.year
        if lang == "vi":
            db = {"central": "trong cả nước", "province": "trên địa bàn tỉnh", "city": "trên địa bàn thành phố",
                  "district": "trên địa bàn huyện"}[issuer.level]  # fmt: skip
            toan = {"central": "Cả nước", "province": "Toàn tỉnh", "city": "Toàn thành phố", "district": "Toàn huyện"}[
                issuer.level
            ]
        else:
            db = {"central": "nationwide", "province": "in the province", "city": "in the city",
                  "district": "in the district"}[issuer.level]  # fmt: skip
            toan = ""
        return sentence.format(
            db=db, toan=toan, y=year, y1=year - 1, y5=year + 5, p=rng.randint(55, 99), p2=rng.randint(12, 48),
            n=rng.randint(12, 480), n2=rng.randint(3, 60), g=f"{rng.randint(51, 98) / 10:.1f}".replace(".", "," if lang == "vi" else "."),
        )  # fmt: skip

    def _sentences(self, topic: Topic, role: str, draft: _Draft, lang: str, k: int) -> list[str]:
        year = draft.issued.year
        pool = []
        for s in (topic.vi if lang == "vi" else topic.en)[role]:
            text, first, last = (s, 0, 9999) if isinstance(s, str) else s
            if first <= year <= last:
                pool.append(text)
        picked = self.rng.sample(pool, min(k, len(pool)))
        picked.sort(key=lambda s: not s.startswith(("Tuy nhiên", "However")))  # the contrast opens the paragraph
        return [self._fill(s, draft, lang) for s in picked]

    def _other_topic(self, draft: _Draft) -> Topic:
        year = draft.issued.year
        return self.rng.choice([t for t in TOPICS if t is not draft.topic and t.first <= year <= t.last])

    def _cite_vi(self, doc: CorpusDoc, *, with_aspect: bool = True, short_date: bool | None = None) -> str:
        day = date.fromisoformat(doc.issued)
        dash = self.rng.random() < 0.3 if short_date is None else short_date
        when = f"{day.day}-{day.month}-{day.year}" if dash else f"{day.day}/{day.month}/{day.year}"
        text = f"{TYPE_NAMES[doc.doc_type]} số {doc.symbol} ngày {when} của {doc.cited_as}"
        return f"{text} về {(doc.aspect)}" if with_aspect else text

    def _cite_en(self, doc: CorpusDoc) -> str:
        day = date.fromisoformat(doc.issued)
        return f"{TYPE_NAMES_EN[doc.doc_type]} No. {doc.symbol} dated {day.day}/{day.month}/{day.year}"

    def _summary_vi(self, draft: _Draft) -> str:
        rng, t, a, year = self.rng, draft.doc_type, plain(draft.aspect[0]), draft.issued.year
        main = draft.cites[0] if draft.cites else None
        area = draft.issuer.area
        scopes = ["", "", "trong tình hình mới"]
        if area:
            scopes += [f"trên địa bàn {area}", f"giai đoạn {year}–{year + 5}", f"đến năm {year + 5}"]
        else:
            scopes += ["trong các cơ quan của Đảng", f"đến năm {year + 10}"]
        if year >= 2020:
            scopes.append("đến năm 2030, tầm nhìn đến năm 2045")
        scope = rng.choice(scopes)
        scope = f" {scope}" if scope and "tình hình mới" not in a else ""
        if t == "CV":
            return "V/v " + rng.choice([a, f"báo cáo kết quả {a}", f"triển khai {a}"])
        if t == "BC":
            if main and rng.random() < 0.6:
                kind = rng.choice(["sơ kết", "tổng kết"])
                years = max(1, year - int(main.year or year))
                return f"{kind} {years} năm thực hiện {self._cite_vi(main, with_aspect=False)} về {(main.aspect)}"
            return rng.choice([f"kết quả {a} năm {year - 1}", f"tình hình {a} 6 tháng đầu năm {year}"])
        if t in ("KH", "CTr", "HD") and main and rng.random() < 0.6:
            return f"thực hiện {self._cite_vi(main, with_aspect=False)} về {(main.aspect)}"
        if t == "KH":
            return rng.choice([f"{a}{scope}", f"triển khai {a} năm {year}"])
        if t == "QĐ":
            return f"về việc thành lập Ban Chỉ đạo {a}"
        if t == "QC":
            return f"phối hợp giữa các cơ quan trong {a}"
        if t == "ĐA":
            return f"{a}{scope}"
        return f"về {a}{scope}"

    def _summary_en(self, draft: _Draft) -> str:
        rng, t, a, year = self.rng, draft.doc_type, plain(draft.aspect[1]), draft.issued.year
        main = draft.cites[0] if draft.cites else None
        if t == "CV":
            return f"Re: {a}"
        if t == "BC":
            if main and rng.random() < 0.5:
                return f"Review of the implementation of {self._cite_en(main)} on {main.aspect_en}"
            return f"Results of {a} in {year - 1}"
        if t in ("KH", "CTr", "HD") and main and rng.random() < 0.5:
            return f"on implementing {self._cite_en(main)} on {main.aspect_en}"
        if t == "QĐ":
            return f"on establishing the Steering Committee for {a}"
        scope = rng.choice(["", "", " in the new situation", f" for the {year}–{year + 5} period"])
        return f"on {a}{scope}"

    def _body_vi(self, draft: _Draft) -> list[str]:
        rng, t, issuer = self.rng, draft.doc_type, draft.issuer
        a = plain(draft.aspect[0])
        board = _board(issuer, draft.of_body)
        office = "Văn phòng Trung ương Đảng" if issuer.level == "central" else f"Văn phòng {issuer.committee}"
        cites = draft.cites
        intro = ""  # "thực hiện <citations>, " in lower case; _cap() where it opens a sentence
        if cites:
            intro = "thực hiện " + "; ".join(self._cite_vi(c, with_aspect=i == 0) for i, c in enumerate(cites)) + ", "
        other = self._other_topic(draft)
        kq, hc, nv = (self._sentences(draft.topic, r, draft, "vi", k) for r, k in (("kq", 3), ("hc", 2), ("nv", 4)))
        extra = self._sentences(other, "nv", draft, "vi", 1) + self._sentences(other, "kq", draft, "vi", 1)
        generic = rng.sample(GENERIC_VI, 2)
        tname = TYPE_NAMES[t]
        closing = rng.choice(
            [
                f"Các cấp ủy, tổ chức đảng căn cứ {tname} này xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế. "
                f"{office} chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc, định kỳ báo cáo {board}.",
                f"{tname} này được phổ biến đến chi bộ. Giao {office} theo dõi, kiểm tra việc thực hiện, "
                f"định kỳ sơ kết, tổng kết và báo cáo {board}.",
            ]
        )

        def numbered(items: list[str]) -> list[str]:
            return [f"{i}. {s}" for i, s in enumerate(items, start=1)]

        if t in ("NQ", "ĐA", "CTr"):
            return [
                "I. TÌNH HÌNH VÀ NGUYÊN NHÂN",
                _cap(
                    f"{intro}việc lãnh đạo, chỉ đạo {a} {self._fill('{db}', draft, 'vi')} đạt nhiều kết quả quan trọng. "
                )
                + " ".join(kq),
                " ".join(hc) + " " + rng.choice(CAUSES_VI),
                "II. QUAN ĐIỂM, MỤC TIÊU",
                f"Xác định {a} là nhiệm vụ trọng tâm, thường xuyên của cả hệ thống chính trị, trong đó cấp ủy "
                f"lãnh đạo toàn diện, người đứng đầu trực tiếp chịu trách nhiệm. Phấn đấu đến năm {draft.issued.year + 5} "
                f"cơ bản hoàn thành các mục tiêu đề ra. {generic[0]}",
                "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
                *numbered([*nv, *extra[:1]]),
                "IV. TỔ CHỨC THỰC HIỆN",
                closing,
            ]
        if t in ("CT",):
            return [
                f"Những năm qua, {intro}việc lãnh đạo, chỉ đạo {a} có nhiều chuyển biến. "
                + " ".join([*kq[:2], extra[-1], *hc]),
                f"Để khắc phục hạn chế, {board} yêu cầu các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và "
                "các đoàn thể chính trị - xã hội thực hiện tốt một số nội dung sau:",
                *numbered([*nv, *extra[:1], generic[0], generic[1]]),
                closing,
            ]
        if t in ("KL", "TB"):
            meeting = rng.choice(["hội nghị", "phiên họp"])
            day = draft.issued - timedelta(days=rng.randint(3, 12))
            return [
                f"Tại {meeting} ngày {day.day}/{day.month}/{day.year}, sau khi nghe {office} và các cơ quan liên quan "
                f"báo cáo về {a}, {board} kết luận như sau:",
                *numbered(
                    [
                        "Cơ bản đồng ý với báo cáo. " + " ".join([*kq, extra[-1]]),
                        " ".join(hc),
                        (
                            _cap(f"{intro}tiếp tục thực hiện các nhiệm vụ sau: ")
                            if intro
                            else "Thời gian tới, tập trung: "
                        )
                        + " ".join(nv),
                        f"{extra[0]} {generic[0]} {generic[1]}",
                        f"Giao {office} theo dõi, đôn đốc và báo cáo {board} kết quả thực hiện.",
                    ]
                ),
            ]
        if t == "BC":
            return [
                "I. KẾT QUẢ THỰC HIỆN",
                _cap(f"{intro}các cấp ủy đã tổ chức quán triệt, triển khai đến chi bộ. ")
                + " ".join(kq)
                + " "
                + extra[-1],
                "II. HẠN CHẾ, NGUYÊN NHÂN",
                " ".join(hc) + " " + rng.choice(CAUSES_VI),
                "III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI",
                *numbered([*nv, generic[0]]),
                f"Trên đây là báo cáo kết quả {a}, kính báo cáo {board}.",
            ]
        if t in ("KH", "HD"):
            return [
                "I. MỤC ĐÍCH, YÊU CẦU",
                _cap(f"{intro}quán triệt sâu sắc, cụ thể hóa kịp thời các nhiệm vụ về {a} phù hợp với điều kiện ")
                + "thực tế; xác định rõ nhiệm vụ, thời hạn và trách nhiệm của từng cơ quan, đơn vị, tránh hình thức. "
                + " ".join([*kq[:2], *hc[:1]]),
                "II. NHIỆM VỤ CỤ THỂ" if t == "KH" else "II. NỘI DUNG HƯỚNG DẪN",
                *numbered([*nv, *extra[:1], generic[0]]),
                "III. TỔ CHỨC THỰC HIỆN",
                closing + " " + generic[1],
            ]
        if t in ("QĐi", "QC"):
            return [
                f"Căn cứ Điều lệ Đảng và quy chế làm việc; {intro}{board} quy định như sau:",
                f"Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng. {tname} này quy định về {a}; áp dụng "
                "đối với các cấp ủy, tổ chức đảng, cơ quan, đơn vị và cán bộ, đảng viên.",
                f"Điều 2. Nguyên tắc. {nv[0]}",
                f"Điều 3. Nhiệm vụ, trách nhiệm. {' '.join(nv[1:])} {generic[0]}",
                f"Điều 4. Kiểm tra, giám sát và xử lý vi phạm. {hc[0]} Tổ chức, cá nhân vi phạm bị xử lý theo quy định.",
                f"Điều 5. Trách nhiệm phối hợp. {extra[0]} {generic[1]} {kq[0]}",
                f"Điều 6. Hiệu lực thi hành. {tname} này có hiệu lực kể từ ngày ký. {closing}",
            ]
        if t == "QĐ":
            return [
                f"Căn cứ Điều lệ Đảng; {intro}xét đề nghị của {office}, {board} quyết định:",
                f"Điều 1. Thành lập Ban Chỉ đạo {a} gồm các đồng chí có tên trong danh sách kèm theo.",
                f"Điều 2. Ban Chỉ đạo có nhiệm vụ giúp {board} lãnh đạo, chỉ đạo: {' '.join(nv)}",
                f"Điều 3. Ban Chỉ đạo làm việc theo quy chế do Trưởng ban ký ban hành; tình hình hiện nay: {' '.join(kq[:2])} "
                f"{hc[0]} Ban Chỉ đạo tự giải thể sau khi hoàn thành nhiệm vụ. {generic[0]}",
                f"Điều 4. {office}, các cơ quan liên quan và các đồng chí có tên tại Điều 1 thi hành Quyết định này.",
            ]
        # CV: công văn
        addressees = (
            "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"
            if issuer.level == "central"
            else f"Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc {issuer.committee}"
        )
        deadline = draft.issued + timedelta(days=rng.randint(20, 60))
        return [
            f"Kính gửi: {addressees}",
            _cap(f"{intro}để {a}, {_sender(issuer)} đề nghị các đơn vị triển khai một số việc sau:"),
            " ".join(kq[:2]),
            *numbered([*nv[:3], hc[0].replace("Tuy nhiên, ", "Khắc phục tình trạng: ")]),
            f"Báo cáo kết quả gửi về {_sender(issuer)} trước ngày {deadline.day}/{deadline.month}/{deadline.year}. "
            f"{generic[0]} Đề nghị các đơn vị quan tâm, phối hợp thực hiện.",
        ]

    def _body_en(self, draft: _Draft) -> list[str]:
        rng = self.rng
        kq, hc, nv = (self._sentences(draft.topic, r, draft, "en", k) for r, k in (("kq", 2), ("hc", 1), ("nv", 2)))
        year = draft.issued.year
        others = self.rng.sample([t for t in TOPICS if t is not draft.topic and t.first <= year <= t.last], 2)
        extra_kq = [s for t in others for s in self._sentences(t, "kq", draft, "en", 1)]
        extra_nv = [s for t in others for s in self._sentences(t, "nv", draft, "en", 1)]
        cites = "; ".join(self._cite_en(c) for c in draft.cites)
        intro = f"Implementing {cites}, " if cites else ""
        generic = rng.sample(GENERIC_EN, 3)
        office = "the Central Party Office" if draft.issuer.level == "central" else "the Party Committee Office"
        return [
            "I. SITUATION",
            _cap(f"{intro}work on {plain(draft.aspect[1])} has achieved important results. ")
            + " ".join([*kq, *extra_kq]),
            " ".join(hc) + " " + generic[0],
            "II. TASKS AND SOLUTIONS",
            *[f"{i}. {s}" for i, s in enumerate([*nv, *extra_nv, generic[1]], start=1)],
            "III. IMPLEMENTATION",
            f"Party committees and organisations shall draw up plans to implement this document. {generic[2]} "
            f"{_cap(office)} shall monitor and urge implementation, report every six months and review the "
            f"results at the end of {draft.issued.year + 1}.",
        ]

    # --- assembling --------------------------------------------------------------------------------------------

    def _official_vi(self, draft: _Draft, summary: str, body: list[str]) -> OfficialDoc:
        issuer, t = draft.issuer, draft.doc_type
        day = draft.issued
        signature = _signature_vi(draft)
        recipients = (
            ("- Các tỉnh ủy, thành ủy,", "- Các ban đảng, đảng ủy trực thuộc Trung ương,", "- Lưu Văn phòng Trung ương Đảng.")
            if issuer.level == "central"
            else ("- Như trên,", f"- Các đồng chí Ủy viên Ban Thường vụ {issuer.committee},", "- Lưu VT.")
        )  # fmt: skip
        return OfficialDoc(
            issuer=issuer.name,
            superior=issuer.superior,
            number=f"Số {draft.symbol}",
            place_date=f"{issuer.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
            type_word=TYPE_WORDS[t],
            of_body=draft.of_body,
            summary=summary,
            body=tuple(body),
            secrecy=draft.secrecy,
            urgency=draft.urgency,
            signature=signature,
            recipients=recipients,
        )

    def _official_en(self, draft: _Draft, summary: str, body: list[str]) -> OfficialDoc:
        issuer, t, day = draft.issuer, draft.doc_type, draft.issued
        of_body = None
        if draft.of_body:
            of_body = {
                "CỦA BỘ CHÍNH TRỊ": "OF THE POLITBURO",
                "CỦA BAN BÍ THƯ": "OF THE SECRETARIAT",
                "CỦA BAN CHẤP HÀNH TRUNG ƯƠNG": "OF THE PARTY CENTRAL COMMITTEE",
                "KẾT LUẬN CỦA BỘ CHÍNH TRỊ": "OF CONCLUSIONS OF THE POLITBURO",
                "KẾT LUẬN CỦA BAN BÍ THƯ": "OF CONCLUSIONS OF THE SECRETARIAT",
            }.get(draft.of_body, "OF CONCLUSIONS OF THE STANDING BOARD" if t == "TB" else "OF THE STANDING BOARD")
        secrecy = {"MẬT": "CONFIDENTIAL", "TỐI MẬT": "SECRET"}.get(draft.secrecy or "")
        return OfficialDoc(
            issuer=issuer.en_name,
            superior=issuer.en_superior,
            number=f"No. {draft.symbol}",
            place_date=f"{issuer.en_place}, {MONTHS_EN[day.month - 1]} {day.day}, {day.year}",
            party_line="COMMUNIST PARTY OF VIETNAM",
            type_word=TYPE_WORDS_EN[t],
            of_body=of_body,
            summary=summary,
            body=tuple(body),
            secrecy=secrecy,
            urgency="URGENT" if draft.urgency else None,
            signature=_signature_en(draft),
            recipients=("- As above,", "- Filed at the Office."),
            language="en",
        )

    def _finish(self, draft: _Draft, official: OfficialDoc, summary: str, body: list[str], *, lang: str,
                translation_of: str | None = None) -> CorpusDoc:  # fmt: skip
        self.count += 1
        issuer = draft.issuer
        issuer_text = "\n".join(x for x in (official.superior, official.issuer) if x)
        key = f"{self.count:04d}-{ascii_slug(draft.symbol)}-{ascii_slug(issuer.region or 'tw')}-{draft.issued.year}"
        return CorpusDoc(
            filename="",
            key=key + ("-en" if lang == "en" else ""),
            title=summary,
            symbol=draft.symbol,
            doc_type=draft.doc_type,
            year=draft.issued.year,
            language=lang,
            body="\n".join(body),
            issued=draft.issued.isoformat(),
            issuer=issuer_text,
            region=issuer.region if lang == "vi" else (issuer.en_place if issuer.region else ""),
            region_en=issuer.en_place if issuer.region else "",
            of_body=official.of_body,
            type_word=official.type_word,
            topic=draft.topic.key,
            aspect=plain(draft.aspect[0]),
            aspect_en=plain(draft.aspect[1]),
            marked=draft.aspect[:2],
            keys=_title_keys(summary, draft, 0 if lang == "vi" else 1),
            cited_as=_cited_as(issuer, draft.of_body),
            cites=tuple(c.symbol for c in draft.cites),
            translation_of=translation_of,
            old_tones=draft.old_tones and lang == "vi",
            official=official,
        )

    def vietnamese(self, draft: _Draft) -> CorpusDoc:
        summary = self._summary_vi(draft)
        body = self._body_vi(draft)
        if draft.issued.year <= 2003 and self.rng.random() < 0.3:  # Ð (U+00D0) typed for Đ in old files
            body = [p.replace("Đ", "Ð") for p in body]
        official = self._official_vi(draft, summary, body)
        if draft.old_tones:
            official = _restyle(official)
            summary, body = official.summary, list(official.body)
        return self._finish(draft, official, summary, body, lang="vi")

    def english(self, draft: _Draft, original: CorpusDoc | None = None) -> CorpusDoc:
        summary = self._summary_en(draft)
        body = self._body_en(draft)
        official = self._official_en(draft, summary, body)
        return self._finish(draft, official, summary, body, lang="en", translation_of=original and original.key)

    def __iter__(self) -> Iterator[CorpusDoc]:
        while self.count < self.n:
            draft = self.draft(self.count)
            roll = self.rng.random()
            if roll < self.english_share / 2:  # an English document whose original is not in the corpus
                yield self.english(draft)
                continue
            doc = self.vietnamese(draft)
            self.citable[(draft.topic.key, draft.issuer.region)].append(doc)
            del self.citable[(draft.topic.key, draft.issuer.region)][:-40]
            yield doc
            if roll > 1 - self.english_share / 2 and self.count < self.n:  # and its translation
                yield self.english(draft, doc)


def plain(marked: str) -> str:
    """An aspect without the [brackets] around its key phrases."""
    return marked.replace("[", "").replace("]", "")


def bracketed(marked: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\[([^\]]+)\]", marked))


def _title_keys(summary: str, draft: _Draft, lang: int) -> tuple[str, ...]:
    """The key phrases of whichever aspect the summary names: its own, or that of the document it implements."""
    summary = tone_style(summary, old=False)
    for marked in (draft.aspect[lang], *(c.marked[lang] for c in draft.cites)):
        if marked and plain(marked) in summary:
            return bracketed(marked)
    return ()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cited_as(issuer: Issuer, of_body: str | None) -> str:
    """How a later document names the author of this one."""
    if issuer.unit != "committee":
        return _sender(issuer)
    if issuer.level == "central":
        for printed, name in (("BAN BÍ THƯ", "Ban Bí thư"), ("BAN CHẤP HÀNH", "Ban Chấp hành Trung ương")):
            if of_body and printed in of_body:
                return name
        return "Bộ Chính trị"
    if of_body and "BAN THƯỜNG VỤ" in of_body:
        return f"Ban Thường vụ {issuer.committee}"
    return issuer.committee


def _board(issuer: Issuer, of_body: str | None) -> str:
    if issuer.level == "central":
        if of_body and "BAN BÍ THƯ" in of_body:
            return "Ban Bí thư"
        return "Bộ Chính trị" if issuer.unit == "committee" else "Ban Bí thư"
    return f"Ban Thường vụ {issuer.committee}"


def _sender(issuer: Issuer) -> str:
    if issuer.level == "central":
        return {"office": "Văn phòng Trung ương Đảng", "organisation": "Ban Tổ chức Trung ương",
                "inspection": "Ủy ban Kiểm tra Trung ương", "propaganda": "Ban Tuyên giáo Trung ương",
                "mobilisation": "Ban Dân vận Trung ương"}.get(issuer.unit, "Văn phòng Trung ương Đảng")  # fmt: skip
    unit = {"office": "Văn phòng", "organisation": "Ban Tổ chức", "inspection": "Ủy ban Kiểm tra",
            "propaganda": "Ban Tuyên giáo", "mobilisation": "Ban Dân vận"}.get(issuer.unit, "Văn phòng")  # fmt: skip
    return f"{unit} {issuer.committee}"


def _signature_vi(draft: _Draft) -> tuple[str, ...]:
    issuer, t = draft.issuer, draft.doc_type
    if issuer.level == "central" and issuer.unit == "committee":
        body = "BAN BÍ THƯ" if draft.of_body and "BAN BÍ THƯ" in draft.of_body else "BỘ CHÍNH TRỊ"
        if t == "TB":
            return ("T/L " + body, "CHÁNH VĂN PHÒNG", draft.signer)
        if draft.of_body and "BAN CHẤP HÀNH" in draft.of_body:
            body = "BAN CHẤP HÀNH TRUNG ƯƠNG"
        return ("T/M " + body, "THƯỜNG TRỰC BAN BÍ THƯ" if body == "BAN BÍ THƯ" else "TỔNG BÍ THƯ", draft.signer)
    if issuer.unit == "committee":
        if t == "TB":
            return ("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", draft.signer)
        return ("T/M BAN THƯỜNG VỤ", "BÍ THƯ" if t in ("NQ", "CT") else "PHÓ BÍ THƯ", draft.signer)
    role = {"office": ("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"), "inspection": ("CHỦ NHIỆM",)}.get(
        issuer.unit, ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
    )
    return (*role, draft.signer)


def _signature_en(draft: _Draft) -> tuple[str, ...]:
    unit = draft.issuer.unit
    if unit == "committee":
        role = (
            "ON BEHALF OF THE STANDING BOARD",
            "SECRETARY" if draft.doc_type in ("NQ", "CT") else "DEPUTY SECRETARY",
        )
    elif unit == "office":
        role = ("FOR THE CHIEF OF OFFICE", "DEPUTY CHIEF OF OFFICE")
    else:
        role = ("FOR THE HEAD", "DEPUTY HEAD")
    return (*role, fold(draft.signer))


def _restyle(official: OfficialDoc) -> OfficialDoc:
    """The same document typed with the old tone-mark placement (`hoà`, `thuỷ`, `Uỷ`)."""

    def old(text: str | None) -> str | None:
        return tone_style(text, old=True) if text else text

    return replace(
        official,
        issuer=old(official.issuer),
        superior=old(official.superior),
        place_date=old(official.place_date),
        summary=old(official.summary),
        of_body=old(official.of_body),
        body=tuple(old(p) for p in official.body),
        signature=tuple(old(s) for s in official.signature),
        recipients=tuple(old(r) for r in official.recipients),
    )


# ------------------------------------------------------------------------------------------------ public API


def generate_documents(n: int, seed: int) -> Iterator[CorpusDoc]:
    """`n` documents of about 3 KB in the corpus style, in date order, streamed (no files are written).

    `CorpusDoc.text` is each one's full text; `filename` is a name it could be stored under."""
    for doc in Generator(seed, n):
        doc.filename = _filename(doc, "txt")
        yield doc


@cache
def corpus_documents() -> tuple[CorpusDoc, ...]:
    """The relevance corpus in memory, with file names and formats (the news records not included)."""
    rng = random.Random(SEED + 1)
    docs = []
    for doc in Generator(SEED, CORPUS_SIZE):
        old = doc.year is not None and doc.year <= 2005
        doc.fmt = rng.choices(["text", "html", "docx", "pdf"], weights=[42, 36, 19, 3] if not old else [55, 20, 20, 5])[
            0
        ]
        doc.filename = _filename(doc, {"text": "txt", "html": "html", "docx": "docx", "pdf": "pdf"}[doc.fmt], rng)
        docs.append(doc)
    return tuple(docs)


def _filename(doc: CorpusDoc, ext: str, rng: random.Random | None = None) -> str:
    number = doc.key.split("-", 1)[0]
    style = rng.random() if rng else 0.0
    if style < 0.65:
        name = f"{number}_{FILE_SLUGS[doc.doc_type]}-{ascii_slug(doc.symbol).upper()}"
    elif style < 0.85:
        name = f"VB-{doc.year}-{number}"
    else:
        name = f"scan_{number}_{doc.year}"
    return f"{name}{'-en' if doc.language == 'en' else ''}.{ext}"


def news_documents() -> list[CorpusDoc]:
    """The three real news texts from `../shared/corpus/news`, when that folder is present."""
    docs = []
    for name, (lang, year) in NEWS_FILES.items():
        path = NEWS_DIR / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        title = next((line.strip() for line in text.splitlines() if line.strip()), name)
        docs.append(
            CorpusDoc(name, f"news-{name.split('_')[1]}", title, None, None, year, lang, text, fmt="news", source=path)
        )
    return docs


def build_corpus(folder: Path) -> list[CorpusDoc]:
    """Write every corpus document (and the news texts, when present) into `folder`; return them all."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED + 2)
    for doc in corpus_documents():
        path = folder / doc.filename
        if doc.fmt == "docx":
            write_docx(doc.official, path)
        elif doc.fmt == "pdf":
            write_pdf(doc.official, path)
        elif doc.fmt == "html":
            write_html(doc.official, path, with_noise=rng.random() < 0.5)
        else:
            old = (doc.year or 2026) <= 2005
            encoding = rng.choices(["utf-8", "utf-8-sig", "utf-16", "cp1258"], weights=[70, 10, 8, 12 if old else 2])[0]
            if encoding == "cp1258" and "Ð" in doc.body:  # Windows-1258 has no U+00D0: such files were Unicode
                encoding = "utf-8"
            layout = "columns" if rng.random() < 0.08 else "stacked"
            write_text(doc.official, path, encoding=encoding, layout=layout)
    from bench.generators.relevance.pasted import pasted_documents  # it builds on this module

    pasted = pasted_documents()
    for doc in pasted:
        path = folder / doc.filename
        writer = {"docx": write_docx, "pdf": write_pdf, "html": write_html, "text": write_text}[doc.fmt]
        writer(doc.official, path)
    news = news_documents()
    for doc in news:
        shutil.copyfile(doc.source, folder / doc.filename)
    return [*corpus_documents(), *pasted, *news]
