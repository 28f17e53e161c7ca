"""Backups taken while the archive is in use restore to an archive that passes `verify`."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import run_archive, write


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
    try:
        backup = run_archive(home, "backup", str(tmp_path / "backup"), "--json")
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


def test_a_damaged_original_stops_the_backup_with_a_reason(cli, inbox, settings, tmp_path):
    fill(inbox, 2)
    cli("ingest", str(inbox), "--quiet")
    blob = next(p for p in settings.store_dir.glob("??/*") if len(p.name) == 64)
    blob.chmod(0o644)
    blob.write_bytes(b"bit rot")
    result = cli("backup", str(tmp_path / "b"))
    assert result.exit_code == 1 and "damaged" in result.stderr and "archive verify" in result.stderr
