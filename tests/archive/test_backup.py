"""Backups taken while the archive is in use restore to an archive that passes `verify`."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from archive.store import Store
from archive.upkeep.backup import STAGING_PREFIX, snapshot, write_backup
from archive.upkeep.lock import read_holder
from tests.conftest import ROOT, run_archive, write


def fill(folder, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        write(folder / f"cv-{n:04}.txt", f"Công văn số {n}-CV/VPTU về việc triển khai nhiệm vụ số {n}.\n" * 30)


def verified(home) -> dict:
    result = run_archive(home, "verify", "--json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["ok"], report["problems"]
    return report


@pytest.mark.slow
def test_backup_during_an_ingest_restores_to_a_sound_archive(tmp_path):
    home, inbox, more = tmp_path / "home", tmp_path / "inbox", tmp_path / "more"
    fill(inbox, 40)
    fill(more, 200, start=1000)
    assert run_archive(home, "ingest", str(inbox), "--quiet").returncode == 0
    env = {**os.environ, "ARCHIVE_HOME": str(home), "ARCHIVE_INDEX_BATCH_SIZE": "5"}
    ingest = subprocess.Popen([sys.executable, "-m", "archive", "ingest", str(more), "--quiet"], env=env)
    # The backup starts once the ingest holds the writer lock (else the backup may take it first, and the ingest,
    # which waits for no one, answers "busy"): the backup then waits its turn and copies a sound archive.
    while read_holder(home / "archive.lock").get("pid") != ingest.pid and ingest.poll() is None:
        time.sleep(0.01)
    try:
        backup = run_archive(home, "backup", str(tmp_path / "backup"), "--json", "--wait", "300")
    finally:
        assert ingest.wait(timeout=300) == 0
    assert backup.returncode == 0, backup.stderr
    summary = json.loads(backup.stdout)
    assert 40 <= summary["records"] <= 240 and summary["originals"] == summary["records"]
    assert summary["originals_missing"] == 0 and summary["index"] in ("copied", "rebuild")

    restored = tmp_path / "restored"
    result = run_archive(restored, "restore", str(tmp_path / "backup"), "--json")
    assert result.returncode == 0, result.stderr
    report = verified(restored)
    assert report["records"] == report["indexed"] == summary["records"]
    found = json.loads(run_archive(restored, "search", "cong van", "--json").stdout)
    assert found["total"] == summary["records"]


def test_backup_and_restore_refuse_folders_in_use(cli, inbox, tmp_path):
    fill(inbox, 3)
    cli("ingest", str(inbox), "--quiet")
    taken = tmp_path / "taken"
    write(taken / "something.txt", "x")
    result = cli("backup", str(taken))
    assert result.exit_code == 1 and "not empty" in result.stderr
    assert cli("backup", str(tmp_path / "b")).exit_code == 0
    result = cli("restore", str(tmp_path / "b"))  # into the home the backup came from: not empty
    assert result.exit_code == 1 and "not empty" in result.stderr
    result = cli("restore", str(taken))
    assert result.exit_code == 1 and "not a backup" in result.stderr


def test_a_damaged_original_is_left_out_and_named_while_the_rest_is_copied(cli, inbox, settings, tmp_path):
    fill(inbox, 2)
    cli("ingest", str(inbox), "--quiet")
    damaged, sound = sorted(p for p in settings.store_dir.glob("??/*") if len(p.name) == 64)
    damaged.chmod(0o644)
    damaged.write_bytes(b"bit rot")
    result = run_archive(settings.home, "backup", str(tmp_path / "b"), "--quiet")
    assert result.returncode == 1 and result.stdout == ""
    assert "1 damaged" in result.stderr and "archive verify" in result.stderr and damaged.name in result.stderr
    copied = Store(tmp_path / "b" / "store")
    assert copied.exists(sound.name) and not copied.exists(damaged.name), "bad bytes never enter a backup"
    assert json.loads((tmp_path / "b" / "BACKUP.json").read_text())["originals_damaged"] == 1


def test_a_missing_original_fails_the_backup_naming_it_and_the_rest_is_kept(cli, inbox, settings, tmp_path):
    fill(inbox, 3)
    cli("ingest", str(inbox), "--quiet")
    with Catalog(settings.catalog_path) as catalog:
        records = {record.sha256: record.id for record in catalog.iter_records()}
    lost = sorted(records)[1]
    Store(settings.store_dir).path(lost).unlink()

    quiet = run_archive(settings.home, "backup", str(tmp_path / "b"), "--quiet")
    assert quiet.returncode == 1 and quiet.stdout == ""
    assert "incomplete" in quiet.stderr and "1 missing from the store" in quiet.stderr
    assert f"missing_original: record {records[lost]}: original {lost} is not in the store" in quiet.stderr
    as_json = run_archive(settings.home, "backup", str(tmp_path / "c"), "--json")
    summary = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and lost in as_json.stderr
    assert (summary["records"], summary["originals"], summary["originals_missing"]) == (3, 2, 1)
    assert summary["problems"] == [
        {"kind": "missing_original", "id": records[lost], "detail": f"original {lost} is not in the store"}
    ]
    copied = Store(tmp_path / "c" / "store")
    assert [d for d in records if copied.exists(d)] == [d for d in records if d != lost]

    restored = tmp_path / "restored"
    back = run_archive(restored, "restore", str(tmp_path / "c"))
    assert back.returncode == 0 and "lacks 1 original" in back.stderr
    assert run_archive(restored, "verify", "--quiet").returncode == 1


def ingest_due_and_permanent(home: Path, tmp_path: Path, count: int = 12) -> tuple[list[int], list[int]]:
    """Letters of 2001 (kept 10 years: due for disposal) and resolutions (kept permanently): their ids."""
    inbox, rows = tmp_path / "inbox", ["file,doc_type,issued"]
    for n in range(count):
        kind = "CV" if n % 2 else "NQ"
        write(inbox / f"{kind}-{n:02}.txt", f"Văn bản số {n} về việc lưu trữ hồ sơ đợt {n}.\n" * 20)
        rows.append(f"{kind}-{n:02}.txt,{kind},2001-03-0{1 + n % 9}")
    manifest = write(tmp_path / "manifest.csv", "\n".join(rows) + "\n")
    ingested = run_archive(home, "ingest", str(inbox), "--manifest", str(manifest), "--json")
    assert ingested.returncode == 0, ingested.stderr
    ids = {Path(o["path"]).name: o["id"] for o in map(json.loads, ingested.stdout.splitlines()[:-1])}
    return sorted(i for n, i in ids.items() if n.startswith("CV")), sorted(i for n, i in ids.items() if n[:2] == "NQ")


def dispose(home: Path, ids: list[int], *extra: str) -> subprocess.CompletedProcess:
    return run_archive(home, "retention", "dispose", *map(str, ids), "--authority", "Quyết định số 9-QĐ/VPTU", *extra)


def staging_folders(home: Path) -> list[Path]:
    return list(home.glob(STAGING_PREFIX + "*"))


def restored_and_verified(backup: Path, tmp_path: Path) -> dict:
    restored = tmp_path / "restored"
    result = run_archive(restored, "restore", str(backup), "--quiet")
    assert result.returncode == 0, result.stderr
    return verified(restored)


def test_a_disposal_between_the_snapshot_and_the_copy_leaves_the_backup_whole(tmp_path):
    home, dest = tmp_path / "home", tmp_path / "backup"
    due, kept = ingest_due_and_permanent(home, tmp_path)
    settings = Settings(home=home)
    dest.mkdir()
    with snapshot(settings, dest) as taken:
        assert taken.files in staging_folders(home), "the snapshot's files are hard links in the home"
        disposal = dispose(home, due, "--json")  # a real writer, now that the snapshot's lock is released
        assert disposal.returncode == 0, disposal.stderr
        assert json.loads(disposal.stdout)["refused"] == []
        assert taken.files in staging_folders(home), "the disposal's recovery leaves a live backup's links alone"
        summary = write_backup(settings, taken)
    assert staging_folders(home) == []
    assert (summary["records"], summary["originals"], summary["problems"]) == (len(due) + len(kept), 12, [])
    assert summary["index"] == "copied"
    report = restored_and_verified(dest, tmp_path)
    assert report["records"] == report["indexed"] == 12, "restored as it was at the snapshot, before the disposal"
    assert verified(home)["records"] == len(kept)


@pytest.mark.slow
def test_a_backup_and_a_disposal_run_at_once_restore_to_a_sound_archive(tmp_path):
    home, dest = tmp_path / "home", tmp_path / "backup"
    due, kept = ingest_due_and_permanent(home, tmp_path, count=40)
    command = ["retention", "dispose", *map(str, due), "--authority", "QĐ 9", "--wait", "60"]
    env = {**os.environ, "ARCHIVE_HOME": str(home)}
    disposal = subprocess.Popen([sys.executable, "-m", "archive", *command], env=env)
    try:
        backup = run_archive(home, "backup", str(dest), "--json", "--wait", "60")
    finally:
        assert disposal.wait(timeout=120) == 0
    assert backup.returncode == 0, backup.stderr
    summary = json.loads(backup.stdout)
    assert summary["records"] in (len(kept), len(kept) + len(due)), "before or after the disposal, not between"
    assert summary["originals"] == summary["records"] and summary["problems"] == []
    assert restored_and_verified(dest, tmp_path)["records"] == summary["records"]


STAGED_BACKUP = """
import sys, time
from pathlib import Path
from archive.upkeep.backup import snapshot
from archive.catalog import Catalog
from archive.config import Settings
dest = Path(sys.argv[2])
dest.mkdir()
with snapshot(Settings.load(sys.argv[1]), dest):
    print("staged", flush=True)
    time.sleep(600)
"""


def staged_backup(home: Path, dest: Path) -> subprocess.Popen:
    """A backup process stopped between its snapshot and its copy, its staging folder in place."""
    job = subprocess.Popen(
        [sys.executable, "-c", STAGED_BACKUP, str(home), str(dest)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert job.stdout.readline().strip() == "staged"
    return job


def kill(job: subprocess.Popen) -> None:
    job.send_signal(signal.SIGKILL)
    job.wait(timeout=30)
    job.stdout.close()


def test_a_killed_backup_leaves_no_staging_folder_after_the_next_command(tmp_path):
    home = tmp_path / "home"
    fill(tmp_path / "inbox", 3)
    assert run_archive(home, "ingest", str(tmp_path / "inbox"), "--quiet").returncode == 0
    job = staged_backup(home, tmp_path / "b1")
    try:
        (live,) = staging_folders(home)
        assert run_archive(home, "backup", str(tmp_path / "b2"), "--quiet").returncode == 0
        assert staging_folders(home) == [live], "another backup leaves a live backup's links alone"
    finally:
        kill(job)
    assert run_archive(home, "backup", str(tmp_path / "b3"), "--quiet").returncode == 0
    assert staging_folders(home) == [], "the next backup removes a killed one's links"

    kill(staged_backup(home, tmp_path / "b4"))
    assert len(staging_folders(home)) == 1
    reindex = run_archive(home, "reindex")
    assert reindex.returncode == 0 and "abandoned_backup_staging" in reindex.stderr
    assert staging_folders(home) == [], "so does any writer's recovery"
    verified(home)


def test_with_the_store_on_another_filesystem_the_copy_is_made_under_the_lock(tmp_path):
    if not Path("/dev/shm").is_dir() or os.stat("/dev/shm").st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("needs /dev/shm on a filesystem other than the test's")
    home, dest = tmp_path / "home", tmp_path / "backup"
    fill(tmp_path / "inbox", 3)
    assert run_archive(home, "ingest", str(tmp_path / "inbox"), "--quiet").returncode == 0
    with tempfile.TemporaryDirectory(dir="/dev/shm") as elsewhere:
        shutil.move(home / "store", Path(elsewhere) / "store")
        (home / "store").symlink_to(Path(elsewhere) / "store")  # no hard link can reach it from the home
        settings = Settings(home=home)
        dest.mkdir()
        with snapshot(settings, dest) as taken:
            assert taken.files == home and staging_folders(home) == []
            assert run_archive(home, "reindex").returncode == 75, "writers wait while the copy is made"
            summary = write_backup(settings, taken)
        assert (summary["originals"], summary["problems"], summary["index"]) == (3, [], "copied")
        assert restored_and_verified(dest, tmp_path)["records"] == 3
