"""Timing the backends query by query, and profiling the slowest query type."""

from __future__ import annotations

import contextlib
import cProfile
import gc
import io
import pstats
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from bench.search_common import BACKENDS, LABELS, LIMIT, ROOT, TYPES, log
from bench.search_queries import Fts, Query, detect_features

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
    from indexer.index.search import SearchIndex

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
        first_times: dict[str, list[float]] = {b: [] for b in BACKENDS}  # each query's first run: its words cold
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
                first_times[name].append(samples[0])
                totals[name].append(total)
                firsts[name] = ids[:1]
            if firsts.get("whoosh_api") and firsts.get("whoosh_api") == firsts.get("fts_tuned"):
                agree += 1
        per_type[kind] = {
            "queries": len(qs),
            "seconds": round(time.perf_counter() - started, 1),
            "times": times,
            "first_times": first_times,
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
    from indexer.index.search import SearchIndex

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
