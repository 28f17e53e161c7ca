"""The relevance set measured: the corpus ingested through the real pipeline into a fresh home, every known-item
query run through `archive.search.search_records` (as the web and the CLI run it) and on tuned FTS5, and the
table of success@1, success@10 and MRR per query kind. Shared by `tests/test_relevance.py`, which holds the
floors, and `bench/relevance.py`, which writes the table to `bench/RESULTS.md`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import ArchiveError
from archive.pipeline.ingest import ingest
from archive.search import search_records
from bench.generators.relevance.corpus import NEWS_DIR, build_corpus
from bench.generators.relevance.fts5 import TunedFts5
from bench.generators.relevance.queries import KINDS, NOTES, Query, build_queries
from indexer.index.search import SearchIndex

LIMIT = 10
SUBSETS = (  # rows of the report for queries made for a particular reason (see `queries.NOTES`)
    ("accented", "accents decide"),
    ("accented", "other tone convention"),
    ("phrase", "unaccented"),
    *(("mixed", how) for how in ("year", "bare_year", "type", "issuer", "symbol", "issued", "secrecy")),
    *(("pasted", how) for how in ("hyphenated name", "title of a name", "dash", "en dash", "bullet", "colon",
                                   "brackets", "quoted after a comma", "sentence", "news sentence")),
)  # fmt: skip


@dataclass
class Outcome:
    query: Query
    rank: int | None  # 1-based rank of the target in the first LIMIT hits, None when missing
    top: list[tuple[str, str]]  # (file name, title) of the first hits
    total: int = 0
    error: str | None = None


@dataclass
class Measured:
    docs: list
    outcomes: list[Outcome]
    seconds: dict[str, float] = field(default_factory=dict)
    baseline: list[Outcome] = field(default_factory=list)  # the same queries on tuned FTS5

    def of(self, kind: str, note: str | None = None, *, baseline: bool = False) -> list[Outcome]:
        outcomes = self.baseline if baseline else self.outcomes
        return [o for o in outcomes if o.query.kind == kind and (note is None or note in NOTES.get(o.query, ""))]


def success(outcomes: list[Outcome]) -> float:
    return sum(o.rank is not None for o in outcomes) / len(outcomes) if outcomes else 0.0


def mrr(outcomes: list[Outcome]) -> float:
    return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes) if outcomes else 0.0


def table(measured: Measured) -> str:
    rows = [
        "| kind | queries | success@1 | success@10 | MRR | FTS5 tuned success@10 | FTS5 tuned MRR |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]

    def row(label: str, found: list[Outcome], base: list[Outcome]) -> None:
        if found:
            first = sum(o.rank == 1 for o in found) / len(found)
            rows.append(f"| {label} | {len(found)} | {first:.3f} | {success(found):.3f} | {mrr(found):.3f} "
                        f"| {success(base):.3f} | {mrr(base):.3f} |")  # fmt: skip

    for kind in KINDS:
        row(kind, measured.of(kind), measured.of(kind, baseline=True))
    row("all", measured.outcomes, measured.baseline)
    for kind, note in SUBSETS:
        row(f"{kind}: {note}", measured.of(kind, note), measured.of(kind, note, baseline=True))
    return "\n".join(rows)


def misses(measured: Measured, per_kind: int = 12) -> str:
    lines = []
    for kind in KINDS:
        missed = [o for o in measured.of(kind) if o.rank != 1]
        missed.sort(key=lambda o: (o.rank is not None, o.rank or 0))  # not found at all first
        if not missed:
            continue
        lines.append(f"\n### {kind}: {sum(o.rank is None for o in missed)} missed, "
                     f"{sum(o.rank is not None for o in missed)} found below rank 1\n")  # fmt: skip
        for o in missed[:per_kind]:
            where = f"rank {o.rank}" if o.rank else ("error: " + o.error if o.error else f"missing ({o.total} hits)")
            first = f"`{o.top[0][0]}` — {o.top[0][1]}" if o.top else "nothing"
            note = f" [{NOTES[o.query]}]" if NOTES.get(o.query) else ""
            lines.append(f"- `{o.query.query}`{note} → want `{o.query.target}` ({where}); first: {first}")
    return "\n".join(lines)


def measure(base: Path) -> Measured:
    """Build the corpus, ingest it through the real pipeline, run every query here and on tuned FTS5."""
    seconds = {}
    started = time.monotonic()
    docs = build_corpus(base / "corpus")
    if not any(d.fmt == "news" for d in docs):
        print(f"\nrelevance: news texts not found in {NEWS_DIR}; the 3 news records and their queries are skipped")
    seconds["corpus"] = time.monotonic() - started
    settings = Settings(home=base / "home", workers=2)
    started = time.monotonic()
    summary = ingest(settings, [base / "corpus"])
    seconds["ingest"] = time.monotonic() - started
    assert summary.counts["added"] == len(docs), summary.counts

    queries = build_queries(docs)
    started = time.monotonic()
    outcomes = []
    index = SearchIndex(settings.index_dir)
    try:
        with Catalog(settings.catalog_path) as catalog:
            for query in queries:
                outcomes.append(run(catalog, index, query))
    finally:
        index.close()
    seconds["queries"] = time.monotonic() - started
    with Catalog(settings.catalog_path) as catalog:
        fts = TunedFts5(catalog, base / "fts5-tuned.sqlite3")
        names = {r.id: r.filename for r in catalog.get_many(catalog.id_revs()).values()}
        baseline = [baseline_run(fts, names, query) for query in queries]
    return Measured(docs, outcomes, seconds, baseline)


def run(catalog: Catalog, index: SearchIndex, query: Query) -> Outcome:
    try:
        answer = search_records(catalog, index, query.query, limit=LIMIT)
    except ArchiveError as exc:
        return Outcome(query, None, [], error=str(exc))
    names = [hit["filename"] for hit in answer["hits"]]
    rank = names.index(query.target) + 1 if query.target in names else None
    top = [(hit["filename"], hit["title"] or "") for hit in answer["hits"][:3]]
    return Outcome(query, rank, top, answer["total"])


def baseline_run(fts: TunedFts5, names: dict[int, str], query: Query) -> Outcome:
    found = [names[i] for i in fts.search(query.query, LIMIT)]
    rank = found.index(query.target) + 1 if query.target in found else None
    return Outcome(query, rank, [(name, "") for name in found[:3]], len(found))
