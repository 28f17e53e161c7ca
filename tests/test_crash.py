"""Kill ingest, reindex and disposal with SIGKILL at random points; a rerun completes with nothing lost or doubled."""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.index import EmptyIndexError

from archive.catalog import Catalog
from archive.config import Settings
from archive.pipeline.ingest import ingest
from archive.store import Store
from archive.upkeep.failpoint import VARIABLE as FAILPOINT
from bench.generators.docgen import SAMPLES, WRITERS
from indexer.index.generations import indexed_revs, open_index, read_building, read_current
from indexer.index.search import SearchIndex
from tests.conftest import run_archive, write

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


def start(home, *args, env: dict | None = None):
    env = {**os.environ, "ARCHIVE_HOME": str(home), "ARCHIVE_INDEX_BATCH_SIZE": "7", **(env or {})}
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


# Where an ingest may die, and how many passes each point makes in a run over the inbox (index batches of 7):
# a kill at a random pass of a random point lands between or inside catalog transactions and index commits.
INGEST_POINTS = ("ingest:file-ready", "ingest:catalog-committed", "ingest:index-committed", "ingest:noted")


@pytest.mark.slow
def test_ingest_killed_at_random_points_then_rerun(tmp_path):
    distinct = make_inbox(tmp_path / "inbox")
    rng = random.Random(20261123)
    for attempt in range(KILLS):
        home = tmp_path / f"home-{attempt}"
        point = INGEST_POINTS[attempt % len(INGEST_POINTS)]
        passes = distinct if point == "ingest:file-ready" else distinct // 7
        kill = f"{point}@{rng.randint(1, passes - 2)}"  # ≥ 2 index batches still to go
        with start(home, "ingest", str(tmp_path / "inbox"), "--json", env={FAILPOINT: kill}) as job:
            assert job.wait() == -signal.SIGKILL, f"killed at {kill}, inside the batch"
        with Catalog(home / "catalog.sqlite3") as catalog:
            (status,) = catalog.db.execute("SELECT status FROM batches").fetchone()
        assert status == "running", "the kill interrupted the batch"
        rerun = run_archive(home, "ingest", str(tmp_path / "inbox"), "--json")
        assert rerun.returncode == 0, f"attempt {attempt} (killed at {kill}): {rerun.stderr}"
        summary = json.loads(rerun.stdout.splitlines()[-1])["summary"]
        assert summary["added"] + summary["duplicate"] == distinct
        assert_whole(home, distinct)


RECORDS = 120  # in the archive the reindex tests kill: 12 commits of REINDEX_CHUNK, about 0.1 s each
REINDEX_CHUNK = 10


@pytest.fixture(scope="module")
def indexed_archive(tmp_path_factory) -> Path:
    """A home of RECORDS notices, ingested and indexed once; each reindex test works on a copy."""
    root = tmp_path_factory.mktemp("reindex")
    for n in range(RECORDS):
        write(root / "inbox" / f"tb-{n:03}.txt", f"Thông báo số {n}-TB/VPTU về cải cách hành chính, đợt {n}.\n" * 15)
    assert ingest(Settings(home=root / "home", workers=2), [root / "inbox"]).counts["added"] == RECORDS
    return root / "home"


def start_reindex(home, *args, env: dict | None = None):
    return start(home, "reindex", *args, "--json", env={"ARCHIVE_REINDEX_CHUNK": str(REINDEX_CHUNK), **(env or {})})


def rerun_reindex(home, *args) -> dict:
    result = run_archive(home, "reindex", *args, "--json", env={"ARCHIVE_REINDEX_CHUNK": str(REINDEX_CHUNK)})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def building(index_dir: Path) -> Path | None:
    """The generation folder a full rebuild is filling, if one is."""
    pending = read_building(index_dir)
    return index_dir / pending.name if pending else None


def documents_in(generation: Path | None) -> dict[int, int]:
    """{id: rev} committed to an index generation (none before its first commit)."""
    if generation is None:
        return {}
    try:
        return indexed_revs(whoosh_index.open_dir(str(generation)))
    except EmptyIndexError:
        return {}


def assert_indexed_once(home: Path) -> None:
    """`archive verify` passes, and the live index holds each catalog record exactly once (verify reads the
    index as a set of ids: a duplicate would not show there)."""
    verify = run_archive(home, "verify", "--json")
    report = json.loads(verify.stdout)
    assert verify.returncode == 0 and report["ok"], report["problems"]
    with Catalog(home / "catalog.sqlite3") as catalog:
        in_catalog = sorted(catalog.id_revs())
    with open_index(home / "index").searcher() as searcher:
        reader = searcher.reader()
        ids = reader.column_reader("id")
        assert sorted(int(ids[doc]) for doc in reader.all_doc_ids()) == in_catalog, "no duplicate, none lost"
    assert len(list((home / "index").glob("gen-*"))) == 1 and not (home / "index" / "BUILDING").exists()


@pytest.mark.slow
def test_full_reindex_killed_at_random_points_resumes_where_it_stopped(indexed_archive, tmp_path):
    home, index_dir = tmp_path / "home", tmp_path / "home" / "index"
    shutil.copytree(indexed_archive, home)
    rng = random.Random(20261125)
    chunks = RECORDS // REINDEX_CHUNK
    # Per rerun, the runs killed before it: each right after a random number of its own commits (twice in the
    # last: the second kill lands in the run resuming the first), or, for None, once the new generation is made
    # and before anything is written to it.
    plans = [[None], [rng.randint(1, chunks - 6)], [rng.randint(1, 3), rng.randint(1, 3)]]
    resumed = []
    for plan in plans:
        live = read_current(index_dir)
        for more in plan:
            kill = "rebuild:started" if more is None else f"rebuild:committed@{more}"
            with start_reindex(home, "--full", env={FAILPOINT: kill}) as job:
                assert job.wait() == -signal.SIGKILL, f"killed at {kill}, before the run finished"
            assert read_current(index_dir) == live, "the live index is untouched by a killed rebuild"
            assert SearchIndex(index_dir).search("cai cach hanh chinh").total == RECORDS
        committed = documents_in(building(index_dir))
        assert len(committed) < RECORDS, f"{plan}: killed mid-run"
        summary = rerun_reindex(home, "--full")
        assert (summary["resumed"], summary["indexed"]) == (len(committed), RECORDS - len(committed)), plan
        resumed.append(summary["resumed"])
        assert_indexed_once(home)
    print(f"full rebuilds killed as {plans}; the reruns resumed {resumed} documents")
    assert all(n >= REINDEX_CHUNK for n in resumed[1:]), "what the killed runs committed was kept, not redone"


@pytest.mark.slow
def test_incremental_reindex_killed_mid_run_then_rerun(indexed_archive, tmp_path):
    home, index_dir = tmp_path / "home", tmp_path / "home" / "index"
    shutil.copytree(indexed_archive, home)
    rng = random.Random(20261126)
    retexted: set[int] = set()
    for word in ("mot", "hai"):
        # New text for some records and a new title for others, in the catalog only, as a killed run of OCR or
        # `reextract` leaves them (committed, not yet indexed): the nightly incremental run must catch up.
        with Catalog(home / "catalog.sqlite3") as catalog, catalog.transaction():
            ids = rng.sample(sorted(catalog.id_revs()), 80)  # 8 chunks to reindex
            new_text, new_title = set(ids[:40]), set(ids[40:])
            for i in new_text:
                catalog.replace_text(i, f"Nội dung vanban{word} số {i}.\n" * 5)
            for i in new_title:
                catalog.update_fields(i, {"title": f"Tiêu đề tieude{word} {i}"}, source="edited", actor="test")
        retexted |= new_text
        # Of the 8 chunks, the run dies right after this one's index commit, before the catalog notes it.
        chunks = rng.randint(1, 4)
        env = {"ARCHIVE_REINDEX_CHUNK": str(REINDEX_CHUNK), FAILPOINT: f"reindex:committed@{chunks}"}
        with start(home, "reindex", "--json", env=env) as job:
            assert job.wait() == -signal.SIGKILL, "killed at the chunk the test chose"
        with Catalog(home / "catalog.sqlite3") as catalog:
            revs = catalog.id_revs()
        caught_up = {i for i, rev in indexed_revs(open_index(index_dir)).items() if i in ids and revs[i] == rev}
        assert REINDEX_CHUNK <= len(caught_up) < len(ids), "killed after a committed chunk, before the last"
        assert len(caught_up) == chunks * REINDEX_CHUNK
        summary = rerun_reindex(home)
        assert (summary["full"], summary["indexed"], summary["deleted"]) == (False, len(ids) - len(caught_up), 0)
        assert_indexed_once(home)
        index = SearchIndex(index_dir)
        assert {h.id for h in index.search(f"vanban{word}", limit=100).hits} == new_text
        assert {h.id for h in index.search(f"tieude{word}", limit=100).hits} == new_title
        assert index.search("cai cach hanh chinh").total == RECORDS - len(retexted), "no old text left"


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


# Where a disposal may die: its checks done, nothing written; its catalog transaction in; then inside the purge
# of index and store; and once the purge is noted.
DISPOSAL_POINTS = (
    "dispose:checked",
    "dispose:committed",
    "purge:index-purged",
    "purge:original-removed",
    "purge:noted",
    "purge:original-removed",
)


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
        kill = DISPOSAL_POINTS[attempt % len(DISPOSAL_POINTS)]
        kill = f"{kill}@{rng.randint(1, len(due))}" if kill == "purge:original-removed" else kill
        with start(home, *command, env={FAILPOINT: kill}) as job:
            assert job.wait() == -signal.SIGKILL, f"killed at {kill}"
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
    assert all(seen.values()), f"each outcome of a kill was tried: {seen}"
