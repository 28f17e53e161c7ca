"""A dying extraction worker costs one file at most, never the batch."""

import os
import signal
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from archive.pipeline.ingest import ingest
from archive.pipeline.workers import CRASHED, TIMED_OUT, ExtractorPool, TaskQueue
from bench.generators.docgen import SAMPLES, write_pdf
from tests.pool_tasks import crash_on_bad, sleep_in_a_child

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_a_crash_is_pinned_on_its_file_and_the_pool_recovers():
    pool = ExtractorPool(2, crash_on_bad, "!")
    try:
        assert pool.run_alone("bad") == (False, CRASHED)
        assert pool.run_alone("a") == (True, "a!"), "a new worker took the dead one's place"
    finally:
        pool.close()


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_task_over_its_time_limit_is_killed_with_what_it_started(tmp_path):
    pool = ExtractorPool(2, crash_on_bad, "!", seconds=1)
    queue = TaskQueue(pool, limit=4)
    queue.put("hang", sleep_in_a_child, 60, str(tmp_path / "sleeper.pid"))
    queue.put("a", crash_on_bad, "a", "!")
    started = time.monotonic()
    try:
        results = dict(queue.run())
        assert results["a"] == (True, "a!")
        assert results["hang"] == (False, TIMED_OUT.format(seconds=1))
        assert "longer than 1 s (limit ARCHIVE_MAX_SECONDS)" in results["hang"][1]
        assert time.monotonic() - started < 10
        sleeper = int((tmp_path / "sleeper.pid").read_text())
        deadline = time.monotonic() + 5
        while alive(sleeper) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(sleeper), "the program the hung task started (in its own session) was killed too"
        assert pool.run_alone("b") == (True, "b!"), "the pool works after the kill"
    finally:
        pool.close()


def process_parents() -> dict[int, int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return parents


def extraction_workers() -> list[int]:
    """Grandchildren of this process: the workers the forkserver (our child) forked."""
    parents = process_parents()
    children = {p for p, parent in parents.items() if parent == os.getpid()}
    return [p for p, parent in parents.items() if parent in children]


@pytest.mark.skipif(not FONT.exists(), reason="needs fonts-dejavu-core (apt-get install it) to render PDFs")
def test_ingest_survives_a_worker_killed_mid_batch(settings, inbox):
    # Multi-page PDFs: pdfminer takes long enough that files are surely in flight when the worker dies.
    base = next(doc for name, doc, fmt, _ in SAMPLES if fmt == "pdf")
    for n in range(24):
        write_pdf(replace(base, number=f"Số {n}-BC/TU", body=base.body * 6), inbox / f"{n:02}.pdf")
    outcomes, killed = [], []

    def kill_a_worker_once_started():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            workers = extraction_workers() if len(outcomes) >= 3 else []
            if workers:
                os.kill(workers[-1], signal.SIGKILL)
                killed.append(workers[-1])
            time.sleep(0.005)

    killer = threading.Thread(target=kill_a_worker_once_started)
    killer.start()
    summary = ingest(settings.with_(index_batch_size=1), [inbox], on_outcome=outcomes.append)
    killer.join()
    assert killed, "a worker was killed while the batch ran"
    assert len(outcomes) > 3 + 1, "the kill landed before the batch ended"
    assert summary.counts == {"added": 24, "duplicate": 0, "unsupported": 0, "failed": 0}, [
        o for o in outcomes if o.status != "added"
    ]


def test_task_queue_bounds_its_work_takes_new_tasks_and_pins_a_crash():
    pool = ExtractorPool(2, crash_on_bad, "!")
    queue = TaskQueue(pool, limit=3)
    for name in ("a", "bad", "b", "d"):
        queue.put(name, crash_on_bad, name, "!")
    results = {}
    try:
        for key, result in queue.run():
            assert len(queue.in_flight) <= 3
            results[key] = result
            if key == "a":
                queue.put("c", crash_on_bad, "c", "?")  # a scan's pages arrive while files are read
    finally:
        pool.close()
    assert results == {
        "a": (True, "a!"),
        "b": (True, "b!"),
        "c": (True, "c?"),
        "d": (True, "d!"),
        "bad": (False, CRASHED),
    }
