"""A deterministic synthetic corpus for benchmarks: Party committee documents, ~3 KB each.

Every document is a pure function of (seed, index), so a stream of 100,000 needs no memory and any one
document can be regenerated on its own. Texts follow the official layout (header, type word, summary
line, body, closing block) and mix Vietnamese (~85%) and English (~15%). Bodies are recombined from a
pool of several hundred paragraphs built once per seed, on a few dozen topics, plus sentences written
for the document alone (figures, places, dates, citations), so posting lists look like an archive's:
boilerplate shared by many records, topic words shared by some, names and numbers by few.

Every name, number and sentence is invented; symbols only look like real ones.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

SEED = 20250101
POOL_PER_TOPIC = 24  # paragraphs per topic per language: ~25 topics → ~600 Vietnamese paragraphs


@dataclass(frozen=True)
class BenchDoc:
    """One generated record: its text and the metadata an archivist would have."""

    text: str
    title: str
    doc_number: str
    doc_type: str
    issuer: str
    issued: str  # ISO date
    language: str
    classification: str
    filename: str
    place: str
    signer: str
    citations: tuple[tuple[str, str], ...]  # (symbol as printed, ISO date)


# --- vocabulary ------------------------------------------------------------------------------------

# code → (type word in capitals, lower-case name, English name, weight)
TYPES = {
    "CV": ("CÔNG VĂN", "công văn", "OFFICIAL DISPATCH", 18),
    "BC": ("BÁO CÁO", "báo cáo", "REPORT", 16),
    "TB": ("THÔNG BÁO", "thông báo", "NOTICE", 12),
    "KH": ("KẾ HOẠCH", "kế hoạch", "PLAN", 10),
    "NQ": ("NGHỊ QUYẾT", "nghị quyết", "RESOLUTION", 8),
    "QĐ": ("QUYẾT ĐỊNH", "quyết định", "DECISION", 8),
    "KL": ("KẾT LUẬN", "kết luận", "CONCLUSION", 6),
    "HD": ("HƯỚNG DẪN", "hướng dẫn", "GUIDANCE", 5),
    "CT": ("CHỈ THỊ", "chỉ thị", "DIRECTIVE", 4),
    "CTr": ("CHƯƠNG TRÌNH", "chương trình", "PROGRAMME", 3),
    "TTr": ("TỜ TRÌNH", "tờ trình", "SUBMISSION", 3),
    "QĐi": ("QUY ĐỊNH", "quy định", "REGULATION", 2),
    "QC": ("QUY CHẾ", "quy chế", "RULES", 2),
    "ĐA": ("ĐỀ ÁN", "đề án", "PROJECT", 1),
    "BB": ("BIÊN BẢN", "biên bản", "MINUTES", 1),
    "TT": ("THÔNG TRI", "thông tri", "CIRCULAR NOTICE", 1),
}

PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip
CITIES = ("Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")
HOME = "Quảng Trị"  # the archive's own province: most of its records
DISTRICTS = (
    "Vĩnh Linh", "Gio Linh", "Cam Lộ", "Triệu Phong", "Hải Lăng", "Hướng Hóa", "Đakrông", "Cồn Cỏ",
    "Đông Hà", "thị xã Quảng Trị", "Lao Bảo", "Khe Sanh", "Cửa Tùng", "Cửa Việt", "Tà Rụt", "A Ngo",
)  # fmt: skip
COMMUNES = (
    "Vĩnh Thạch", "Vĩnh Kim", "Gio Mỹ", "Gio Hải", "Cam Thành", "Cam Tuyền", "Triệu Độ", "Triệu Trạch",
    "Hải Thượng", "Hải Quế", "Tân Hợp", "Hướng Phùng", "Húc", "Ba Nang", "Mò Ó", "Hướng Lập",
)  # fmt: skip

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Ngọc", "Công", "Đình", "Hồng", "Thế")
GIVEN = (
    "Hùng", "Lan", "Dũng", "Hương", "Tuấn", "Hải", "Thắng", "Nam", "Bình", "Hòa", "Phúc", "Long", "Sơn",
    "Trung", "Nghĩa", "Thủy", "Hạnh", "Cường", "Khánh", "Quý", "Lực", "Toàn", "Vinh", "Hiếu", "Tâm", "Yến",
)  # fmt: skip

# Vietnamese topics: (summary phrase for titles, terms). Terms are multi-syllable words and phrases.
TOPICS_VI: dict[str, tuple[str, tuple[str, ...]]] = {
    "so": ("đẩy mạnh chuyển đổi số trong các cơ quan đảng", (
        "chuyển đổi số", "dữ liệu số", "hạ tầng số", "chính quyền số", "kinh tế số", "xã hội số",
        "an toàn thông tin", "an ninh mạng", "dịch vụ công trực tuyến", "nền tảng số", "văn bản điện tử",
        "chữ ký số", "cơ sở dữ liệu dùng chung", "phần mềm quản lý văn bản", "kết nối liên thông",
        "trí tuệ nhân tạo", "điện toán đám mây", "định danh điện tử", "hồ sơ điện tử", "mạng thông tin diện rộng",
    )),
    "xd": ("tăng cường xây dựng, chỉnh đốn Đảng", (
        "xây dựng, chỉnh đốn Đảng", "tổ chức cơ sở đảng", "sinh hoạt chi bộ", "tự phê bình và phê bình",
        "phát triển đảng viên", "kết nạp đảng viên", "quản lý đảng viên", "đảng viên dự bị", "năng lực lãnh đạo",
        "sức chiến đấu", "trách nhiệm nêu gương", "suy thoái về tư tưởng chính trị", "tự diễn biến",
        "tự chuyển hóa", "nguyên tắc tập trung dân chủ", "chi bộ trực thuộc", "đảng bộ cơ sở", "thẻ đảng viên",
    )),
    "cb": ("công tác cán bộ và quy hoạch cán bộ", (
        "quy hoạch cán bộ", "luân chuyển cán bộ", "đánh giá cán bộ", "bổ nhiệm cán bộ", "giới thiệu ứng cử",
        "đào tạo, bồi dưỡng", "cán bộ lãnh đạo, quản lý", "cán bộ trẻ", "cán bộ nữ",
        "cán bộ người dân tộc thiểu số", "tiêu chuẩn chức danh", "khung năng lực", "kiểm soát quyền lực",
        "cán bộ chủ chốt", "đội ngũ kế cận", "thu hút nhân tài", "biệt phái", "thôi giữ chức vụ",
    )),
    "kt": ("công tác kiểm tra, giám sát và thi hành kỷ luật đảng", (
        "kiểm tra, giám sát", "dấu hiệu vi phạm", "giám sát chuyên đề", "kê khai tài sản, thu nhập",
        "giải quyết tố cáo", "khiếu nại kỷ luật đảng", "thi hành kỷ luật", "khiển trách", "cảnh cáo", "cách chức",
        "khai trừ ra khỏi Đảng", "ủy ban kiểm tra các cấp", "kiểm tra tài chính đảng", "giám sát thường xuyên",
        "đảng phí", "chấp hành nghị quyết",
    )),
    "tn": ("phòng, chống tham nhũng, lãng phí, tiêu cực", (
        "phòng, chống tham nhũng", "lãng phí", "tiêu cực", "lợi ích nhóm", "thực hành tiết kiệm",
        "công khai, minh bạch", "trách nhiệm giải trình", "xung đột lợi ích", "tài sản công", "vụ án, vụ việc",
        "thu hồi tài sản", "ban chỉ đạo", "chạy chức, chạy quyền", "nhũng nhiễu", "quà tặng",
    )),
    "ktxh": ("lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội", (
        "tăng trưởng kinh tế", "tổng sản phẩm trên địa bàn", "thu ngân sách", "vốn đầu tư công", "giải ngân vốn",
        "thu hút đầu tư", "doanh nghiệp", "khu công nghiệp", "chuyển dịch cơ cấu kinh tế", "năng suất lao động",
        "thu nhập bình quân đầu người", "kim ngạch xuất khẩu", "lạm phát", "khu kinh tế", "môi trường kinh doanh",
        "chỉ số năng lực cạnh tranh",
    )),
    "nn": ("xây dựng nông thôn mới và phát triển nông nghiệp", (
        "nông thôn mới", "sản xuất nông nghiệp", "cây trồng, vật nuôi", "hợp tác xã", "chuỗi giá trị", "nông sản",
        "công trình thủy lợi", "tích tụ ruộng đất", "sản phẩm OCOP", "nông nghiệp hữu cơ", "cây cà phê",
        "cây cao su", "hồ tiêu", "lúa chất lượng cao", "chăn nuôi", "nuôi trồng thủy sản", "dịch tả lợn châu Phi",
        "khuyến nông", "xã nông thôn mới nâng cao",
    )),
    "gd": ("đổi mới căn bản, toàn diện giáo dục và đào tạo", (
        "giáo dục và đào tạo", "học sinh", "giáo viên", "trường học", "chương trình giáo dục phổ thông",
        "sách giáo khoa", "phổ cập giáo dục", "nguồn nhân lực chất lượng cao", "đào tạo nghề",
        "trường chuẩn quốc gia", "kỳ thi tốt nghiệp", "giáo dục mầm non", "trường phổ thông dân tộc nội trú",
        "học bổng", "kiên cố hóa trường lớp",
    )),
    "yt": ("bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân", (
        "y tế cơ sở", "bảo hiểm y tế", "bệnh viện", "trạm y tế xã", "phòng, chống dịch bệnh", "tiêm chủng",
        "dịch COVID-19", "vắc xin", "y tế dự phòng", "khám, chữa bệnh", "công tác dân số", "an toàn thực phẩm",
        "bác sĩ gia đình", "sốt xuất huyết", "hồ sơ sức khỏe điện tử",
    )),
    "qp": ("tăng cường quốc phòng, an ninh trong tình hình mới", (
        "thế trận quốc phòng toàn dân", "an ninh nhân dân", "khu vực phòng thủ", "dân quân tự vệ",
        "lực lượng vũ trang", "biên giới", "chủ quyền biển, đảo", "trật tự, an toàn xã hội", "tội phạm",
        "phòng, chống ma túy", "diễn tập khu vực phòng thủ", "tuyển quân", "an ninh chính trị nội bộ",
        "đồn biên phòng", "cột mốc", "xuất cảnh trái phép",
    )),
    "mt": ("bảo vệ môi trường, chủ động ứng phó với biến đổi khí hậu", (
        "biến đổi khí hậu", "thiên tai", "bão, lũ", "sạt lở bờ sông", "xâm nhập mặn", "rác thải sinh hoạt",
        "chất thải rắn", "ô nhiễm môi trường", "rừng phòng hộ", "trồng rừng", "khai thác khoáng sản",
        "tài nguyên nước", "phòng, chống thiên tai và tìm kiếm cứu nạn", "cháy rừng", "nước sạch nông thôn",
    )),
    "vh": ("xây dựng và phát triển văn hóa, con người", (
        "di sản văn hóa", "di tích lịch sử", "lễ hội truyền thống", "thiết chế văn hóa", "đời sống văn hóa",
        "gia đình văn hóa", "thể dục, thể thao", "du lịch", "bản sắc văn hóa dân tộc", "nếp sống văn minh",
        "nghĩa trang liệt sĩ", "nhà văn hóa thôn", "di tích quốc gia đặc biệt",
    )),
    "dv": ("tăng cường công tác dân vận của hệ thống chính trị", (
        "dân chủ ở cơ sở", "khối đại đoàn kết toàn dân tộc", "Mặt trận Tổ quốc", "đoàn thể chính trị - xã hội",
        "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh", "công đoàn",
        "công tác tôn giáo", "đồng bào dân tộc thiểu số", "dân vận khéo", "tiếp xúc cử tri",
        "đối thoại với nhân dân", "già làng, trưởng bản", "người có uy tín",
    )),
    "tg": ("công tác tư tưởng, tuyên truyền và bảo vệ nền tảng tư tưởng của Đảng", (
        "tư tưởng, đạo đức, phong cách Hồ Chí Minh", "bảo vệ nền tảng tư tưởng của Đảng",
        "đấu tranh phản bác các quan điểm sai trái, thù địch", "dư luận xã hội", "báo chí", "xuất bản",
        "thông tin cơ sở", "mạng xã hội", "lý luận chính trị", "học tập nghị quyết", "báo cáo viên",
        "tuyên truyền miệng", "định hướng thông tin",
    )),
    "vp": ("nâng cao chất lượng công tác văn phòng cấp ủy", (
        "văn thư, lưu trữ", "thể thức văn bản", "hồ sơ công việc", "tài liệu lưu trữ", "số hóa tài liệu",
        "phông lưu trữ Đảng", "bảo vệ bí mật nhà nước", "chương trình công tác", "tham mưu, phục vụ",
        "quy chế làm việc", "văn bản đến", "văn bản đi", "cải cách hành chính trong Đảng", "lịch công tác",
        "thời hạn bảo quản", "mục lục hồ sơ", "tài chính đảng",
    )),
    "dh": ("chuẩn bị và tổ chức đại hội đảng bộ các cấp", (
        "đại hội đảng bộ", "văn kiện đại hội", "công tác nhân sự", "báo cáo chính trị", "tiểu ban văn kiện",
        "đại biểu dự đại hội", "bầu cử", "nhiệm kỳ", "đề án nhân sự", "đại hội điểm", "ban chấp hành khóa mới",
        "kiểm điểm nhiệm kỳ", "góp ý dự thảo",
    )),
    "bm": ("sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả", (
        "sắp xếp tổ chức bộ máy", "tinh giản biên chế", "vị trí việc làm", "đơn vị hành chính cấp xã", "sáp nhập",
        "hợp nhất", "chính quyền địa phương hai cấp", "chế độ, chính sách", "cán bộ dôi dư", "tinh gọn",
        "hiệu lực, hiệu quả", "chức năng, nhiệm vụ", "cơ cấu tổ chức",
    )),
    "dd": ("tăng cường quản lý nhà nước về đất đai", (
        "quy hoạch sử dụng đất", "giải phóng mặt bằng", "bồi thường, hỗ trợ, tái định cư",
        "giấy chứng nhận quyền sử dụng đất", "thu hồi đất", "bảng giá đất", "tranh chấp đất đai",
        "khiếu kiện đông người", "đất rừng", "lấn chiếm đất công",
    )),
    "ht": ("đầu tư phát triển kết cấu hạ tầng", (
        "đường cao tốc", "quốc lộ", "cảng biển", "sân bay", "giao thông nông thôn", "công trình trọng điểm",
        "chậm tiến độ", "nhà thầu", "vốn ngân sách", "hợp tác công tư", "hành lang kinh tế Đông - Tây",
        "cửa khẩu quốc tế", "điện gió", "lưới điện",
    )),
    "asxh": ("bảo đảm an sinh xã hội, giảm nghèo bền vững", (
        "giảm nghèo bền vững", "hộ nghèo", "hộ cận nghèo", "người có công với cách mạng", "chính sách xã hội",
        "nhà ở xã hội", "xóa nhà tạm, nhà dột nát", "giải quyết việc làm", "xuất khẩu lao động", "bảo trợ xã hội",
        "trẻ em có hoàn cảnh khó khăn", "quỹ vì người nghèo", "đền ơn đáp nghĩa",
    )),
    "dn": ("công tác đối ngoại và hội nhập quốc tế", (
        "hợp tác quốc tế", "hội nhập quốc tế", "đối ngoại nhân dân", "tỉnh kết nghĩa", "nước bạn Lào",
        "đoàn công tác", "biên bản ghi nhớ", "người Việt Nam ở nước ngoài", "quản lý đoàn ra, đoàn vào",
        "xúc tiến thương mại",
    )),
    "khcn": ("phát triển khoa học, công nghệ và đổi mới sáng tạo", (
        "đổi mới sáng tạo", "nghiên cứu khoa học", "chuyển giao công nghệ", "khởi nghiệp", "sở hữu trí tuệ",
        "đề tài khoa học", "doanh nghiệp khoa học và công nghệ", "tiêu chuẩn, đo lường, chất lượng",
        "ứng dụng tiến bộ kỹ thuật",
    )),
    "pl": ("tăng cường công tác phổ biến, giáo dục pháp luật", (
        "phổ biến, giáo dục pháp luật", "cải cách tư pháp", "tiếp công dân", "hòa giải ở cơ sở", "thi hành án",
        "xét xử", "kiểm sát", "xây dựng pháp luật", "trợ giúp pháp lý", "án tồn đọng",
    )),
    "td": ("đổi mới công tác thi đua, khen thưởng", (
        "phong trào thi đua", "khen thưởng", "danh hiệu", "huân chương", "bằng khen", "gương người tốt, việc tốt",
        "điển hình tiên tiến", "kỷ niệm ngày thành lập", "ngày truyền thống", "chiến sĩ thi đua",
    )),
}  # fmt: skip

SUBJECTS_VI = (
    "Các cấp ủy, tổ chức đảng", "Ban Thường vụ Tỉnh ủy", "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc",
    "Ủy ban nhân dân tỉnh", "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội", "Ban Tuyên giáo Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy", "Đảng đoàn Hội đồng nhân dân tỉnh",
    "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Người đứng đầu cấp ủy, chính quyền các cấp", "Đội ngũ cán bộ, đảng viên",
    "Các sở, ban, ngành, đoàn thể cấp tỉnh", "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Các chi bộ trực thuộc",
    "Thường trực Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh", "Đảng ủy Khối các cơ quan tỉnh",
)  # fmt: skip
ORGS_VI = (
    "Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Thông tin và Truyền thông", "Sở Giáo dục và Đào tạo", "Sở Y tế",
    "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Trường Chính trị tỉnh",
    "Báo Quảng Trị", "Đảng ủy Khối các cơ quan tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
)  # fmt: skip
VERBS_VI = (
    "tập trung lãnh đạo, chỉ đạo", "quán triệt sâu sắc và tổ chức thực hiện nghiêm túc", "chủ động rà soát",
    "tăng cường kiểm tra, giám sát việc thực hiện", "đẩy mạnh", "nâng cao chất lượng, hiệu quả",
    "kịp thời tháo gỡ khó khăn, vướng mắc trong", "xây dựng kế hoạch cụ thể về", "đổi mới phương thức lãnh đạo đối với",
    "tiếp tục đẩy mạnh", "huy động các nguồn lực cho", "phối hợp chặt chẽ trong", "sơ kết, đánh giá kết quả",
    "cụ thể hóa bằng chương trình hành động về", "ưu tiên bố trí nguồn lực cho", "tuyên truyền sâu rộng về",
    "thường xuyên theo dõi, đôn đốc", "tổng kết thực tiễn", "nghiêm túc kiểm điểm trách nhiệm về",
    "bổ sung, hoàn thiện cơ chế, chính sách về",
)  # fmt: skip
PERIODS_VI = (
    "thời gian qua", "năm qua", "6 tháng đầu năm", "nhiệm kỳ qua", "giai đoạn 2016 – 2020",
    "giai đoạn 2021 – 2025", "quý I", "9 tháng đầu năm", "những năm gần đây", "thời gian tới",
)  # fmt: skip
UNITS_VI = (
    "tổ chức cơ sở đảng", "đảng viên", "hộ gia đình", "doanh nghiệp", "hợp tác xã", "trường học", "xã, phường",
    "thôn, bản", "công trình", "dự án", "hồ sơ", "lượt cán bộ", "cuộc kiểm tra", "văn bản",
)  # fmt: skip
SENTENCES_VI = (
    "{S} {V} {T}, gắn với {T2}, bảo đảm đúng quy định và phù hợp với tình hình thực tế của địa phương.",
    "Trong {P}, {T} đạt nhiều kết quả quan trọng; {T2} có chuyển biến tích cực, được cán bộ, đảng viên "
    "và nhân dân đồng tình, ủng hộ.",
    "Tuy nhiên, {T} ở một số nơi còn hạn chế, chưa đáp ứng yêu cầu; việc {v} {T2} có lúc chưa kịp thời, "
    "thiếu đồng bộ.",
    "Nguyên nhân chủ yếu là nhận thức của một số cấp ủy, người đứng đầu về {T} chưa đầy đủ; công tác phối "
    "hợp giữa các cơ quan chưa chặt chẽ, có việc còn đùn đẩy trách nhiệm.",
    "{S} phải coi {T} là nhiệm vụ trọng tâm, thường xuyên, lâu dài; {v} {T2} trong {P}.",
    "Giao {O} chủ trì, phối hợp với {O2} tham mưu ban hành kế hoạch {v} {T}, báo cáo kết quả theo định kỳ.",
    "Phấn đấu đến năm 2030, {T} cơ bản đáp ứng yêu cầu; {T2} đạt mức khá so với cả nước.",
    "Kiến nghị Trung ương quan tâm chỉ đạo, hỗ trợ địa phương về {T}, nhất là {T2} ở vùng sâu, vùng xa, "
    "vùng đồng bào dân tộc thiểu số.",
    "Ở nhiều địa bàn, {T} còn gặp khó khăn do địa hình chia cắt, giao thông đi lại khó khăn, đời sống "
    "một bộ phận nhân dân còn thấp.",
    "Ban Thường vụ ghi nhận, biểu dương {O} đã chủ động {v} {T}, góp phần hoàn thành các chỉ tiêu đề ra.",
    "Cần làm rõ trách nhiệm của tập thể, cá nhân, nhất là người đứng đầu, đối với những hạn chế trong {T}.",
    "Các cơ quan tham mưu, giúp việc của cấp ủy {v} {T}; kịp thời đề xuất giải pháp đối với {T2}.",
    "Việc {v} {T} được triển khai đồng bộ, có trọng tâm, trọng điểm; {T2} từng bước đi vào nền nếp.",
    "Công tác {T} phải bảo đảm công khai, dân chủ, khách quan, đúng nguyên tắc, quy trình; kiên quyết "
    "khắc phục tình trạng hình thức, chạy theo thành tích.",
    "Đồng thời, {S} {V} {T2}; định kỳ sơ kết, rút kinh nghiệm, nhân rộng các mô hình hay, cách làm hiệu quả.",
    "Quá trình thực hiện nếu có khó khăn, vướng mắc, các địa phương, đơn vị kịp thời phản ánh về {O} "
    "để tổng hợp, báo cáo Thường trực Tỉnh ủy xem xét, chỉ đạo.",
    "Nhìn chung, {T} trong {P} có nhiều tiến bộ, song chưa tương xứng với tiềm năng, lợi thế của tỉnh.",
    "Một số chỉ tiêu về {T} chưa đạt kế hoạch; công tác dự báo tình hình có lúc chưa sát, thiếu chủ động.",
)  # fmt: skip
FIGURES_VI = (
    "Đến nay, toàn tỉnh có {N} {U} tham gia {T}, đạt {R}% kế hoạch, tăng {R2}% so với cùng kỳ năm trước.",
    "Trong {P}, đã tổ chức {N} hội nghị, lớp tập huấn về {T} cho {N2} lượt cán bộ, đảng viên.",
    "Tổng kinh phí bố trí cho {T} là {N} triệu đồng, trong đó ngân sách tỉnh {R}%, còn lại huy động xã hội hóa.",
    "Tại huyện {D}, {T} được triển khai thí điểm ở {N3} xã, trong đó xã {C} là điển hình.",
    "Qua kiểm tra {N3} tổ chức đảng và {N2} đảng viên về {T}, đã chỉ ra {N3} tồn tại, hạn chế cần khắc phục.",
)  # fmt: skip
OPENERS_VI = (
    "Thực hiện {CITE}, {S} đã ban hành kế hoạch triển khai và tổ chức quán triệt đến các chi bộ, đảng viên.",
    "Căn cứ {CITE}, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tập trung thực hiện tốt một số nội dung sau.",
    "Sau {N3} năm thực hiện {CITE}, nhận thức của cán bộ, đảng viên về {T} có chuyển biến rõ nét.",
    "Theo đề nghị của {O} tại Tờ trình ngày {DATE}, Thường trực Tỉnh ủy thống nhất chủ trương như sau.",
)  # fmt: skip
HEADINGS_VI = (
    "I. TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN", "II. HẠN CHẾ, NGUYÊN NHÂN", "III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI",
    "IV. TỔ CHỨC THỰC HIỆN", "1. Mục đích, yêu cầu", "2. Nội dung chủ yếu", "V. ĐỀ XUẤT, KIẾN NGHỊ",
)  # fmt: skip

TOPICS_EN: dict[str, tuple[str, tuple[str, ...]]] = {
    "so": ("digital transformation in Party agencies", (
        "digital transformation", "digital data", "digital infrastructure", "online public services",
        "electronic documents", "digital signatures", "shared databases", "information security", "cybersecurity",
        "document management software", "artificial intelligence", "electronic identification",
    )),
    "xd": ("Party building and rectification", (
        "Party building", "grassroots Party organisations", "cell meetings", "self-criticism and criticism",
        "admission of new members", "probationary members", "leadership capacity", "fighting strength",
        "exemplary conduct", "democratic centralism",
    )),
    "cb": ("personnel work and cadre planning", (
        "cadre planning", "cadre rotation", "cadre assessment", "appointments", "training and retraining",
        "young cadres", "female cadres", "ethnic minority cadres", "job standards", "control of power",
    )),
    "kt": ("inspection, supervision and Party discipline", (
        "inspection and supervision", "signs of violation", "thematic supervision", "asset declarations",
        "denunciations", "disciplinary measures", "reprimand", "warning", "dismissal", "expulsion",
        "inspection commissions",
    )),
    "tn": ("the fight against corruption, waste and negativity", (
        "anti-corruption", "waste", "negative practices", "group interests", "thrift", "transparency",
        "accountability", "conflicts of interest", "public assets", "asset recovery", "steering committee",
    )),
    "ktxh": ("socio-economic development", (
        "economic growth", "gross regional domestic product", "budget revenue", "public investment", "disbursement",
        "investment attraction", "enterprises", "industrial parks", "labour productivity", "per capita income",
        "export turnover", "business environment",
    )),
    "nn": ("new rural development and agriculture", (
        "new rural areas", "agricultural production", "cooperatives", "value chains", "farm produce",
        "irrigation works", "OCOP products", "organic agriculture", "coffee", "rubber", "aquaculture",
        "African swine fever",
    )),
    "gd": ("education and training reform", (
        "education and training", "pupils", "teachers", "schools", "general education curriculum", "textbooks",
        "vocational training", "high-quality human resources", "national standard schools", "graduation exams",
    )),
    "yt": ("public health care", (
        "grassroots health care", "health insurance", "hospitals", "commune health stations", "disease control",
        "vaccination", "COVID-19", "preventive medicine", "food safety", "population work",
    )),
    "qp": ("national defence and security", (
        "all-people national defence", "people's security", "defence zones", "militia and self-defence forces",
        "armed forces", "border areas", "sovereignty over seas and islands", "social order and safety",
        "drug prevention", "defence drills", "military recruitment",
    )),
    "vp": ("the work of Party committee offices", (
        "clerical and archival work", "document format", "work files", "archival records",
        "digitisation of records", "the Party archive fonds", "protection of state secrets", "work programme",
        "advisory and service work", "working regulations", "incoming documents", "outgoing documents",
        "retention periods",
    )),
    "mt": ("environmental protection and climate change", (
        "climate change", "natural disasters", "storms and floods", "riverbank erosion", "saltwater intrusion",
        "household waste", "solid waste", "pollution", "protection forests", "afforestation", "mineral extraction",
        "water resources",
    )),
    "dv": ("mass mobilisation work", (
        "grassroots democracy", "great national unity", "the Fatherland Front", "socio-political organisations",
        "the Farmers' Union", "the Women's Union", "the Youth Union", "the Veterans' Association",
        "religious affairs", "ethnic minorities", "dialogue with citizens", "meetings with voters",
    )),
}  # fmt: skip
SUBJECTS_EN = (
    "Party committees and organisations at all levels", "The Standing Board of the Provincial Party Committee",
    "District Party committees", "The Provincial People's Committee", "The Fatherland Front and mass organisations",
    "The Propaganda and Education Commission", "The Organisation Commission", "The Inspection Commission",
    "The Office of the Provincial Party Committee", "Heads of Party committees and authorities",
    "Cadres and Party members", "Provincial departments and agencies",
)  # fmt: skip
VERBS_EN = (
    "focus their leadership on", "thoroughly grasp and strictly implement", "review", "step up supervision of",
    "promote", "improve the quality and effectiveness of", "promptly remove obstacles to", "draw up plans for",
    "renew the leadership of", "mobilise resources for", "coordinate closely on", "take stock of",
)  # fmt: skip
SENTENCES_EN = (
    "{S} shall {V} {T}, together with {T2}, in line with regulations and local conditions.",
    "During {P}, {T} achieved important results; {T2} improved markedly and won the support of cadres, "
    "Party members and the people.",
    "However, {T} remains limited in some places and has not met requirements; work on {T2} was at times "
    "slow and poorly coordinated.",
    "The main cause is that some Party committees and leaders have not fully understood {T}; coordination "
    "between agencies is still loose.",
    "{S} must regard {T} as a key, regular and long-term task, and {V} {T2} in {P}.",
    "{O} is assigned to take the lead, in coordination with {O2}, in drafting a plan on {T} and to report "
    "on the results periodically.",
    "By 2030, {T} should basically meet requirements, and {T2} should reach a fair level nationwide.",
    "The Standing Board commends {O} for its initiative on {T}, which helped meet the targets set.",
    "The responsibility of collectives and individuals, above all of leaders, for shortcomings in {T} must "
    "be made clear.",
    "Any difficulties arising during implementation shall be reported promptly to {O} for consolidation "
    "and submission to the Standing Committee.",
)  # fmt: skip
FIGURES_EN = (
    "So far, {N} {U} across the province have taken part in {T}, reaching {R}% of the plan, up {R2}% "
    "year on year.",
    "In {P}, {N3} conferences and training courses on {T} were held for {N2} cadres and Party members.",
    "Funding for {T} totalled VND {N} million, of which {R}% came from the provincial budget.",
)  # fmt: skip
ORGS_EN = (
    "The Office of the Provincial Party Committee", "The Organisation Commission", "The Inspection Commission",
    "The Propaganda and Education Commission", "The Department of Finance", "The Department of Home Affairs",
    "The Department of Information and Communications", "The Provincial Police", "The Provincial Military Command",
)  # fmt: skip
PERIODS_EN = ("the past year", "the first six months", "the past term", "2021–2025", "the coming period")
UNITS_EN = ("Party organisations", "Party members", "households", "enterprises", "cooperatives", "schools")

# Syllables for the names of villages, enterprises and projects: the long tail of rare index terms.
ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s", "t",
    "th", "tr", "v", "x",
)  # fmt: skip
RHYMES = (
    "a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ăm", "ăn", "ăng", "âm", "ân", "âng", "âu", "ây", "e",
    "em", "en", "eo", "ê", "ên", "ênh", "êu", "i", "im", "in", "inh", "iu", "o", "oa", "oai", "oan", "oang",
    "oanh", "oi", "om", "on", "ong", "ô", "ôi", "ôm", "ôn", "ông", "ơ", "ơi", "ơn", "u", "ui", "um", "un", "ung",
    "uy", "uyên", "ư", "ưa", "ưng", "ươi", "ương", "iên", "iêu", "ac", "ach", "ap", "at", "ăc", "ât", "ôc",
    "ơt", "uc", "ưc", "ươc", "iêt", "oat", "ich", "ip", "it", "ep", "et", "ôp", "up", "ưt",
)  # fmt: skip
TONE_MARKS = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # level, huyền, sắc, ngã, hỏi, nặng
MARKED = "ăâêôơư"

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip


def _syllable(rng: random.Random) -> str:
    onset, rhyme = rng.choice(ONSETS), rng.choice(RHYMES)
    if onset in ("qu", "gi") and rhyme[0] in "uiy":
        onset = ""  # `quu`, `gii` are not syllables
    stop = rhyme.endswith(("c", "ch", "p", "t"))
    tone = rng.choice(("\u0301", "\u0323") if stop else TONE_MARKS)
    vowels = [k for k, ch in enumerate(rhyme) if ch in "aăâeêioôơuưy"]
    marked = [k for k in vowels if rhyme[k] in MARKED]
    if marked:
        at = marked[-1]
    elif len(vowels) > 1 and vowels[-1] < len(rhyme) - 1:
        at = vowels[-1]  # closed syllable: the last vowel (oan → oán)
    elif len(vowels) > 1 and rhyme[:2] in ("oa", "oe", "uy"):
        at = vowels[1]
    else:
        at = vowels[0]
    word = onset + rhyme[: at + 1] + tone + rhyme[at + 1 :]
    return unicodedata.normalize("NFC", word)


@lru_cache(maxsize=8)
def rare_names(seed: int, size: int = 6000) -> tuple[str, ...]:
    """Two-syllable proper names, most common first: drawn with a skew, they give a Zipf-like tail."""
    rng = random.Random(f"{seed}:names")
    names: dict[str, None] = {}
    while len(names) < size:
        names[f"{_syllable(rng).capitalize()} {_syllable(rng).capitalize()}"] = None
    return tuple(names)


def _rare(rng: random.Random, seed: int) -> str:
    names = rare_names(seed)
    return names[int(len(names) * rng.random() ** 2.5)]


RARE_VI = (
    "Đồng chí {NAME}, {ROLE}, đã kiểm tra thực tế tại thôn {R1}, xã {C} và làm việc với Công ty TNHH {R2}.",
    "Dự án {R1} tại khu vực {R2}, huyện {D} có tổng vốn {N} tỷ đồng, đến nay mới giải ngân được {R}%.",
    "Hội nghị giao ban tại thôn {R1} có {N3} đại biểu dự; ý kiến của đồng chí {NAME}, {ROLE}, đề nghị làm rõ "
    "vướng mắc ở tổ dân phố {R2}.",
    "Mô hình {R1} của Hợp tác xã {R2} được nhân rộng ra {N3} xã, mang lại thu nhập ổn định cho {N} hộ.",
)  # fmt: skip
RARE_EN = (
    "Comrade {NAME}, {ROLE}, inspected {R1} village in {C} commune and met the management of {R2} Company.",
    "The {R1} project in the {R2} area of {D} district is worth VND {N} billion; only {R}% has been disbursed.",
)  # fmt: skip
ROLES_VI = (
    "Phó Bí thư Thường trực Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy",
    "Chánh Văn phòng Tỉnh ủy", "Chủ tịch Ủy ban nhân dân huyện", "Bí thư Huyện ủy", "Phó Trưởng Ban Dân vận",
    "Chủ nhiệm Ủy ban Kiểm tra", "Bí thư Đảng ủy xã", "Trưởng thôn",
)  # fmt: skip
ROLES_EN = ("Deputy Secretary of the Provincial Party Committee", "Head of the Organisation Commission",
            "Chief of the Office", "Chairman of the District People's Committee")  # fmt: skip


# --- metadata ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meta:
    index: int
    language: str
    doc_type: str
    number: int
    body_code: str
    issuer: str
    superior: str | None
    province: str
    issued: str  # ISO
    classification: str
    topic: str

    @property
    def symbol(self) -> str:
        return f"{self.number}-{self.doc_type}/{self.body_code}"


def _issuer(rng: random.Random, province: str) -> tuple[str, str | None, str]:
    """(issuer, superior printed above it, body code of the symbol)."""
    roll = rng.random()
    if province == "":
        return rng.choice((
            ("Bộ Chính trị", "BAN CHẤP HÀNH TRUNG ƯƠNG", "TW"), ("Ban Bí thư", "BAN CHẤP HÀNH TRUNG ƯƠNG", "TW"),
            ("Ban Chấp hành Trung ương", None, "TW"), ("Văn phòng Trung ương Đảng", "BAN CHẤP HÀNH TRUNG ƯƠNG", "VPTW"),
            ("Ban Tổ chức Trung ương", "BAN CHẤP HÀNH TRUNG ƯƠNG", "BTCTW"),
            ("Ban Tuyên giáo Trung ương", "BAN CHẤP HÀNH TRUNG ƯƠNG", "BTGTW"),
            ("Ủy ban Kiểm tra Trung ương", "BAN CHẤP HÀNH TRUNG ƯƠNG", "UBKTTW"),
        ))  # fmt: skip
    committee = f"Thành ủy {province}" if province in CITIES else f"Tỉnh ủy {province}"
    upper = committee.upper()
    if roll < 0.45:
        return committee, None, "TU"
    if roll < 0.60:
        return f"Ban Thường vụ {committee}", None, "TU"
    if roll < 0.72:
        return f"Văn phòng {committee}", upper, "VPTU"
    if roll < 0.80:
        return f"Ban Tổ chức {committee}", upper, "BTCTU"
    if roll < 0.86:
        return f"Ban Tuyên giáo {committee}", upper, "BTGTU"
    if roll < 0.91:
        return f"Ủy ban Kiểm tra {committee}", upper, "UBKTTU"
    district = rng.choice(DISTRICTS) if province == HOME else rng.choice(("Trung tâm", "Miền núi", "Ven biển"))
    return f"Huyện ủy {district}", upper, "HU"


@lru_cache(maxsize=4096)
def meta_of(seed: int, i: int) -> Meta:
    """The metadata of document `i`, from its own random stream (cheap: citations regenerate it)."""
    rng = random.Random(f"{seed}:{i}:meta")
    language = "en" if rng.random() < 0.15 else "vi"
    doc_type = rng.choices(list(TYPES), weights=[t[3] for t in TYPES.values()])[0]
    roll = rng.random()
    province = "" if roll < 0.15 else HOME if roll < 0.60 else rng.choice(PROVINCES + CITIES)
    issuer, superior, body_code = _issuer(rng, province)
    years = list(range(1998, 2027))
    year = rng.choices(years, weights=[1 + 0.12 * (y - 1998) for y in years])[0]
    month = rng.randint(1, 12 if year < 2026 else 10)
    day = rng.randint(1, 28)
    number = rng.randint(1, 3200) if doc_type == "CV" else rng.randint(1, 650)
    cls = rng.random()
    classification = (
        "unclassified" if cls < 0.92 else "confidential" if cls < 0.97 else "secret" if cls < 0.99 else "top_secret"
    )
    topics = list(TOPICS_EN if language == "en" else TOPICS_VI)
    return Meta(
        index=i,
        language=language,
        doc_type=doc_type,
        number=number,
        body_code=body_code,
        issuer=issuer,
        superior=superior,
        province=province or "Hà Nội",
        issued=f"{year:04d}-{month:02d}-{day:02d}",
        classification=classification,
        topic=rng.choice(topics),
    )


# --- text --------------------------------------------------------------------------------------------


def _fill(rng: random.Random, template: str, lang: str, topic: str, extra: dict[str, str] | None = None) -> str:
    topics = TOPICS_EN if lang == "en" else TOPICS_VI
    terms = topics[topic][1]
    other = topics[rng.choice(list(topics))][1]
    if lang == "en":
        subjects, verbs, orgs, periods, units = SUBJECTS_EN, VERBS_EN, ORGS_EN, PERIODS_EN, UNITS_EN
    else:
        subjects, verbs, orgs, periods, units = SUBJECTS_VI, VERBS_VI, ORGS_VI, PERIODS_VI, UNITS_VI
    verb = rng.choice(verbs)
    values = {
        "S": rng.choice(subjects),
        "V": verb,
        "v": verb[0].lower() + verb[1:],
        "T": rng.choice(terms),
        "T2": rng.choice(terms if rng.random() < 0.7 else other),
        "O": rng.choice(orgs),
        "O2": rng.choice(orgs),
        "P": rng.choice(periods),
        "U": rng.choice(units),
        "N": f"{rng.randint(12, 9800):,}".replace(",", "."),
        "N2": f"{rng.randint(150, 24000):,}".replace(",", "."),
        "N3": str(rng.randint(2, 60)),
        "R": str(rng.randint(55, 100)),
        "R2": f"{rng.randint(1, 40)}{',' if lang == 'vi' else '.'}{rng.randint(0, 9)}",
        "D": rng.choice(DISTRICTS),
        "C": rng.choice(COMMUNES),
        "DATE": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1998, 2025)}",
        "NAME": _signer(rng),
        "ROLE": rng.choice(ROLES_EN if lang == "en" else ROLES_VI),
        **(extra or {}),
    }
    text = template.format(**values)
    return text[0].upper() + text[1:]


@lru_cache(maxsize=8)
def paragraph_pool(seed: int) -> dict[tuple[str, str], tuple[str, ...]]:
    """{(language, topic): paragraphs}: several hundred distinct paragraphs that documents recombine."""
    rng = random.Random(f"{seed}:pool")
    pool: dict[tuple[str, str], tuple[str, ...]] = {}
    for lang, topics, sentences in (("vi", TOPICS_VI, SENTENCES_VI), ("en", TOPICS_EN, SENTENCES_EN)):
        for topic in topics:
            paras = []
            for _ in range(POOL_PER_TOPIC):
                count = rng.randint(2, 4)
                paras.append(" ".join(_fill(rng, rng.choice(sentences), lang, topic) for _ in range(count)))
            pool[(lang, topic)] = tuple(paras)
    return pool


def _vi_date(iso: str, style: int) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d}/{m}/{y}" if style == 0 else f"{d}-{m}-{y}" if style == 1 else f"{d:02d}/{m:02d}/{y}"


def _cite(seed: int, i: int, rng: random.Random, lang: str) -> tuple[str, tuple[str, str]] | None:
    """A phrase citing an earlier document, and its (symbol, date)."""
    if i == 0:
        return None
    other = meta_of(seed, rng.randrange(max(0, i - 5000), i))
    name = TYPES[other.doc_type][2].capitalize() if lang == "en" else TYPES[other.doc_type][1].capitalize()
    if lang == "en":
        y, m, d = (int(x) for x in other.issued.split("-"))
        phrase = f"{name} No. {other.symbol} dated {MONTHS_EN[m - 1]} {d}, {y} of the {other.issuer}"
    else:
        phrase = f"{name} số {other.symbol} ngày {_vi_date(other.issued, rng.randrange(3))} của {other.issuer}"
    return phrase, (other.symbol, other.issued)


def _signer(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def document(seed: int, i: int) -> BenchDoc:
    """Document `i` of the corpus with this seed."""
    meta = meta_of(seed, i)
    rng = random.Random(f"{seed}:{i}:text")
    lang = meta.language
    pool = paragraph_pool(seed)
    topics = TOPICS_EN if lang == "en" else TOPICS_VI
    type_word, type_name, type_en, _ = TYPES[meta.doc_type]
    y, m, d = (int(x) for x in meta.issued.split("-"))
    citations: list[tuple[str, str]] = []
    cites = [c for c in (_cite(seed, i, rng, lang) for _ in range(rng.choice((0, 1, 1, 2, 3)))) if c]
    citations.extend(c[1] for c in cites)
    cite_phrase = cites[0][0] if cites else None

    if lang == "en":
        title = f"on {topics[meta.topic][0]}"
        if meta.doc_type == "BC":
            title = f"on the results of {topics[meta.topic][0]} in {y}"
        head = [
            "COMMUNIST PARTY OF VIETNAM",
            _english_issuer(meta).upper(),
            f"No. {meta.symbol}",
            f"{_ascii_place(meta.province)}, {MONTHS_EN[m - 1]} {d}, {y}",
        ]
        if meta.classification != "unclassified":
            head.append(meta.classification.replace("_", " ").upper())
        head += [type_en, title.upper() if rng.random() < 0.3 else title, ""]
        sentences, figures = SENTENCES_EN, FIGURES_EN
        opener = f"Pursuant to {cite_phrase}, the following tasks are set out." if cite_phrase else None
        closing = ["Recipients:", "- As above,", "- Archived at the Office.", "ON BEHALF OF THE STANDING BOARD"]
        issuer = _english_issuer(meta)
    else:
        if meta.doc_type == "CV":
            title = f"V/v {rng.choice(topics[meta.topic][1])}"
        elif meta.doc_type == "BC":
            title = f"Kết quả {rng.choice(PERIODS_VI[:4])} thực hiện công tác {topics[meta.topic][0]}"
        elif meta.doc_type == "TB":
            title = f"Kết luận của Ban Thường vụ về {topics[meta.topic][0]}"
        elif meta.doc_type == "KH" and cite_phrase:
            title = f"Thực hiện {cite_phrase.split(' của ')[0]} về {topics[meta.topic][0]}"
        else:
            title = f"Về {topics[meta.topic][0]}"
        head = []
        if meta.superior:
            head.append(meta.superior)
        head += [meta.issuer.upper(), "*", f"Số {meta.symbol}"]
        if meta.classification != "unclassified":
            head.append({"confidential": "MẬT", "secret": "TỐI MẬT", "top_secret": "TUYỆT MẬT"}[meta.classification])
        head += ["ĐẢNG CỘNG SẢN VIỆT NAM", f"{meta.province}, ngày {d} tháng {m} năm {y}"]
        if meta.doc_type != "CV":
            head.append(type_word)
        head += [title, ""]
        sentences, figures = SENTENCES_VI, FIGURES_VI
        opener = None
        if cite_phrase:
            opener = _fill(rng, rng.choice(OPENERS_VI), lang, meta.topic, {"CITE": cite_phrase})
        closing = ["Nơi nhận:", "- Như trên,", "- Lưu Văn phòng.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"]
        issuer = meta.issuer

    body: list[str] = []
    if opener:
        body.append(opener)
    headings = HEADINGS_VI if lang == "vi" else ()
    wanted = rng.randint(3, 6) if lang == "vi" else rng.randint(3, 5)
    own = pool[(lang, meta.topic)]
    for k in range(wanted):
        if headings and k in (0, wanted // 2) and rng.random() < 0.7:
            body.append(headings[min(k, len(headings) - 1)] if k == 0 else rng.choice(headings[1:]))
        roll = rng.random()
        if roll < 0.62:
            body.append(rng.choice(own))
        elif roll < 0.80:
            body.append(pool[(lang, rng.choice(list(topics)))][rng.randrange(POOL_PER_TOPIC)])
        else:  # a paragraph of this document alone: figures, names, places
            parts = [_fill(rng, rng.choice(figures), lang, meta.topic)]
            rare = {"R1": _rare(rng, seed), "R2": _rare(rng, seed)}
            parts.append(_fill(rng, rng.choice(RARE_EN if lang == "en" else RARE_VI), lang, meta.topic, rare))
            parts.append(_fill(rng, rng.choice(sentences), lang, meta.topic))
            body.append(" ".join(parts))
    for phrase, _ in cites[1:]:
        word = "In accordance with" if lang == "en" else "Theo"
        body.append(f"{word} {phrase}, " + _fill(rng, rng.choice(sentences), lang, meta.topic).lower())
    signer = _signer(rng)
    text = "\n".join([*head, *body, "", *closing, signer]) + "\n"
    slug = _ascii_place(type_name if lang == "vi" else type_en).lower().replace(" ", "-")
    filename = f"{slug}-{meta.symbol.replace('/', '-')}-{y}-{i:06d}.txt"
    return BenchDoc(
        text=unicodedata.normalize("NFC", text),
        title=unicodedata.normalize("NFC", title),
        doc_number=meta.symbol,
        doc_type=meta.doc_type,
        issuer=issuer,
        issued=meta.issued,
        language=lang,
        classification=meta.classification,
        filename=filename,
        place=meta.province,
        signer=signer,
        citations=tuple(dict.fromkeys(citations)),
    )


def _english_issuer(meta: Meta) -> str:
    place = _ascii_place(meta.province)
    names = {
        "Bộ Chính trị": "Politburo", "Ban Bí thư": "Secretariat", "Ban Chấp hành Trung ương": "Central Committee",
        "Văn phòng Trung ương Đảng": "Central Party Office",
        "Ban Tổ chức Trung ương": "Central Organisation Commission",
        "Ban Tuyên giáo Trung ương": "Central Propaganda and Education Commission",
        "Ủy ban Kiểm tra Trung ương": "Central Inspection Commission",
    }  # fmt: skip
    if meta.issuer in names:
        return names[meta.issuer]
    if meta.issuer.startswith("Văn phòng"):
        return f"Office of the {place} Provincial Party Committee"
    if meta.issuer.startswith("Ban Thường vụ"):
        return f"Standing Board of the {place} Provincial Party Committee"
    return f"{place} Provincial Party Committee"


def _ascii_place(text: str) -> str:
    from indexer.normalize import fold  # the project's folding: đ → d as well

    return fold(text)


def generate_documents(n: int, seed: int = SEED) -> Iterator[BenchDoc]:
    """Documents 0 … n-1, streamed."""
    for i in range(n):
        yield document(seed, i)
