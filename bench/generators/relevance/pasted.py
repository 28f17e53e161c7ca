"""Queries written the way people paste them, and the records they need (kind `pasted`).

Staff copy a title from a page or a list and paste it with what surrounds it: a type word and a dash
(`Kế hoạch - …`, `Báo cáo – …`), a bullet (`• …`), a colon (`Nghị quyết: …`), brackets (`… (Nghệ An)`),
a quoted stretch starting at a comma, a sentence of the text with its punctuation; and names written
with hyphens, as Vietnamese writes foreign names and loanwords (`Ô-xtrây-li-a`, `vi-rút`, `Mác-Lê-nin`)
and English its compounds (`cross-border`, `year-end`).

The corpus gains records that carry such names in their titles, each with a near miss holding the same
syllables apart (`vi phạm … rút kinh nghiệm`), drawn with their own seed; the pasted titles and sentences
come from the whole corpus. A query is kept only when its target is the one record holding its words in
the order typed (the name's syllables side by side), so it is the best answer.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bench.generators.docgen import OfficialDoc
from bench.generators.relevance.corpus import TYPE_NAMES, TYPE_NAMES_EN, CorpusDoc, fold

SEED = 1616
WORD = re.compile(r"\w+")
HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
VI_NAMES = (
    "Ô-xtrây-li-a", "Xin-ga-po", "Ăng-gô-la", "Mô-dăm-bích", "Ác-hen-ti-na", "Bru-nây", "Phi-líp-pin",
    "In-đô-nê-xi-a", "Mi-an-ma", "U-crai-na", "Bê-la-rút", "Ca-dắc-xtan", "Hung-ga-ri", "Cu-ba",
)  # fmt: skip
VI_TERMS = ("vi-rút", "Mác-Lê-nin", "ki-lô-mét", "in-tơ-nét", "xi-măng", "a-xít", "tuốc-bin", "ra-đa")
VI_FIELDS = (
    "đào tạo nghề thủy sản", "y tế dự phòng vùng biên", "trao đổi đoàn thanh niên", "điện gió ngoài khơi",
    "bảo tồn voi rừng", "cà phê đặc sản", "đường sắt khổ hẹp", "phục hồi rừng ngập mặn",
)  # fmt: skip
EN_COMPOUNDS = ("provincial-level", "non-binding", "year-end", "cross-border", "e-government", "long-term",
                "follow-up", "state-owned")  # fmt: skip
EN_FIELDS = ("fisheries training", "wind power", "mangrove recovery", "mountain railways", "specialty coffee",
             "elephant conservation")  # fmt: skip
PLACES = (("Quảng Trị", "Quang Tri"), ("Nghệ An", "Nghe An"), ("Cà Mau", "Ca Mau"), ("Sơn La", "Son La"))
TYPES_VI = (("KẾ HOẠCH", "KH"), ("BÁO CÁO", "BC"), ("NGHỊ QUYẾT", "NQ"), ("THÔNG BÁO", "TB"))
TYPES_EN = (("PLAN", "KH"), ("REPORT", "BC"), ("RESOLUTION", "NQ"))


def _official(title: str, body: tuple[str, ...], type_word: str, symbol: str, place: str, year: int, lang: str):
    if lang == "vi":
        return OfficialDoc(
            issuer="BAN ĐỐI NGOẠI",
            superior=f"ĐẢNG BỘ TỈNH {place.upper()}",
            number=f"Số {symbol}",
            place_date=f"{place}, ngày 12 tháng 05 năm {year}",
            type_word=type_word,
            summary=title,
            body=body,
            signature=("T/M BAN THƯỜNG VỤ", "TRƯỞNG BAN", "Trần Minh Khoa"),
            recipients=("- Như trên,", "- Lưu VT."),
        )
    return OfficialDoc(
        issuer="EXTERNAL RELATIONS COMMISSION",
        superior=f"{place.upper()} PROVINCIAL PARTY ORGANISATION",
        number=f"No. {symbol}",
        place_date=f"{place}, May 12, {year}",
        party_line="COMMUNIST PARTY OF VIETNAM",
        type_word=type_word,
        summary=title,
        body=body,
        signature=("ON BEHALF OF THE STANDING BOARD", "HEAD", "Tran Minh Khoa"),
        recipients=("- As above,", "- Filed at the Office."),
        language="en",
    )


def _doc(n: int, title: str, body: tuple[str, ...], lang: str, rng: random.Random) -> CorpusDoc:
    (type_word, code), (place, place_en) = rng.choice(TYPES_VI if lang == "vi" else TYPES_EN), rng.choice(PLACES)
    year = rng.randint(2012, 2026)
    symbol = f"{700 + n}-{code}/BĐN"
    official = _official(title, body, type_word, symbol, place if lang == "vi" else place_en, year, lang)
    fmt = rng.choice(["text", "html", "docx", "text", "html", "pdf"])
    ext = {"text": "txt", "html": "html", "docx": "docx", "pdf": "pdf"}[fmt]
    return CorpusDoc(
        filename=f"pasted_{n:02d}_{code}-{year}{'-en' if lang == 'en' else ''}.{ext}",
        key=f"pasted-{n:02d}",
        title=title,
        symbol=symbol,
        doc_type=code,
        year=year,
        language=lang,
        body="\n".join(body),
        issued=f"{year}-05-12",
        issuer=f"{official.superior}\n{official.issuer}",
        region=place if lang == "vi" else place_en,
        region_en=place_en,
        type_word=type_word,
        fmt=fmt,
        official=official,
    )


def pasted_documents() -> tuple[CorpusDoc, ...]:
    """Records with hyphenated names in their titles, each followed by a near miss holding its syllables apart."""
    rng = random.Random(SEED)
    docs: list[CorpusDoc] = []
    names = [(name, "vi") for name in rng.sample(VI_NAMES, 8) + rng.sample(VI_TERMS, 4)]
    names += [(name, "en") for name in rng.sample(EN_COMPOUNDS, 6)]
    for name, lang in names:
        parts = name.split("-")
        if lang == "vi":
            field = rng.choice(VI_FIELDS)
            y = rng.randint(2016, 2026)
            title = rng.choice([
                f"về hợp tác với {name} trong lĩnh vực {field} (giai đoạn {y}-{y + 4})",
                f"tổng kết chương trình {field} có {name}: kết quả, bài học kinh nghiệm",
                f"về {field} – phối hợp với {name}, năm {y}",
            ] if name in VI_NAMES else [
                f"về học tập {name} gắn với {field} (giai đoạn {y}-{y + 4})",
                f"tổng kết công tác {field} và {name}: kết quả, bài học kinh nghiệm",
                f"về {field} – kiểm soát {name}, năm {y}",
            ])  # fmt: skip
            body = (
                f"Thực hiện chủ trương của Ban Thường vụ, Ban Đối ngoại phối hợp triển khai nội dung về {field}, "
                f"trong đó có {name}; kết quả đạt được: {rng.randint(5, 95)}% chỉ tiêu năm.",
                "Các cơ quan liên quan báo cáo tiến độ hằng quý, đề xuất tháo gỡ khó khăn, vướng mắc phát sinh.",
            )
            apart = " ".join(reversed(parts[1:]))
            near_title = f"về {field}, {apart} và {parts[0]} – kết quả năm {y}"
            near_body = (f"Ban Đối ngoại ghi nhận {parts[-1]} cùng {parts[0]} trong báo cáo về {field}.", body[1])
        else:
            field = rng.choice(EN_FIELDS)
            y = rng.randint(2016, 2026)
            title = rng.choice([
                f"{name} review of the {field} programme ({y}-{y + 4})",
                f"the {name} plan for {field}: results and lessons",
                f"{field} – the {name} framework for the province, {y}",
            ])  # fmt: skip
            body = (
                f"The Commission coordinated the {name} work on {field}; {rng.randint(5, 95)}% of targets were met.",
                "Agencies report progress every quarter and propose how to remove the obstacles that arise.",
            )
            near_title = f"the {parts[-1]} of {field} and the {parts[0]} programme, {y}"
            near_body = (f"The {parts[-1]} and {parts[0]} tasks on {field} were reviewed.", body[1])
        docs.append(_doc(len(docs), title, body, lang, rng))
        docs.append(_doc(len(docs), near_title, near_body, lang, rng))
    return tuple(docs)


# ------------------------------------------------------------------------------------------------- queries


def _tokens(text: str) -> str:
    return " " + " ".join(WORD.findall(fold(text).lower())) + " "


class PastedBuilder:
    """Pasted queries over every record: `make()` returns (query, target file name, note) triples."""

    def __init__(self, docs: Sequence[CorpusDoc], quota: int) -> None:
        self.docs = [d for d in docs if d.official is not None]
        self.news = [d for d in docs if d.fmt == "news"]
        self.full = {d.filename: _tokens(d.text) for d in docs}
        self.rng = random.Random(SEED + 1)
        self.quota = quota

    def unique(self, doc: CorpusDoc, text: str) -> bool:
        """Only `doc` holds the query's words in this order (folded): the one best answer."""
        wanted = _tokens(text)
        return wanted.strip() != "" and [n for n, t in self.full.items() if wanted in t] == [doc.filename]

    def make(self) -> list[tuple[str, str, str]]:
        rng = self.rng
        out: list[tuple[str, str, str]] = []
        extras = [d for d in self.docs if d.key.startswith("pasted-")]
        for doc in extras[::2]:  # the records with the names (their near misses follow them)
            name = HYPHENATED.search(doc.title).group()
            if self.unique(doc, name):
                out.append((name, doc.filename, "hyphenated name"))
            if self.unique(doc, doc.title):
                out.append((self._decorated(doc, rng), doc.filename, "title of a name"))
        for doc in self.news:  # real texts, held out: sentences pasted from them
            lines = [line for line in doc.text.splitlines() if len(line.split()) >= 14 and re.search(r"[,;:(]", line)]
            for line in rng.sample(lines, min(len(lines), 3)):
                cut = " ".join(line.split()[: rng.randint(10, 16)])
                if self.unique(doc, cut):
                    out.append((cut, doc.filename, "news sentence"))
        others = [d for d in self.docs if not d.key.startswith("pasted-")]
        rng.shuffle(others)
        shapes = ["dash", "en dash", "bullet", "colon", "brackets", "quoted after a comma", "sentence"]
        made = {shape: 0 for shape in shapes}
        for doc in others:
            if len(out) >= self.quota:
                break
            shape = min(shapes, key=lambda s: (made[s], rng.random()))
            query = self._shaped(doc, shape, rng)
            if query:
                out.append((query, doc.filename, shape))
                made[shape] += 1
        return out

    def _type_name(self, doc: CorpusDoc) -> str:
        names = TYPE_NAMES_EN if doc.language == "en" else TYPE_NAMES
        return names.get(doc.doc_type or "", "").split(" kết luận")[0]

    def _decorated(self, doc: CorpusDoc, rng: random.Random) -> str:
        type_name = self._type_name(doc) or (doc.type_word or "").title()
        return rng.choice([f"{type_name} - {doc.title}", f"• {doc.title}", f"{type_name}: {doc.title}"])

    def _shaped(self, doc: CorpusDoc, shape: str, rng: random.Random) -> str | None:
        title, type_name = doc.title, self._type_name(doc)
        words = title.split()
        fragment = " ".join(words[: rng.randint(6, 12)]).rstrip(",;:")
        if shape == "sentence":
            lines = [line for line in doc.body.split("\n") if len(line.split()) >= 12 and re.search(r"[,;:]", line)]
            for line in rng.sample(lines, len(lines)):
                cut = " ".join(line.split()[: rng.randint(12, 18)])
                if self.unique(doc, cut):
                    return cut
            return None
        if shape == "quoted after a comma":
            at = title.find(", ")
            if at < 0:
                return None
            stretch = title[at : at + 2 + len(" ".join(title[at + 2 :].split()[:4]))]
            if not self.unique(doc, stretch):
                return None
            region = f" {doc.region}" if doc.region and rng.random() < 0.5 else ""
            return f'"{stretch}"{region}'
        if not self.unique(doc, fragment) or not type_name:
            return None
        region = doc.region_en if doc.language == "en" else doc.region
        return {
            "dash": f"{type_name} - {fragment}",
            "en dash": f"{type_name.upper()} – {fragment}",
            "bullet": f"• {fragment}",
            "colon": f"{type_name}: {fragment}",
            "brackets": f"{fragment} ({region})" if region else f"[{type_name}] {fragment}",
        }[shape]
