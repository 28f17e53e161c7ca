"""The `archive` command line: outcomes, --json shapes, exit codes, show/export/search/verify/lock."""

import hashlib
import json
import os

from archive.catalog import Catalog
from archive.store import Store
from indexer.index.generations import delete_ids, open_index
from tests.conftest import EN_TEXT, VI_TEXT, run_archive, write


def test_ingest_json_prints_one_object_per_file_and_a_summary(cli, inbox):
    write(inbox / "a.txt", VI_TEXT)
    write(inbox / "b.gif", b"GIF89a\x01\x00\x01\x00")
    result, lines = cli.json("ingest", str(inbox))
    assert result.exit_code == 1  # one file unsupported
    *files, summary = lines
    assert {tuple(sorted(o)) for o in files} == {("id", "path", "reason", "status")}
    assert sorted(o["status"] for o in files) == ["added", "unsupported"]
    assert summary["summary"]["added"] == 1 and summary["summary"]["unsupported"] == 1
    assert summary["summary"]["files"] == 2 and "batch" in summary["summary"]


def test_exit_codes(cli, inbox, tmp_path):
    good = write(inbox / "a.txt", VI_TEXT)
    assert cli("ingest", str(good)).exit_code == 0
    assert cli("ingest", str(good)).exit_code == 0, "a duplicate is not a failure"
    assert cli("ingest", str(write(tmp_path / "e.txt", b""))).exit_code == 1
    assert cli("ingest", str(tmp_path / "does-not-exist")).exit_code == 2
    assert cli("ingest").exit_code == 2
    assert cli("no-such-command").exit_code == 2
    assert cli("show", "999").exit_code == 1


def test_plain_output_lists_problems_on_stderr_and_a_summary(cli, inbox):
    write(inbox / "a.txt", EN_TEXT)
    write(inbox / "z.txt", b"")
    result = cli("ingest", str(inbox))
    assert "failed:" in result.stderr and "z.txt: the file is empty" in result.stderr
    assert result.stdout.strip().startswith("2 files: 1 added, 0 duplicate, 0 unsupported, 1 failed")
    assert cli("ingest", "--quiet", str(inbox / "a.txt")).stdout == ""


def test_show_search_and_export(cli, inbox, tmp_path):
    original = write(inbox / "kết luận.txt", VI_TEXT)
    _, lines = cli.json("ingest", str(original))
    record_id = lines[0]["id"]
    _, (shown,) = cli.json("show", str(record_id))
    assert shown["id"] == record_id and shown["filename"] == "kết luận.txt" and shown["language"] == "vi"
    assert shown["sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()
    _, (found,) = cli.json("search", "cai cach hanh chinh", "--limit", "5")
    assert found["total"] == 1 and found["hits"][0]["id"] == record_id
    assert "<mark>cải</mark>" in found["hits"][0]["snippet"]
    target = tmp_path / "out.bin"
    assert cli("export", str(record_id), "-o", str(target)).exit_code == 0
    assert target.read_bytes() == original.read_bytes()
    text = cli("search", "chuyển đổi số")
    assert text.exit_code == 0 and "1 results" in text.stdout and "«chuyển»" in text.stdout


def test_verify_detects_a_corrupted_original(cli, inbox, settings):
    _, lines = cli.json("ingest", str(write(inbox / "a.txt", VI_TEXT)))
    assert cli("verify").exit_code == 0
    with Catalog(settings.catalog_path) as catalog:
        sha = catalog.get(lines[0]["id"]).sha256
    blob = Store(settings.store_dir).path(sha)
    os.chmod(blob, 0o644)
    blob.write_bytes(b"bit rot")
    result, (report,) = cli.json("verify")
    assert result.exit_code == 1 and not report["ok"]
    assert [(p["kind"], p["id"]) for p in report["problems"]] == [("corrupt_original", lines[0]["id"])]


def test_verify_detects_a_missing_index_entry_and_reindex_repairs_it(cli, inbox, settings):
    _, lines = cli.json("ingest", str(write(inbox / "a.txt", VI_TEXT)), str(write(inbox / "b.txt", EN_TEXT)))
    missing = lines[0]["id"]
    delete_ids(open_index(settings.index_dir), [missing])
    result, (report,) = cli.json("verify")
    assert result.exit_code == 1
    assert [(p["kind"], p["id"]) for p in report["problems"]] == [("missing_from_index", missing)]
    result, (summary,) = cli.json("reindex")
    assert summary == {"full": False, "indexed": 1, "deleted": 0, "reason": "incremental", "resumed": 0}
    assert cli("verify").exit_code == 0


def test_verify_detects_orphans_and_missing_originals(cli, inbox, settings, tmp_path):
    _, lines = cli.json("ingest", str(write(inbox / "a.txt", VI_TEXT)))
    store = Store(settings.store_dir)
    orphan = store.put_file(write(tmp_path / "stray.txt", "not in the catalog"))
    with Catalog(settings.catalog_path) as catalog:
        store.remove(catalog.get(lines[0]["id"]).sha256)
    _, (report,) = cli.json("verify")
    kinds = sorted((p["kind"], p["id"]) for p in report["problems"])
    assert kinds == [("missing_original", lines[0]["id"]), ("orphaned_original", None)]
    assert orphan.sha256 in json.dumps(report)


def test_a_busy_archive_exits_75_naming_the_holder(settings, inbox):
    import fcntl

    write(inbox / "a.txt", VI_TEXT)
    settings.home.mkdir(parents=True)
    with open(settings.lock_path, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write(json.dumps({"pid": 4242, "command": "archive reindex --full", "since": "2026-01-01T00:00:00Z"}))
        held.flush()
        result = run_archive(settings.home, "ingest", str(inbox), "--wait", "0.5")
    assert result.returncode == 75
    assert "pid 4242 (archive reindex --full) since 2026-01-01T00:00:00Z" in result.stderr
    assert run_archive(settings.home, "ingest", str(inbox)).returncode == 0, "the lock is free again"


def test_progress_bar_on_a_terminal_only(settings, inbox):
    import fcntl
    import pty
    import struct
    import subprocess
    import sys
    import termios

    for n in range(5):
        write(inbox / f"{n}.txt", f"{VI_TEXT} {n}")
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    env = {**os.environ, "ARCHIVE_HOME": str(settings.home)}
    with subprocess.Popen(
        [sys.executable, "-m", "archive", "ingest", str(inbox)], stderr=secondary, stdout=subprocess.PIPE, env=env
    ) as job:
        os.close(secondary)
        job.wait(timeout=120)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the terminal's other side is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(primary)
    terminal = b"".join(chunks).decode()
    assert "5/5" in terminal and "file/s" in terminal and "100%" in terminal, terminal
    piped = run_archive(settings.home, "ingest", str(inbox))
    assert "file/s" not in piped.stderr and "%" not in piped.stderr
