"""OCR throughput: pages per minute through the archive's page tasks beside the bare `tesseract` command on the
same page images, on the local worker pool (1 and 2 processes) and on 1 and 2 Celery workers (`archive worker`).

    .venv/bin/python -m bench.ocr                 # 10 pages, 3 runs of each configuration
    .venv/bin/python -m bench.ocr --pages 20 --repeat 5
    .venv/bin/python -m bench.ocr --celery ""     # without the Celery runs (no redis-server needed)

Pages are official documents typeset with DejaVu (`bench.generators.docgen`), rasterised at 300 dpi and degraded like a
scan (`bench.generators.scangen`), saved as one image-only PDF. Each archive run renders every page with PDFium and
reads it with Tesseract (`vie+eng`), as ingest does. The reference runs `tesseract page.pnm stdout -l vie+eng --dpi 300
tsv` on the same pages rendered once beforehand, one process per core with `OMP_THREAD_LIMIT=1`. The Celery runs start a
redis-server of their own on a loopback port, and N workers of one process each; the pages are rendered here on the
local pool and read by the workers, as `archive ingest --broker` does. The median run is reported in `bench/RESULTS.md`
(its own block).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import resource
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from archive.config import Settings
from archive.pipeline.scanning import page_image_in_worker
from archive.pipeline.workers import ExtractorPool, TaskQueue
from bench.ocr_task import timed_page
from bench.results import write_block
from indexer.reading import detect
from indexer.reading.ocr.pages import page_image
from indexer.reading.ocr.tesseract import engine_for, parse_tsv

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SECTION = "## OCR: pages per minute (`bench/ocr.py`)"
DPI = 300


def make_scan(pages: int, folder: Path) -> Path:
    """An image-only PDF of `pages` A4 pages cut from the sample documents (body repeated to fill pages)."""
    # Imported here, not above: each pool worker imports this module again (it is `__main__`), and these
    # would add their imports to the archive's measured cost.
    from bench.generators.docgen import SAMPLES
    from bench.generators.scangen import page_images, scanned, write_image_pdf

    images = []
    docs = [doc for _, doc, fmt, _ in SAMPLES if fmt in ("pdf", "docx")]
    while len(images) < pages:
        doc = docs[len(images) % len(docs)]
        images += page_images(replace(doc, body=doc.body * 3), folder)
    return write_image_pdf([scanned(image, n) for n, image in enumerate(images[:pages])], folder / "scan.pdf")


def run_once(scan: Path, pages: int, workers: int) -> tuple[float, float, list]:
    """Wall seconds to OCR every page with `workers` processes (pool start-up included), CPU seconds the
    workers (their imports too), their Tesseracts and this process used, which other jobs on the machine
    cannot inflate much, and the pages read."""
    engine = engine_for("tesseract", ("vi", "en"))
    parent = resource.getrusage(resource.RUSAGE_SELF)
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
    failed = [value for ok, value, _, _ in results if not ok]
    if failed:
        raise SystemExit(f"OCR failed: {failed[0]}")
    used: dict[int, float] = {}
    for _, _, pid, cpu in results:
        used[pid] = max(cpu, used.get(pid, 0.0))
    after = resource.getrusage(resource.RUSAGE_SELF)
    own = (after.ru_utime - parent.ru_utime) + (after.ru_stime - parent.ru_stime)
    return seconds, sum(used.values()) + own, [value for _, value, _, _ in results]


def render_pages(scan: Path, pages: int, folder: Path) -> list[Path]:
    """The pages as the archive renders them for Tesseract (PDFium, 300 dpi, grey PNM), written once."""
    paths = []
    for index in range(pages):
        image, _ = page_image(scan, detect.PDF, index, DPI)
        path = folder / f"page-{index + 1:03}.pnm"
        path.write_bytes(image)
        paths.append(path)
    return paths


def run_bare(images: list[Path], processes: int) -> tuple[float, float, list]:
    """The reference: the `tesseract` command on each page image, `processes` at a time, as a person would run
    it; wall seconds, the CPU seconds the Tesseracts used, and what they read."""
    command = [shutil.which("tesseract"), "-l", engine_for("tesseract", ("vi", "en")).languages, "--dpi", str(DPI)]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def read(image: Path):
        result = subprocess.run([command[0], str(image), "stdout", *command[1:], "tsv"], capture_output=True, env=env)
        if result.returncode:
            raise SystemExit(f"tesseract failed: {result.stderr.decode()[-300:]}")
        return parse_tsv(result.stdout.decode())

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    with ThreadPoolExecutor(processes) as threads:
        read_pages = list(threads.map(read, images))
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, read_pages


class Broker:
    """A redis-server of the benchmark's own on a free loopback port, with a password, and `archive worker`s."""

    def __init__(self, folder: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        password = secrets.token_hex(16)
        self.url = f"redis://:{password}@127.0.0.1:{port}/0"
        self.server = subprocess.Popen(
            [
                *("redis-server", "--port", str(port), "--bind", "127.0.0.1", "--requirepass", password),
                *("--save", "", "--appendonly", "no", "--dir", str(folder)),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in self.server.stdout:
            if "Ready to accept connections" in line:
                break
        self.workers: list[subprocess.Popen] = []

    def start_workers(self, count: int) -> list[str]:
        names = [f"bench{n}@{socket.gethostname()}" for n in range(1, count + 1)]
        env = {**os.environ, "ARCHIVE_BROKER": self.url}
        for name in names:
            command = [sys.executable, "-m", "archive", "worker", "--concurrency", "1", "--name", name, "--quiet"]
            self.workers.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL))
        from archive.pipeline.remote.app import celery_app

        app = celery_app(self.url, 900)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # started before the clock runs, as a worker machine would be
            if {n for reply in app.control.ping(destination=names, timeout=1.0) for n in reply} == set(names):
                app.close()
                return names
        raise SystemExit("the Celery workers did not answer")

    def stop_workers(self) -> None:
        for worker in self.workers:
            worker.terminate()  # a warm shutdown: nothing is running
        for worker in self.workers:
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.wait(60)
            if worker.poll() is None:
                worker.kill()
                worker.wait()
        self.workers = []

    def close(self) -> None:
        self.stop_workers()
        self.server.terminate()
        self.server.wait(30)
        self.server.stdout.close()


def run_celery(scan: Path, pages: int, broker: Broker, workers: int) -> tuple[float, None, list]:
    """Wall seconds to OCR every page on `workers` Celery workers of one process each, the pages rendered here on
    a local pool of two, as `archive ingest --broker` does (the workers' start-up is not counted)."""
    from archive.pipeline.remote.client import Remote
    from archive.pipeline.remote.queue import Forward, RemoteQueue

    broker.start_workers(workers)
    try:
        remote = Remote(Settings(home=Path("/nonexistent"), broker=broker.url))
        remote.window  # noqa: B018 -- asks the workers once, before the clock runs
        languages = engine_for("tesseract", ("vi", "en")).languages
        started = time.monotonic()
        pool = ExtractorPool(2, page_image_in_worker)
        tasks = RemoteQueue(pool, 8 + remote.window, remote)
        for index in range(pages):
            page = index + 1
            key = Forward(
                index,
                send=lambda packed, page=page: remote.send_page(packed, page, languages),
                receive=lambda meta, page=page: remote.page_outcome(meta, page),
            )
            tasks.put(key, page_image_in_worker, str(scan), detect.PDF, index, DPI)
        try:
            results = [result for _, result in tasks.run()]
        finally:
            pool.close()
            remote.close()
        seconds = time.monotonic() - started
    finally:
        broker.stop_workers()
    failed = [value for ok, value in results if not ok]
    if failed:
        raise SystemExit(f"OCR failed: {failed[0]}")
    return seconds, None, [value for _, value in results]


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
        "celery": version("celery"),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


Runs = dict[str, list[tuple[float, float | None, str]]]
BARE = "bare `tesseract`"


def render(info: dict, pages: int, repeat: int, runs: Runs, read: list, cores: int) -> str:
    words = sum(p.words for p in read)
    confidence = sum(p.confidence * p.words for p in read) / words
    reference = statistics.median(wall for wall, _, _ in runs[BARE])
    reference_cpu = statistics.median(cpu for _, cpu, _ in runs[BARE])
    lines = [
        f"{info['date']} · {info['cpu']}, {info['cores']} cores, {info['ram']} RAM · Tesseract {info['tesseract']} "
        f"(`vie+eng`, `OMP_THREAD_LIMIT=1`), pypdfium2 {info['pypdfium2']}, Celery {info['celery']}, "
        f"Python {info['python']} · load average at start {info['load']}, at end "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
        "",
        f"{pages} A4 pages of an image-only PDF (sample documents typeset with DejaVu, rasterised at {DPI} dpi, "
        f"skewed, blurred and speckled); {words:,} words, mean confidence {confidence:.1f}. Median of {repeat} runs, "
        "configurations interleaved run by run. **Bare `tesseract`**: the command on the same pages rendered "
        f"beforehand (PNM, {DPI} dpi), {cores} at a time, `OMP_THREAD_LIMIT=1`: what the machine can do. "
        "**Local pool**: the archive's page task (PDFium render, then Tesseract) on its worker pool, as ingest "
        "does, pool start-up included. **Celery**: N `archive worker`s of one process each on this machine, "
        "pages rendered by the home's local pool and sent through a redis-server, as `ingest --broker` does "
        "(workers started before the clock). CPU s/page: all the CPU the run used (the pool's workers with their "
        "start-up, their Tesseracts and the parent; the Tesseracts alone for the reference), which other jobs "
        "on a shared machine inflate far less than wall time; its ratio says what the archive adds to "
        "Tesseract's own work.",
        "",
        "| configuration | Tesseracts at once | median s | pages/min | best pages/min | of bare `tesseract` "
        "(pages/min) | CPU s/page | of bare `tesseract` (CPU) | runs: s (1-min load before) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, measured in runs.items():
        median = statistics.median(wall for wall, _, _ in measured)
        best = min(wall for wall, _, _ in measured)
        used = [cpu for _, cpu, _ in measured if cpu is not None]
        cpu = f"{statistics.median(used) / pages:.2f}" if used else "–"
        cpu_ratio = f"{reference_cpu / statistics.median(used):.2f}×" if used else "–"
        each = ", ".join(f"{wall:.1f} ({load})" for wall, _, load in measured)
        processes = cores if name == BARE else int(name.split()[-1])
        lines.append(
            f"| {name} | {processes} | {median:.1f} | {pages / median * 60:.1f} | {pages / best * 60:.1f} | "
            f"{reference / median:.2f}× | {cpu} | {cpu_ratio} | {each} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", default="1,2", help="comma-separated local pool sizes")
    parser.add_argument("--celery", default="1,2", help="comma-separated Celery worker counts ('' for none)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="markdown file to update")
    args = parser.parse_args(argv)
    missing = engine_for("tesseract", ("vi", "en")).missing()
    if missing:
        raise SystemExit(missing)
    cores = os.cpu_count() or 1
    celery = [int(n) for n in args.celery.split(",") if n.strip()]
    if celery and shutil.which("redis-server") is None:
        raise SystemExit("the Celery runs need redis-server (Debian: apt-get install redis-server), or --celery ''")
    info = machine()
    with tempfile.TemporaryDirectory() as folder:
        scan = make_scan(args.pages, Path(folder))
        images = render_pages(scan, args.pages, Path(folder))
        broker = Broker(Path(folder)) if celery else None
        plan = [(BARE, lambda: run_bare(images, cores))]
        plan += [
            (f"local pool {n}", lambda n=n: run_once(scan, args.pages, n)) for n in map(int, args.workers.split(","))
        ]
        plan += [(f"Celery workers {n}", lambda n=n: run_celery(scan, args.pages, broker, n)) for n in celery]
        runs: Runs = {name: [] for name, _ in plan}
        read: list = []
        try:
            for _ in range(args.repeat):
                for name, run in plan:  # interleaved, so a change in the machine's load hits all alike
                    load = f"{os.getloadavg()[0]:.2f}"
                    seconds, cpu, read = run()
                    runs[name].append((seconds, cpu, load))
                    print(f"{name}: {seconds:.1f} s for {args.pages} pages", flush=True)
        finally:
            if broker is not None:
                broker.close()
    block = render(info, args.pages, args.repeat, runs, read, cores)
    write_block(args.results, "ocr", SECTION, block)
    print(block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
