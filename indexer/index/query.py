"""The query language: plain words, phrases, -exclusion, OR, prefix*, document symbols, field filters.

Symbols (`57-NQ/TW`, `11-qdi/tw`, `30/2020/NĐ-CP`) and filters (`type:NQ`, `nam:2025`, `issued:2014..2019`)
are taken out of the query text first; the rest is read as typed or pasted text (`indexer.index.querytext`:
hyphenated words are phrases, lone dashes and other punctuation are not syntax) and goes to Whoosh's
parser over the text fields; should the parser still refuse it, its words are searched. A symbol
matches the record that carries it (strongly) and the records that cite it (weakly), so the record
itself comes first. Filters restrict without scoring, and come from the query text or API parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from whoosh import qparser
from whoosh import query as q

from indexer.core.errors import QueryError
from indexer.core.messages import Message
from indexer.core.vocabulary import CLASSIFICATIONS, DOC_TYPES, doc_type_code
from indexer.index import querytext
from indexer.index.analysis import has_marks
from indexer.normalize import fold, symbol_key

# Every word must match one of these (folded, or stemmed English); title and symbol weigh most.
TEXT_FIELDS = ("title", "body", "filename", "issuer", "type_name", "signer", "notes", "title_en", "body_en")
FIELD_BOOSTS = {"title": 3.0, "title_en": 3.0, "filename": 1.5, "issuer": 1.5, "type_name": 4.0}
SYMBOL_BOOST, CITATION_BOOST = 12.0, 1.0
# Optional extra score (tuned on bench/generators/relevance): accents as typed, words side by side, and a type's
# name written in the query ("bao cao …" favours reports over notices that merely mention a report).
EXACT_BOOST, PAIR_BOOST, TYPE_BOOST = 3.0, 4.0, 2.0
LONG_RUN = 8  # a run of this many words or more is a pasted sentence: all of it in order scores extra
TYPE_NAMES = {tuple(fold(name).lower().split()): code for code, names in DOC_TYPES.items() for name in names}
OPERATORS = querytext.OPERATORS

# Public filter names (English and Vietnamese) → canonical filter.
FILTER_NAMES = {
    "type": "type", "loai": "type",
    "number": "number", "so": "number", "symbol": "number",
    "year": "year", "nam": "year",
    "issuer": "issuer", "coquan": "issuer",
    "lang": "lang", "language": "lang", "ngonngu": "lang",
    "classification": "classification", "domat": "classification",
    "issued": "issued", "ngay": "issued",
    # The file (hồ sơ) a record is filed in, by the file's id: the archive turns the codes a reader types
    # into the ids of the files they may see before searching.
    "hoso": "file", "file": "file",
    # A parameter only (a name with "_" is never read as a filter in the query text): the issuer exactly as
    # its facet counts it. `issuer:` matches the words of a name, so it also finds the longer names holding it.
    "issuer_exact": "issuer_exact",
}  # fmt: skip
FILTER_RE = re.compile(r'(?<!\S)(?P<name>[A-Za-zÀ-ỹĐđ]+):(?:"(?P<quoted>[^"]*)"|(?P<bare>\S+))')
SYMBOL_RE = re.compile(
    r"(?<![\w/])\d{1,5}(?:/\d{4})?\s*[-/\u2013]\s*[a-z][a-z0-9]*(?:\s*[-/\u2013]\s*[a-z0-9]+)+(?![\w/])"
)
TRAILING = ",;:!?)]}\"'”’…"  # punctuation that ends a pasted phrase, never a filter value
NOT_PAIR_RE = re.compile(r"(?<!\S)NOT\s+NOT(?:\s+|$)")
WILDCARDS = ("*", "?")
MAX_WILDCARD_WORDS = 8  # distinct words with * or ? in one query
# *, -*, ** standing alone ask for every record; a ? alone is a pasted question mark, punctuation like any other
BARE_STAR_RE = re.compile(r"(?<!\S)[-+]?[*?]*\*[*?]*(?!\S)")
BARE_STAR = Message(
    "a bare * asks for every record: give at least one letter before it, or search by a filter such as "
    "year:2020 instead"
)
CLASSIFICATION_WORDS = {"mat": "confidential", "toi mat": "secret", "tuyet mat": "top_secret", "thuong": "unclassified"}


@dataclass(frozen=True)
class ParsedQuery:
    query: q.Query  # what scores; Every() when only filters were given
    filter: q.Query | None  # what restricts, without scoring
    has_text: bool


def parse(text: str, schema, filters: dict[str, str] | None = None) -> ParsedQuery:
    """Turn the user's query and API filter parameters into Whoosh queries."""
    found: list[tuple[str, str]] = [(k, v) for k, v in (filters or {}).items() if v not in (None, "")]

    def take_filter(match: re.Match) -> str:
        if not _is_filter(match):
            return match.group(0)  # not a filter: leave it to the text parser
        value = match["quoted"] if match["quoted"] is not None else _bare_value(match["bare"])
        found.append((fold(match["name"]).lower(), value))
        return " "

    rest = FILTER_RE.sub(take_filter, text)
    symbols, rest = _take_symbols(rest)
    clauses = [_symbol_clause(key) for key in symbols]
    rest = _single_nots(rest)
    if BARE_STAR_RE.search(rest):
        raise QueryError(BARE_STAR)
    items = querytext.read(rest)
    if items:
        parsed = _parse_text(items, schema)
        _check_wildcards(parsed)
        if parsed is not q.NullQuery:
            boosts = _boosts(items, schema)
            clauses.append(q.AndMaybe(parsed, q.Or(boosts)) if boosts else parsed)
    restrictions = [_filter_clause(name, value, schema) for name, value in found]
    # Nothing to search for: every record within the filters, but none for a text of punctuation alone.
    nothing = q.Every() if found or not rest.strip() else q.NullQuery
    main = q.And(clauses) if len(clauses) > 1 else (clauses[0] if clauses else nothing)
    restrict = q.And(restrictions) if len(restrictions) > 1 else (restrictions[0] if restrictions else None)
    return ParsedQuery(main, restrict, has_text=bool(clauses))


def _single_nots(text: str) -> str:
    """`NOT NOT x` is `x`: each pair of NOTs in a row cancels (Whoosh's parser fails on a run of them)."""
    while True:
        shorter = NOT_PAIR_RE.sub(" ", text)
        if shorter == text:
            return text
        text = shorter


def _check_wildcards(node: q.Query) -> None:
    """Refuse what no bound can make cheap enough to be useful: a word that begins with * or ? (it reads the
    whole vocabulary of every field, and a bare * asks for everything), and more than MAX_WILDCARD_WORDS
    words with a * or ?. The cost of the rest is bounded while it runs (`indexer.index.evaluate.Budget`)."""
    nodes = list(_nodes(node))
    if any(isinstance(n, q.Every) for n in nodes):  # what a bare * becomes
        raise QueryError(BARE_STAR)
    words = {str(n.text) for n in nodes if isinstance(n, (q.Wildcard, q.Prefix))}
    for word in sorted(words):
        if word[:1] in WILDCARDS:
            raise QueryError(
                Message(
                    "a word may not begin with * or ? (%(word)r): give at least one letter before it; "
                    "to list every record, search by a filter such as year:2020 instead",
                    word=word,
                )
            )
    if len(words) > MAX_WILDCARD_WORDS:
        raise QueryError(
            Message(
                "too many words with * or ? (%(n)s; at most %(max)s)",
                n=len(words),
                max=MAX_WILDCARD_WORDS,
            )
        )


def _nodes(node: q.Query):
    yield node
    for child in node.children():
        yield from _nodes(child)


def _parse_text(items: list[querytext.Item], schema) -> q.Query:
    """Whoosh's parse of the text's pieces; their plain words if it still fails (pasted text is searched,
    never refused)."""
    parser = _text_parser(schema)
    try:
        parsed = parser.parse(querytext.normalized(items))
    except Exception:  # Whoosh raises many types on syntax it cannot build a query from
        words = querytext.plain(items)
        parsed = parser.parse(words) if words else q.NullQuery
    _boost_phrases(parsed)
    return parsed


def _boost_phrases(node: q.Query) -> None:
    """Give phrases their field's weight, as words have it (Whoosh's parser weighs only single terms), so a
    hyphenated word in a title counts as much as a plain one."""
    if isinstance(node, q.Phrase):
        if node.boost == 1.0:
            node.boost = FIELD_BOOSTS.get(node.fieldname, 1.0)
        return
    for child in node.children():
        _boost_phrases(child)


def _bare_value(value: str) -> str:
    """A filter's value without the punctuation pasted after it (`nam:2025),` is year 2025); a range's
    open end (`2014..`) keeps its dots."""
    value = value.rstrip(TRAILING)
    return value[:-1] if value.endswith(".") and not value.endswith("..") else value


def _is_filter(match: re.Match) -> bool:
    """Whether a `name:value` of the query text is a filter (else it is text, as `foo:bar` is)."""
    return fold(match["name"]).lower() in FILTER_NAMES


def _take_symbols(text: str) -> tuple[list[str], str]:
    keys, pieces, last = [], [], 0
    for start, end in _symbol_spans(text):
        keys.append(symbol_key(text[start:end]))
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return keys, " ".join(pieces)


def _symbol_spans(text: str) -> list[tuple[int, int]]:
    folded = fold(text).lower()  # same length as text, so spans carry over
    return [match.span() for match in SYMBOL_RE.finditer(folded)]


def query_words(text: str) -> list[str]:
    """The plain words a query asks for, in order: no operators, excluded (-word) or wildcard words."""
    return [part.text for part in querytext.words(querytext.read(text))]


@dataclass(frozen=True)
class TypedWord:
    text: str
    start: int  # where the word stands in the query text
    end: int


def free_words(text: str) -> list[TypedWord]:
    """The plain words of a whole query's free text, with their places: `query_words` of what `parse` hands
    the text parser. Filters (name and value) and symbols are blanked out first, as `parse` takes them out,
    and blanked to the same length so that the places are those of the text as typed."""
    blanked = FILTER_RE.sub(lambda m: " " * len(m.group(0)) if _is_filter(m) else m.group(0), text)
    for start, end in _symbol_spans(blanked):
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    return [TypedWord(p.text, p.start, p.end) for p in querytext.words(querytext.read(blanked))]


def _boosts(items: list[querytext.Item], schema) -> list[q.Query]:
    """Optional clauses that reorder what the query matched: exact accents, then adjacency."""
    words = [part.text for part in querytext.words(items)]
    boosts: list[q.Query] = []
    accented = [w for w in words if has_marks(w)]
    for token in schema["body_exact"].analyzer(" ".join(accented)):
        boosts.append(q.Term("body_exact", token.text, boost=EXACT_BOOST))
        boosts.append(q.Term("title_exact", token.text, boost=EXACT_BOOST))
    folded = [fold(w).lower() for w in words]
    boosts += _numbered_type_boosts(folded)
    for size in (1, 2, 3):
        for start in range(len(folded) - size + 1):
            code = TYPE_NAMES.get(tuple(folded[start : start + size]))
            if code and (size > 1 or len(words) > 1):  # one-word names (Plan) only beside other words
                boosts.append(q.Term("doc_type", code, boost=TYPE_BOOST))
    for segment in querytext.segments(items):  # no pair across an OR
        segment_words = [part.text for part in segment]
        if len(segment_words) >= 2:
            for token in schema["body_pairs"].analyzer(" ".join(segment_words)):
                if " " in token.text:
                    boosts.append(q.Term("body_pairs", token.text, boost=PAIR_BOOST))
        if len(segment_words) >= LONG_RUN:  # a pasted sentence: the record holding it all, in order, first
            folded_run = [t.text for t in schema["body"].analyzer(" ".join(segment_words))]
            boosts.append(q.Phrase("body", folded_run, boost=PAIR_BOOST))
    return boosts


def _numbered_type_boosts(folded: list[str]) -> list[q.Query]:
    """A number after a type, by code or name ("NQ 57", "nghị quyết 57", "chỉ thị số 18"), puts the
    documents of that number and type first: their symbols start `57-nq/`."""
    boosts = []
    for i, word in enumerate(folded):
        if not word.isdigit():
            continue
        before = folded[:i][-4:]
        if before and before[-1] == "so":  # "nghị quyết số 57"
            before = before[:-1]
        for size in (3, 2, 1):
            if len(before) < size:
                continue
            named = tuple(before[-size:])
            code = TYPE_NAMES.get(named) or (doc_type_code(named[0]) if size == 1 else None)
            if code:
                prefix = f"{int(word)}-{fold(code).lower()}/"
                boosts.append(q.Prefix("doc_number", prefix, boost=SYMBOL_BOOST))
                break
    return boosts


SWAPPED_SYMBOL = re.compile(r"(\d+(?:/\d{4})?)/([a-z][a-z0-9]*)-([a-z0-9]+(?:-[a-z0-9]+)*)")


def _symbol_keys(key: str) -> list[str]:
    """The key as typed, and `57-nq/tw` for a symbol typed with its separators swapped (`57/NQ-TW`)."""
    swapped = SWAPPED_SYMBOL.fullmatch(key)
    return [key, f"{swapped[1]}-{swapped[2]}/{swapped[3]}"] if swapped else [key]


def _symbol_clause(key: str) -> q.Query:
    clauses = []
    for variant in _symbol_keys(key):
        clauses += [
            q.Term("doc_number", variant, boost=SYMBOL_BOOST),
            q.Term("citations", variant, boost=CITATION_BOOST),
        ]
    return q.Or(clauses)


def _text_parser(schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(TEXT_FIELDS, schema, fieldboosts=FIELD_BOOSTS)
    parser.remove_plugin_class(qparser.FieldsPlugin)  # field names are the filters above, not schema internals
    parser.add_plugin(qparser.PlusMinusPlugin())  # -word excludes, +word requires
    return parser


def _filter_clause(name: str, value: str, schema) -> q.Query:
    kind = FILTER_NAMES.get(fold(name).lower())
    value = value.strip()
    if kind is None:
        known = ", ".join(sorted(set(FILTER_NAMES.values())))
        raise QueryError(Message("unknown filter %(name)r; known: %(known)s", name=name, known=known))
    if kind == "type":
        codes = [doc_type_code(v) for v in value.split(",")]
        if None in codes:
            known = ", ".join(DOC_TYPES)
            raise QueryError(Message("unknown document type %(value)r; known: %(known)s", value=value, known=known))
        return q.Or([q.Term("doc_type", c) for c in codes]) if len(codes) > 1 else q.Term("doc_type", codes[0])
    if kind == "number":
        return q.Term("doc_number", symbol_key(value))
    if kind == "year":
        low, high = _year_range(value)
        return q.NumericRange("year", low, high)
    if kind == "issuer":
        words = [t.text for t in schema["issuer"].analyzer(value)]
        if not words:
            raise QueryError(Message("issuer: needs a name"))
        return q.Phrase("issuer", words) if len(words) > 1 else q.Term("issuer", words[0])
    if kind == "issuer_exact":
        return q.Term("issuer_exact", value)
    if kind == "file":
        ids = [v for v in value.split(",") if v.isdigit()] or ["0"]  # no file has id 0: matches nothing
        return q.Or([q.Term("hoso", v) for v in ids[:200]]) if len(ids) > 1 else q.Term("hoso", ids[0])
    if kind == "lang":
        return q.Term("language", value.lower())
    if kind == "classification":
        level = CLASSIFICATION_WORDS.get(fold(value).lower().replace("_", " "), value.lower())
        if level not in CLASSIFICATIONS:
            known = ", ".join(CLASSIFICATIONS)
            raise QueryError(Message("unknown classification %(value)r; known: %(known)s", value=value, known=known))
        return q.Term("classification", level)
    return _issued_range(value)


def _year_range(value: str) -> tuple[int | None, int | None]:
    match = re.fullmatch(r"(\d{4})?(?:\.\.(\d{4})?)?", value)
    if not match or not (match[1] or match[2]):
        raise QueryError(Message("year must be a year or a range like 2014..2019, not %(value)r", value=value))
    low = int(match[1]) if match[1] else None
    high = int(match[2]) if match[2] else (low if ".." not in value else None)
    return low, high


def _issued_range(value: str) -> q.Query:
    """`2014..2019`, `2014-05..2019-12-31`, `2019`, `..2019`, `2014..`: inclusive, on the issue date."""
    low_text, sep, high_text = value.partition("..")
    if not sep:
        high_text = low_text
    low = _date_bound(low_text, start=True) if low_text else None
    high = _date_bound(high_text, start=False) if high_text else None
    if low is None and high is None:
        raise QueryError(Message("issued needs dates like 2014..2019 or 2014-05-26, not %(value)r", value=value))
    return q.DateRange("issued", low, high)


def _date_bound(text: str, *, start: bool) -> datetime:
    parts = text.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (1 if start else 12)
        if len(parts) > 2:
            day = int(parts[2])
        elif start:
            day = 1
        else:
            day = 31 if month in (1, 3, 5, 7, 8, 10, 12) else (30 if month != 2 else 29 if year % 4 == 0 else 28)
        moment = datetime(year, month, day)
    except (ValueError, IndexError):
        raise QueryError(Message("not a date: %(value)r (use YYYY, YYYY-MM or YYYY-MM-DD)", value=text)) from None
    return moment if start else moment.replace(hour=23, minute=59, second=59)
