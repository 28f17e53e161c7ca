"""Search benchmark: build, latency and size of the archive's Whoosh search against SQLite FTS5.

    python -m bench.search --sizes 10000,100000 [--queries 200] [--repeat 3] [--rebuild]

For each size N it builds (or reuses, from `bench/work/`) an archive home of N generated records,
inserted straight into a real `Catalog` in transactions of 5,000 and indexed with the real
`archive.reindex.rebuild`; beside it, two SQLite FTS5 databases over the same records: "stock"
(`unicode61 remove_diacritics 2`, one title+body table, `bm25()`) and "tuned" (text folded on both sides
with the project's `fold`, separate weighted columns, symbols in their own columns). It then times the
same sampled queries through four paths — the API (`archive.search.search_records`), the bare
`SearchIndex.search`, FTS5 stock and FTS5 tuned — interleaved query by query, and writes the figures
to `bench/RESULTS.md` (its own section; other sections are kept) and to standard output.

Not a test: figures depend on the machine and on its load.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import hashlib
import html
import inspect
import io
import json
import os
import platform
import pstats
import random
import re
import shutil
import sqlite3
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench import corpus as bench_corpus

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(__file__).resolve().parent / "work"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
VERSION = "search-2"  # bump when the home layout, the sampling or the FTS5 schemas change
CHUNK = 5000  # catalog rows per transaction
SAMPLE_DOCS = 1500  # documents kept (reservoir) to draw queries from
SEED = bench_corpus.SEED
LIMIT = 10
TYPES = ("term", "multi", "accented", "phrase", "symbol", "filtered", "sorted", "facets", "highlights")
BACKENDS = ("whoosh_api", "whoosh_raw", "fts_stock", "fts_tuned")
LABELS = {"whoosh_api": "Whoosh API", "whoosh_raw": "Whoosh raw", "fts_stock": "FTS5 stock", "fts_tuned": "FTS5 tuned"}
INDEX_FILES = ("indexer/analysis.py", "indexer/schema.py", "indexer/documents.py", "indexer/normalize.py")
SECTION = "## Search: Whoosh vs SQLite FTS5 (`bench/search.py`)"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- documents -------------------------------------------------------------------------------------


def _get(item, *names, default=None):
    for name in names:
        value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
        if value not in (None, ""):
            return value
    return default


def _adapt(item, i: int) -> bench_corpus.BenchDoc:
    """A document from `tests/relevance/corpus.py`, whatever its exact shape, as a BenchDoc."""
    text = _get(item, "text", "body", "content")
    if not isinstance(text, str) or len(text) < 100:
        raise ValueError("no text")
    issued = _get(item, "issued", "date")
    issued = issued.isoformat()[:10] if hasattr(issued, "isoformat") else (str(issued)[:10] if issued else None)
    cites = []
    for c in _get(item, "citations", "cites", default=()) or ():
        if isinstance(c, str):
            cites.append((c, None))
        elif isinstance(c, (tuple, list)):
            cites.append((c[0], c[1] if len(c) > 1 else None))
        else:
            cites.append((_get(c, "symbol"), _get(c, "date")))
    return bench_corpus.BenchDoc(
        text=unicodedata.normalize("NFC", text),
        title=_get(item, "title", default=""),
        doc_number=_get(item, "doc_number", "symbol", "number", default=""),
        doc_type=_get(item, "doc_type", "type", default=""),
        issuer=_issuer_line(_get(item, "issuer", default="")),
        issued=issued or "",
        language=_get(item, "language", "lang", default="vi"),
        classification=_get(item, "classification", default="unclassified"),
        filename=_get(item, "filename", default=f"relevance-{i:06d}.txt"),
        place=_get(item, "place", default=""),
        signer=_get(item, "signer", default=""),
        citations=tuple((s, d) for s, d in cites if s),
    )


def _issuer_line(value: str) -> str:
    """The issuing body: the last line when the issuer is given as printed header lines."""
    lines = [line.strip() for line in str(value).splitlines() if line.strip()]
    return lines[-1] if lines else ""


def pick_generator(mode: str, seed: int) -> tuple[str, Callable[[int], Iterator[bench_corpus.BenchDoc]], str]:
    """(id for the cache key, n → documents, note). `auto` takes the relevance corpus when it works."""
    path = ROOT / "tests" / "relevance" / "corpus.py"
    if mode in ("auto", "relevance") and path.exists():
        try:
            from tests.relevance.corpus import generate_documents

            probe = [_adapt(d, i) for i, d in enumerate(generate_documents(5, seed))]
            if len(probe) != 5 or not all(d.doc_number and d.issued for d in probe):
                raise ValueError("documents without symbol or date")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]

            def relevance(n: int) -> Iterator[bench_corpus.BenchDoc]:
                for i, d in enumerate(generate_documents(n, seed)):
                    yield _adapt(d, i)

            return f"relevance-{digest}", relevance, f"`tests/relevance/corpus.py` `generate_documents` ({digest})"
        except Exception as exc:  # any failure: fall back, and say so
            if mode == "relevance":
                raise
            log(f"tests/relevance/corpus.py did not work ({type(exc).__name__}: {exc}); using bench/corpus.py")
    elif mode == "relevance":
        raise SystemExit("tests/relevance/corpus.py does not exist")
    digest = hashlib.sha256(Path(bench_corpus.__file__).read_bytes()).hexdigest()[:12]
    return (
        f"bench-{digest}",
        lambda n: bench_corpus.generate_documents(n, seed),
        "bench/corpus.py (own deterministic generator)",
    )


# --- building a home -------------------------------------------------------------------------------


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def index_fingerprint() -> str:
    from indexer.schema import SCHEMA_VERSION

    h = hashlib.sha256(str(SCHEMA_VERSION).encode())
    for name in INDEX_FILES:
        if (ROOT / name).exists():
            h.update((ROOT / name).read_bytes())
    return f"v{SCHEMA_VERSION}-{h.hexdigest()[:12]}"


def fts_fingerprint() -> str:
    return hashlib.sha256((VERSION + (ROOT / "indexer/normalize.py").read_text(encoding="utf-8")).encode()).hexdigest()[
        :12
    ]


def home_path(n: int, generator_id: str) -> Path:
    key = hashlib.sha256(f"{VERSION}|{generator_id}|{SEED}|{n}".encode()).hexdigest()[:10]
    return WORK / f"home-n{n}-{key}"


def load_meta(home: Path) -> dict:
    try:
        return json.loads((home / "bench.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def save_meta(home: Path, meta: dict) -> None:
    tmp = home / "bench.json.tmp"
    tmp.write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(home / "bench.json")


def build_catalog(home: Path, n: int, docs: Iterable[bench_corpus.BenchDoc]) -> dict:
    """Insert the documents into a fresh catalog in transactions of CHUNK; keep a reservoir sample."""
    from archive.catalog import RECORD_COLUMNS, Catalog
    from archive.config import Settings
    from archive.models import Citation
    from indexer.normalize import display_symbol, symbol_key

    settings = Settings(home=home)
    rng = random.Random(f"{SEED}:reservoir")
    sample: list[dict] = []
    allowed = set(RECORD_COLUMNS)
    started = time.perf_counter()
    text_bytes = 0
    generating = 0.0
    languages: Counter = Counter()
    with Catalog(settings.catalog_path) as catalog:
        done = 0
        iterator = iter(docs)
        while done < n:
            with catalog.transaction():
                for _ in range(min(CHUNK, n - done)):
                    t = time.perf_counter()
                    doc = next(iterator)
                    generating += time.perf_counter() - t
                    raw = doc.text.encode("utf-8")
                    citations = [
                        Citation(display_symbol(s), symbol_key(s), d or None)
                        for s, d in doc.citations
                        if symbol_key(s) != symbol_key(doc.doc_number or "-")
                    ]
                    values = {
                        "sha256": hashlib.sha256(f"bench:{SEED}:{done}".encode()).hexdigest(),
                        "size": len(raw),
                        "mime": "text/plain",
                        "filename": doc.filename,
                        "title": doc.title or None,
                        "doc_number": doc.doc_number or None,
                        "doc_type": doc.doc_type or None,
                        "issuer": doc.issuer or None,
                        "issued": doc.issued or None,
                        "language": doc.language,
                        "classification": doc.classification,
                        "place": doc.place or None,
                        "signer": doc.signer or None,
                        "extractor": "text",
                        "provenance": {
                            k: "extracted" for k in ("doc_number", "doc_type", "issuer", "issued", "title", "language")
                        },
                    }
                    values = {k: v for k, v in values.items() if k in allowed or k == "provenance"}
                    record_id = catalog.insert_record(doc.text, citations=citations, **values)
                    text_bytes += len(raw)
                    languages[doc.language] += 1
                    entry = {**asdict(doc), "id": record_id}
                    if len(sample) < SAMPLE_DOCS:
                        sample.append(entry)
                    else:
                        j = rng.randrange(done + 1)
                        if j < SAMPLE_DOCS:
                            sample[j] = entry
                    done += 1
            log(f"catalog: {done:,}/{n:,} records ({done / (time.perf_counter() - started):,.0f}/s)")
    seconds = time.perf_counter() - started
    sample.sort(key=lambda d: d["id"])
    (home / "sample.json").write_text(json.dumps(sample, ensure_ascii=False), encoding="utf-8")
    return {
        "seconds": round(seconds - generating, 2),  # inserting only: generating the documents is apart
        "docs_per_s": round(n / (seconds - generating), 1),
        "generate_seconds": round(generating, 2),
        "text_bytes": text_bytes,
        "mean_doc_bytes": round(text_bytes / n),
        "languages": dict(languages),
        "bytes": _dir_bytes(home) - (home / "sample.json").stat().st_size,
    }


def build_index(home: Path, n: int) -> dict:
    from archive.catalog import Catalog
    from archive.config import Settings
    from archive.reindex import rebuild
    from indexer.index import read_current

    settings = Settings(home=home)
    started = time.perf_counter()
    state = {"done": 0, "last": started}

    def progress(count: int) -> None:
        state["done"] += count
        now = time.perf_counter()
        if now - state["last"] > 30 or state["done"] == n:
            state["last"] = now
            log(f"whoosh rebuild: {state['done']:,}/{n:,} ({state['done'] / (now - started):,.0f} docs/s)")

    with Catalog(settings.catalog_path) as catalog:
        summary = rebuild(catalog, settings.index_dir, progress=progress)
    seconds = time.perf_counter() - started
    live = settings.index_dir / read_current(settings.index_dir).name
    return {
        "fingerprint": index_fingerprint(),
        "seconds": round(seconds, 2),
        "docs_per_s": round(summary.indexed / seconds, 1),
        "bytes": _dir_bytes(live),
        "files": sum(1 for p in live.iterdir() if p.is_file()),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


# --- FTS5 ------------------------------------------------------------------------------------------

STOCK_SCHEMA = """
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
"""
TUNED_SCHEMA = """
CREATE VIRTUAL TABLE fts USING fts5(title, body, symbol, cites, content='', tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(3.0, 1.0, 12.0, 1.0)');
"""
META_SCHEMA = """
CREATE TABLE meta (id INTEGER PRIMARY KEY, doc_type TEXT, year INTEGER, issued TEXT, issuer TEXT,
                   language TEXT, classification TEXT);
CREATE INDEX meta_type ON meta(doc_type);
CREATE INDEX meta_year ON meta(year);
CREATE INDEX meta_issued ON meta(issued);
"""
FTS_TABLES = ("fts", "fts_data", "fts_idx", "fts_docsize", "fts_config", "fts_content")


def _fold_table() -> dict[int, str]:
    """`str.translate` table equal to the project's `fold` on NFC text (checked on the sample)."""
    from indexer.normalize import fold

    table = {}
    for cp in range(0x80, 0x2100):
        ch = chr(cp)
        folded = fold(ch)
        if folded != ch:
            table[cp] = folded
    return table


def build_fts(home: Path, variant: str) -> dict:
    """One FTS5 database built from the catalog's records and texts (read back in chunks)."""
    from archive.catalog import Catalog
    from archive.config import Settings
    from indexer.normalize import fold, symbol_key

    settings = Settings(home=home)
    path = home / f"fts5-{variant}.sqlite3"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(STOCK_SCHEMA if variant == "stock" else TUNED_SCHEMA)
    db.executescript(META_SCHEMA)
    started = time.perf_counter()
    count = 0
    with Catalog(settings.catalog_path) as catalog:
        ids = sorted(catalog.id_revs())
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            records = catalog.get_many(chunk)
            texts = catalog.texts(chunk)
            cited = catalog.citation_keys(chunk) if variant == "tuned" else {}
            rows, metas = [], []
            for i in chunk:
                r = records[i]
                title, body = r.title or "", texts.get(i, "")
                if variant == "stock":
                    rows.append((i, title, body))
                else:
                    symbol = symbol_key(r.doc_number) if r.doc_number else ""
                    rows.append((i, fold(title), fold(body), symbol, " ".join(cited.get(i, []))))
                metas.append((i, r.doc_type, int(r.issued[:4]) if r.issued else None, r.issued, r.issuer,
                              r.language, r.classification))  # fmt: skip
            db.execute("BEGIN")
            if variant == "stock":
                db.executemany("INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)", rows)
            else:
                db.executemany("INSERT INTO fts(rowid, title, body, symbol, cites) VALUES (?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?)", metas)
            db.execute("COMMIT")
            count += len(chunk)
    inserted = time.perf_counter() - started
    db.execute("INSERT INTO fts(fts) VALUES('optimize')")
    seconds = time.perf_counter() - started
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("VACUUM")
    sizes = dict(db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    db.close()
    fts_bytes = sum(sizes.get(t, 0) for t in FTS_TABLES if t != "fts_content")
    return {
        "fingerprint": fts_fingerprint(),
        "seconds": round(seconds, 2),
        "insert_seconds": round(inserted, 2),
        "docs_per_s": round(count / seconds, 1),
        "bytes": path.stat().st_size,
        "index_bytes": fts_bytes,
        "content_bytes": sizes.get("fts_content", 0),
        "meta_bytes": sum(v for k, v in sizes.items() if k.startswith("meta")),
    }


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
    import indexer.search as isearch

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
        self.fold_table = _fold_table()

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


# --- measuring -------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def run_backends(home: Path, queries: dict[str, list[Query]], repeat: int, warmup: int) -> dict:
    """Time every query on every backend (interleaved, rotating order); per query the median of `repeat`."""
    from archive.catalog import Catalog
    from archive.config import Settings
    from archive.search import search_records
    from indexer.search import SearchIndex

    settings = Settings(home=home)
    catalog = Catalog(settings.catalog_path)
    rss_before = rss_mb()
    index = SearchIndex(settings.index_dir)
    probe = queries["sorted"][0].text if queries["sorted"] else queries["term"][0].text
    t0 = time.perf_counter()
    search_records(catalog, index, probe, limit=LIMIT)
    cold_ms = (time.perf_counter() - t0) * 1000
    rss_whoosh = rss_mb()
    feats = detect_features(catalog, index, probe)
    ftss = {
        "fts_stock": Fts(home / "fts5-stock.sqlite3", "stock", catalog, feats.facet_names),
        "fts_tuned": Fts(home / "fts5-tuned.sqlite3", "tuned", catalog, feats.facet_names),
    }
    sample_texts = catalog.texts(range(1, 51))
    from indexer.normalize import fold

    table = ftss["fts_tuned"].fold_table
    assert all(fold(t) == t.translate(table) for t in sample_texts.values()), "fold table differs from fold()"

    def api(q: Query) -> tuple[int, list[int]]:
        extra = {"sort": feats.sort_param} if q.sort and feats.sort_param else {}
        r = search_records(catalog, index, q.text, filters=q.filters or None, limit=LIMIT, **extra)
        return r["total"], [h["id"] for h in r["hits"]]

    def raw(q: Query) -> tuple[int, list[int]]:
        extra: dict = {"sort": feats.sort_param} if q.sort and feats.raw_sort else {}
        if feats.raw_facets_param:
            extra["facets"] = q.facets
        r = index.search(q.text, filters=q.filters or None, limit=LIMIT, **extra)
        return r.total, [h.id for h in r.hits]

    facets_everywhere = feats.api_facets
    calls: dict[str, Callable[[Query], tuple[int, list[int]]]] = {
        "whoosh_api": api,
        "whoosh_raw": raw,
        "fts_stock": lambda q: ftss["fts_stock"].search(q, with_facets=facets_everywhere),
        "fts_tuned": lambda q: ftss["fts_tuned"].search(q, with_facets=facets_everywhere),
    }
    per_type: dict[str, dict] = {}
    skipped = {"sorted": feats.sort_param is None, "facets": not feats.api_facets}
    rotation = 0
    for kind in TYPES:
        qs = queries[kind]
        if skipped.get(kind):
            per_type[kind] = {"skipped": True}
            continue
        for q in qs[:warmup]:
            for name in BACKENDS:
                with contextlib.suppress(Exception):
                    calls[name](q)
        times: dict[str, list[float]] = {b: [] for b in BACKENDS}
        totals: dict[str, list[int]] = {b: [] for b in BACKENDS}
        errors: Counter = Counter()
        agree = 0
        gc.collect()
        started = time.perf_counter()
        for q in qs:
            order = BACKENDS[rotation % 4 :] + BACKENDS[: rotation % 4]
            rotation += 1
            firsts = {}
            for name in order:
                samples = []
                try:
                    for _ in range(repeat):
                        t = time.perf_counter()
                        total, ids = calls[name](q)
                        samples.append((time.perf_counter() - t) * 1000)
                except Exception as exc:
                    errors[f"{name}: {type(exc).__name__}: {exc}"[:160]] += 1
                    continue
                times[name].append(statistics.median(samples))
                totals[name].append(total)
                firsts[name] = ids[:1]
            if firsts.get("whoosh_api") and firsts.get("whoosh_api") == firsts.get("fts_tuned"):
                agree += 1
        per_type[kind] = {
            "queries": len(qs),
            "seconds": round(time.perf_counter() - started, 1),
            "times": times,
            "totals": totals,
            "errors": dict(errors),
            "top1_agree_api_tuned": agree,
            "examples": [q.text + (f" {q.filters}" if q.filters else "") for q in qs[:3]],
        }
        p = {b: round(percentile(times[b], 50), 2) for b in BACKENDS}
        log(f"{kind:<10} p50 ms " + "  ".join(f"{LABELS[b]} {p[b]}" for b in BACKENDS))
    out = {
        "features": asdict(feats),
        "cold_first_query_ms": round(cold_ms, 1),
        "rss_searcher_mb": round(rss_whoosh - rss_before, 1),
        "rss_end_mb": round(rss_mb(), 1),
        "per_type": per_type,
    }
    index.close()
    catalog.close()
    return out


def profile_type(home: Path, queries: list[Query], sort_param: str | None, count: int = 40) -> str:
    """cProfile of `search_records` over some queries of one type; the top functions by own time."""
    from archive.catalog import Catalog
    from archive.config import Settings
    from archive.search import search_records
    from indexer.search import SearchIndex

    settings = Settings(home=home)
    catalog = Catalog(settings.catalog_path)
    index = SearchIndex(settings.index_dir)
    qs = queries[:count]
    for q in qs[:5]:
        search_records(catalog, index, q.text, filters=q.filters or None, limit=LIMIT)
    profiler = cProfile.Profile()
    profiler.enable()
    for q in qs:
        extra = {"sort": sort_param} if q.sort and sort_param else {}
        search_records(catalog, index, q.text, filters=q.filters or None, limit=LIMIT, **extra)
    profiler.disable()
    index.close()
    catalog.close()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    total = stats.total_tt
    rows = []
    for (filename, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():
        rows.append((tt, ct, nc, f"{_short(filename)}:{line} {func}"))
    by_own = sorted(rows, reverse=True)[:12]
    by_cum = sorted(rows, key=lambda r: r[1], reverse=True)
    by_cum = [r for r in by_cum if "bench/" not in r[3] and "{built-in method builtins.exec}" not in r[3]][:14]
    per_query = total / len(qs) * 1000
    lines = [f"{len(qs)} queries, {total:.2f} s in total ({per_query:.0f} ms per query under cProfile)", ""]
    lines += ["| own time | share | calls | function |", "|---:|---:|---:|---|"]
    lines += [f"| {tt:.3f} s | {tt / total:.0%} | {nc:,} | `{name}` |" for tt, _ct, nc, name in by_own]
    lines += ["", "| cumulative | share | calls | function |", "|---:|---:|---:|---|"]
    lines += [f"| {ct:.3f} s | {ct / total:.0%} | {nc:,} | `{name}` |" for _tt, ct, nc, name in by_cum]
    return "\n".join(lines)


def _short(filename: str) -> str:
    for marker in ("site-packages/", str(ROOT) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


# --- report ----------------------------------------------------------------------------------------


def machine() -> dict:
    from importlib.metadata import version  # the bench reads Whoosh's version without importing it

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram": ram,
        "python": platform.python_version(),
        "whoosh": version("whoosh-reloaded"),
        "sqlite": sqlite3.sqlite_version,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def _ms(v: float) -> str:
    if v != v:  # NaN
        return "–"
    return f"{v:.1f}" if v >= 10 else f"{v:.2f}"


def render(n: int, info: dict) -> str:
    m, meta, run, gen = info["machine"], info["meta"], info["run"], info["generator"]
    cat, ix, st, tu = meta["catalog"], meta["index"], meta["fts_stock"], meta["fts_tuned"]
    feats = run["features"]
    lines = [
        f"### N = {n:,}",
        "",
        f"{m['date']} · {m['cpu']}, {m['cores']} cores, {m['ram']} RAM · Python {m['python']}, "
        f"Whoosh {m['whoosh']}, SQLite {m['sqlite']} · load average at start {m['load']} (shared machine).",
        "",
        f"Corpus: {gen} — {n:,} records, mean {cat['mean_doc_bytes']:,} bytes of text "
        f"({_mb(cat['text_bytes'])} in all), languages {cat['languages']}. "
        f"Queries: {info['queries']} per type drawn from {SAMPLE_DOCS:,} sampled records; each timed "
        f"{info['repeat']}× (per-query median), backends interleaved query by query, after {info['warmup']} "
        "warm-up queries per type.",
        "",
        "| build | seconds | docs/s | on disk | notes |",
        "|---|---:|---:|---:|---|",
        f"| catalog inserts (`Catalog.insert_record`, {CHUNK:,} per transaction) | {cat['seconds']:,.1f} | "
        f"{cat['docs_per_s']:,.0f} | {_mb(cat['bytes'])} | catalog.sqlite3 with texts"
        + (
            f"; generating the documents took {cat['generate_seconds']:,.1f} s more |"
            if "generate_seconds" in cat
            else " (includes generating the documents) |"
        ),
        f"| Whoosh `archive.reindex.rebuild` | {ix['seconds']:,.1f} | {ix['docs_per_s']:,.0f} | {_mb(ix['bytes'])} | "
        f"{ix['files']} files, schema {ix['fingerprint']}, built {ix['built_at'][:16]} |",
        f"| FTS5 stock | {st['seconds']:,.1f} | {st['docs_per_s']:,.0f} | {_mb(st['bytes'])} | index "
        f"{_mb(st['index_bytes'])} + stored text {_mb(st['content_bytes'])} + meta {_mb(st['meta_bytes'])}; "
        "incl. `optimize` |",
        f"| FTS5 tuned | {tu['seconds']:,.1f} | {tu['docs_per_s']:,.0f} | {_mb(tu['bytes'])} | index "
        f"{_mb(tu['index_bytes'])} (contentless) + meta {_mb(tu['meta_bytes'])}; incl. folding and `optimize` |",
        "",
        f"Whoosh searcher: first query {run['cold_first_query_ms']:,.0f} ms cold (open + caches), "
        f"process memory +{run['rss_searcher_mb']:,.0f} MB after opening it.",
        "",
        "Latency in ms, p50 / p95 (per-query medians):",
        "",
        "| query type | n | Whoosh API | Whoosh raw | FTS5 stock | FTS5 tuned | API ÷ tuned (p50) | API ÷ raw (p50) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    everything: dict[str, list[float]] = {b: [] for b in BACKENDS}
    p99_rows, hit_rows = [], []
    for kind in TYPES:
        row = run["per_type"].get(kind, {})
        if row.get("skipped"):
            lines.append(f"| {kind} | – | not available in this version of the search path | | | | | |")
            continue
        times = row["times"]
        cells = []
        for b in BACKENDS:
            everything[b].extend(times[b])
            cells.append(f"{_ms(percentile(times[b], 50))} / {_ms(percentile(times[b], 95))}")
        p50 = {b: percentile(times[b], 50) for b in BACKENDS}
        lines.append(
            f"| {kind} | {row['queries']} | " + " | ".join(cells) + f" | {p50['whoosh_api'] / p50['fts_tuned']:.1f}× | "
            f"{p50['whoosh_api'] / p50['whoosh_raw']:.1f}× |"
        )
        p99_rows.append(f"| {kind} | " + " | ".join(_ms(percentile(times[b], 99)) for b in BACKENDS) + " |")
        hits = []
        for b in BACKENDS:
            t = row["totals"][b]
            zero = sum(1 for x in t if x == 0)
            hits.append(f"{statistics.mean(t):,.0f} ({zero / len(t):.0%} none)" if t else "–")
        hit_rows.append(f"| {kind} | " + " | ".join(hits) + f" | {row['top1_agree_api_tuned'] / row['queries']:.0%} |")
    cells = [f"**{_ms(percentile(everything[b], 50))} / {_ms(percentile(everything[b], 95))}**" for b in BACKENDS]
    p50 = {b: percentile(everything[b], 50) for b in BACKENDS}
    lines.append(
        f"| **all** | {len(everything['whoosh_api'])} | " + " | ".join(cells) + f" | "
        f"{p50['whoosh_api'] / p50['fts_tuned']:.1f}× | {p50['whoosh_api'] / p50['whoosh_raw']:.1f}× |"
    )
    p99_rows.append("| **all** | " + " | ".join(_ms(percentile(everything[b], 99)) for b in BACKENDS) + " |")
    lines += ["", "p99 in ms:", "", "| query type | " + " | ".join(LABELS[b] for b in BACKENDS) + " |",
              "|---|---:|---:|---:|---:|", *p99_rows]  # fmt: skip
    lines += ["", "Matches per query (mean total; share of queries with none) and how often the top hit of the API "
              "and FTS5 tuned is the same record:", "",
              "| query type | " + " | ".join(LABELS[b] for b in BACKENDS) + " | same top hit |",
              "|---|---:|---:|---:|---:|---:|", *hit_rows]  # fmt: skip
    errors = {k: v for kind in TYPES for k, v in run["per_type"].get(kind, {}).get("errors", {}).items()}
    if errors:
        lines += ["", "Errors: " + "; ".join(f"{k} ×{v}" for k, v in errors.items())]
    raw_desc = "`SearchIndex.search` without `texts_for` (no snippets) and without the catalog join"
    if feats["raw_facets_param"]:
        raw_desc += ", `facets=False` except on the facets row"
    lines += [
        "",
        "What each column does:",
        "- **Whoosh API**: `search_records(catalog, SearchIndex(index_dir), q, filters=…, limit=10"
        + (f", sort='{feats['sort_param']}'" if feats["sort_param"] else "")
        + ")`: total, top 10, snippets for the 10 hits, records from the catalog"
        + (f", facets ({', '.join(feats['facet_names'])}) on every query." if feats["api_facets"] else "."),
        f"- **Whoosh raw**: {raw_desc}.",
        "- **FTS5 stock**: `tokenize='unicode61 remove_diacritics 2'`, one table (title, body), `ORDER BY rank` "
        "(bm25), `count(*)` for the total, `snippet()` for the 10 hits, records from the catalog"
        + (", facets by `GROUP BY` over a metadata table on every query" if feats["api_facets"] else "")
        + "; filters and date sort join a metadata table (`meta`, B-tree indexes on type, year, issued). "
        'Queries as typed: words quoted and ANDed, phrases as FTS5 phrases, a symbol as the phrase `"123-nq/tu"`.',
        "- **FTS5 tuned**: title, body, symbol and citations columns, contentless; text and queries folded with "
        "`indexer.normalize.fold` (đ → d too); `bm25(3, 1, 12, 1)` as the rank; words and phrases restricted to "
        "`{title body}`, symbols (`symbol_key`) to `{symbol cites}`; snippets made in Python from the catalog text "
        "(folded with a `str.translate` table equal to `fold`, positions carried over since folding keeps length); "
        "same metadata table for filters, sort" + (" and facets" if feats["api_facets"] else "") + ".",
        "- Query types: term = one word (thirds from frequent, middle, rare words); multi = 3 words of one "
        "paragraph, unaccented; accented = 3 words of one Vietnamese paragraph, accents kept; phrase = 2–3 adjacent "
        "words in quotes (half unaccented); symbol = `symbol_key` of a record's symbol; filtered = 2 words + "
        "`type` or `year`; sorted = 1 word, newest first; facets = 1 frequent word (facet counts over all matches); "
        "highlights = 2 frequent words of one paragraph (many matches, every hit has a snippet).",
        "- FTS5 cannot express: Whoosh's ranking of the exact-accent and adjacent-pair boosts (stock and tuned both "
        "lose accents, tuned on purpose); the symbol-first ranking in stock (a symbol is only a phrase of its "
        'fragments, `qđi` ≠ `qdi`, and citing records rank like the record itself); "did you mean" suggestions; '
        "facets and date sorting only outside FTS5 (SQL over the metadata table, no top-k shortcut). "
        "Stock's `remove_diacritics 2` leaves `đ`, so unaccented `dang` does not find `đảng` (see the matches table).",
    ]
    if feats["notes"]:
        lines += [f"- Note: {n}" for n in feats["notes"]]
    for kind, profile in info.get("profiles", {}).items():
        lines += ["", f"cProfile of `search_records` on {kind} queries:", "", profile]
    return "\n".join(lines) + "\n"


def write_results(path: Path, n: int, block: str) -> None:
    """Replace this N's block in the benchmark's section of RESULTS.md; keep every other section."""
    begin, end = f"<!-- bench.search N={n} begin -->", f"<!-- bench.search N={n} end -->"
    wrapped = f"{begin}\n{block}{end}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + wrapped + rest.split(end, 1)[1].lstrip("\n")
    elif SECTION in text:
        head, rest = text.split(SECTION, 1)
        nxt = re.search(r"^## ", rest, flags=re.M)
        body, tail = (rest[: nxt.start()], rest[nxt.start() :]) if nxt else (rest, "")
        text = head + SECTION + body.rstrip("\n") + "\n\n" + wrapped + ("\n" + tail if tail else "")
    else:
        intro = (
            "Made by `python -m bench.search`: records generated and inserted straight into the catalog, indexed by "
            "`archive.reindex.rebuild`, queried through `archive.search.search_records` and compared with SQLite "
            "FTS5 on the same records. One block per corpus size; rerunning a size replaces its block.\n"
        )
        text = text.rstrip("\n") + f"\n\n{SECTION}\n\n{intro}\n{wrapped}"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


# --- main ------------------------------------------------------------------------------------------


def prepare(n: int, generator, rebuild_all: bool) -> tuple[Path, dict]:
    gen_id, generate, _note = generator
    home = home_path(n, gen_id)
    meta = load_meta(home)
    if rebuild_all or not meta.get("catalog"):
        if home.exists():
            shutil.rmtree(home)
        home.mkdir(parents=True)
        log(f"N={n:,}: building the catalog in {home}")
        meta = {"version": VERSION, "n": n, "generator": gen_id, "catalog": build_catalog(home, n, generate(n))}
        save_meta(home, meta)
    else:
        log(f"N={n:,}: reusing the catalog in {home}")
    from archive.config import Settings
    from indexer.index import index_state

    stale = meta.get("index", {}).get("fingerprint") != index_fingerprint()
    if stale or index_state(Settings(home=home).index_dir) != "ok":
        log(f"N={n:,}: building the Whoosh index ({index_fingerprint()})")
        meta["index"] = build_index(home, n)
        save_meta(home, meta)
        log(f"N={n:,}: Whoosh index built in {meta['index']['seconds']:,.0f} s")
    for variant in ("stock", "tuned"):
        key = f"fts_{variant}"
        if meta.get(key, {}).get("fingerprint") != fts_fingerprint() or not (home / f"fts5-{variant}.sqlite3").exists():
            log(f"N={n:,}: building FTS5 {variant}")
            meta[key] = build_fts(home, variant)
            save_meta(home, meta)
            log(f"N={n:,}: FTS5 {variant} built in {meta[key]['seconds']:,.0f} s")
    return home, meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated corpus sizes (default 10000)")
    parser.add_argument("--queries", type=int, default=200, help="queries per type (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per query, median kept (default 3)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed queries per type first (default 20)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild cached homes from scratch")
    parser.add_argument("--generator", choices=("auto", "bench", "relevance"), default="auto")
    parser.add_argument(
        "--profile",
        default="auto",
        help="query types to profile, comma-separated (auto: slowest and the one the API adds most to; none: skip)",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="markdown file to update")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    generator = pick_generator(args.generator, SEED)
    for n in sizes:
        home, meta = prepare(n, generator, args.rebuild)
        sample = json.loads((home / "sample.json").read_text(encoding="utf-8"))
        queries = make_queries(sample, args.queries, SEED)
        log(f"N={n:,}: timing {sum(len(v) for v in queries.values())} queries × {args.repeat} on 4 backends")
        run = run_backends(home, queries, args.repeat, args.warmup)
        info = {
            "machine": machine(),
            "meta": meta,
            "run": run,
            "generator": generator[2],
            "queries": args.queries,
            "repeat": args.repeat,
            "warmup": args.warmup,
        }
        if args.profile != "none":
            measured = {k: v for k, v in run["per_type"].items() if not v.get("skipped")}

            def p50(kind: str, backend: str, measured=measured) -> float:
                return percentile(measured[kind]["times"][backend], 50)

            if args.profile == "auto":  # the slowest type, and the one the API adds most to
                kinds = [max(measured, key=lambda k: p50(k, "whoosh_api"))]
                kinds.append(max(measured, key=lambda k: p50(k, "whoosh_api") / p50(k, "whoosh_raw")))
            else:
                kinds = [k for k in args.profile.split(",") if k in measured]
            info["profiles"] = {}
            for kind in dict.fromkeys(kinds):
                log(f"N={n:,}: profiling {kind}")
                info["profiles"][kind] = profile_type(home, queries[kind], run["features"]["sort_param"])
        (home / "last-run.json").write_text(json.dumps(info, indent=1, ensure_ascii=False, default=str), "utf-8")
        block = render(n, info)
        print(block, flush=True)
        write_results(args.results, n, block)
        log(f"N={n:,}: figures written to {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
