"""Load benchmark: 16 concurrent clients against `archive serve` on a 100,000-record archive while an ingest runs.

    python -m bench.load [--clients 16] [--seconds 60] [--size 100000] [--workers 2] [--no-ingest]

It copies the search benchmark's cached home of that size (catalog and index; run `python -m bench.search
--sizes 100000` first), writes the originals of a sample of its records into the copy's store, makes a
reader with top-secret clearance and an API token and starts the real server (`archive serve`, gunicorn).
The clients each loop over a search (60%), a record (25%) or a download of an original (15%) on a
keep-alive connection: first alone (the reference), then while an `archive ingest` of freshly generated
files runs. Errors (anything but HTTP 200, or a failed connection) must be zero. Figures go to
`bench/RESULTS.md`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

from bench import corpus as bench_corpus
from bench.results import write_block
from bench.search_common import RESULTS, WORK, log
from bench.search_measure import percentile
from bench.search_report import machine

SECTION = "## Load: concurrent clients against `archive serve` during an ingest (`bench/load.py`)"
MIX = (("search", 0.60), ("record", 0.25), ("download", 0.15))
SAMPLED = 2000  # records whose originals are written into the copy's store (downloads pick among them)
INGEST_FILES = 1000


def prepare(size: int, target: Path) -> list[int]:
    """A copy of the cached benchmark home with originals for a sample of records; returns their ids."""
    from archive.catalog import Catalog
    from archive.store import Store

    source = next((p for p in sorted(WORK.glob(f"home-n{size}-*")) if (p / "index" / "CURRENT").is_file()), None)
    if source is None:
        raise SystemExit(
            f"no cached home of {size:,} records with an index: run `python -m bench.search --sizes {size}`"
        )
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copy2(source / "catalog.sqlite3", target / "catalog.sqlite3")
    shutil.copytree(source / "index", target / "index")
    store = Store(target / "store").ensure()
    with Catalog(target / "catalog.sqlite3") as catalog:
        rows = catalog.db.execute("SELECT id, sha256 FROM records ORDER BY random() LIMIT ?", (SAMPLED,)).fetchall()
        texts = catalog.texts(r[0] for r in rows)
    # The benchmark's records are text/plain with their text's size in the catalog: their original is that
    # text, stored under the digest the benchmark gave them, so a download sends as many bytes as a real one.
    for record_id, digest in rows:
        path = store.path(digest)
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(texts[record_id].encode("utf-8"))
    return [r[0] for r in rows]


def archive_words(home: Path, ids: list[int]) -> list[str]:
    """Words the clients search for: taken from the archive's own records, as staff would type them."""
    from archive.catalog import Catalog

    with Catalog(home / "catalog.sqlite3") as catalog:
        texts = catalog.texts(ids)
    return sorted({w for text in texts.values() for w in text.lower().split() if w.isalpha() and len(w) > 2})


def make_inbox(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        doc = bench_corpus.document(bench_corpus.SEED + 1, i)  # another seed: new records, not duplicates
        (folder / f"load-{i:05}.txt").write_text(doc.text, encoding="utf-8")


def archive(home: Path, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "ARCHIVE_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "archive", *args], env=env, **kwargs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not answer /healthz")


class Client(threading.Thread):
    def __init__(self, port: int, token: str, ids: list[int], words: list[str], stop: float, seed: int) -> None:
        super().__init__(daemon=True)
        self.port, self.token, self.ids, self.words, self.stop = port, token, ids, words, stop
        self.rng = random.Random(seed)
        self.times: dict[str, list[float]] = {name: [] for name, _ in MIX}
        self.errors: dict[str, int] = {}

    def path(self, op: str) -> str:
        if op == "search":
            query = " ".join(self.rng.sample(self.words, self.rng.choice((1, 2, 3))))
            return f"/api/search?q={quote(query)}"
        record_id = self.rng.choice(self.ids)
        return f"/api/records/{record_id}" if op == "record" else f"/records/{record_id}/download"

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Authorization": f"Bearer {self.token}"}
        names, weights = zip(*MIX, strict=True)
        while time.monotonic() < self.stop:
            op = self.rng.choices(names, weights)[0]
            started = time.perf_counter()
            try:
                conn.request("GET", self.path(op), headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    key = f"{op}: HTTP {response.status}"
                    self.errors[key] = self.errors.get(key, 0) + 1
                    continue
            except (OSError, http.client.HTTPException) as exc:
                key = f"{op}: {type(exc).__name__}"
                self.errors[key] = self.errors.get(key, 0) + 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                continue
            self.times[op].append((time.perf_counter() - started) * 1000)
        conn.close()


def run_clients(args, port: int, token: str, ids: list[int], words: list[str], seed: int) -> tuple[list, float]:
    stop = time.monotonic() + args.seconds
    clients = [Client(port, token, ids, words, stop, seed=seed + n) for n in range(args.clients)]
    started = time.monotonic()
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    return clients, time.monotonic() - started


def record_count(home: Path) -> int:
    import sqlite3

    with sqlite3.connect(f"file:{home / 'catalog.sqlite3'}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM records").fetchone()[0]


def table(clients: list, elapsed: float) -> tuple[list[str], dict[str, int]]:
    """Percentile rows per request kind, and the errors by kind."""
    times = {name: [t for c in clients for t in c.times[name]] for name, _ in MIX}
    errors: dict[str, int] = {}
    for c in clients:
        for k, v in c.errors.items():
            errors[k] = errors.get(k, 0) + v
    everything = [t for ts in times.values() for t in ts]
    rows = ["| request | count | p50 ms | p95 ms | p99 ms | per second |", "|---|---:|---:|---:|---:|---:|"]
    for name, values in [*times.items(), ("**all**", everything)]:
        rows.append(f"| {name} | {len(values):,} | {percentile(values, 50):.1f} | {percentile(values, 95):.1f} | "
                    f"{percentile(values, 99):.1f} | {len(values) / elapsed:.1f} |")  # fmt: skip
    return rows, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60, help="clients' run in each phase")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--workers", type=int, default=2, help="server processes (`archive serve --workers`)")
    parser.add_argument("--no-ingest", action="store_true", help="only the reference phase, no ingest beside it")
    args = parser.parse_args(argv)
    info = machine()
    home, inbox = WORK / "load-home", WORK / "load-inbox"
    log(f"copying the {args.size:,}-record home and writing {SAMPLED:,} originals")
    ids = prepare(args.size, home)
    shutil.rmtree(inbox, ignore_errors=True)
    make_inbox(inbox, INGEST_FILES)
    made = subprocess.run(
        [sys.executable, "-m", "archive", "users", "add", "load", "--role", "reader", "--clearance", "top_secret",
         "--token", "--json"], env={**os.environ, "ARCHIVE_HOME": str(home)}, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    token = json.loads(made.stdout)["token"]
    words = archive_words(home, ids[:200])
    port = free_port()
    server = archive(
        home, "serve", "--port", str(port), "--workers", str(args.workers), "--threads", "8", stderr=subprocess.DEVNULL
    )
    phases, ingest_note, ingest_ok = [], "", True
    try:
        wait_ready(port)
        log("server ready; warming up")
        warmers = [Client(port, token, ids, words, time.monotonic() + 5, seed=-n) for n in range(2 * args.workers)]
        for c in warmers:
            c.start()
        for c in warmers:
            c.join()
        log("reference phase: clients only")
        phases.append(("clients only (reference)", *run_clients(args, port, token, ids, words, seed=1)))
        if not args.no_ingest:
            before = record_count(home)
            ingest = archive(home, "ingest", str(inbox), "--quiet", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(2)  # the ingest is extracting and committing while the clients run
            log("ingest phase: the same clients while `archive ingest` runs")
            clients, elapsed = run_clients(args, port, token, ids, words, seed=1001)
            added = record_count(home) - before
            phases.append(("during the ingest", clients, elapsed))
            running = ingest.poll() is None
            ingest.wait(timeout=1800)
            ingest_ok = ingest.returncode == 0
            ingest_note = (
                f"The ingest (`archive ingest` of {INGEST_FILES:,} generated text files, at the default "
                f"ARCHIVE_JOB_NICE=10) added {added:,} records while the clients ran (it commits 200 at a time; "
                f"{added / (elapsed + 2):.1f} records/s); it {'was still running then and ' if running else ''}exited "
                f"{'0' if ingest_ok else 'with an error'}."
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines, total_errors = [], 0
    for name, clients, elapsed in phases:
        rows, errors = table(clients, elapsed)
        total_errors += sum(errors.values())
        failures = "; ".join(f"{k} ×{v}" for k, v in errors.items())
        lines += [f"**{name}**, {elapsed:.0f} s:", "", *rows, "",
                  f"Errors: {sum(errors.values())}" + (f" — {failures}" if errors else ""), ""]  # fmt: skip
    block = "\n".join([
        f"{info['date']} · {info['cpu']}, {info['cores']} cores, {info['ram']} RAM · Python {info['python']} · "
        f"load average at start {info['load']} (shared machine).",
        "",
        f"{args.clients} client threads (one keep-alive connection each, no pause between requests) against "
        f"`archive serve` (gunicorn, {args.workers} processes of 8 threads) on a copy of the {args.size:,}-record "
        f"search-benchmark archive, with a reader's API token (every request authenticated and written to the "
        f"audit trail). Mix: search 60% (1–3 words from the archive's records), record JSON 25%, download of an "
        f"original 15%. First the clients alone (the reference), then the same clients while an ingest runs.",
        "",
        *lines,
        *([ingest_note, ""] if ingest_note else []),
    ])  # fmt: skip
    write_block(args.results, "load", SECTION, block, "Made by `python -m bench.load`.")
    log(f"{total_errors} errors; figures written to {args.results}")
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(inbox, ignore_errors=True)
    return 1 if total_errors or not ingest_ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
