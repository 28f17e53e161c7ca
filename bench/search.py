"""Search benchmark: build, latency and size of the archive's Whoosh search against SQLite FTS5.

    python -m bench.search --sizes 10000,100000 [--queries 200] [--repeat 3] [--rebuild]

For each size N it builds (or reuses, from `bench/work/`) an archive home of N generated records,
inserted straight into a real `Catalog` in transactions of 5,000 and indexed with the real
`archive.upkeep.reindex.rebuild`; beside it, two SQLite FTS5 databases over the same records: "stock"
(`unicode61 remove_diacritics 2`, one title+body table, `bm25()`) and "tuned" (text folded on both sides
with the project's `fold`, separate weighted columns, symbols in their own columns). It then times the
same sampled queries through four paths — the API (`archive.search.search_records`), the bare
`SearchIndex.search`, FTS5 stock and FTS5 tuned — interleaved query by query, and writes the figures
to `bench/RESULTS.md` (its own section; other sections are kept) and to standard output.

Not a test: figures depend on the machine and on its load.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.search_common import RESULTS, SEED, log
from bench.search_homes import (
    build_fts,
    build_index,
    catalog_home,
    fts_fingerprint,
    index_fingerprint,
    pick_generator,
    save_meta,
)
from bench.search_measure import percentile, profile_type, run_backends
from bench.search_queries import make_queries
from bench.search_report import machine, render, write_results

# --- main ------------------------------------------------------------------------------------------


def prepare(n: int, generator, rebuild_all: bool) -> tuple[Path, dict]:
    home, meta = catalog_home(n, generator, rebuild_all)
    from archive.config import Settings
    from indexer.index.generations import index_state

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
