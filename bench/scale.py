"""Archive scale: full rebuild beside raw Whoosh, the searcher's open time and memory, query times per type,
incremental reindex; optionally against another checkout of the code (`--before`) on the same index files.

    nice -n 10 python -m bench.scale --records 100000 --rounds 1 --before /tmp/old-checkout
    nice -n 10 python -m bench.scale writer bench/work/home-n10000-… 5000   # the writer alone, before and now
    nice -n 10 python -m bench.scale merge bench/work/home-n10000-… 500     # ten segments merged, three ways

Every figure is taken in child processes (their own peak memory), and each round runs the references and
the archive one after another, so a busy machine slows all of them alike: compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.search_common import RESULTS, ROOT, SEED, log

SECTION = "## Archive scale: rebuild, searcher memory, queries (`bench/scale.py`)"
PER_TYPE = 60  # queries per type


# --- child processes ---------------------------------------------------------------------------------


def run_child(args: list[str], env: dict | None = None, pythonpath: Path = ROOT) -> tuple[float, dict, float]:
    """(seconds, the JSON it printed, its peak RSS in MB, largest of it and its workers); the CPU seconds it
    and its workers used are added to the JSON as `cpu_s` (on a shared machine, wall time mostly measures
    the others' load)."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath), **(env or {})}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, *args], env=env, stdout=out, stderr=err, text=True, cwd=pythonpath)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        out.seek(0), err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(args)} failed: {err.read()[-2000:]}")
        text = out.read().strip().splitlines()
    result = json.loads(text[-1]) if text else {}
    result["cpu_s"] = usage.ru_utime + usage.ru_stime  # its reaped workers included (Linux)
    return seconds, result, usage.ru_maxrss / 1024


def raw_whoosh(home: str, procs: int) -> dict:
    """Child: raw Whoosh writing each record's text into one TEXT field (its default analyzer), in one
    writer with `procs` processes, as its documentation shows; the texts are read before the clock starts."""
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.filedb.filestore import FileStorage

    from archive.catalog import Catalog

    with Catalog(Path(home) / "catalog.sqlite3") as catalog:
        ids = sorted(catalog.id_revs())
        texts = [catalog.texts(ids[i : i + 5000]) for i in range(0, len(ids), 5000)]
    with tempfile.TemporaryDirectory(prefix="bench-raw-") as folder:
        ix = FileStorage(folder).create_index(Schema(id=ID(stored=True), body=TEXT))
        started, cpu = time.perf_counter(), _cpu()
        writer = ix.writer(procs=procs, limitmb=256, multisegment=procs > 1)
        for part in texts:
            for record_id, text in part.items():
                writer.add_document(id=str(record_id), body=text)
        writer.commit()
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    return {"seconds": seconds, "docs": len(ids), "timed_cpu_s": cpu}


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (Whoosh's procs=2 workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def writer_ab(home: str, n: int) -> dict:
    """Child: Whoosh's writer as the code before used it (512 MB pool, LeanCodec) against the bulk writer on the
    same first `n` documents, in this process, CPU seconds, 3 alternating rounds: documents per CPU-second."""
    from whoosh.filedb.filestore import FileStorage

    from archive.catalog import Catalog
    from indexer import document_for
    from indexer.index import generations
    from indexer.index.bulk import write_segment
    from indexer.index.schema import build_schema

    with Catalog(Path(home) / "catalog.sqlite3") as catalog:
        ids = sorted(catalog.id_revs())[:n]
        records, texts, cited = catalog.get_many(ids), catalog.texts(ids), catalog.citation_keys(ids)
        docs = [document_for(records[i], texts.get(i, ""), cited[i]) for i in ids]
    out: dict[str, list[float]] = {"whoosh": [], "bulk": []}
    for _ in range(3):
        with tempfile.TemporaryDirectory(prefix="bench-writer-") as folder:
            ix = FileStorage(folder).create_index(build_schema())
            started = time.process_time()
            writer = ix.writer(limitmb=generations.POOL_MB, codec=generations.CODEC)
            for doc in docs:
                writer.add_document(**doc)
            writer.commit(mergetype=generations.merge_small_segments)
            out["whoosh"].append(n / (time.process_time() - started))
        with tempfile.TemporaryDirectory(prefix="bench-writer-") as folder:
            started = time.process_time()
            write_segment(Path(folder), docs, generations.CODEC)
            out["bulk"].append(n / (time.process_time() - started))
    return {k: [*v, statistics.median(v)] for k, v in out.items()}


def merge_ab(home: str, per_segment: int) -> dict:
    """Child: ten segments of `per_segment` documents (the first records of the home's catalog, 1% of them
    deleted, as an incremental reindex leaves them) merged into one, 3 alternating rounds on copies of the
    same index: Whoosh's own merge (its writer's `add_reader`: stored fields re-read document by document,
    every posting through its sorting pool), the tiered merge (`indexer.index.generations.tiered_merge`:
    columns and decoded posting blocks copied), and writing the same live documents again from their texts
    with the bulk writer (what a merge that re-analysed would cost at best). CPU seconds of this process."""
    from whoosh.reading import SegmentReader
    from whoosh.writing import SegmentWriter

    from archive.catalog import Catalog
    from indexer import document_for
    from indexer.index import generations
    from indexer.index.bulk import write_segment

    count = 10 * per_segment
    with Catalog(Path(home) / "catalog.sqlite3") as catalog:
        ids = sorted(catalog.id_revs())[:count]
        records, texts, cited = catalog.get_many(ids), catalog.texts(ids), catalog.citation_keys(ids)
        docs = [document_for(records[i], texts.get(i, ""), cited[i]) for i in ids]
    deleted = ids[: count - per_segment : 100]  # 1%, from the nine segments written before the deletion
    out: dict[str, list[float]] = {"whoosh": [], "tiered": [], "rewrite": []}
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as folder:
        source = Path(folder) / "source"
        ix = generations.open_index(source, create=True)
        for start in range(0, count, per_segment):
            if start == count - per_segment:
                generations.delete_ids(ix, deleted)  # nine segments: this commit merges nothing
            generations.add_documents(ix, docs[start : start + per_segment])
        assert len(ix._read_toc().segments) == 10
        name = generations.read_current(source).name
        live = [d for d in docs if int(d["id"]) not in set(deleted)]
        for _ in range(3):
            for kind in ("whoosh", "tiered", "rewrite"):
                copy = Path(folder) / kind
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(source, copy)
                ix = generations.open_index(copy)
                started = time.process_time()
                if kind == "whoosh":
                    writer = SegmentWriter(ix, codec=generations.CODEC)
                    for segment in ix._read_toc().segments:
                        reader = SegmentReader(ix.storage, ix.schema, segment)
                        writer.add_reader(reader)
                        reader.close()
                    writer.commit(mergetype=lambda w, s: [])
                elif kind == "tiered":
                    with generations.writing(ix):
                        pass
                else:
                    write_segment(copy / name, live, generations.CODEC)
                out[kind].append(time.process_time() - started)
                if kind != "rewrite":
                    assert len(ix._read_toc().segments) == 1 and ix.doc_count_all() == len(live)
    return {"documents": count, "live": len(live), **{k: [*v, statistics.median(v)] for k, v in out.items()}}


def open_and_query(home: str, queries_file: str) -> dict:
    """Child: open the searcher cold (time, RSS), then every query (p50/p95 per type) and its answers."""
    from bench.search_measure import percentile, rss_mb
    from indexer import Clearance, QueryTooBroad, SearchIndex

    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    refused: list[str] = []
    base = rss_mb()
    started = time.perf_counter()
    index = SearchIndex(Path(home) / "index")
    index.warm()
    opened = time.perf_counter() - started
    after_open = rss_mb()
    clearance = Clearance("secret")
    per_type, answers = {}, {}
    for kind, items in queries.items():
        times = []
        for q in items:
            kwargs = {"filters": q["filters"] or None, "clearance": clearance}
            if q["sort"]:
                kwargs["sort"] = "newest"
            samples, result = [], None
            for _ in range(3):
                t = time.perf_counter()
                try:
                    result = index.search(q["text"], **kwargs)
                except QueryTooBroad:  # the query-cost bound refused it: its time is the time to refuse
                    refused.append(f"{kind}: {q['text']}")
                samples.append((time.perf_counter() - t) * 1000)
            times.append(statistics.median(samples))
            answers[f"{kind}:{q['text']}:{q['filters']}"] = None if result is None else [
                result.total, [(h.id, round(h.score, 6)) for h in result.hits], result.facets
            ]  # fmt: skip
        per_type[kind] = {"p50": percentile(times, 50), "p95": percentile(times, 95), "n": len(times)}
    memory = memory_mb()
    caches = {"postings": index._postings.size, "merged": index._table.merged.size, "filters": index._filter_bytes}
    return {"open_s": opened, "rss_open_mb": after_open - base, "rss_end_mb": rss_mb() - base,
            "anon_end_mb": memory["RssAnon"], "file_end_mb": memory["RssFile"],
            "caches_mb": {k: v / 2**20 for k, v in caches.items()}, "budget_mb": index._budget / 2**20,
            "per_type": per_type, "answers": answers, "refused": sorted(set(refused))}  # fmt: skip


def open_only(home: str) -> dict:
    """Child: the searcher opened cold, nothing else (the open time's other rounds)."""
    from bench.search_measure import rss_mb
    from indexer import SearchIndex

    base = rss_mb()
    started = time.perf_counter()
    SearchIndex(Path(home) / "index").warm()
    return {"open_s": time.perf_counter() - started, "rss_open_mb": rss_mb() - base}


def memory_mb() -> dict[str, float]:
    """This process's resident memory by kind: its own (RssAnon: heap, arrays) and mapped files' pages
    (RssFile: the index files read through the map, shared with the page cache and other processes)."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("RssAnon", "RssFile", "VmRSS"):
            found[key] = int(value.split()[0]) / 1024
    return found


# --- the parent ----------------------------------------------------------------------------------------


def reindex(home: Path, *args: str, workers: int = 2, code: Path = ROOT) -> tuple[float, dict, float]:
    env = {"ARCHIVE_HOME": str(home), "ARCHIVE_JOB_NICE": "0", "ARCHIVE_WORKERS": str(workers)}
    return run_child(["-m", "archive", "reindex", "--json", *args], env, pythonpath=code)


def write_queries(home: Path, path: Path) -> None:
    from bench.search_queries import make_queries

    sample = json.loads((home / "sample.json").read_text(encoding="utf-8"))
    queries = make_queries(sample, PER_TYPE, SEED)
    plain = {kind: [{"text": q.text, "filters": q.filters, "sort": q.sort} for q in qs] for kind, qs in queries.items()}
    path.write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")


def search_figures(home: Path, queries: Path, code: Path, opens: int = 1) -> dict:
    """The queries in one process; the open time and memory, the median of that process's and `opens` - 1
    more that only open."""
    # This file run as a script: the other checkout may not have it; its modules come from `code`.
    script = str(Path(__file__).resolve())
    _seconds, out, peak = run_child([script, "query", str(home), str(queries)], pythonpath=code)
    out["peak_mb"] = peak
    opened = [{"open_s": out["open_s"], "rss_open_mb": out["rss_open_mb"]}]
    opened += [run_child([script, "open", str(home)], pythonpath=code)[1] for _ in range(opens - 1)]
    out["opens"] = [round(o["open_s"], 3) for o in opened]
    out["open_s"] = statistics.median(o["open_s"] for o in opened)
    out["rss_open_mb"] = statistics.median(o["rss_open_mb"] for o in opened)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command")
    raw = sub.add_parser("raw")  # children
    raw.add_argument("home"), raw.add_argument("procs", type=int)
    writer = sub.add_parser("writer")
    writer.add_argument("home"), writer.add_argument("records", type=int)
    merge = sub.add_parser("merge")
    merge.add_argument("home"), merge.add_argument("per_segment", type=int)
    query = sub.add_parser("query")
    query.add_argument("home"), query.add_argument("queries")
    opener = sub.add_parser("open")
    opener.add_argument("home")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="rebuild rounds (medians kept)")
    parser.add_argument("--before", type=Path, help="another checkout: its searcher on the same index, and its rebuild")
    parser.add_argument("--before-rebuild", action="store_true", help="also time the other checkout's rebuild")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw Whoosh references")
    parser.add_argument("--edit-rounds", type=int, default=3, help="incremental runs after 1%% edits (median kept)")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument(
        "--home",
        type=Path,
        help="an archive already generated (its catalog from the benchmarks' "
        "generator, as `bench.search_homes` makes them) instead of the cached one for --records",
    )
    parser.add_argument("--opens", type=int, default=3, help="fresh processes timing the searcher's open (median)")
    parser.add_argument("--keep-rebuild", action="store_true", help="keep the rebuild rounds of the last run on "
                        "this home (its scale-run.json), run only those still missing up to --rounds, and "
                        "measure the rest again")  # fmt: skip
    args = parser.parse_args(argv)
    if args.command == "raw":
        print(json.dumps(raw_whoosh(args.home, args.procs)))
        return 0
    if args.command == "writer":
        print(json.dumps(writer_ab(args.home, args.records)))
        return 0
    if args.command == "merge":
        print(json.dumps(merge_ab(args.home, args.per_segment)))
        return 0
    if args.command == "query":
        print(json.dumps(open_and_query(args.home, args.queries), ensure_ascii=False, default=str))
        return 0
    if args.command == "open":
        print(json.dumps(open_only(args.home)))
        return 0
    return measure(args)


def measure(args) -> int:
    from bench.ingest import catalog_home, change_titles
    from bench.search import machine

    n = args.records
    home = args.home if args.home else catalog_home(n)[0]
    queries = home / "scale-queries.json"
    write_queries(home, queries)
    rounds: list[dict] = []
    kept = json.loads((home / "scale-run.json").read_text(encoding="utf-8")) if args.keep_rebuild else {}
    if kept:
        rounds = kept["rounds"]
        log(f"rebuild figures kept from the run of {kept['machine'].get('date', '?')}")
    for r in range(len(rounds), args.rounds):  # with --keep-rebuild, only the rounds still missing
        row: dict = {}
        if not args.no_raw:
            for procs in (1, 2):
                _, out, peak = run_child(["-m", "bench.scale", "raw", str(home), str(procs)])
                row[f"raw{procs}"] = {"docs_per_s": out["docs"] / out["seconds"], "peak_mb": peak,
                                      "docs_per_cpu_s": out["docs"] / out["timed_cpu_s"]}  # fmt: skip
                log(f"round {r + 1}: raw Whoosh, {procs} process(es): {row[f'raw{procs}']}")
        seconds, summary, peak = reindex(home, "--full")
        # A rebuild resumed (one started while the catalog was still being generated, then killed) writes
        # the rest; its figures are then of the records it wrote.
        written = summary["indexed"]
        assert written + summary.get("resumed", 0) == n, summary
        row["archive"] = {"docs_per_s": written / seconds, "seconds": seconds, "peak_mb": peak,
                          "docs_per_cpu_s": written / summary["cpu_s"],
                          "resumed": summary.get("resumed", 0)}  # fmt: skip
        row["archive"]["cpu_s"] = summary["cpu_s"]
        row["archive"]["load_after"] = _load()
        log(f"round {r + 1}: archive reindex --full: {row['archive']}")
        rounds.append(row)
    figures = {"rounds": rounds, "records": n, "machine": machine()}
    if kept:
        figures["rebuild_machine"] = kept["machine"]
    figures["index_mb"] = sum(p.stat().st_size for p in (home / "index").rglob("*") if p.is_file()) / 1e6
    save_partial(home, {**figures, "rounds": rounds})
    figures["after"] = search_figures(home, queries, ROOT, args.opens)
    figures["after"]["load_after"] = _load()
    log(f"searcher (this code): open {figures['after']['open_s']:.2f} s, RSS +{figures['after']['rss_open_mb']:.0f} MB")
    if args.before:
        figures["before"] = search_figures(home, queries, args.before, args.opens)
        log(f"searcher (before): open {figures['before']['open_s']:.2f} s, "
            f"RSS +{figures['before']['rss_open_mb']:.0f} MB")  # fmt: skip
        figures["same_answers_searcher"] = figures["before"]["answers"] == figures["after"]["answers"]
    if args.before and args.before_rebuild:  # the other checkout's rebuild, then the same searcher on its index
        old_home = Path(tempfile.mkdtemp(prefix="bench-scale-before-"))
        shutil.copy2(home / "catalog.sqlite3", old_home / "catalog.sqlite3")
        seconds, summary, peak = reindex(old_home, "--full", workers=1, code=args.before)
        figures["before_rebuild"] = {"docs_per_s": n / seconds, "seconds": seconds, "peak_mb": peak,
                                     "docs_per_cpu_s": n / summary["cpu_s"]}  # fmt: skip
        log(f"before: archive reindex --full: {figures['before_rebuild']}")
        on_old = search_figures(old_home, queries, ROOT, 1)
        figures["same_answers_writer"] = on_old["answers"] == figures["after"]["answers"]
        shutil.rmtree(old_home, ignore_errors=True)
    save_partial(home, figures)
    unchanged, changed = [], []
    for _ in range(3):
        seconds, summary, peak = reindex(home)
        unchanged.append((seconds, summary["cpu_s"], peak))
        log(f"incremental, nothing changed: {seconds:.1f} s, {summary['cpu_s']:.1f} CPU-s, peak {peak:.0f} MB, "
            f"load {_load()}")  # fmt: skip
    figures["incremental_runs"] = unchanged
    save_partial(home, figures)
    with tempfile.TemporaryDirectory(prefix="bench-scale-", dir=home.parent) as tmp:
        copy = Path(tmp) / "home"
        copy.mkdir()
        shutil.copy2(home / "catalog.sqlite3", copy / "catalog.sqlite3")
        shutil.copytree(home / "index", copy / "index")
        for round_no in range(1, args.edit_rounds + 1):
            change_titles(copy, max(1, n // 100), round_no)
            seconds, summary, peak = reindex(copy)
            changed.append((seconds, summary["cpu_s"], peak))
            log(f"incremental after 1% edits: {seconds:.1f} s, {summary['cpu_s']:.1f} CPU-s, peak {peak:.0f} MB, "
                f"load {_load()}")  # fmt: skip
            figures["edits_runs"] = changed
            save_partial(home, figures)
    figures["incremental_s"] = statistics.median(r[0] for r in unchanged)
    figures["incremental_cpu_s"] = statistics.median(r[1] for r in unchanged)
    figures["edits_s"] = statistics.median(r[0] for r in changed)
    figures["edits_cpu_s"] = statistics.median(r[1] for r in changed)
    figures["load_end"] = _load()
    for key in ("after", "before"):
        if key in figures:
            figures[key].pop("answers", None)
    (home / "scale-run.json").write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    block = render(figures)
    print(block)
    from bench.results import write_block

    write_block(args.results, f"scale-{n}", SECTION, block)
    return 0


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def save_partial(home: Path, figures: dict) -> None:
    """What has been measured so far (a long run killed part way still leaves its figures)."""
    data = {k: ({kk: vv for kk, vv in v.items() if kk != "answers"} if isinstance(v, dict) else v)
            for k, v in figures.items()}  # fmt: skip
    (home / "scale-partial.json").write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")


def render(f: dict) -> str:
    def med(key: str, field: str) -> float:
        values = [r[key][field] for r in f["rounds"] if key in r]
        return statistics.median(values) if values else float("nan")

    m = f["machine"]
    lines = [f"### {f['records']:,} records", "",
             f"{m.get('date', '')} · {m.get('cpu', '')}, {m.get('cores', '')} cores, {m.get('ram', '')} RAM · "
             f"load average at start {m.get('load', '')} (shared machine) · medians of {len(f['rounds'])} round(s)"
             + (f" · the rebuild from the run of {f['rebuild_machine'].get('date', '')}, load average at its start "
                f"{f['rebuild_machine'].get('load', '')}" if "rebuild_machine" in f else ""),
             "", "| full rebuild | documents/s (wall) | documents per CPU-second | peak RSS (MB, largest process) "
             "| ratio to raw Whoosh 1 process (wall / CPU) |", "|---|---:|---:|---:|---:|"]  # fmt: skip
    raw1, raw1_cpu = med("raw1", "docs_per_s"), med("raw1", "docs_per_cpu_s")
    rows = [(key, label, {k: med(key, k) for k in ("docs_per_s", "docs_per_cpu_s", "peak_mb")})
            for key, label in (("raw1", "raw Whoosh, one TEXT field, 1 process"),
                               ("raw2", "raw Whoosh, one TEXT field, 2 processes"),
                               ("archive", "`archive reindex --full` (2 workers, 25 fields)"))
            if any(key in r for r in f["rounds"])]  # fmt: skip
    if "before_rebuild" in f:
        rows.append(("before", "the code before (Whoosh's writer, 1 process)", f["before_rebuild"]))
    notes = ["", "Documents per CPU-second count every process of the run (the command, its workers, Whoosh's "
             "`procs=2` children): on a machine shared by others, wall time mostly measures their load. The "
             f"archive's rebuild spread over 2 free cores would write about "
             f"{2 * med('archive', 'docs_per_cpu_s'):.0f} documents/s (2 × its documents per CPU-second; the "
             "workers share nothing but the catalog file)."]  # fmt: skip
    for _key, label, v in rows:
        lines.append(f"| {label} | {v['docs_per_s']:.0f} | {v['docs_per_cpu_s']:.0f} | {v['peak_mb']:.0f} | "
                     + (f"{v['docs_per_s'] / raw1:.2f} / {v['docs_per_cpu_s'] / raw1_cpu:.2f} |"
                        if raw1 == raw1 else "— |"))  # fmt: skip
    lines += notes

    def cpu(key: str) -> str:
        return f" ({f[key]:.1f} CPU-seconds)" if key in f else ""

    end = f" Load average at the end {f['load_end']}." if "load_end" in f else ""
    edits = len(f.get("edits_runs", [])) or 3
    lines += ["", f"Index size {f['index_mb']:.0f} MB · incremental reindex, nothing changed: "
              f"{f['incremental_s']:.1f} s{cpu('incremental_cpu_s')} · after 1% edits: {f['edits_s']:.1f} s"
              f"{cpu('edits_cpu_s')} (medians of 3; of {edits} after the edits).{end}", ""]  # fmt: skip
    cols = [k for k in ("before", "after") if k in f]
    names = {"before": "before", "after": "this code"}
    lines += ["| searcher | " + " | ".join(names[c] for c in cols) + " |", "|---|" + "---:|" * len(cols)]
    lines.append("| open cold (s) | " + " | ".join(f"{f[c]['open_s']:.2f}" for c in cols) + " |")
    lines.append(
        "| RSS after open (MB over the bare process) | " + " | ".join(f"{f[c]['rss_open_mb']:.0f}" for c in cols) + " |"
    )
    lines.append("| RSS after all queries (MB) | " + " | ".join(f"{f[c]['rss_end_mb']:.0f}" for c in cols) + " |")
    if all("anon_end_mb" in f[c] for c in cols):
        split = [f"{f[c]['anon_end_mb']:.0f} / {f[c]['file_end_mb']:.0f}" for c in cols]
        lines.append("| of which its own (heap, arrays) / mapped index pages (MB) | " + " | ".join(split) + " |")
        lines.append("| caches at the end: decoded postings / merged postings / filter masks (MB; budget) | "
                     + " | ".join(f"{f[c]['caches_mb']['postings']:.0f} / {f[c]['caches_mb']['merged']:.0f} / "
                                  f"{f[c]['caches_mb']['filters']:.0f} ({f[c]['budget_mb']:.0f})" for c in cols)
                     + " |")  # fmt: skip
    for kind in f["after"]["per_type"]:
        cells = [f"{f[c]['per_type'][kind]['p50']:.1f} / {f[c]['per_type'][kind]['p95']:.1f}" for c in cols]
        lines.append(f"| {kind} p50 / p95 (ms) | " + " | ".join(cells) + " |")
    opens = f["after"].get("opens")
    if opens:
        lines.append(f"\nOpen cold, each fresh process (s): {', '.join(f'{o:.2f}' for o in opens)} (median above).")
    refused = f["after"].get("refused")
    if refused:
        lines.append(f"\nRefused by the query-cost bound (their time to refuse is in the figures): "
                     f"{'; '.join(refused)}.")  # fmt: skip
    for key, label in (("same_answers_searcher", "both searchers on this index"),
                       ("same_answers_writer", "this searcher on the index the code before wrote")):  # fmt: skip
        if key in f:
            lines.append(f"\nSame totals, top-10 ids, scores and facets ({label}): **{'yes' if f[key] else 'NO'}**.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
