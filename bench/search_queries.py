"""Sampling the benchmark's queries, and the backends that answer them (the API, bare Whoosh, FTS5)."""

from __future__ import annotations

import html
import inspect
import random
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.search_common import LIMIT, TYPES
from indexer.normalize import FOLD_TABLE

# --- queries ---------------------------------------------------------------------------------------

WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Query:
    kind: str
    text: str  # what the user types (Whoosh query language)
    words: tuple[str, ...] = ()  # plain words, as typed
    phrase: bool = False
    symbol: str | None = None  # symbol_key
    filters: dict[str, str] = field(default_factory=dict)
    sort: bool = False
    facets: bool = False


def _has_marks(word: str) -> bool:
    from indexer.normalize import fold

    return fold(word) != word


def make_queries(sample: list[dict], per_type: int, seed: int) -> dict[str, list[Query]]:
    """`per_type` queries of every type, drawn deterministically from the sampled documents."""
    from indexer.normalize import fold, symbol_key

    rng = random.Random(f"{seed}:queries")
    df: Counter = Counter()
    paragraphs: list[tuple[dict, str]] = []
    for doc in sample:
        df.update({w.lower() for w in WORD_RE.findall(doc["text"])})
        for line in doc["text"].split("\n"):
            if len(WORD_RE.findall(line)) >= 20:
                paragraphs.append((doc, line))
    common = {w for w, _ in df.most_common(40)}

    def eligible(w: str) -> bool:
        return len(w) > 1 and not w.isdigit() and w not in common and df[w] >= 2

    ranked = [w for w, _ in df.most_common() if eligible(w)]
    third = len(ranked) // 3
    strata = (ranked[:third], ranked[third : 2 * third], ranked[2 * third :])

    def words_of(line: str) -> list[str]:
        return list(dict.fromkeys(w.lower() for w in WORD_RE.findall(line) if eligible(w.lower())))

    frequent = set(ranked[: 2 * third])

    def pick_words(k: int, *, accented: bool = False, top: bool = False) -> tuple[dict, list[str]]:
        while True:
            doc, line = rng.choice(paragraphs)
            if accented and doc["language"] != "vi":
                continue
            pool = words_of(line)
            if top:
                pool = [w for w in pool if w in frequent]
            if accented:
                marked = [w for w in pool if _has_marks(w)]
                if len(marked) < 2:
                    continue
            if len(pool) < k:
                continue
            chosen = rng.sample(pool, k)
            if accented and sum(_has_marks(w) for w in chosen) < 2:
                continue
            return doc, chosen

    out: dict[str, list[Query]] = {t: [] for t in TYPES}
    seen: set[tuple] = set()

    def add(q: Query) -> None:
        key = (q.kind, q.text, tuple(sorted(q.filters.items())))
        if key not in seen:
            seen.add(key)
            out[q.kind].append(q)

    guard = 0
    while any(len(v) < per_type for v in out.values()) and guard < per_type * 200:
        guard += 1
        if len(out["term"]) < per_type:
            word = rng.choice(strata[len(out["term"]) % 3])
            add(Query("term", word, (word,)))
        if len(out["multi"]) < per_type:
            _, ws = pick_words(3)
            ws = [fold(w).lower() for w in ws]
            add(Query("multi", " ".join(ws), tuple(ws)))
        if len(out["accented"]) < per_type:
            _, ws = pick_words(3, accented=True)
            add(Query("accented", " ".join(ws), tuple(ws)))
        if len(out["phrase"]) < per_type:
            doc, line = rng.choice(paragraphs)
            spans = [m.group(0) for m in re.finditer(r"(?<!\S)\w+(?: \w+){1,2}(?!\S)", line)]
            spans = [s for s in spans if not any(w.isdigit() for w in s.split()) and len(s) > 6]
            if spans:
                ws = [w.lower() for w in rng.choice(spans).split()]
                if rng.random() < 0.5:
                    ws = [fold(w) for w in ws]
                add(Query("phrase", '"' + " ".join(ws) + '"', tuple(ws), phrase=True))
        if len(out["symbol"]) < per_type:
            doc = rng.choice(sample)
            if doc["doc_number"]:
                key = symbol_key(doc["doc_number"])
                add(Query("symbol", key, symbol=key))
        if len(out["filtered"]) < per_type:
            doc, ws = pick_words(2)
            ws = [fold(w).lower() for w in ws]
            if len(out["filtered"]) % 2 == 0 and doc["doc_type"]:
                filters = {"type": doc["doc_type"]}
            elif doc["issued"]:
                filters = {"year": doc["issued"][:4]}
            else:
                continue
            add(Query("filtered", " ".join(ws), tuple(ws), filters=filters))
        if len(out["sorted"]) < per_type:
            word = rng.choice(strata[len(out["sorted"]) % 2])
            add(Query("sorted", word, (word,), sort=True))
        if len(out["facets"]) < per_type:
            word = rng.choice(strata[0])
            add(Query("facets", word, (word,), facets=True))
        if len(out["highlights"]) < per_type:
            _, ws = pick_words(2, top=True)
            ws = [fold(w).lower() for w in ws]
            add(Query("highlights", " ".join(ws), tuple(ws)))
    return out


# --- backends --------------------------------------------------------------------------------------


@dataclass
class Features:
    sort_param: str | None = None  # the value meaning "issued, newest first", when search_records takes sort=
    raw_sort: bool = False
    raw_facets_param: bool = False
    api_facets: bool = False  # search_records returns non-empty "facets"
    facet_names: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)


def detect_features(catalog, index, probe: str) -> Features:
    """What the search path can do today: sort=, facets in the result, SearchIndex options."""
    import archive.search as api
    import indexer.index.search as isearch

    f = Features()
    params = inspect.signature(api.search_records).parameters
    raw_params = inspect.signature(isearch.SearchIndex.search).parameters
    if "sort" in params:
        sorts = getattr(isearch, "SORTS", None)
        candidates = []
        if isinstance(sorts, dict):
            candidates = [k for k, v in sorts.items() if v and v[0] == "issued" and v[1] is True]
        candidates += ["issued_desc", "newest", "-issued", "date_desc", "issued"]
        for value in dict.fromkeys(candidates):
            try:
                result = api.search_records(catalog, index, probe, limit=LIMIT, sort=value)
            except Exception:
                continue
            dates = [h["issued"] or "" for h in result["hits"]]
            if len(dates) > 1 and dates == sorted(dates, reverse=True):
                f.sort_param = value
                break
        if f.sort_param is None:
            f.notes.append("search_records has sort= but no value gave issued-descending order")
    f.raw_sort = f.sort_param is not None and "sort" in raw_params
    f.raw_facets_param = "facets" in raw_params
    result = api.search_records(catalog, index, probe, limit=LIMIT)
    if isinstance(result.get("facets"), dict) and result["facets"]:
        f.api_facets = True
        f.facet_names = tuple(result["facets"])
    return f


FACET_COLUMNS = {"type": "doc_type", "doc_type": "doc_type", "year": "year", "issuer": "issuer",
                 "language": "language", "lang": "language", "classification": "classification"}  # fmt: skip


class Fts:
    """FTS5 answered like the API: total, top 10, snippets, records from the catalog, facets when asked."""

    def __init__(self, path: Path, variant: str, catalog, facet_names: tuple[str, ...]) -> None:
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.variant = variant
        self.catalog = catalog
        self.facets = [FACET_COLUMNS[n] for n in facet_names if n in FACET_COLUMNS]
        self.fold_table = FOLD_TABLE  # the project's own: `fold` on NFC text is this translate

    def match(self, q: Query) -> str:
        from indexer.normalize import fold

        def quote(s: str) -> str:
            return '"' + s.replace('"', '""') + '"'

        if self.variant == "stock":
            if q.symbol:
                return quote(q.symbol)
            if q.phrase:
                return quote(" ".join(q.words))
            return " ".join(quote(w) for w in q.words)
        if q.symbol:
            return "{symbol cites} : " + quote(" ".join(WORD_RE.findall(q.symbol)))
        words = [fold(w).lower() for w in q.words]
        if q.phrase:
            return "{title body} : " + quote(" ".join(words))
        return "{title body} : (" + " AND ".join(quote(w) for w in words) + ")"

    def search(self, q: Query, *, with_facets: bool) -> tuple[int, list[int]]:
        expr = self.match(q)
        where, args = "fts MATCH ?", [expr]
        join = ""
        if q.filters or q.sort or with_facets:
            join = " JOIN meta ON meta.id = fts.rowid"
        for name, value in q.filters.items():
            where += " AND meta.doc_type = ?" if name == "type" else " AND meta.year = ?"
            args.append(value if name == "type" else int(value))
        order = "meta.issued DESC" if q.sort else "rank"
        ids = [r[0] for r in self.db.execute(f"SELECT fts.rowid FROM fts{join} WHERE {where} ORDER BY {order} LIMIT ?",
                                             [*args, LIMIT])]  # fmt: skip
        if with_facets and self.facets:
            cols = ", ".join(f"meta.{c}" for c in self.facets)
            counts: dict[str, Counter] = {c: Counter() for c in self.facets}
            total = 0
            for row in self.db.execute(f"SELECT {cols}, count(*) FROM fts{join} WHERE {where} GROUP BY {cols}", args):
                total += row[-1]
                for c, v in zip(self.facets, row[:-1], strict=False):
                    if v is not None:
                        counts[c][v] += row[-1]
            facets = {c: counter.most_common(30) for c, counter in counts.items()}
            assert len(facets) == len(self.facets)
        else:
            total = self.db.execute(f"SELECT count(*) FROM fts{join} WHERE {where}", args).fetchone()[0]
        records = self.catalog.get_many(ids)
        if self.variant == "stock":
            marks = ", ".join("?" for _ in ids)
            snippets = dict(self.db.execute(
                f"SELECT rowid, snippet(fts, 1, '<mark>', '</mark>', ' … ', 24) FROM fts "
                f"WHERE fts MATCH ? AND rowid IN ({marks})", [expr, *ids]))  # fmt: skip
        else:
            texts = self.catalog.texts(ids)
            snippets = {i: self.snippet(texts.get(i, ""), q) for i in ids}
        assert len(snippets) <= len(ids) and len(records) == len(ids)
        return total, ids

    def snippet(self, text: str, q: Query) -> str:
        """Up to two fragments of the original text around the folded matches (fold keeps length)."""
        from indexer.normalize import fold

        flat = " ".join(text.split())
        folded = flat.translate(self.fold_table).lower()
        if q.symbol:
            terms = [re.escape(q.symbol)]
        elif q.phrase:
            terms = [r"\W+".join(re.escape(fold(w).lower()) for w in q.words)]
        else:
            terms = [re.escape(fold(w).lower()) for w in q.words]
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(terms) + r")(?!\w)")
        spans = [m.span() for m in pattern.finditer(folded)]
        if not spans:
            return html.escape(flat[:240])
        fragments, used = [], -1
        for start, _ in spans:
            if start <= used or len(fragments) == 2:
                continue
            lo, hi = max(0, start - 40), min(len(flat), start + 120)
            inside = [(s, e) for s, e in spans if s >= lo and e <= hi]
            out, pos = [], lo
            for s, e in inside:
                out += [html.escape(flat[pos:s]), "<mark>", html.escape(flat[s:e]), "</mark>"]
                pos = e
            out.append(html.escape(flat[pos:hi]))
            fragments.append("".join(out))
            used = hi
        return " … ".join(fragments)
