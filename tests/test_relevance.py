"""Search quality on a relevance set: ~400 generated Party records (plus the three real news texts when
`../shared/corpus/news` is present) and ~250 known-item queries (`bench/generators/relevance`).

The archive is built once per module through the real ingest pipeline; every query goes through
`archive.search.search_records` exactly as the web and CLI run it. Success@10 and MRR per query kind are
printed (`pytest -s`) and written to `test-artifacts/relevance.md` with the worst misses; each kind is held
to a floor set from what was measured, minus a small margin.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from bench.generators.relevance.corpus import CORPUS_SIZE, NEWS_FILES
from bench.generators.relevance.measure import LIMIT, Measured, measure, misses, mrr, success, table
from bench.generators.relevance.queries import KINDS, counts

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "test-artifacts" / "relevance.md"

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
MIN_QUERIES = {"accented": 50, "unaccented": 50, "phrase": 25, "symbol": 30, "english": 25, "mixed": 30, "pasted": 50}


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
