"""Adversarial queries against a generated archive: the worst must answer (results, or a refusal) in under 1 s
while normal queries keep their speed.

    python -m bench.adversarial --records 10000            # builds (or reuses) bench/work/home-n10000-…
    python -m bench.adversarial --records 100000 --repeat 5

Each adversarial query runs through `SearchIndex.search` as a confidential reader would (`--repeat` times, the
first one cold: p100 is over every run); the same text is also run through raw Whoosh (its own parser over the
same fields and its collector, stopped after `--whoosh-limit` seconds), which shows what the bounds save.
Normal queries (the search benchmark's term, multi-word, phrase, symbol, filtered and sorted queries drawn from
the archive's sample) run both with the bounds and with them lifted (no deadline, no vocabulary or postings
limit), so that the bounds' own cost shows. Figures go to `bench/RESULTS.md`.
"""

from __future__ import annotations

import argparse
import platform
import re
import statistics
import time
from pathlib import Path

from bench.search_common import RESULTS, SEED, log

SECTION = "## Adversarial queries: bounded cost (`bench/adversarial.py`)"
NORMAL_TYPES = ("term", "multi", "accented", "phrase", "symbol", "filtered", "sorted")


def adversarial(vocabulary: list[str]) -> dict[str, str]:
    """Name → query text. Words come from the archive's own vocabulary, so that they match."""
    words = [w for w in vocabulary if w.isalpha() and len(w) > 2]
    letters = "abcdeghiklmnopqrstuvx"
    return {
        "bare `*`": "*",
        "`*a* *b* *c*` (leading wildcards)": "*a* *b* *c*",
        "20 wildcard words `a* b* …`": " ".join(f"{c}*" for c in letters[:20]),
        "8 one-letter prefixes (the most allowed)": " ".join(f"{c}*" for c in "cdhtnvkb"),
        "8 two-letter prefixes": " ".join(list(dict.fromkeys(f"{w[:2]}*" for w in words if w.isascii()))[:8]),
        "500 ORs (5,000+ characters)": " OR ".join(words[:500]),
        "ORs filling 1,000 characters": _fill(" OR ".join(words), 1000),
        "2,000-character phrase": '"' + _fill(" ".join(words), 1998) + '"',
        "1,000-character phrase": '"' + _fill(" ".join(words), 998) + '"',
        "deep NOT chain (248 NOTs)": "NOT " * 248 + words[0],
        "`NOT NOT NOT x`": "NOT NOT NOT " + words[0],
        "1,000 characters of words (no operators)": _fill(" ".join(words), 1000),
    }


def _fill(text: str, size: int) -> str:
    return text[:size].rsplit(" ", 1)[0]


def timed(run, repeat: int) -> tuple[list[float], str]:
    """Milliseconds of each run (the first one cold) and how it ended."""
    times, outcome = [], ""
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            found = run()
            outcome = f"{found:,} found"
        except Exception as exc:  # a refusal is an answer: say which
            outcome = f"{type(exc).__name__}: {str(getattr(exc, 'message', exc))[:70]}"
        times.append((time.perf_counter() - started) * 1000)
    return times, outcome


def raw_whoosh(index_dir: Path, text: str, limit_s: float) -> tuple[float, str]:
    """The query through Whoosh's own parser and collector over the same fields, stopped after `limit_s`."""
    from whoosh import collectors, qparser

    from indexer.index.generations import open_index
    from indexer.index.query import TEXT_FIELDS

    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        parser = qparser.MultifieldParser(TEXT_FIELDS, ix.schema)
        started = time.perf_counter()
        try:
            query = parser.parse(text)
            collector = collectors.TimeLimitCollector(searcher.collector(limit=10), timelimit=limit_s)
            searcher.search_with_collector(query, collector)
            outcome = f"{len(collector.results()):,} found"
        except collectors.TimeLimit:
            outcome = f"stopped at {limit_s:g} s"
        except Exception as exc:
            outcome = f"{type(exc).__name__}: {str(exc)[:50]}"
        return (time.perf_counter() - started) * 1000, outcome


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.adversarial", description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10000, help="generated records in the archive (default 10000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query, the first cold (default 5)")
    parser.add_argument("--normal", type=int, default=30, help="normal queries per type (default 30)")
    parser.add_argument("--whoosh-limit", type=float, default=10.0, help="seconds raw Whoosh may take per query")
    parser.add_argument("--results", type=Path, default=RESULTS, help="markdown file to update")
    parser.add_argument("--note", default="", help="a sentence for the report (why this size, what else ran)")
    args = parser.parse_args()

    import json

    from archive.config import Settings
    from bench.search_homes import build_index, catalog_home, pick_generator, save_meta
    from bench.search_queries import make_queries
    from indexer import Budget, Clearance, SearchIndex

    home, meta = catalog_home(args.records, pick_generator("auto", SEED))
    if "index" not in meta:
        log(f"N={args.records:,}: building the Whoosh index")
        meta["index"] = build_index(home, args.records)
        save_meta(home, meta)
    index_dir = Settings(home=home).index_dir
    sample = json.loads((home / "sample.json").read_text(encoding="utf-8"))
    normal = make_queries(sample, args.normal, SEED)
    vocabulary = list(dict.fromkeys(w.lower() for doc in sample for w in re.findall(r"[^\W\d_]+", doc["text"])))
    reader = Clearance("confidential")
    bounded = SearchIndex(index_dir)
    unbounded = SearchIndex(index_dir, lambda: Budget(seconds=float("inf"), terms=2**62, postings=2**62))
    bounded.warm()
    unbounded.warm()

    rows = []
    for name, text in adversarial(vocabulary).items():
        times, outcome = timed(lambda t=text: bounded.search(t, clearance=reader).total, args.repeat)
        whoosh_ms, whoosh_outcome = raw_whoosh(index_dir, text, args.whoosh_limit)
        rows.append((name, len(text), statistics.median(times), max(times), outcome, whoosh_ms, whoosh_outcome))
        log(f"{name}: p100 {max(times):,.1f} ms ({outcome}); raw Whoosh {whoosh_ms:,.0f} ms ({whoosh_outcome})")

    speed = []
    for kind in NORMAL_TYPES:
        medians = {}
        for label, index in (("bounded", bounded), ("unbounded", unbounded)):
            per_query = []
            for query in normal.get(kind, []):
                filters = query.filters or None
                sort = "newest" if query.sort else "relevance"

                def run(q=query, i=index, f=filters, s=sort):
                    return i.search(q.text, filters=f, sort=s, clearance=reader).total

                per_query.append(statistics.median(timed(run, 3)[0]))
            medians[label] = (statistics.median(per_query), max(per_query)) if per_query else (0.0, 0.0)
        speed.append((kind, len(normal.get(kind, [])), medians))
        log(f"normal {kind}: bounded {medians['bounded'][0]:.2f} ms, unbounded {medians['unbounded'][0]:.2f} ms")
    write_results(args, rows, speed)


def write_results(args, rows, speed) -> None:
    worst = max(rows, key=lambda r: r[3])
    lines = [
        SECTION,
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.node() or 'this machine'}: "
        f"{platform.processor() or platform.machine()}, {_cores()} cores shared with other jobs, Python "
        f"{platform.python_version()}. Archive: **{args.records:,} generated records** (`bench/search_homes.py`). "
        f"Command: `python -m bench.adversarial --records {args.records} --repeat {args.repeat}`. {args.note}",
        "",
        f"**Worst p100: {worst[3]:,.1f} ms** ({worst[0]}). Each query ran {args.repeat} times as a confidential "
        "reader through `SearchIndex.search`, the first run cold; p100 is the slowest run. Raw Whoosh is the same "
        f"text through Whoosh's own parser and collector (stopped after {args.whoosh_limit:g} s).",
        "",
        "| query | chars | p50 ms | p100 ms | answer | raw Whoosh ms | raw Whoosh |",
        "|---|---:|---:|---:|---|---:|---|",
    ]
    for name, chars, p50, p100, outcome, whoosh_ms, whoosh_outcome in rows:
        lines.append(
            f"| {name} | {chars:,} | {p50:,.1f} | {p100:,.1f} | {outcome} | {whoosh_ms:,.0f} | {whoosh_outcome} |"
        )
    lines += [
        "",
        "Normal queries (the search benchmark's types, drawn from the archive's sample), median of 3 runs each; "
        "with the bounds, and with them lifted (no deadline, no vocabulary or postings limit):",
        "",
        "| type | n | bounded p50 ms | unbounded p50 ms | ratio | bounded max ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind, n, medians in speed:
        (b50, bmax), (u50, _) = medians["bounded"], medians["unbounded"]
        lines.append(f"| {kind} | {n} | {b50:.2f} | {u50:.2f} | {b50 / u50 if u50 else 0:.2f}× | {bmax:.1f} |")
    lines.append("")
    _replace_section(args.results, "\n".join(lines))


def _cores() -> int:
    import os

    return os.cpu_count() or 1


def _replace_section(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if SECTION in text:
        start = text.index(SECTION)
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + block + (text[end:] if end != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
    log(f"wrote {path}")


if __name__ == "__main__":
    main()
