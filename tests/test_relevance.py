"""Search quality on a relevance set: ~400 generated Party records (plus the three real news texts when
`../shared/corpus/news` is present) and ~250 known-item queries (`bench/generators/relevance`).

The archive is built once per module through the real ingest pipeline; every query goes through
`archive.search.search_records` exactly as the web and CLI run it. Success@10 and MRR per query kind are
printed (`pytest -s`) and written to `test-artifacts/relevance.md` with the worst misses; each kind is held
to a floor set from what was measured, minus a small margin.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import ArchiveError
from archive.pipeline.ingest import ingest
from archive.search import search_records
from bench.generators.relevance.corpus import CORPUS_SIZE, NEWS_DIR, NEWS_FILES, build_corpus
from bench.generators.relevance.fts5 import TunedFts5
from bench.generators.relevance.queries import KINDS, NOTES, Query, build_queries, counts
from indexer.index.search import SearchIndex

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "test-artifacts" / "relevance.md"
LIMIT = 10

# Floors: what the search achieved when the set was made (see the report), minus a small margin; one query
# is worth 0.015–0.035 of a kind. Raise them as search improves; never lower them to make a change pass.
FLOORS = {  # kind: (success@10, MRR)      measured: success@10, MRR (array evaluator, schema 5, type names)
    "accented": (0.98, 0.94),  #           1.000, 0.964
    "unaccented": (0.99, 0.98),  #         1.000, 1.000
    "phrase": (0.96, 0.97),  #             1.000, 1.000
    "symbol": (1.0, 1.0),  #               1.000, 1.000 (and every symbol query ranks its record first)
    "english": (0.96, 0.96),  #            1.000, 0.985
    "mixed": (0.97, 0.98),  #              1.000, 1.000
    "pasted": (0.99, 0.97),  #             1.000, 0.990 with the news texts (issue 16 asks ≥ 0.99, ≥ 0.95)
}
UNACCENTED_TARGET = 0.99  # the project's target for queries typed without diacritics
SUBSETS = (  # rows of the report for queries made for a particular reason (see `queries.NOTES`)
    ("accented", "accents decide"),
    ("accented", "other tone convention"),
    ("phrase", "unaccented"),
    *(("mixed", how) for how in ("year", "bare_year", "type", "issuer", "symbol", "issued", "secrecy")),
    *(("pasted", how) for how in ("hyphenated name", "title of a name", "dash", "en dash", "bullet", "colon",
                                   "brackets", "quoted after a comma", "sentence", "news sentence")),
)  # fmt: skip
MIN_QUERIES = {"accented": 50, "unaccented": 50, "phrase": 25, "symbol": 30, "english": 25, "mixed": 30, "pasted": 50}


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


def write_report(measured: Measured) -> str:
    docs = measured.docs
    by_lang = defaultdict(int)
    for d in docs:
        by_lang[d.language] += 1
    text = "\n".join(
        [
            "# Relevance set",
            "",
            f"{len(docs)} records ({', '.join(f'{n} {lang}' for lang, n in sorted(by_lang.items()))}); "
            f"{len(measured.outcomes)} known-item queries; limit {LIMIT}. "
            + ", ".join(f"{k} {v:.1f} s" for k, v in measured.seconds.items()),
            "",
            table(measured),
            "",
            "## Misses (queries whose target is not first)",
            misses(measured),
            "",
        ]
    )
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    return text


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> Measured:
    result = measure(tmp_path_factory.mktemp("relevance"))
    print("\n" + write_report(result))
    return result


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


# ------------------------------------------------------------------------------------------------------ tests


def test_corpus_and_queries(measured: Measured) -> None:
    docs = [d for d in measured.docs if d.fmt != "news" and not d.key.startswith("pasted-")]
    assert len(docs) == CORPUS_SIZE
    assert len({d.filename for d in measured.docs}) == len(measured.docs)
    assert {d.doc_type for d in docs} >= {"NQ", "CT", "KL", "TB", "BC", "KH", "QĐi", "QĐ", "HD", "CV"}
    assert 0.15 <= sum(d.language == "en" for d in docs) / len(docs) <= 0.25
    assert min(d.year for d in docs) <= 1999 and max(d.year for d in docs) == 2026
    news = [d for d in measured.docs if d.fmt == "news"]
    assert len(news) in (0, len(NEWS_FILES))
    found = counts(o.query for o in measured.outcomes)
    assert sum(found.values()) >= 180
    for kind, least in MIN_QUERIES.items():
        assert found[kind] >= least, (kind, found)
    names = {d.filename for d in measured.docs}
    assert all(o.query.target in names for o in measured.outcomes)


@pytest.mark.parametrize("kind", KINDS)
def test_floor(measured: Measured, kind: str) -> None:
    found = measured.of(kind)
    least_success, least_mrr = FLOORS[kind]
    assert success(found) >= least_success, f"{kind}: success@10 {success(found):.3f} < {least_success}"
    assert mrr(found) >= least_mrr, f"{kind}: MRR {mrr(found):.3f} < {least_mrr}"


def test_symbol_queries_rank_their_record_first(measured: Measured) -> None:
    wrong = [(o.query.query, o.query.target, o.rank, o.top[:1]) for o in measured.of("symbol") if o.rank != 1]
    assert not wrong


def test_unaccented_target(measured: Measured) -> None:
    found = measured.of("unaccented")
    assert success(found) >= UNACCENTED_TARGET, (
        f"unaccented success@10 {success(found):.3f} < target {UNACCENTED_TARGET}; see {REPORT}"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_ahead_of_tuned_fts5(measured: Measured, kind: str) -> None:
    """On every kind: at least FTS5's success@10, and a better MRR unless both are perfect."""
    ours, theirs = measured.of(kind), measured.of(kind, baseline=True)
    assert success(ours) >= success(theirs), f"{kind}: success@10 {success(ours):.3f} < FTS5 {success(theirs):.3f}"
    assert mrr(ours) > mrr(theirs) or mrr(ours) == 1.0, f"{kind}: MRR {mrr(ours):.3f} ≤ FTS5 {mrr(theirs):.3f}"
