"""Ingest and reindex benchmark: documents and MB per second by format with 1 and 2 workers, and how long
full and incremental reindexing take on the search benchmark's archives.

    python -m bench.ingest [--files 80] [--repeat 3]

Ingest: `--files` generated records per format (DOCX, PDF, HTML, UTF-8 text; the search benchmark's
generator, laid out by `tests/docgen.py`) go through the real `archive.ingest.ingest` into a fresh home,
`--repeat` times per (format, workers); the median is kept. Reindex: for each cached home of
`bench/search.py` whose index is current, an incremental `sync_index` on the unchanged archive (median of
three) beside the full rebuild time that benchmark measured. Figures go to `bench/RESULTS.md`.

Not a test: figures depend on the machine and on its load.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench import corpus as bench_corpus
from bench.results import write_block
from bench.search_common import RESULTS, WORK, log
from bench.search_report import machine

FORMATS = ("docx", "pdf", "html", "text")
SECTION = "## Ingest and reindex (`bench/ingest.py`)"


def official(doc: bench_corpus.BenchDoc):
    """A generated record laid out as an official document."""
    from tests.docgen import OfficialDoc

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
    from tests.docgen import WRITERS

    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(count):
        doc = bench_corpus.document(bench_corpus.SEED, offset + i)
        path = WRITERS[fmt](official(doc), folder / f"{i:05}.{'txt' if fmt == 'text' else fmt}")
        size += path.stat().st_size
    return size


def time_ingest(folder: Path, workers: int) -> tuple[float, int]:
    from archive.config import Settings
    from archive.ingest import ingest

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


def measure_reindex() -> list[dict]:
    """Incremental reindex of each cached search-benchmark home whose index is current."""
    from archive.catalog import Catalog
    from archive.config import Settings
    from archive.reindex import sync_index
    from indexer.index import index_state

    rows = []
    for home in sorted(WORK.glob("home-n*")):
        meta_path = home / "bench.json"
        settings = Settings(home=home)
        if not meta_path.is_file() or index_state(settings.index_dir) != "ok":
            continue
        meta = json.loads(meta_path.read_text())
        with Catalog(settings.catalog_path) as catalog:
            times = []
            for _ in range(3):
                started = time.perf_counter()
                summary = sync_index(catalog, settings.index_dir)
                times.append(time.perf_counter() - started)
                assert summary.indexed == 0 and summary.deleted == 0, "the benchmark's archive changed"
        rows.append({"records": meta["n"], "full_seconds": meta["index"]["seconds"],
                     "incremental_seconds": round(statistics.median(times), 2)})  # fmt: skip
        log(f"reindex {meta['n']:,}: full {meta['index']['seconds']} s, incremental {statistics.median(times):.2f} s")
    return rows


def render(info: dict, ingest_rows: list[dict], reindex_rows: list[dict], files: int, repeat: int) -> str:
    lines = [
        f"{info['date']} · {info['cpu']}, {info['cores']} cores, {info['ram']} RAM · Python {info['python']} · "
        f"load average at start {info['load']} (shared machine).",
        "",
        f"Ingest: {files} generated records per format through `archive.ingest.ingest` into a fresh home (store, "
        f"extraction, metadata, catalog, index); median of {repeat} runs.",
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
    lines += ["", "Reindex of the search benchmark's archives (`bench/search.py` homes): the full rebuild as that "
              "benchmark measured it, and `archive reindex` (incremental) on the unchanged archive, median of 3.", "",
              "| records | full rebuild | incremental, nothing changed |", "|---:|---:|---:|"]  # fmt: skip
    for r in reindex_rows:
        lines.append(f"| {r['records']:,} | {r['full_seconds'] / 60:.1f} min | {r['incremental_seconds']:.2f} s |")
    if not reindex_rows:
        lines.append("| – | no cached archive with a current index: run `python -m bench.search` first | |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=80, help="records per format (default 80)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per format and worker count (default 3)")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    info = machine()
    ingest_rows = measure_ingest(args.files, args.repeat)
    reindex_rows = measure_reindex()
    block = render(info, ingest_rows, reindex_rows, args.files, args.repeat)
    write_block(args.results, "ingest", SECTION, block, "Made by `python -m bench.ingest`.")
    log(f"figures written to {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
