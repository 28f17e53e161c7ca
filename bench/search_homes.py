"""Building a benchmark home: generated records into a real catalog, the Whoosh index, two FTS5 databases."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench import corpus as bench_corpus
from bench.search_common import CHUNK, INDEX_FILES, ROOT, SAMPLE_DOCS, SEED, VERSION, WORK, log

# --- documents -------------------------------------------------------------------------------------


def _get(item, *names, default=None):
    for name in names:
        value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
        if value not in (None, ""):
            return value
    return default


def _adapt(item, i: int) -> bench_corpus.BenchDoc:
    """A document from `bench/generators/relevance/corpus.py`, whatever its exact shape, as a BenchDoc."""
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
    path = ROOT / "bench" / "generators" / "relevance" / "corpus.py"
    if mode in ("auto", "relevance") and path.exists():
        try:
            from bench.generators.relevance.corpus import generate_documents

            probe = [_adapt(d, i) for i, d in enumerate(generate_documents(5, seed))]
            if len(probe) != 5 or not all(d.doc_number and d.issued for d in probe):
                raise ValueError("documents without symbol or date")
            tables = ROOT / "bench" / "generators" / "data" / "relevance_corpus.json"  # its tables, read by it
            digest = hashlib.sha256(path.read_bytes() + tables.read_bytes()).hexdigest()[:12]

            def relevance(n: int) -> Iterator[bench_corpus.BenchDoc]:
                for i, d in enumerate(generate_documents(n, seed)):
                    yield _adapt(d, i)

            note = f"`bench/generators/relevance/corpus.py` `generate_documents` ({digest})"
            return f"relevance-{digest}", relevance, note
        except Exception as exc:  # any failure: fall back, and say so
            if mode == "relevance":
                raise
            log(
                f"bench/generators/relevance/corpus.py did not work ({type(exc).__name__}: {exc}); "
                "using bench/corpus.py"
            )
    elif mode == "relevance":
        raise SystemExit("bench/generators/relevance/corpus.py does not exist")
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
    from indexer.index.schema import SCHEMA_VERSION

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


def catalog_home(n: int, generator, rebuild: bool = False) -> tuple[Path, dict]:
    """The cached home of n generated records and its bench.json, its catalog built when missing (or when
    `rebuild`); the index and FTS5 tables are the callers'."""
    gen_id, generate, _note = generator
    home = home_path(n, gen_id)
    meta = load_meta(home)
    if rebuild or not meta.get("catalog"):
        if home.exists():
            shutil.rmtree(home)
        home.mkdir(parents=True)
        log(f"N={n:,}: building the catalog in {home}")
        meta = {"version": VERSION, "n": n, "generator": gen_id, "catalog": build_catalog(home, n, generate(n))}
        save_meta(home, meta)
    else:
        log(f"N={n:,}: reusing the catalog in {home}")
    return home, meta


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
    from archive.upkeep.reindex import rebuild
    from indexer.index.generations import read_current

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
