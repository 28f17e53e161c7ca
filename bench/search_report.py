"""The benchmark's report: machine, build figures, latency tables, written into RESULTS.md."""

from __future__ import annotations

import os
import platform
import re
import sqlite3
import statistics
from datetime import UTC, datetime
from pathlib import Path

from bench.search_common import BACKENDS, CHUNK, LABELS, SAMPLE_DOCS, SECTION, TYPES
from bench.search_measure import percentile

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
        f"| Whoosh `archive.upkeep.reindex.rebuild` | {ix['seconds']:,.1f} | {ix['docs_per_s']:,.0f} | "
        f"{_mb(ix['bytes'])} | "
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
    firsts: dict[str, list[float]] = {b: [] for b in BACKENDS}
    p99_rows, hit_rows, first_rows = [], [], []
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
        first = row.get("first_times", {b: [] for b in BACKENDS})
        for b in BACKENDS:
            firsts[b].extend(first[b])
        first_rows.append(f"| {kind} | " + " | ".join(
            f"{_ms(percentile(first[b], 50))} / {_ms(percentile(first[b], 95))}" for b in BACKENDS) + " |")  # fmt: skip
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
    overall = [f"**{_ms(percentile(firsts[b], 50))} / {_ms(percentile(firsts[b], 95))}**" for b in BACKENDS]
    first_rows.append("| **all** | " + " | ".join(overall) + " |")
    lines += ["", "First run of each query only, p50 / p95 in ms (the query's words not yet in any cache; the "
              "tables above keep each query's median run):", "",
              "| query type | " + " | ".join(LABELS[b] for b in BACKENDS) + " |",
              "|---|---:|---:|---:|---:|", *first_rows]  # fmt: skip
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
            "`archive.upkeep.reindex.rebuild`, queried through `archive.search.search_records` and compared with "
            "SQLite FTS5 on the same records. One block per corpus size; rerunning a size replaces its block.\n"
        )
        text = text.rstrip("\n") + f"\n\n{SECTION}\n\n{intro}\n{wrapped}"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
