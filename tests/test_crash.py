"""Kill ingest, reindex and disposal with SIGKILL at random points; a rerun completes with nothing lost or doubled."""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.catalog import Catalog
from archive.store import Store
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


def disposal_state(home) -> tuple[set[int], set[int], int]:
    """(record ids, disposed ids, disposals not yet purged), read as another process would, during a run."""
    db = sqlite3.connect(f"file:{home / 'catalog.sqlite3'}?mode=ro", uri=True, timeout=30)
    try:
        records = {row[0] for row in db.execute("SELECT id FROM records")}
        disposed = {row[0] for row in db.execute("SELECT record_id FROM disposals")}
        (unpurged,) = db.execute("SELECT count(*) FROM disposals WHERE purged = 0").fetchone()
    finally:
        db.close()
    return records, disposed, unpurged


@pytest.mark.slow
def test_disposal_killed_at_random_points_is_done_wholly_or_not_at_all(tmp_path):
    inbox, rows = tmp_path / "inbox", ["file,doc_type,issued"]
    for n in range(40):  # letters of 2001, kept 10 years: long due; and resolutions, kept permanently
        kind = "CV" if n < 32 else "NQ"
        write(inbox / f"{kind}-{n:02}.txt", f"Văn bản số {n} về việc tieuhuy{kind} đợt {n}.\n" * 20)
        rows.append(f"{kind}-{n:02}.txt,{kind},2001-03-0{1 + n % 9}")
    manifest = write(tmp_path / "manifest.csv", "\n".join(rows) + "\n")
    template = tmp_path / "template"
    ingested = run_archive(template, "ingest", str(inbox), "--manifest", str(manifest), "--json")
    assert ingested.returncode == 0, ingested.stderr
    ids = {Path(o["path"]).name: o["id"] for o in map(json.loads, ingested.stdout.splitlines()[:-1])}
    due = sorted(i for name, i in ids.items() if name.startswith("CV"))
    kept = set(ids.values()) - set(due)
    command = ["retention", "dispose", *map(str, due), "--authority", "Quyết định số 9-QĐ/VPTU"]
    rng = random.Random(20261124)
    seen = {"nothing done": 0, "disposed, not yet purged": 0, "disposed and purged": 0}
    for attempt in range(KILLS):
        home = tmp_path / f"home-{attempt}"
        shutil.copytree(template, home)
        with start(home, *command) as job:
            if attempt % 3 == 0:  # during start-up or the checks: before anything is written
                time.sleep(rng.uniform(0.05, 0.3))
            elif attempt % 3 == 1:  # once its catalog transaction is in, inside the purge of index and store
                while job.poll() is None and not disposal_state(home)[1]:
                    time.sleep(0.005)
                time.sleep(rng.uniform(0, 0.1) if attempt > 1 else 0)
            else:  # anywhere
                time.sleep(rng.uniform(0.3, 3))
            job.send_signal(signal.SIGKILL)
            job.wait()
        records, disposed, unpurged = disposal_state(home)
        assert disposed in (set(), set(due)), f"attempt {attempt}: all or nothing, not {sorted(disposed)}"
        assert records == set(ids.values()) - disposed, "a disposal record is there exactly when its record is gone"
        seen["nothing done" if not disposed else "disposed, not yet purged" if unpurged else "disposed and purged"] += 1

        rerun = run_archive(home, *command)
        if disposed:
            assert rerun.returncode == 1 and f"record {due[0]} was disposed of on" in rerun.stderr, rerun.stderr
        else:
            assert rerun.returncode == 0, rerun.stderr
        verify = run_archive(home, "verify", "--json")
        report = json.loads(verify.stdout)
        assert verify.returncode == 0 and report["ok"], (attempt, report["problems"])
        assert report["records"] == report["indexed"] == len(kept)
        records, disposed, unpurged = disposal_state(home)
        assert (records, disposed, unpurged) == (kept, set(due), 0)
        with Catalog(home / "catalog.sqlite3") as catalog:
            assert set(Store(home / "store").iter_digests()) == catalog.digests(), "no original left behind"
        assert json.loads(run_archive(home, "search", "tieuhuyCV OR tieuhuyNQ", "--json").stdout)["total"] == len(kept)
    print(f"disposal killed {KILLS} times: {seen}")
    assert seen["nothing done"] and seen["disposed, not yet purged"], f"the kills landed too alike: {seen}"
