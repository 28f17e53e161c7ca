"""Words that carry metadata on a first page: type words, secrecy and urgency marks, header lines.

Everything is keyed by the folded upper-case form, so that OCR text whose capitals lost their
diacritics (`NGHI QUYET`, `TOI MAT`) is read like the original.
"""

from __future__ import annotations

from indexer.normalize import fold

TYPE_WORDS = {
    "NGHỊ QUYẾT": "NQ",
    "CHỈ THỊ": "CT",
    "QUY ĐỊNH": "QĐi",
    "QUYẾT ĐỊNH": "QĐ",
    "KẾT LUẬN": "KL",
    "THÔNG BÁO": "TB",
    "THÔNG BÁO KẾT LUẬN": "TB",
    "BÁO CÁO": "BC",
    "KẾ HOẠCH": "KH",
    "CHƯƠNG TRÌNH": "CTr",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "CTr",
    "TỜ TRÌNH": "TTr",
    "HƯỚNG DẪN": "HD",
    "QUY CHẾ": "QC",
    "ĐỀ ÁN": "ĐA",
    "PHƯƠNG ÁN": "PA",
    "CÔNG VĂN": "CV",
    "BIÊN BẢN": "BB",
    "THÔNG TRI": "TT",
    "NGHỊ ĐỊNH": "NĐ",
    "RESOLUTION": "NQ",
    "DIRECTIVE": "CT",
    "REGULATION": "QĐi",
    "REGULATIONS": "QĐi",
    "DECISION": "QĐ",
    "CONCLUSION": "KL",
    "CONCLUSIONS": "KL",
    "NOTICE": "TB",
    "ANNOUNCEMENT": "TB",
    "REPORT": "BC",
    "PLAN": "KH",
    "PROGRAMME": "CTr",
    "PROGRAM": "CTr",
    "ACTION PROGRAMME": "CTr",
    "SUBMISSION": "TTr",
    "GUIDANCE": "HD",
    "GUIDELINES": "HD",
    "RULES": "QC",
    "PROJECT": "ĐA",
    "SCHEME": "ĐA",
    "OFFICIAL DISPATCH": "CV",
    "OFFICIAL LETTER": "CV",
    "MINUTES": "BB",
    "DECREE": "NĐ",
}
SECRECY_MARKS = {
    "MẬT": "confidential",
    "TỐI MẬT": "secret",
    "TUYỆT MẬT": "top_secret",
    "CONFIDENTIAL": "confidential",
    "SECRET": "secret",
    "TOP SECRET": "top_secret",
}
URGENCY_MARKS = {
    "KHẨN": "urgent",
    "THƯỢNG KHẨN": "very_urgent",
    "HỎA TỐC": "flash",
    "HỎA TỐC HẸN GIỜ": "flash",
    "URGENT": "urgent",
    "VERY URGENT": "very_urgent",
    "FLASH": "flash",
}
# Top-right lines that name the Party or the State, not the issuer.
MOTTO_LINES = {
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
    "COMMUNIST PARTY OF VIETNAM",
    "COMMUNIST PARTY OF VIET NAM",
    "SOCIALIST REPUBLIC OF VIETNAM",
    "SOCIALIST REPUBLIC OF VIET NAM",
    "INDEPENDENCE - FREEDOM - HAPPINESS",
}
# Lines that open a signature block (T/M = on behalf of, K/T = for, T/L = by order of …).
SIGNATURE_ROLES = (
    "T/M",
    "TM",
    "K/T",
    "KT",
    "T/L",
    "TL",
    "TUQ",
    "Q",
    "BÍ THƯ",
    "PHÓ BÍ THƯ",
    "TỔNG BÍ THƯ",
    "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG",
    "TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN",
    "CHỦ NHIỆM",
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "THỦ TƯỚNG",
    "PHÓ THỦ TƯỚNG",
    "GIÁM ĐỐC",
    "THƯ KÝ",
    "CHỦ TỌA",
    "CHỦ TRÌ",
    "ĐẠI DIỆN",
    "NGƯỜI LẬP",
    "ON BEHALF OF",
    "FOR THE",
    "SECRETARY",
    "GENERAL SECRETARY",
    "DEPUTY",
    "CHIEF OF",
    "HEAD OF",
    "CHAIRMAN",
    "CHAIR",
    "DIRECTOR",
    "STANDING",
    "PRIME MINISTER",
    "REPRESENTATIVE",
)


def key(text: str) -> str:
    """Folded, upper-case, single-spaced, outer punctuation stripped: the form every table is keyed by."""
    return " ".join(fold(text).upper().replace("–", "-").split()).strip(" .:;,*()[]")


TYPE_BY_KEY = {key(word): code for word, code in TYPE_WORDS.items()}
SECRECY_BY_KEY = {key(word): level for word, level in SECRECY_MARKS.items()}
URGENCY_BY_KEY = {key(word): level for word, level in URGENCY_MARKS.items()}
MOTTO_KEYS = {key(line) for line in MOTTO_LINES}


def role_key(text: str) -> str:
    """`T/M BAN THƯỜNG VỤ` and `TM. BAN THƯỜNG VỤ` alike: `TM BAN THUONG VU`."""
    return " ".join(key(text).replace("T/M", "TM").replace("K/T", "KT").replace("T/L", "TL").replace(".", " ").split())


ROLE_KEYS = tuple(role_key(role) + " " for role in SIGNATURE_ROLES)
