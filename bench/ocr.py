"""OCR throughput: pages per minute with 1 and 2 worker processes, through the archive's own page tasks.

    .venv/bin/python -m bench.ocr                 # 10 pages, 3 runs per worker count
    .venv/bin/python -m bench.ocr --pages 20 --repeat 5

Pages are official documents typeset with DejaVu (`tests.docgen`), rasterised at 300 dpi and degraded like a
scan (`tests.scangen`), saved as one image-only PDF. Each run renders every page with PDFium and reads it with
Tesseract (`vie+eng`), as ingest does. The median run is reported in `bench/RESULTS.md` (its own block).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from archive.pipeline.scanning import ocr_page_in_worker
from archive.pipeline.workers import ExtractorPool, TaskQueue
from bench.results import write_block
from indexer.reading import detect
from indexer.reading.ocr.tesseract import engine_for
from tests.docgen import SAMPLES
from tests.scangen import page_images, scanned, write_image_pdf

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SECTION = "## OCR: pages per minute (`bench/ocr.py`)"
DPI = 300


def make_scan(pages: int, folder: Path) -> Path:
    """An image-only PDF of `pages` A4 pages cut from the sample documents (body repeated to fill pages)."""
    images = []
    docs = [doc for _, doc, fmt, _ in SAMPLES if fmt in ("pdf", "docx")]
    while len(images) < pages:
        doc = docs[len(images) % len(docs)]
        images += page_images(replace(doc, body=doc.body * 3), folder)
    return write_image_pdf([scanned(image, n) for n, image in enumerate(images[:pages])], folder / "scan.pdf")


def cpu_seconds() -> float:
    """CPU this process and its reaped children (the page's Tesseract) have used."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def timed_page(*args) -> tuple[bool, object, float]:
    """Run in a worker: the archive's own page task, and the CPU it took (rendering and Tesseract)."""
    before = cpu_seconds()
    ok, value = ocr_page_in_worker(*args)
    return ok, value, cpu_seconds() - before


def run_once(scan: Path, pages: int, workers: int) -> tuple[float, float, list]:
    """Wall seconds to OCR every page with `workers` processes (pool start-up included), CPU seconds the
    workers and their Tesseracts used (what other jobs on the machine cannot inflate), and the pages read."""
    engine = engine_for("tesseract", ("vi", "en"))
    started = time.monotonic()
    pool = ExtractorPool(workers, timed_page)
    tasks = TaskQueue(pool, workers * 4)
    for index in range(pages):
        tasks.put(index, timed_page, str(scan), detect.PDF, index, engine, DPI)
    try:
        results = [result for _, result in tasks.run()]
    finally:
        pool.close()
    seconds = time.monotonic() - started
    failed = [value for ok, value, _ in results if not ok]
    if failed:
        raise SystemExit(f"OCR failed: {failed[0]}")
    return seconds, sum(cpu for _, _, cpu in results), [value for _, value, _ in results]


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), "unknown")
    kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line)
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram": f"{kb / 1024 / 1024:.1f} GB",
        "tesseract": engine_for("tesseract", ("vi", "en")).version(),
        "python": platform.python_version(),
        "pypdfium2": version("pypdfium2"),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def render(info: dict, pages: int, repeat: int, runs: dict[int, list[tuple[float, float, str]]], read: list) -> str:
    words = sum(p.words for p in read)
    confidence = sum(p.confidence * p.words for p in read) / words
    one = statistics.median(wall for wall, _, _ in runs[min(runs)])  # speed-up against the fewest workers
    lines = [
        f"{info['date']} · {info['cpu']}, {info['cores']} cores, {info['ram']} RAM · Tesseract {info['tesseract']} "
        f"(`vie+eng`, `OMP_THREAD_LIMIT=1`), pypdfium2 {info['pypdfium2']}, Python {info['python']} · "
        f"load average at start {info['load']}, at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
        "",
        f"{pages} A4 pages of an image-only PDF (sample documents typeset with DejaVu, rasterised at {DPI} dpi, "
        f"skewed, blurred and speckled), each rendered by PDFium at {DPI} dpi and read by Tesseract in a worker "
        f"process, as ingest does; {words:,} words, mean confidence {confidence:.1f}. Median of {repeat} runs, "
        "worker counts interleaved; pool start-up included. CPU s/page counts the workers and their Tesseracts "
        "only, so other jobs on a shared machine do not inflate it (wall time they do: see the load).",
        "",
        "| workers | median s | pages/min | best pages/min | CPU s/page | speed-up | runs: s (1-min load before) |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for workers, measured in sorted(runs.items()):
        median = statistics.median(wall for wall, _, _ in measured)
        best = min(wall for wall, _, _ in measured)
        cpu = statistics.median(used for _, used, _ in measured) / pages
        each = ", ".join(f"{wall:.1f} ({load})" for wall, _, load in measured)
        lines.append(
            f"| {workers} | {median:.1f} | {pages / median * 60:.1f} | {pages / best * 60:.1f} | {cpu:.2f} | "
            f"{one / median:.2f}× | {each} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--results", type=Path, default=RESULTS, help="markdown file to update")
    args = parser.parse_args(argv)
    missing = engine_for("tesseract", ("vi", "en")).missing()
    if missing:
        raise SystemExit(missing)
    info = machine()
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        scan = make_scan(args.pages, Path(folder))
        runs: dict[int, list[tuple[float, float, str]]] = {n: [] for n in counts}
        read: list = []
        for _ in range(args.repeat):
            for workers in counts:  # interleaved, so a change in the machine's load hits both alike
                load = f"{os.getloadavg()[0]:.2f}"
                seconds, cpu, read = run_once(scan, args.pages, workers)
                runs[workers].append((seconds, cpu, load))
                print(f"{workers} worker(s): {seconds:.1f} s, {cpu:.1f} CPU s for {args.pages} pages", flush=True)
    block = render(info, args.pages, args.repeat, runs, read)
    write_block(args.results, "ocr", SECTION, block)
    print(block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
