"""Disposal of a whole file killed (SIGKILL, at a point the test names through ARCHIVE_FAILPOINT) inside its
catalog transaction and right after its commit: the first leaves everything as it was, the second a disposal
the next writer finishes; never a file half disposed of."""

from __future__ import annotations

import json
import signal
import sqlite3

import pytest

from archive.store import Store
from indexer import SearchIndex
from tests.conftest import Cli, record_ids, run_archive, write

AUTHORITY = ("--authority", "Quyết định số 9-QĐ/VPTU")


@pytest.fixture
def due_file(tmp_path):
    """An archive with a closed file of three documents, due since 2019, and one unfiled document."""
    from archive.config import Settings

    settings = Settings(home=tmp_path / "home", workers=1)
    cli = Cli(settings)
    inbox = tmp_path / "in"
    for n in range(4):
        write(inbox / f"d{n}.txt", f"Công văn số {n}-CV/VPTU về việc văn thư lưu trữ, lần thứ {n}.\n")
    write(tmp_path / "m.csv", "file,issued\n" + "".join(f"d{n}.txt,2015-0{n + 1}-01\n" for n in range(4)))
    assert cli("ingest", str(inbox), "--manifest", str(tmp_path / "m.csv"), "-q").exit_code == 0
    assert cli("fonds", "add", "TUQT", "Phông Tỉnh ủy Quảng Trị").exit_code == 0
    opened = cli("files", "open", "01.VT", "--title", "Hồ sơ văn thư", "--year", "2015", "--retention", "2")
    assert opened.exit_code == 0, opened.output
    ids = record_ids(settings)
    assert cli("files", "add", "01.VT", *(str(ids[f"d{n}.txt"]) for n in range(3))).exit_code == 0
    assert cli("files", "close", "01.VT", "--date", "2016-03-31").exit_code == 0
    return settings


def state(home) -> dict:
    db = sqlite3.connect(f"file:{home / 'catalog.sqlite3'}?mode=ro", uri=True, timeout=30)
    try:
        return {
            "records": {r[0] for r in db.execute("SELECT id FROM records")},
            "disposed": {r[0] for r in db.execute("SELECT record_id FROM disposals")},
            "unpurged": db.execute("SELECT count(*) FROM disposals WHERE purged = 0").fetchone()[0],
            "file_disposals": db.execute("SELECT count(*) FROM file_disposals").fetchone()[0],
            "file_disposed": db.execute("SELECT disposed_at IS NOT NULL FROM files").fetchone()[0],
            "filed": {r[0] for r in db.execute("SELECT record_id FROM file_items")},
        }
    finally:
        db.close()


def killed_at(home, point: str):
    run = run_archive(home, "retention", "dispose", "--file", "01.VT", *AUTHORITY, env={"ARCHIVE_FAILPOINT": point})
    assert run.returncode == -signal.SIGKILL, (run.returncode, run.stderr)
    return run


def filed_and_not(settings) -> tuple[set[int], set[int]]:
    """The ids of the three filed documents, and of the one left unfiled."""
    ids = record_ids(settings)
    return {ids[f"d{n}.txt"] for n in range(3)}, {ids["d3.txt"]}


def test_killed_inside_the_transaction_nothing_happened(due_file):
    home = due_file.home
    filed, unfiled = filed_and_not(due_file)
    before = state(home)
    killed_at(home, "file-disposal:before-commit")
    assert state(home) == before
    assert before["filed"] == filed and before["disposed"] == set() and before["file_disposals"] == 0
    rerun = run_archive(home, "retention", "dispose", "--file", "01.VT", *AUTHORITY)
    assert rerun.returncode == 0, rerun.stderr
    after = state(home)
    assert after["records"] == unfiled and after["disposed"] == filed and after["unpurged"] == 0
    assert after["file_disposals"] == 1 and after["file_disposed"] == 1
    assert json.loads(run_archive(home, "verify", "--json").stdout)["ok"]


def test_killed_after_the_commit_the_next_writer_finishes_it(due_file):
    home = due_file.home
    store = Store(due_file.store_dir)
    filed, unfiled = filed_and_not(due_file)
    digests = {r: store.path(d) for r, d in _digests(home).items()}
    killed_at(home, "file-disposal:after-commit")
    half = state(home)
    assert half["records"] == unfiled and half["disposed"] == filed and half["file_disposals"] == 1
    assert half["unpurged"] == 3 and all(digests[r].exists() for r in filed)  # not yet purged
    rerun = run_archive(home, "retention", "dispose", "--file", "01.VT", *AUTHORITY)
    assert rerun.returncode == 1 and "was disposed of" in rerun.stderr
    done = state(home)
    assert done["unpurged"] == 0 and not any(digests[r].exists() for r in filed)
    assert all(digests[r].exists() for r in unfiled)
    hits = SearchIndex(due_file.index_dir).search("van thu", limit=10).hits
    assert {h.id for h in hits} == unfiled
    assert json.loads(run_archive(home, "verify", "--json").stdout)["ok"]


def _digests(home) -> dict[int, str]:
    db = sqlite3.connect(f"file:{home / 'catalog.sqlite3'}?mode=ro", uri=True)
    try:
        return dict(db.execute("SELECT id, sha256 FROM records"))
    finally:
        db.close()
