"""Kill ingest and reindex with SIGKILL at random points; a rerun completes with nothing lost or doubled."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from archive.catalog import Catalog
from tests.conftest import run_archive, write
from tests.docgen import SAMPLES, WRITERS

KILLS = 6


def make_inbox(folder, count: int = 60) -> int:
    """`count` distinct text files plus the samples' documents; returns how many distinct files."""
    for n in range(count):
        write(
            folder / f"batch-{n // 20}" / f"cv-{n:03}.txt",
            f"Công văn số {n}-CV/VPTU về việc triển khai nhiệm vụ {n}.\n" * 20,
        )
    for name, doc, fmt, kwargs in SAMPLES[:6]:
        WRITERS[fmt](doc, folder / name, **kwargs)
    return count + 6


def start(home, *args):
    env = {**os.environ, "ARCHIVE_HOME": str(home), "ARCHIVE_INDEX_BATCH_SIZE": "7"}
    return subprocess.Popen(
        [sys.executable, "-m", "archive", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )


def assert_whole(home, distinct: int) -> None:
    verify = run_archive(home, "verify", "--json")
    report = json.loads(verify.stdout)
    assert verify.returncode == 0 and report["ok"], report["problems"]
    assert report["records"] == report["indexed"] == distinct
    with Catalog(home / "catalog.sqlite3") as catalog:
        assert len(catalog.digests()) == catalog.count() == distinct, "no duplicate records"


@pytest.mark.slow
def test_ingest_killed_at_random_points_then_rerun(tmp_path):
    distinct = make_inbox(tmp_path / "inbox")
    rng = random.Random(20261123)
    interrupted = 0
    for attempt in range(KILLS):
        home = tmp_path / f"home-{attempt}"
        # Kill after a random number of reported outcomes plus a random moment, so that the kill
        # lands inside the batch: between or inside catalog transactions and index commits.
        after, delay = rng.randint(1, distinct - 14), rng.uniform(0, 0.05)  # ≥ 2 index batches still to go
        with start(home, "ingest", str(tmp_path / "inbox"), "--json") as job:
            for _ in range(after):
                job.stdout.readline()
            time.sleep(delay)
            job.send_signal(signal.SIGKILL)
            job.wait()
        with Catalog(home / "catalog.sqlite3") as catalog:
            (status,) = catalog.db.execute("SELECT status FROM batches WHERE id = 1").fetchone()
        interrupted += status == "running"  # the kill landed inside the batch
        rerun = run_archive(home, "ingest", str(tmp_path / "inbox"), "--json")
        assert rerun.returncode == 0, f"attempt {attempt} (killed after {after} files + {delay:.3f}s): {rerun.stderr}"
        summary = json.loads(rerun.stdout.splitlines()[-1])["summary"]
        assert summary["added"] + summary["duplicate"] == distinct
        assert_whole(home, distinct)
    assert interrupted == KILLS, "every kill must interrupt the batch, or this test proves little"


@pytest.mark.slow
def test_full_reindex_killed_keeps_the_old_index_searchable(tmp_path):
    distinct = make_inbox(tmp_path / "inbox")
    home = tmp_path / "home"
    assert run_archive(home, "ingest", str(tmp_path / "inbox")).returncode == 0
    before = json.loads(run_archive(home, "search", "triển khai", "--json", "--limit", "3").stdout)["total"]
    rng = random.Random(7)
    for _ in range(3):
        with start(home, "reindex", "--full") as job:
            time.sleep(rng.uniform(0.2, 1.5))
            job.send_signal(signal.SIGKILL)
            job.wait()
        found = json.loads(run_archive(home, "search", "triển khai", "--json", "--limit", "3").stdout)
        assert found["total"] == before, "the live index is untouched by a killed rebuild"
    assert run_archive(home, "reindex").returncode == 0  # the nightly job: the live index is in step
    assert_whole(home, distinct)
    assert run_archive(home, "reindex", "--full").returncode == 0  # resumes (or restarts) the killed rebuild
    assert_whole(home, distinct)
    assert [p.name for p in (home / "index").iterdir() if p.name.startswith("gen-")].__len__() == 1
    assert not (home / "index" / "BUILDING").exists()
