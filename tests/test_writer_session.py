"""The one writer session (`archive.upkeep.session.writing`): the lock file says what holds it, and a command
that finds it held says so; a quick writer (a hold, an edit, filing) first finishes what a killed writer
committed half way in the catalog, but leaves the file repairs (temporary files, a walk of the store) to the
full recovery the bulk commands run."""

from __future__ import annotations

import json
import signal
import sqlite3
from pathlib import Path

import pytest

from archive.config import Settings
from archive.store import Store
from archive.upkeep.lock import read_holder
from archive.upkeep.session import writing
from indexer import SearchIndex
from indexer.core.errors import IndexOutdatedError
from indexer.index.generations import indexed_revs, open_index
from tests.conftest import Cli, admin_client, run_archive, write

AUTHORITY = ("--authority", "Quyết định số 9-QĐ/VPTU")


@pytest.fixture
def home(tmp_path) -> tuple[Settings, dict[str, int]]:
    """Four documents of 2015; three of them in the closed file 01.VT, kept two years: long due."""
    settings = Settings(home=tmp_path / "home", workers=1)
    cli = Cli(settings)
    inbox = tmp_path / "in"
    for n in range(4):
        write(inbox / f"d{n}.txt", f"Công văn số {n}-CV/VPTU về việc văn thư lưu trữ, lần thứ {n}.\n")
    write(tmp_path / "m.csv", "file,issued\n" + "".join(f"d{n}.txt,2015-0{n + 1}-01\n" for n in range(4)))
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(tmp_path / "m.csv"))
    assert result.exit_code == 0, result.output
    ids = {Path(line["path"]).name: line["id"] for line in lines if "path" in line}
    assert cli("fonds", "add", "TUQT", "Phông Tỉnh ủy Quảng Trị").exit_code == 0
    opened = cli("files", "open", "01.VT", "--title", "Hồ sơ văn thư", "--year", "2015", "--retention", "2")
    assert opened.exit_code == 0, opened.output
    assert cli("files", "add", "01.VT", *(str(ids[f"d{n}.txt"]) for n in range(3))).exit_code == 0
    assert cli("files", "close", "01.VT", "--date", "2016-03-31").exit_code == 0
    return settings, ids


def unpurged(settings: Settings) -> int:
    db = sqlite3.connect(f"file:{settings.catalog_path}?mode=ro", uri=True, timeout=30)
    try:
        return db.execute("SELECT count(*) FROM disposals WHERE purged = 0").fetchone()[0]
    finally:
        db.close()


def test_the_lock_file_names_the_purpose_and_a_waiting_command_says_it(home):
    settings, ids = home
    record = str(ids["d3.txt"])
    with writing(settings, "filing", repair="catalog"):
        assert read_holder(settings.lock_path)["purpose"] == "filing"
        busy = run_archive(settings.home, "hold", "add", record, "--reason", "Vụ việc số 12")
    assert busy.returncode == 75, busy.stderr
    assert ": filing) since " in busy.stderr and "holds its writer lock" in busy.stderr
    assert read_holder(settings.lock_path) == {}, "a writer that finished leaves no holder behind"
    held = run_archive(settings.home, "hold", "add", record, "--reason", "Vụ việc số 12")
    assert held.returncode == 0, held.stderr


def test_the_status_says_what_holds_the_lock(home):
    settings, _ = home
    client = admin_client(settings)
    assert client.get("/api/status").get_json()["writer"] is None
    with writing(settings, "edit", repair="catalog"):
        writer = client.get("/api/status").get_json()["writer"]
    assert writer["purpose"] == "edit" and writer["pid"] and writer["since"]


def test_a_quick_writer_finishes_a_killed_disposal_and_leaves_the_files_alone(home):
    settings, ids = home
    store = Store(settings.store_dir)
    filed = [ids[f"d{n}.txt"] for n in range(3)]
    kept = ids["d3.txt"]
    with sqlite3.connect(settings.catalog_path) as db:
        blobs = {i: store.path(d) for i, d in db.execute("SELECT id, sha256 FROM records")}
    killed = run_archive(
        settings.home,
        *("retention", "dispose", "--file", "01.VT", *AUTHORITY),
        env={"ARCHIVE_FAILPOINT": "file-disposal:after-commit"},
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert unpurged(settings) == 3 and all(blobs[i].exists() for i in filed), "committed, not yet purged"
    stray = write(store.tmp / "plan-upload.csv", "code,title,year\n")  # a web request's, running beside it

    held = run_archive(settings.home, "hold", "add", str(kept), "--reason", "Vụ việc số 12")
    assert held.returncode == 0, held.stderr
    assert unpurged(settings) == 0 and not any(blobs[i].exists() for i in filed) and blobs[kept].exists()
    assert {h.id for h in SearchIndex(settings.index_dir).search("van thu", limit=10).hits} == {kept}
    assert stray.exists(), "a quick writer leaves the store's temporary files to the full recovery"

    again = run_archive(settings.home, "reextract", str(kept))  # a bulk command: the full recovery
    assert again.returncode == 0, again.stderr
    assert not stray.exists()
    assert json.loads(run_archive(settings.home, "verify", "--json").stdout)["ok"]


def test_the_session_opens_the_index_once_and_reindexes_what_it_changed(home):
    settings, ids = home
    record_id = ids["d3.txt"]
    with writing(settings, "edit", repair="catalog") as w:
        assert w.index is w.index, "one index handle for the whole session"
        with w.catalog.transaction():
            w.catalog.update_fields(record_id, {"place": "Đông Hà"}, source="edited", actor="test")
        assert w.catalog.pending_index() == [record_id]
        assert w.reindex([record_id]) == 1
        assert w.catalog.pending_index() == []
        rev = w.catalog.get(record_id).rev
    assert indexed_revs(open_index(settings.index_dir))[record_id] == rev, "the edited revision is in the index"


def test_a_session_that_writes_no_index_never_opens_it(home):
    settings, ids = home
    settings.index_dir.rename(settings.home / "index-away")  # a home whose index is gone
    with writing(settings, "hold", repair="catalog") as w:  # the quick repair: no rebuild
        assert w.reindex([]) == 0
        with pytest.raises(IndexOutdatedError):  # the reindex asks for `archive reindex`, as it always did
            w.reindex([ids["d3.txt"]])
    assert not settings.index_dir.exists(), "no empty index made behind the person's back"
