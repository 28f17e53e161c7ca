"""Running the archive from cron: quiet success, one-line summaries, errors on stderr, exit codes, a rotating
log file, and a writer lock whose holder was killed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.upkeep.lock import read_holder
from bench.generators.hostile import slow_pdf
from tests.conftest import EN_TEXT, VI_TEXT, write

DUE = "file,doc_type,issued,doc_number\nold.txt,CV,2001-03-01,7-CV/VPTU\n"  # a 10-year letter, long due


@pytest.fixture
def archived(cli, tmp_path) -> dict[str, int]:
    write(tmp_path / "in" / "vi.txt", VI_TEXT)
    write(tmp_path / "in" / "old.txt", EN_TEXT)
    manifest = write(tmp_path / "m.csv", DUE)
    result, lines = cli.json("ingest", str(tmp_path / "in"), "--manifest", str(manifest))
    assert result.exit_code == 0
    return {Path(line["path"]).name: line["id"] for line in lines[:-1]}


def test_every_writing_command_is_silent_with_quiet_and_says_one_line_without(cli, archived, tmp_path):
    old = str(archived["old.txt"])
    commands = [
        ["ingest", str(tmp_path / "in")],
        ["reindex"],
        ["reindex", "--full"],
        ["reextract"],
        ["verify"],
        ["verify", "--sample", "1"],
        ["ocr", "--pending"],
    ]
    for command in commands:
        quiet = cli(*command, "--quiet")
        assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", ""), command
        loud = cli(*command)
        assert loud.exit_code == 0 and len(loud.stdout.splitlines()) == 1 and loud.stderr == "", (command, loud.output)
    hold, lift = ["hold", "add", old, "--reason", "Vụ án 3/2025"], ["hold", "remove", old, "--reason", "xong"]
    assert [cli(*hold, "--quiet").output, cli(*lift).stdout] == ["", f"record {old}: legal hold lifted\n"]
    assert [cli(*hold).stdout.startswith(f"record {old}: under legal hold"), cli(*lift, "--quiet").output] == [True, ""]
    edited = cli("edit", old, "--set", "title=Công văn đã sửa", "--quiet")
    assert (edited.exit_code, edited.output) == (0, "")
    assert cli("edit", old, "--set", "title=Công văn sửa lại").stdout.count("\n") == 1
    backup = cli("backup", str(tmp_path / "b1"), "--quiet")
    assert (backup.exit_code, backup.output) == (0, "")
    assert cli("backup", str(tmp_path / "b2")).stdout.startswith("backup: 2 records")
    restored = cli("--home", str(tmp_path / "r1"), "restore", str(tmp_path / "b1"), "--quiet")
    assert (restored.exit_code, restored.output) == (0, "")
    disposed = cli("retention", "dispose", old, "--authority", "QĐ số 9-QĐ/VPTU", "--quiet")
    assert (disposed.exit_code, disposed.output) == (0, "")


def test_failures_go_to_stderr_with_the_summary_even_when_quiet(cli, archived, settings, tmp_path):
    write(tmp_path / "bad" / "empty.txt", b"")
    result = cli("ingest", str(tmp_path / "bad"), "--quiet")
    assert result.exit_code == 1
    assert result.stderr.startswith("failed: ") and "empty.txt: the file is empty" in result.stderr
    assert result.stdout.startswith("1 files: 0 added, 0 duplicate, 0 unsupported, 1 failed")
    blob = next(p for p in (settings.home / "store").rglob("*") if p.is_file() and len(p.name) == 64)
    os.chmod(blob, 0o644)
    blob.write_bytes(b"bit rot")
    check = cli("verify", "--quiet")
    assert check.exit_code == 1 and "corrupt_original: record" in check.stderr
    assert check.stdout.startswith("verify: 1 problem(s)")


def test_plain_output_escapes_control_characters_in_names(cli, tmp_path):
    write(tmp_path / "in" / "empty-\x1b]0;pwned\x07-\x1b[2J.txt", b"")  # sets the terminal's title, clears it
    result = cli("ingest", str(tmp_path / "in"))
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "empty-\\x1b]0;pwned\\x07-\\x1b[2J.txt: the file is empty" in result.stderr


def test_a_mistyped_setting_is_bad_usage(cli, monkeypatch):
    monkeypatch.setenv("ARCHIVE_MAX_PAGES", "many")
    result = cli("reindex")
    assert result.exit_code == 2 and "ARCHIVE_MAX_PAGES='many': not a whole number" in result.stderr


def test_the_log_file_keeps_each_commands_start_problems_summary_and_exit(cli, tmp_path, monkeypatch):
    log = tmp_path / "logs" / "archive.log"
    write(tmp_path / "in" / "vi.txt", VI_TEXT)
    write(tmp_path / "in" / "empty.txt", b"")
    assert cli("--log-file", str(log), "ingest", "--quiet", str(tmp_path / "in")).exit_code == 1
    monkeypatch.setenv("ARCHIVE_LOG_FILE", str(log))
    assert cli("verify", "--quiet").exit_code == 0
    assert cli("show", "999").exit_code == 1
    lines = log.read_text(encoding="utf-8").splitlines()
    messages = [line.split(" INFO ", 1)[-1].split(" WARNING ", 1)[-1].split(" ERROR ", 1)[-1] for line in lines]
    assert messages[0].startswith("start: archive --home") and "--log-file" in messages[0] and "ingest" in messages[0]
    assert any(m.startswith("failed: ") and m.endswith("empty.txt: the file is empty") for m in messages)
    assert any(m.startswith("2 files: 1 added, 0 duplicate, 0 unsupported, 1 failed") for m in messages)
    ends = [m for m in messages if m.startswith("end: exit")]
    assert [e.split(" after ")[0] for e in ends] == ["end: exit 1", "end: exit 0", "end: exit 1"]
    assert any(m.startswith("verify: OK — 1 records") for m in messages)
    assert any("record 999" in line and " ERROR " in line for line in lines), "errors are logged as such"
    assert all(line[:4].isdigit() and " archive[" in line for line in lines), "each line has its time and pid"


def test_the_log_file_rotates(cli, tmp_path, monkeypatch):
    log = tmp_path / "archive.log"
    monkeypatch.setenv("ARCHIVE_LOG_FILE", str(log))
    monkeypatch.setenv("ARCHIVE_LOG_MAX_MB", "0.0005")  # ~500 bytes: a few commands each
    monkeypatch.setenv("ARCHIVE_LOG_BACKUPS", "2")
    for _ in range(12):
        assert cli("reindex", "--quiet").exit_code == 0
    assert sorted(p.name for p in tmp_path.glob("archive.log*")) == ["archive.log", "archive.log.1", "archive.log.2"]
    assert all(p.stat().st_size < 1000 for p in tmp_path.glob("archive.log*"))


WRITER = """
import logging, sys
from pathlib import Path
from archive.cli.logs import RUN, start_logging
from archive.config import Settings
settings = Settings(home=Path(sys.argv[1]), log_file=Path(sys.argv[2]), log_max_mb=0.002, log_backups=200)
stop = start_logging(settings, verbose=False)
for i in range(300):
    RUN.info("writer %s line %04d", sys.argv[3], i)
stop()
"""


def test_processes_sharing_the_log_file_lose_no_line_when_it_rotates(tmp_path):
    """`serve`'s workers and cron jobs write one log: rotating it must not drop or overwrite their lines."""
    log = tmp_path / "logs" / "archive.log"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path / "home"), str(log), str(n)]) for n in range(4)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0] * 4
    files = sorted(log.parent.glob("archive.log*"))
    assert len(files) > 10, "the log rotated many times while the processes wrote"
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    written = sorted(line.split("INFO ", 1)[1] for line in lines)
    assert written == sorted(f"writer {n} line {i:04d}" for n in range(4) for i in range(300))


def children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        found.setdefault(parent, []).append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def start_holder(home: Path, inbox: Path) -> subprocess.Popen:
    """`archive ingest` of a PDF that keeps pdfminer busy for hours: it holds the writer lock meanwhile."""
    env = {**os.environ, "ARCHIVE_HOME": str(home), "ARCHIVE_WORKERS": "1", "ARCHIVE_MAX_SECONDS": "120"}
    job = subprocess.Popen([sys.executable, "-m", "archive", "ingest", str(inbox)], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = [w for server in children().get(job.pid, []) for w in children().get(server, [])]
        if read_holder(home / "archive.lock").get("pid") == job.pid and workers:
            return job
        time.sleep(0.1)
    job.kill()
    raise AssertionError("the ingest never took the lock and started its worker")


@pytest.mark.slow
def test_a_killed_holders_lock_is_taken_over_and_its_note_replaced(settings, tmp_path):
    from tests.conftest import run_archive

    write(tmp_path / "in" / "slow.pdf", slow_pdf())
    first = start_holder(settings.home, tmp_path / "in")
    family = [p for server in children().get(first.pid, []) for p in (server, *children().get(server, []))]
    first.send_signal(signal.SIGKILL)  # as the OOM killer or a reboot would
    first.wait()
    deadline = time.monotonic() + 10
    while any(alive(p) for p in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in family), "its fork server and worker died with it: no parser left running"
    assert read_holder(settings.lock_path)["pid"] == first.pid, "the dead holder's note is still in the file"

    second = start_holder(settings.home, tmp_path / "in")  # the kernel released the lock: taken at once
    try:
        note = read_holder(settings.lock_path)
        assert note["pid"] == second.pid and "ingest" in note["command"]
        busy = run_archive(settings.home, "reindex", "--wait", "0.5")
        assert busy.returncode == 75
        assert f"pid {second.pid} (" in busy.stderr and f"pid {first.pid} " not in busy.stderr
    finally:
        second.kill()
        second.wait()
    assert run_archive(settings.home, "reindex", "--quiet").returncode == 0  # recovery removes the orphaned bytes
    assert run_archive(settings.home, "verify", "--quiet").returncode == 0


def test_a_recovery_that_succeeded_is_logged_and_silent_under_quiet(settings, tmp_path):
    from tests.conftest import run_archive

    write(tmp_path / "in" / "vi.txt", VI_TEXT)
    assert run_archive(settings.home, "ingest", str(tmp_path / "in"), "--quiet").returncode == 0
    log = tmp_path / "archive.log"

    def interrupt() -> None:
        """What a killed writer leaves: a half-written temporary file, bytes without a record, no index."""
        write(settings.home / "store" / "tmp" / "in-x1y2z3", b"half a file")
        write(settings.home / "store" / "ab" / ("ab" + "0" * 62), b"stored before its record")
        shutil.rmtree(settings.home / "index")

    interrupt()
    quiet = run_archive(settings.home, "--log-file", str(log), "reindex", "--quiet")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    logged = log.read_text(encoding="utf-8")
    assert "archive.recovery: recovered from an interrupted run: {'temporary_files': 1" in logged
    assert "'orphaned_originals': 1" in logged and "search index is missing: rebuilding it" in logged

    interrupt()
    loud = run_archive(settings.home, "reindex")
    assert loud.returncode == 0 and loud.stdout.startswith("reindex (full rebuild, index missing): 1 indexed")
    assert "recovered from an interrupted run" in loud.stderr, "without --quiet a person sees the repair"
    assert run_archive(settings.home, "verify", "--quiet").returncode == 0


def test_the_log_file_keeps_no_free_text_of_a_command_line(cli, archived, tmp_path, monkeypatch):
    log = tmp_path / "archive.log"
    monkeypatch.setenv("ARCHIVE_LOG_FILE", str(log))
    old = str(archived["old.txt"])
    secret = "nhansu"  # stands for words of a classified search, reason or decision
    assert cli("search", f"quy hoạch {secret} khóa XIV", "--type", "NQ", "--limit", "5", "--json").exit_code == 0
    assert cli("search", f"loai:{secret}").exit_code == 1, "its error quotes the query"
    assert cli("search", "chuyen", f"{secret}2").exit_code == 2, "an unquoted query: click quotes the extra word"
    assert cli("hold", "add", old, "--reason", f"Vụ án {secret}3", "--quiet").exit_code == 0
    assert cli("edit", old, "--set", f"title=Về {secret}4", "--json").exit_code == 0
    assert cli("retention", "dispose", old, f"--authority=QĐ {secret}5").exit_code == 1, "held: refused"
    assert cli("show", "999").exit_code == 1
    text = log.read_text(encoding="utf-8")
    assert secret not in text
    starts = [line.split(" INFO start: ", 1)[1] for line in text.splitlines() if " INFO start: " in line]
    home = f"archive --home {cli.home} "
    assert [s.removeprefix(home).rsplit(" (user ", 1)[0] for s in starts] == [
        "search <text> --type <text> --limit 5 --json",
        "search <text>",
        "search <text> <text>",
        f"hold add {old} --reason <text> --quiet",
        f"edit {old} --set <text> --json",
        f"retention dispose {old} --authority=<text>",
        "show 999",
    ]
    assert text.count("(the message went to stderr only: it may quote the command's free text)") == 2
    assert f"record {old}: under legal hold\n" in text and "ERROR record 999 not found" in text


def niceness(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])  # field 19: nice


@pytest.mark.slow
def test_a_batch_job_runs_at_the_lower_cpu_priority_it_is_given(settings, tmp_path):
    from archive.upkeep.lock import writer_lock

    env = {**os.environ, "ARCHIVE_HOME": str(settings.home), "ARCHIVE_JOB_NICE": "7"}
    base = niceness(os.getpid())
    with writer_lock(settings.lock_path):  # the job waits for the lock, already at its priority
        job = subprocess.Popen([sys.executable, "-m", "archive", "reindex", "--quiet", "--wait", "30"], env=env)
        deadline = time.monotonic() + 20
        while niceness(job.pid) == base and time.monotonic() < deadline:
            time.sleep(0.05)
        assert niceness(job.pid) == min(base + 7, 19)
    assert job.wait(timeout=60) == 0
