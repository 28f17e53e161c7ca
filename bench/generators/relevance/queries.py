"""Known-item queries over the relevance corpus: `(kind, query, target)` where the target is a file name.

Queries are generated from the corpus itself, the way a staffer remembers a record: words of its summary
(trích yếu), its type, its place, its symbol, its year. A query is kept only if the target is the single
document whose *salient* text (summary, type, issuer, place; see `CorpusDoc.salient`) holds every unit of
the query (a unit is a run of syllables that must appear contiguously), so it is genuinely the best answer,
not just a document with a rare token. Accented queries are checked with diacritics (tone marks in one
convention), unaccented ones on folded text. Filters inside a query (`nam:`, `loai:`, `coquan:`, `lang:`,
`domat:`, `issued:`) are checked against the ground truth.

Kinds: accented, unaccented, phrase, symbol, english, mixed, and pasted (`bench/generators/relevance/pasted.py`: titles
and sentences pasted with their dashes, bullets, colons and brackets; hyphenated names).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from bench.generators.relevance.corpus import NEWS_FILES, TYPE_NAMES, TYPE_NAMES_EN, CorpusDoc, fold, tone_style

KINDS = ("accented", "unaccented", "phrase", "symbol", "english", "mixed", "pasted")
QUOTA = {"accented": 60, "unaccented": 64, "phrase": 30, "symbol": 36, "english": 30, "mixed": 40, "pasted": 90}
SEED = 57
MIN_SYLLABLES, MAX_SYLLABLES = 2, 8
ACCENT_DECISIVE = 12  # accented queries that folding would make ambiguous, at most
TONE_VARIANTS = 10  # accented queries typed in the other tone-mark convention, about

WORD = re.compile(r"\w+")
TYPED = re.compile(r"\w+(?:'\w+)?")  # words as typed: "party's" stays one

# Known-item queries for the three real news texts (their targets are those files).
_VI_2013, _EN_2013, _EN_2025 = NEWS_FILES  # the three news texts, in that order
NEWS_QUERIES = (
    ("accented", "hội nghị công tác văn phòng tỉnh ủy Vũng Tàu", _VI_2013),
    ("unaccented", "hoi nghi toan quoc van phong tinh uy thanh uy Vung Tau", _VI_2013),
    ("english", "national conference Vung Tau Party Committee offices", _EN_2013),
    ("english", "Pham Gia Tuc Party Committee Office conference", _EN_2025),
    ("english", "paperless meeting rooms digital transformation office", _EN_2025),
)


class Query(NamedTuple):
    kind: str
    query: str
    target: str  # file name of the one right answer


# Why a query was made (for the report): "accents decide" marks accented queries that folding makes ambiguous.
NOTES: dict[Query, str] = {}


# ----------------------------------------------------------------------------------------------- matching


@cache
def tokens(text: str, mode: str) -> tuple[str, ...]:
    """Syllables of `text`: `exact` keeps diacritics (tone marks in one convention), `folded` drops them."""
    text = unicodedata.normalize("NFC", text).replace("Ð", "Đ").replace("ð", "đ")
    text = tone_style(text, old=False)
    if mode == "folded":
        text = fold(text)
    return tuple(WORD.findall(text.lower()))


class Oracle:
    """Which documents hold every unit of a query in their salient text (optionally within filters)."""

    def __init__(self, docs: Sequence[CorpusDoc]) -> None:
        self.docs = list(docs)
        self.salient = {
            mode: {d.filename: " " + " ".join(tokens(d.salient, mode)) + " " for d in self.docs}
            for mode in ("exact", "folded")
        }
        self.full = {
            mode: {d.filename: " " + " ".join(tokens(d.text, mode)) + " " for d in self.docs}
            for mode in ("exact", "folded")
        }
        issuers = {d.filename: _issuer_lines(d) for d in self.docs}
        self.issuer = {name: " " + " ".join(tokens(text, "folded")) + " " for name, text in issuers.items()}

    def has(self, doc: CorpusDoc, units: Iterable[str], mode: str) -> bool:
        """Every unit in the salient text; a `~connective` (về, của) only somewhere in the document."""
        units = list(units)
        text = self.salient[mode][doc.filename]
        full = self.full[mode][doc.filename]
        return all(f" {' '.join(tokens(u, mode))} " in text for u in units if not u.startswith("~")) and all(
            f" {' '.join(tokens(u[1:], mode))} " in full for u in units if u.startswith("~")
        )

    def matching(self, units: Sequence[str], mode: str, keep: Callable[[CorpusDoc], bool] | None = None) -> list:
        return [d for d in self.docs if (keep is None or keep(d)) and self.has(d, units, mode)]

    def unique(self, target: CorpusDoc, units: Sequence[str], mode: str, keep=None) -> bool:
        found = self.matching(units, mode, keep)
        return len(found) == 1 and found[0] is target

    def in_issuer(self, doc: CorpusDoc, region: str) -> bool:
        return f" {' '.join(tokens(region, 'folded'))} " in self.issuer[doc.filename]


def _issuer_lines(doc: CorpusDoc) -> str:
    """The issuer as the archive reads it: the issuing line with its committee, not a district's province."""
    lines = [line for line in doc.issuer.split("\n") if not fold(line).upper().startswith(("DANG BO", "BAN CHAP"))]
    lines = [line for line in lines if "PARTY ORGANISATION" not in line]
    return " ".join(lines)


def symbol_key(symbol: str) -> str:
    text = fold(unicodedata.normalize("NFC", symbol)).lower().replace("\u2013", "-")
    return re.sub(r"\s*([-/])\s*", r"\1", text.strip())


# --------------------------------------------------------------------------------------------- candidates


def syllables(text: str) -> int:
    return len(WORD.findall(text))


def _type_name(doc: CorpusDoc) -> str:
    """The type as a staffer names it, when the document prints it ("" for a công văn: it shows only V/v)."""
    if doc.type_word is None:
        return ""
    names = TYPE_NAMES_EN if doc.language == "en" else TYPE_NAMES
    name = names.get(doc.doc_type or "", "")
    return name.split(" kết luận")[0].split(" hành động")[0].lower()  # "thông báo", "chương trình"


def _old_tones(text: str) -> bool:
    """Written with the old tone placement somewhere (`hoà`, `thuỷ`)."""
    return tone_style(text, old=False) != text


def _tone_sensitive(word: str) -> bool:
    """A syllable the two tone-mark conventions write differently (`hòa`/`hoà`)."""
    return tone_style(word, old=True) != tone_style(word, old=False)


def _issuer_unit(doc: CorpusDoc) -> str:
    """The issuer as a staffer names it ("tỉnh ủy Nghệ An", "văn phòng thành ủy Hà Nội", "bộ chính trị",
    "ban tổ chức trung ương"); "" for English documents and the Central Committee without a named body."""
    if doc.language != "vi":
        return ""
    if not doc.region:
        of = (doc.of_body or "").lower()
        names = [name for name in ("bộ chính trị", "ban bí thư") if name in of]
        return names[0] if names else (doc.issuer_name.lower() if "\n" in doc.issuer else "")
    unit = doc.issuer_name.lower()
    return unit.replace(doc.region.lower(), doc.region)


def _keys(doc: CorpusDoc) -> list[str]:
    """The title's key phrases in the document's own tone-mark convention."""
    return [tone_style(k, old=doc.old_tones) for k in doc.keys]


def phrases(doc: CorpusDoc) -> list[str]:
    """Exact runs of the title a staffer would quote: a key phrase of 3+ syllables, or the stretch from one
    key phrase to the next (at most 8 syllables)."""
    title = doc.title
    keys = _keys(doc)
    out = [k for k in keys if syllables(k) >= 3]
    for first, second in pairwise(keys):
        start = title.find(first)
        stop = title.find(second, start + len(first)) if start >= 0 else -1
        if start >= 0 and stop >= 0:
            run = title[start : stop + len(second)]
            if syllables(run) <= 8:
                out.append(run)
    return out


def _plain_units(units: list[str]) -> list[str]:
    """What a person types: no commas or dashes inside the words (and no `~` marks)."""
    return [" ".join(TYPED.findall(u.removeprefix("~"))) for u in units]


def _render_vi(units: list[str], doc: CorpusDoc, rng: random.Random, *, accented: bool, flip=None) -> str:
    parts = []
    for unit in _plain_units(units):
        if unit == doc.region and rng.random() < 0.5:
            parts.append(unit)  # place names keep their capitals half the time
        else:
            parts.append(unit.lower())
    text = " ".join(parts)
    if not accented:
        return fold(text)
    if flip if flip is not None else rng.random() < 0.4:  # typed in the other tone-mark convention
        text = tone_style(text, old=not doc.old_tones)
    return text


class _Builder:
    def __init__(self, docs: Sequence[CorpusDoc]) -> None:
        self.docs = [d for d in docs if d.official is not None]
        self.news = [d for d in docs if d.official is None]
        self.oracle = Oracle(docs)
        self.rng = random.Random(SEED)
        self.queries: list[Query] = []
        self.used: dict[str, set[str]] = defaultdict(set)  # kind → targets
        self.used_any: Counter = Counter()

    def add(self, kind: str, text: str, doc: CorpusDoc, note: str = "") -> None:
        query = Query(kind, " ".join(text.split()), doc.filename)
        if query in NOTES or any(q.query == query.query for q in self.queries):
            return
        self.queries.append(query)
        NOTES[query] = note
        self.used[kind].add(doc.filename)
        self.used_any[doc.filename] += 1

    def order(self, docs: list[CorpusDoc], kind: str) -> list[CorpusDoc]:
        """Documents in a random order, those not yet used by any query first."""
        docs = [d for d in docs if d.filename not in self.used[kind]]
        self.rng.shuffle(docs)
        return sorted(docs, key=lambda d: self.used_any[d.filename])

    # --- kinds ---------------------------------------------------------------------------------------------

    def text_query(self, doc: CorpusDoc, mode: str, *, decisive: bool = False, tone: bool = False) -> list[str] | None:
        """Units (key phrases of the title, its type, its place) that single out `doc` in `mode`, or None."""
        rng = self.rng
        keys = [k for k in _keys(doc) if syllables(k) <= 5]
        region = doc.region_en if doc.language == "en" else doc.region
        issuer = _issuer_unit(doc)
        kind = _type_name(doc)
        forms = []
        for key in keys:
            forms += [[key], [kind, key]]
            if region:
                forms += [[key, region], [kind, key, region]]
            if issuer and rng.random() < 0.5:
                forms += [[kind, issuer, key], [issuer, key]]
        for first, second in pairwise(keys):
            forms.append([first, second])
            if region:
                forms.append([first, second, region])
        forms.sort(key=lambda units: sum(syllables(u) for u in units) + rng.random() * 4)
        if doc.language == "vi" and kind and rng.random() < 0.3:  # typed as a phrase: "kế hoạch về … của tỉnh ủy …"
            sentences = [[kind, "~về", key, *(["~của", issuer] if issuer else [])] for key in keys]
            forms = sentences + [[kind, "~về", key] for key in keys] + forms
        for units in forms:
            size = sum(syllables(u) for u in units)
            if not all(units) or not MIN_SYLLABLES <= size <= MAX_SYLLABLES + 2 * any(u[0] == "~" for u in units):
                continue
            if not self.oracle.unique(doc, units, mode):
                continue
            if decisive and len(self.oracle.matching(units, "folded")) < 2:
                continue
            if tone and not any(_tone_sensitive(w) for u in units for w in u.split()):
                continue
            return units
        return None

    def accented(self) -> None:
        vietnamese = [d for d in self.docs if d.language == "vi"]
        # first the queries only diacritics make unambiguous (kinh tế biển / kinh tế biên mậu …)
        for doc in self.order(vietnamese, "accented"):
            if len(self.used["accented"]) >= ACCENT_DECISIVE:
                break
            units = self.text_query(doc, "exact", decisive=True)
            if units:
                self._add_accented(units, doc)
        # then queries typed in the other tone-mark convention (hoà/hòa, thuỷ/thủy, uỷ/ủy) than the record
        for doc in self.order(vietnamese, "accented"):
            if len(self.used["accented"]) >= ACCENT_DECISIVE + TONE_VARIANTS:
                break
            units = self.text_query(doc, "exact", tone=True)
            if units:
                self._add_accented(units, doc, flip=True)
        for doc in self.order(vietnamese, "accented"):
            if len(self.used["accented"]) >= QUOTA["accented"]:
                return
            units = self.text_query(doc, "exact")
            if units:
                self._add_accented(units, doc)

    def _add_accented(self, units: list[str], doc: CorpusDoc, *, flip: bool | None = None) -> None:
        text = _render_vi(units, doc, self.rng, accented=True, flip=flip)
        notes = []
        if len(self.oracle.matching(units, "folded")) > 1:
            notes.append("accents decide")
        if any(_old_tones(w) != doc.old_tones for w in text.split() if _tone_sensitive(w)):
            notes.append("other tone convention")
        self.add("accented", text, doc, ", ".join(notes))

    def unaccented(self) -> None:
        for doc in self.order([d for d in self.docs if d.language == "vi"], "unaccented"):
            if len(self.used["unaccented"]) >= QUOTA["unaccented"]:
                return
            units = self.text_query(doc, "folded")
            if units:
                self.add("unaccented", _render_vi(units, doc, self.rng, accented=False), doc)

    def english(self) -> None:
        for doc in self.order([d for d in self.docs if d.language == "en"], "english"):
            if len(self.used["english"]) >= QUOTA["english"]:
                return
            units = self.text_query(doc, "folded")
            if units:
                text = " ".join(u if u == doc.region_en else u.lower() for u in _plain_units(units))
                self.add("english", text, doc)

    def phrase(self) -> None:
        rng = self.rng
        for doc in self.order(self.docs, "phrase"):
            if len(self.used["phrase"]) >= QUOTA["phrase"]:
                return
            mode = "folded" if doc.language == "en" or rng.random() < 0.3 else "exact"
            region = doc.region_en if doc.language == "en" else doc.region
            for phrase in rng.sample(phrases(doc), len(phrases(doc))):
                options = [[phrase], [phrase, region]] if region else [[phrase]]
                units = next((u for u in options if self.oracle.unique(doc, u, mode)), None)
                if units:
                    quoted = phrase.lower() if mode == "exact" else fold(phrase).lower()
                    place = f" {region}" if len(units) > 1 else ""
                    self.add("phrase", f'"{quoted}"{place}', doc, "" if mode == "exact" else "unaccented")
                    break

    def symbol(self) -> None:
        keys = Counter(symbol_key(d.symbol) for d in self.docs)
        unique = [d for d in self.docs if keys[symbol_key(d.symbol)] == 1]
        # symbols with Đ first: they test case- and diacritic-free matching
        with_d = [d for d in unique if "Đ" in d.symbol]
        rest = [d for d in unique if "Đ" not in d.symbol]
        self.rng.shuffle(with_d)
        self.rng.shuffle(rest)
        chosen = with_d[:12] + rest[: QUOTA["symbol"] - min(12, len(with_d))]
        for i, doc in enumerate(chosen):
            self.add("symbol", symbol_variant(doc, i), doc)

    def mixed(self) -> None:
        rng = self.rng
        makers = [self._by_year, self._by_bare_year, self._by_type, self._by_issuer, self._by_symbol,
                  self._by_issued, self._by_secrecy]  # fmt: skip
        per_maker = defaultdict(int)
        for doc in self.order(self.docs, "mixed"):
            if len(self.used["mixed"]) >= QUOTA["mixed"]:
                return
            for maker in sorted(makers, key=lambda m: per_maker[m.__name__] + rng.random()):
                made = maker(doc)
                if made:
                    self.add("mixed", made, doc, maker.__name__.removeprefix("_by_"))
                    per_maker[maker.__name__] += 1
                    break

    # --- mixed: words that are ambiguous alone and unique within a filter -------------------------------

    def _words(self, doc: CorpusDoc, keep: Callable[[CorpusDoc], bool]) -> tuple[list[str], str] | None:
        """A key phrase of the title that several records share, but only `doc` among those `keep` accepts."""
        mode = "folded" if doc.language == "en" or self.rng.random() < 0.5 else "exact"
        keys = [k for k in _keys(doc) if syllables(k) <= 5]
        self.rng.shuffle(keys)
        for key in keys:
            units = [key]
            if len(self.oracle.matching(units, mode)) >= 2 and self.oracle.unique(doc, units, mode, keep):
                text = " ".join(_plain_units(units)).lower()
                return units, (fold(text) if mode == "folded" else text)
        return None

    def _by_year(self, doc: CorpusDoc) -> str | None:
        found = self._words(doc, lambda d: d.year == doc.year)
        if found:
            name = self.rng.choice(["nam", "year"])
            return f"{found[1]} {name}:{doc.year}" if self.rng.random() < 0.7 else f"{name}:{doc.year} {found[1]}"
        return None

    def _by_bare_year(self, doc: CorpusDoc) -> str | None:
        """The year typed as a plain word: it is printed in the date line ("năm 2019", "May 26, 2019")."""
        found = self._words(doc, lambda d: d.year == doc.year)
        return f"{found[1]} {doc.year}" if found else None

    def _by_type(self, doc: CorpusDoc) -> str | None:
        found = self._words(doc, lambda d: d.doc_type == doc.doc_type)
        if found:
            code = self.rng.choice([doc.doc_type, fold(doc.doc_type).lower()])
            return f"{self.rng.choice(['loai', 'type'])}:{code} {found[1]}"
        return None

    def _by_issuer(self, doc: CorpusDoc) -> str | None:
        region = doc.region_en if doc.language == "en" else doc.region
        if not region or not self.oracle.in_issuer(doc, region):
            return None
        found = self._words(doc, lambda d: self.oracle.in_issuer(d, region))
        if found:
            value = region if self.rng.random() < 0.5 else fold(region).lower()
            value = f'"{value}"' if " " in value else value
            return f"{found[1]} {self.rng.choice(['coquan', 'issuer'])}:{value}"
        return None

    def _by_issued(self, doc: CorpusDoc) -> str | None:
        low = doc.year - self.rng.randint(0, 1)
        found = self._words(doc, lambda d: d.year is not None and low <= d.year <= low + 1)
        return f"{found[1]} issued:{low}..{low + 1}" if found else None

    def _by_secrecy(self, doc: CorpusDoc) -> str | None:
        if doc.official.secrecy is None:
            return None
        level = doc.official.secrecy
        found = self._words(doc, lambda d: d.official is not None and d.official.secrecy == level)
        if found:
            value = {"MẬT": "mat", "TỐI MẬT": '"toi mat"', "CONFIDENTIAL": "confidential", "SECRET": "secret"}[level]
            return f"{found[1]} domat:{value}"
        return None

    def _by_symbol(self, doc: CorpusDoc) -> str | None:
        """A symbol that several records share (numbering restarts each term), told apart by a filter."""
        same = [d for d in self.docs if symbol_key(d.symbol) == symbol_key(doc.symbol)]
        if len(same) < 2:
            return None
        variant = symbol_variant(doc, self.rng.randrange(5))
        for filters, keep in (
            (f"nam:{doc.year}", lambda d: d.year == doc.year),
            (f"lang:{doc.language}", lambda d: d.language == doc.language),
            (f"nam:{doc.year} lang:{doc.language}", lambda d: d.year == doc.year and d.language == doc.language),
        ):
            if [d for d in same if keep(d)] == [doc]:
                return f"{variant} {filters}"
        return None

    # --- news ----------------------------------------------------------------------------------------------

    def news_queries(self) -> None:
        names = {d.filename: d for d in self.news}
        for kind, text, target in NEWS_QUERIES:
            if target in names:
                self.add(kind, text, names[target], "news")


def symbol_variant(doc: CorpusDoc, i: int) -> str:
    """The document's own symbol as people type it: exact, lower case, without diacritics, spaced, en dash …"""
    symbol = doc.symbol
    number, rest = symbol.split("-", 1)
    forms = [
        symbol,
        symbol.lower(),
        fold(symbol).lower(),
        f"{number} - {rest}",
        f"{number}\u2013{rest}",
        ("số " if doc.language == "vi" else "No. ") + symbol,
        f"{number}-{rest.replace('/', ' / ')}".lower(),
    ]
    if "Đ" in symbol:  # the folded form is the point of these
        forms = [fold(symbol).lower(), fold(symbol), symbol.lower(), *forms]
    return forms[i % len(forms)]


def build_queries(docs: Sequence[CorpusDoc]) -> list[Query]:
    """Every query of the relevance set for `docs` (corpus documents plus any news records)."""
    from bench.generators.relevance.pasted import PastedBuilder

    NOTES.clear()
    # The records made for pasted queries stay out of the other kinds' making, which is unchanged by them.
    builder = _Builder([d for d in docs if not d.key.startswith("pasted-")])
    builder.symbol()
    builder.mixed()
    builder.phrase()
    builder.english()
    builder.accented()
    builder.unaccented()
    builder.news_queries()
    by_name = {d.filename: d for d in docs}
    pasted = PastedBuilder(docs, QUOTA["pasted"]).make()
    for text, target, note in pasted:
        builder.add("pasted", text, by_name[target], note)
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(builder.queries, key=lambda q: order[q.kind])


def counts(queries: Iterable[Query]) -> dict[str, int]:
    found = Counter(q.kind for q in queries)
    return {kind: found[kind] for kind in KINDS}
