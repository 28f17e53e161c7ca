"""Ingest and reindex benchmark: documents and MB per second by format with 1 and 2 workers, and how long
full and incremental reindexing take on the search benchmark's archives.

    python -m bench.ingest [--files 80] [--repeat 3] [--sizes 10000,100000]

Ingest: `--files` generated records per format (DOCX, PDF, HTML, UTF-8 text; the search benchmark's
generator, laid out by `bench/generators/docgen.py`) go through the real `archive.pipeline.ingest.ingest` into a
fresh home, `--repeat` times per (format, workers); the median is kept. Reindex: for each of `--sizes`, the
search benchmark's generated archive (its catalog built if not cached in `bench/work/`) goes through the
`archive reindex` command: `--full`, then incremental runs on the unchanged archive and after 1% of the
records were edited. The full rebuild leaves the cached home with a current index, which `bench.search`
and `bench.load` then reuse. Figures go to `bench/RESULTS.md`.

Not a test: figures depend on the machine and on its load.
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

from bench import corpus as bench_corpus
from bench.results import write_block
from bench.search_common import RESULTS, log
from bench.search_report import machine

FORMATS = ("docx", "pdf", "html", "text")
SECTION = "## Ingest and reindex (`bench/ingest.py`)"


def official(doc: bench_corpus.BenchDoc):
    """A generated record laid out as an official document."""
    from bench.generators.docgen import OfficialDoc

    lines = [line for line in doc.text.split("\n") if line.strip()]
    body = tuple(lines[6:]) or (doc.text,)
    english = doc.language == "en"
    return OfficialDoc(
        issuer=doc.issuer,
        number=f"{'No.' if english else 'Số'} {doc.doc_number}",
        place_date=f"{doc.place}, {doc.issued}",
        summary=doc.title,
        body=body,
        language=doc.language,
        signature=(doc.signer,),
    )


def make_inbox(folder: Path, fmt: str, count: int, offset: int) -> int:
    """`count` files of one format; returns their total size in bytes."""
    from bench.generators.docgen import WRITERS

    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(count):
        doc = bench_corpus.document(bench_corpus.SEED, offset + i)
        path = WRITERS[fmt](official(doc), folder / f"{i:05}.{'txt' if fmt == 'text' else fmt}")
        size += path.stat().st_size
    return size


def time_ingest(folder: Path, workers: int) -> tuple[float, int]:
    from archive.config import Settings
    from archive.pipeline.ingest import ingest

    home = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        started = time.perf_counter()
        summary = ingest(Settings(home=home, workers=workers), [folder])
        return time.perf_counter() - started, summary.counts.get("added", 0)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def measure_ingest(files: int, repeat: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-inbox-") as tmp:
        for n, fmt in enumerate(FORMATS):
            folder = Path(tmp) / fmt
            size = make_inbox(folder, fmt, files, offset=n * files)
            for workers in (1, 2):
                runs = [time_ingest(folder, workers) for _ in range(repeat)]
                seconds = statistics.median(r[0] for r in runs)
                added = min(r[1] for r in runs)
                rows.append({"format": fmt, "workers": workers, "files": files, "added": added, "bytes": size,
                             "seconds": round(seconds, 2)})  # fmt: skip
                log(f"ingest {fmt:<5} workers={workers}: {files / seconds:.1f} docs/s, {size / seconds / 1e6:.2f} MB/s")
    return rows


def reindex_cli(home: Path, *args: str) -> tuple[float, dict, float]:
    """Run `archive reindex` as cron would; (seconds, its --json summary, the child's peak RSS in MB)."""
    env = {**os.environ, "ARCHIVE_HOME": str(home), "ARCHIVE_JOB_NICE": "0"}
    command = [sys.executable, "-m", "archive", "reindex", "--json", *args]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=out, stderr=err, text=True)
        _pid, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory, not the workers' before it
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if child.returncode != 0:
            raise SystemExit(f"archive reindex {' '.join(args)} exited {child.returncode}: {err.read().strip()}")
        summary = json.loads(out.read())
    return seconds, summary, usage.ru_maxrss / 1024


def catalog_home(n: int) -> tuple[Path, dict]:
    """The search benchmark's cached home of n records, its catalog built when missing (no index needed)."""
    from bench import search_homes

    return search_homes.catalog_home(n, search_homes.pick_generator("auto", bench_corpus.SEED))


def change_titles(home: Path, count: int, round_no: int) -> None:
    """Edit `count` records' titles through the catalog, as an archivist's edits would (revision bumped)."""
    from archive.catalog import Catalog

    with Catalog(home / "catalog.sqlite3") as catalog, catalog.transaction():
        rows = catalog.db.execute("SELECT id, title FROM records ORDER BY random() LIMIT ?", (count,)).fetchall()
        for record_id, title in rows:
            changes = {"title": f"{title or ''} (sửa lần {round_no})"}
            catalog.update_fields(record_id, changes, source="edited", actor="bench")


def measure_reindex(sizes: list[int]) -> list[dict]:
    """`archive reindex --full` (timed once, with its peak memory), then incremental runs: unchanged, and
    after 1% of the records were edited (median of 3 each)."""
    from bench.search_homes import index_fingerprint, save_meta

    rows = []
    for n in sizes:
        home, meta = catalog_home(n)
        log(f"N={n:,}: archive reindex --full")
        full_s, summary, peak_mb = reindex_cli(home, "--full")
        assert summary["indexed"] == n, summary
        meta["index"] = {"fingerprint": index_fingerprint(), "seconds": round(full_s, 2),
                         "docs_per_s": round(n / full_s, 1), "by": "archive reindex --full"}  # fmt: skip
        save_meta(home, meta)
        unchanged = []
        for _ in range(3):
            seconds, summary, _ = reindex_cli(home)
            assert summary["indexed"] == 0 and summary["deleted"] == 0, summary
            unchanged.append(seconds)
        changed, edits = [], max(1, n // 100)
        with tempfile.TemporaryDirectory(prefix="bench-reindex-") as tmp:
            copy = Path(tmp) / "home"  # the edits go to a copy: the search benchmark's archive stays as built
            copy.mkdir()
            shutil.copy2(home / "catalog.sqlite3", copy / "catalog.sqlite3")
            shutil.copytree(home / "index", copy / "index")
            for round_no in range(1, 4):
                change_titles(copy, edits, round_no)
                seconds, summary, _ = reindex_cli(copy)
                assert summary["indexed"] == edits, summary
                changed.append(seconds)
        row = {"records": n, "full_seconds": round(full_s, 1), "full_peak_mb": round(peak_mb),
               "incremental_seconds": round(statistics.median(unchanged), 2), "edits": edits,
               "changed_seconds": round(statistics.median(changed), 2)}  # fmt: skip
        rows.append(row)
        log(f"reindex {n:,}: {row}")
    return rows


def machine_line(info: dict) -> str:
    return (f"{info['date']} · {info['cpu']}, {info['cores']} cores, {info['ram']} RAM · Python {info['python']} · "
            f"load average at start {info['load']} (shared machine).")  # fmt: skip


def render_ingest(info: dict, ingest_rows: list[dict], files: int, repeat: int) -> str:
    lines = [
        machine_line(info),
        "",
        f"Ingest: {files} generated records per format through `archive.pipeline.ingest.ingest` into a fresh home "
        f"(store, extraction, metadata, catalog, index); median of {repeat} runs.",
        "",
        "| format | workers | docs/s | MB/s | mean file | 2 workers ÷ 1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    by_key = {(r["format"], r["workers"]): r for r in ingest_rows}
    for fmt in FORMATS:
        for workers in (1, 2):
            r = by_key[(fmt, workers)]
            rate = r["files"] / r["seconds"]
            ratio = ""
            if workers == 2:
                one = by_key[(fmt, 1)]
                ratio = f"{one['seconds'] / r['seconds']:.2f}×"
            lines.append(f"| {fmt} | {workers} | {rate:.1f} | {r['bytes'] / r['seconds'] / 1e6:.2f} | "
                         f"{r['bytes'] / r['files'] / 1024:.1f} KB | {ratio} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def render_reindex(info: dict, reindex_rows: list[dict]) -> str:
    lines = [machine_line(info), "", "Reindex of the search benchmark's generated archives, each step the "
             "`archive reindex` command as cron runs it (a new process, recovery included): `--full` once (with "
             "its peak resident memory), then incremental on the unchanged archive and after 1% of the records' "
             "titles were edited (median of 3 each).", "",
             "| records | `--full` | peak memory | incremental, nothing changed | incremental, 1% edited |",
             "|---:|---:|---:|---:|---:|"]  # fmt: skip
    for r in reindex_rows:
        full = f"{r['full_seconds'] / 60:.1f} min | {r['full_peak_mb']:,} MB"
        incremental = f"{r['incremental_seconds']:.2f} s | {r['changed_seconds']:.2f} s ({r['edits']:,} records)"
        lines.append(f"| {r['records']:,} | {full} | {incremental} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=80, help="records per format (default 80)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per format and worker count (default 3)")
    parser.add_argument("--sizes", default="10000,100000", help="archive sizes for the reindex runs")
    parser.add_argument("--only", choices=("ingest", "reindex"), help="run one half (each has its own block)")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.only != "reindex":
        info = machine()
        block = render_ingest(info, measure_ingest(args.files, args.repeat), args.files, args.repeat)
        write_block(args.results, "ingest", SECTION, block, "Made by `python -m bench.ingest`.")
    if args.only != "ingest":
        info = machine()
        rows = measure_reindex([int(n) for n in args.sizes.split(",") if n.strip()])
        block = render_reindex(info, rows)
        write_block(args.results, "reindex", SECTION, block, "Made by `python -m bench.ingest --only reindex`.")
    log(f"figures written to {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
