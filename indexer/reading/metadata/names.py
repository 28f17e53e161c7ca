"""The issuing body, in the case a person writes it: `TỈNH ỦY QUẢNG TRỊ` → `Tỉnh ủy Quảng Trị`."""

from __future__ import annotations

import re

from indexer.reading.metadata.words import key

# Institution words in their usual case, longest first; what follows them is a place name.
INSTITUTIONS = (
    "Ban Chấp hành Trung ương",
    "Văn phòng Trung ương Đảng",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Kiểm tra",
    "Ban Thường vụ",
    "Ban Tổ chức",
    "Ban Tuyên giáo",
    "Ban Dân vận",
    "Ban Nội chính",
    "Ban Kinh tế",
    "Ban Bí thư",
    "Bộ Chính trị",
    "Chính phủ",
    "Trung ương Đảng",
    "Trung ương",
    "Văn phòng",
    "Đảng bộ",
    "Đảng ủy",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Khối",
    "các cơ quan",
    "doanh nghiệp",
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
)
INSTITUTIONS_LONGEST_FIRST = sorted(INSTITUTIONS, key=lambda name: -len(name.split()))
BARE_UNITS = (
    "VAN PHONG", "BAN TO CHUC", "BAN TUYEN GIAO", "BAN DAN VAN", "BAN NOI CHINH", "BAN KINH TE", "UY BAN KIEM TRA"
)  # fmt: skip
CENTRAL = "BAN CHAP HANH TRUNG UONG"
OF_BODIES = {
    "BO CHINH TRI": "Bộ Chính trị",
    "BAN BI THU": "Ban Bí thư",
    "POLITBURO": "Politburo",
    "THE POLITBURO": "Politburo",
    "SECRETARIAT": "Secretariat",
    "THE SECRETARIAT": "Secretariat",
}
PROPER_NAMES = ("Thành phố Hồ Chí Minh",)
SMALL_ENGLISH = {"of", "the", "and", "for", "on", "in"}


def cased(upper: str) -> str:
    """Institution words as usually written, other words (place names) title-cased."""
    words = upper.split()
    # Compare with diacritics when the text has them (CƠ QUAN is not QUẬN); folded only for OCR capitals.
    same = _same_marked if _has_marks(upper) else _same_folded
    out: list[str] = []
    i = 0
    while i < len(words):
        for name in INSTITUTIONS_LONGEST_FIRST:
            n = len(name.split())
            if same(" ".join(words[i : i + n]), name):
                out.append(name)
                i += n
                break
        else:
            word = words[i]
            lowered = word.lower()
            out.append(lowered if lowered in SMALL_ENGLISH and out else lowered[:1].upper() + lowered[1:])
            i += 1
    text = " ".join(out)
    for proper in PROPER_NAMES:  # where the administrative word is part of the name
        text = text.replace(proper.lower()[:1] + proper[1:], proper).replace(proper.lower(), proper)
    return text[:1].upper() + text[1:]


def _has_marks(text: str) -> bool:
    return key(text) != " ".join(text.upper().split()).strip(" .:;,*()[]")


def _same_marked(text: str, name: str) -> bool:
    return text.upper().replace("UỶ", "ỦY") == name.upper()


def _same_folded(text: str, name: str) -> bool:
    return key(text) == key(name)


def issuer_name(superior: str | None, issuing: str | None, of_body: str | None) -> str | None:
    """The issuer from the left header column and the centre's `CỦA …` line (see the module docstring)."""
    if issuing is None:
        return None
    issuing_key = key(issuing)
    if of_body:
        body = re.sub(r"^(.*\bCUA|.*\bOF)\s+", "", key(of_body))
        if body in OF_BODIES and (issuing_key.startswith(CENTRAL) or "CENTRAL COMMITTEE" in issuing_key):
            return OF_BODIES[body]
    if issuing_key in BARE_UNITS and superior:
        parent_key = key(superior)
        if parent_key.startswith(CENTRAL):
            return cased(issuing) + (" Trung ương Đảng" if issuing_key == "VAN PHONG" else " Trung ương")
        return f"{cased(issuing)} {cased(superior)}"
    return cased(issuing)
