# ruff: noqa: E501  (the sentence templates of the generator: one per line reads best)
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

from bench.generators.data import read
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

# The tables (places, names, topics, sentences) are data: `bench/generators/data/relevance_corpus.json`.
_DATA = read("relevance_corpus.json")


def _tuples(value):
    """Lists of the data file as the tuples the generator was written with."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


# (name, English name, still a province after the 2025 merger)
PROVINCES = _tuples(_DATA["provinces"])
# (printed name after THÀNH ỦY, place in the date line, region a staffer types, English name)
CITIES = _tuples(_DATA["cities"])
# (district, its province or city, "tỉnh" or "thành phố")
DISTRICTS = _tuples(_DATA["districts"])
FAMILY = list(_DATA["family"])
MIDDLE = list(_DATA["middle"])
GIVEN = list(_DATA["given"])
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


TOPICS: tuple[Topic, ...] = tuple(
    Topic(
        t["key"],
        _tuples(t["aspects"]),
        {role: _tuples(said) for role, said in t["vi"].items()},
        {role: _tuples(said) for role, said in t["en"].items()},
        **{k: t[k] for k in ("first", "last") if k in t},
    )
    for t in _DATA["topics"]
)
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
GENERIC_VI = _tuples(_DATA["generic_vi"])
CAUSES_VI = _tuples(_DATA["causes_vi"])
GENERIC_EN = _tuples(_DATA["generic_en"])

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
