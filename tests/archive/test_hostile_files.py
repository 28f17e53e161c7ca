"""Hostile and broken files through the real `archive` command: each gets its own clear reason, the batch goes
on, limits hold in the workers, nothing is written outside the home folder, and the other records stay sound."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.pipeline.files import display_path
from bench.generators.hostile import corpus, slow_pdf, strange_names, text
from indexer.reading import detect
from tests.conftest import EN_TEXT, VI_TEXT, run_archive, write


def snapshot(folder: Path, skip: Path) -> dict[bytes, tuple[int, int]]:
    """Every file and folder below `folder` (but `skip`) with its size and modification time."""
    found = {}
    for root, dirs, files in os.walk(os.fsencode(folder)):
        dirs[:] = [d for d in dirs if os.path.join(root, d) != os.fsencode(skip)]
        for name in dirs + files:
            path = os.path.join(root, name)
            info = os.lstat(path)
            found[path] = (info.st_size, info.st_mtime_ns)
    return found


def outcomes(stdout: str) -> tuple[dict[str, dict], dict]:
    *files, summary = (json.loads(line) for line in stdout.splitlines() if line.strip())
    return {os.path.basename(o["path"]): o for o in files}, summary["summary"]


def test_every_hostile_file_gets_its_reason_and_the_archive_stays_sound(cli, settings, tmp_path):
    write(tmp_path / "good" / "vi.txt", VI_TEXT)
    write(tmp_path / "good" / "en.txt", EN_TEXT)
    _, lines = cli.json("ingest", str(tmp_path / "good"))
    before = {line["id"]: cli.json("show", str(line["id"]))[1][0] for line in lines[:-1]}
    hostile = tmp_path / "hostile"
    expected = corpus(hostile)
    names = strange_names(hostile)
    expected.update({display_path(os.fsdecode(name)): ("added", ()) for name in names})
    outside = write(tmp_path / "elsewhere" / "dotdot.txt", text(300))
    dotdot = f"{hostile}/../elsewhere/dotdot.txt"  # a path through `..`: still just a file to read
    scratch, temp = tmp_path / "cwd", tmp_path / "tmp"
    scratch.mkdir()
    temp.mkdir()
    untouched = snapshot(tmp_path, skip=settings.home)

    started = time.monotonic()
    result = run_archive(
        settings.home, "ingest", "--json", str(hostile), dotdot, cwd=scratch, env={"TMPDIR": str(temp)}
    )
    seconds = time.monotonic() - started

    assert result.returncode == 1, result.stderr  # some files failed; none stopped the batch
    found, summary = outcomes(result.stdout)
    assert found.pop("dotdot.txt")["status"] == "added"
    assert set(found) == set(expected), "every file has exactly one outcome"
    for name, (status, words) in expected.items():
        assert found[name]["status"] == status, (name, found[name])
        assert all(word in found[name]["reason"] for word in words), (name, found[name]["reason"])
    assert summary["files"] == len(expected) + 1 and summary["added"] == 1 + sum(
        s == "added" for s, _ in expected.values()
    )
    assert seconds < 60, "no file held the batch up"

    # Nothing was written outside the home folder: not beside the files, not in the working or temporary folder
    # (whose own time changes: the process pool's fork server keeps its socket there while it runs).
    assert not list(temp.iterdir()) and not list(scratch.iterdir())
    untouched.pop(os.fsencode(temp))
    assert {
        path: seen for path, seen in snapshot(tmp_path, skip=settings.home).items() if path != os.fsencode(temp)
    } == untouched
    assert outside.read_text() == text(300)
    assert not list((settings.home / "store" / "tmp").iterdir()), "no temporary file left in the store"
    stored = [p for p in (settings.home / "store").rglob("*") if p.is_file()]
    assert all(len(p.name) == 64 for p in stored), "the store holds content-addressed blobs only"

    # The other records are untouched, and the archive is sound.
    verify = cli("verify")
    assert verify.exit_code == 0, verify.stdout + verify.stderr
    for record_id, shown in before.items():
        assert cli.json("show", str(record_id))[1][0] == shown
        blob = settings.home / "store" / shown["sha256"][:2] / shown["sha256"]
        assert blob.read_bytes() == (tmp_path / "good" / shown["filename"]).read_bytes()

    # A hostile name is kept as it is (undecodable bytes shown as U+FFFD), and only a name.
    control = next(o for n, o in found.items() if n.startswith("ctl-"))
    _, (shown,) = cli.json("show", str(control["id"]))
    assert shown["filename"] == os.fsdecode(next(n for n in names if n.startswith(b"ctl-")))
    latin = next(o for n, o in found.items() if n.startswith("caf"))
    _, (shown,) = cli.json("show", str(latin["id"]))
    assert shown["filename"] == "caf\ufffd-\ufffd\ufffd-latin1.txt"

    # Scripts and styles are not text; hidden elements are (issue 16: tabs and accordions hold a record's text).
    _, (scripts,) = cli.json("search", "SCRIPTWORD1")
    assert scripts["total"] == 0
    _, (hidden,) = cli.json("search", "HIDDENWORD")
    assert [h["filename"] for h in hidden["hits"]] == ["scripts.html"]
    _, (visible,) = cli.json("search", "kiem tra ho so tai lieu dot 201")
    assert [h["filename"] for h in visible["hits"]] == ["scripts.html"]


def test_a_hanging_parser_is_killed_at_the_time_limit_and_the_batch_goes_on(settings, tmp_path):
    inbox = tmp_path / "inbox"
    write(inbox / "0-slow.pdf", slow_pdf())  # first in line, and one worker: the others wait behind it
    for n in range(3):
        write(inbox / f"{n + 1}.txt", text(400 + n))
    started = time.monotonic()
    result = run_archive(
        settings.home, "ingest", "--json", str(inbox), env={"ARCHIVE_MAX_SECONDS": "3", "ARCHIVE_WORKERS": "1"}
    )
    seconds = time.monotonic() - started
    found, summary = outcomes(result.stdout)
    assert found["0-slow.pdf"]["status"] == "failed"
    assert found["0-slow.pdf"]["reason"].startswith("extraction took longer than 3 s (limit ARCHIVE_MAX_SECONDS)")
    assert [found[f"{n}.txt"]["status"] for n in (1, 2, 3)] == ["added"] * 3, "a new worker took over"
    assert result.returncode == 1 and summary["failed"] == 1
    assert seconds < 30, "pdfminer alone would take hours over this page"
    assert run_archive(settings.home, "verify").returncode == 0


def test_a_file_that_needs_too_much_memory_fails_and_the_batch_goes_on(settings, tmp_path):
    line = "Báo cáo công tác văn thư lưu trữ năm 2025 của Văn phòng Tỉnh ủy, số liệu tổng hợp.\n".encode()
    write(tmp_path / "inbox" / "a-dump.txt", line * (64 * 1024 * 1024 // len(line)))
    write(tmp_path / "inbox" / "b.txt", VI_TEXT)
    result = run_archive(
        settings.home, "ingest", "--json", str(tmp_path / "inbox"), env={"ARCHIVE_MAX_MEMORY_MB": "400"}
    )
    found, _ = outcomes(result.stdout)
    assert found["a-dump.txt"]["status"] == "failed"
    assert (
        found["a-dump.txt"]["reason"]
        == "reading the file needs more than the 400 MB a worker may use (ARCHIVE_MAX_MEMORY_MB)"
    )
    assert found["b.txt"]["status"] == "added"
    assert "Traceback" not in result.stderr


def test_limits_are_configurable(cli, tmp_path, monkeypatch):
    from bench.generators.hostile import many_pages_pdf

    write(tmp_path / "in" / "pages.pdf", many_pages_pdf(12))
    write(tmp_path / "in" / "big.txt", VI_TEXT * 40)  # ~10 KB
    monkeypatch.setenv("ARCHIVE_MAX_PAGES", "10")
    monkeypatch.setenv("ARCHIVE_MAX_FILE_MB", "0.005")
    _, lines = cli.json("ingest", str(tmp_path / "in"))
    reasons = {os.path.basename(line["path"]): line["reason"] for line in lines[:-1]}
    assert "12 pages, over the limit of 10 (ARCHIVE_MAX_PAGES)" in reasons["pages.pdf"]
    assert "over the limit of 0.005 MB (ARCHIVE_MAX_FILE_MB)" in reasons["big.txt"]
    monkeypatch.setenv("ARCHIVE_MAX_PAGES", "0")  # 0: no limit
    monkeypatch.setenv("ARCHIVE_MAX_FILE_MB", "0")
    _, lines = cli.json("ingest", str(tmp_path / "in"))
    assert [line["status"] for line in lines[:-1]] == ["added", "added"]


def test_the_unpacked_size_of_a_docx_is_limited(cli, tmp_path, monkeypatch):
    from bench.generators.docgen import SAMPLES, write_docx

    doc = next(doc for _, doc, fmt, _ in SAMPLES if fmt == "docx")
    (tmp_path / "in").mkdir()
    write_docx(doc, tmp_path / "in" / "a.docx")
    monkeypatch.setenv("ARCHIVE_MAX_UNZIPPED_MB", "0.01")
    _, (line, _) = cli.json("ingest", str(tmp_path / "in"))
    assert line["status"] == "failed" and "(ARCHIVE_MAX_UNZIPPED_MB)" in line["reason"]


def test_a_manifest_cannot_reach_outside_its_folder(cli, tmp_path):
    write(tmp_path / "secret.txt", VI_TEXT)
    write(tmp_path / "in" / "a.txt", EN_TEXT)
    manifest = write(tmp_path / "m.csv", "file,title\n../secret.txt,Stolen\na.txt,Fine\n")
    result = cli("ingest", str(tmp_path / "in"), "--manifest", str(manifest))
    assert result.exit_code == 1
    assert "../secret.txt: no such file in" in result.stderr and "nothing was ingested" in result.stderr
    _, (found,) = cli.json("search", "Standing Board")
    assert found["total"] == 0


@pytest.mark.skipif(
    detect.office_converter() is None, reason="needs LibreOffice (apt-get install libreoffice-writer-nogui)"
)
def test_a_conversion_killed_at_the_limit_leaves_nothing_running_and_its_files_only_in_the_home(settings, tmp_path):
    write(tmp_path / "in" / "old.rtf", b"{\\rtf1\\ansi B\\'e1o c\\'e1o c\\'f4ng t\\'e1c v\\'e3n th\\'fa n\\'e3m 1998.}")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {"ARCHIVE_MAX_SECONDS": "0.5", "TMPDIR": str(temp)}  # LibreOffice takes seconds to start
    found, _ = outcomes(run_archive(settings.home, "ingest", "--json", str(tmp_path / "in"), env=env).stdout)
    assert found["old.rtf"]["reason"].startswith("extraction took longer than 0.5 s (limit ARCHIVE_MAX_SECONDS)")
    assert not list(temp.iterdir()), "LibreOffice worked in the home folder, not in the system's temporary folder"
    assert list((settings.home / "store" / "tmp").iterdir()), "the killed conversion's folder is left for recovery"
    deadline = time.monotonic() + 10
    while running_in(settings.home) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running_in(settings.home), "LibreOffice (in a session of its own) was killed with its worker"
    assert run_archive(settings.home, "reindex", "--quiet").returncode == 0
    assert not list((settings.home / "store" / "tmp").iterdir()), "the next writer's recovery removed it"


def running_in(home: Path) -> list[int]:
    """Processes whose command line names `home` (LibreOffice's profile lives there)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(home).encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def test_the_archive_process_never_opens_a_zip_or_ole2_container(cli, settings, tmp_path, monkeypatch):
    """Their directories are read in the workers (fresh processes: this test's patches do not reach them)."""
    import zipfile

    from bench.generators.docgen import SAMPLES, write_docx
    from bench.generators.hostile import encrypted_docx, zip_bytes
    from bench.generators.legacygen import write_ole2
    from indexer.reading import cfb

    inbox = tmp_path / "in"
    write_docx(next(doc for _, doc, fmt, _ in SAMPLES if fmt == "docx"), write(inbox / "a.docx", b""))
    write(inbox / "b.xlsx", zip_bytes([("xl/workbook.xml", b"\x03\x00", 0, 0)]))
    write(inbox / "c.zip", zip_bytes([("notes.txt", b"\x03\x00", 0, 0)]))
    write(inbox / "d.docx", (inbox / "a.docx").read_bytes()[:900])
    write(inbox / "e.docx", encrypted_docx())
    write_ole2(inbox / "f.xls", "Workbook")

    def opened_here(*args, **kwargs):
        raise AssertionError("a container was opened in the archive's own process")

    monkeypatch.setattr(zipfile, "ZipFile", opened_here)
    monkeypatch.setattr(cfb, "root_entries", opened_here)
    result, lines = cli.json("ingest", str(inbox))
    found = {os.path.basename(line["path"]): line for line in lines[:-1]}
    assert {name: line["status"] for name, line in found.items()} == {
        "a.docx": "added",
        "b.xlsx": "unsupported",
        "c.zip": "unsupported",
        "d.docx": "failed",
        "e.docx": "failed",
        "f.xls": "unsupported",
    }
    assert "Excel workbook (.xlsx)" in found["b.xlsx"]["reason"] and "ZIP archive" in found["c.zip"]["reason"]
    assert "damaged ZIP container" in found["d.docx"]["reason"]
    assert "encrypted with a password" in found["e.docx"]["reason"] and "(.xls)" in found["f.xls"]["reason"]
    assert cli.json("show", str(found["a.docx"]["id"]))[1][0]["mime"] == detect.DOCX, "the type found in the worker"
    assert result.exit_code == 1
    monkeypatch.undo()
    stored = [p for p in (settings.home / "store").rglob("*") if p.is_file()]
    assert len(stored) == 1, "what was not archived left no bytes in the store"
    assert cli("verify").exit_code == 0


# Run the archive command, then say how much memory its own process (not its workers) ever held: VmHWM, since
# getrusage's maxrss also counts the parent's memory when the child was started by vfork.
PEAK = (
    "import atexit, sys\n"
    "hwm = lambda: next(line for line in open('/proc/self/status') if line.startswith('VmHWM:'))\n"
    "atexit.register(lambda: print('peak-rss-kb', hwm().split()[1], file=sys.stderr))\n"
    "from archive.cli import main\n"
    "main(prog_name='archive')\n"
)


def peak_rss_mb(home: Path, *args: str, env: dict) -> tuple[subprocess.CompletedProcess, float]:
    run = subprocess.run(
        [sys.executable, "-c", PEAK, *args],
        env={**os.environ, **env, "ARCHIVE_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    line = next(line for line in run.stderr.splitlines() if line.startswith("peak-rss-kb "))
    return run, int(line.split()[1]) / 1024


@pytest.mark.slow
def test_a_zip_directory_of_600_000_members_costs_a_worker_not_the_archive_process(settings, tmp_path):
    from bench.generators.hostile import crowded_docx

    env = {"ARCHIVE_MAX_MEMORY_MB": "200", "ARCHIVE_WORKERS": "1"}
    write(tmp_path / "first" / "a.txt", VI_TEXT)
    run, baseline = peak_rss_mb(settings.home, "ingest", str(tmp_path / "first"), env=env)
    assert run.returncode == 0, run.stderr
    write(tmp_path / "in" / "crowded.docx", crowded_docx(600_000))  # 28 MB; ~240 MB once its directory is read
    write(tmp_path / "in" / "b.txt", EN_TEXT)
    run, peak = peak_rss_mb(settings.home, "ingest", "--json", str(tmp_path / "in"), env=env)
    found, summary = outcomes(run.stdout)
    assert found["crowded.docx"]["status"] == "failed"
    assert found["crowded.docx"]["reason"] == (
        "reading the file needs more than the 200 MB a worker may use (ARCHIVE_MAX_MEMORY_MB)"
    )
    assert found["b.txt"]["status"] == "added" and summary["failed"] == 1
    assert peak - baseline < 60, f"the archive's own process grew from {baseline:.0f} MB to {peak:.0f} MB"
    assert run_archive(settings.home, "verify").returncode == 0


FAKE_SOFFICE = """#!/bin/sh
# Stands in for LibreOffice: notes what it was given, and "converts" it into $FAKE_SOFFICE_OUTPUT.
for arg; do last="$arg"; done
while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; shift; done
basename "$last" >> "$FAKE_SOFFICE_CALLS"
mkdir -p "$out" && cp "$FAKE_SOFFICE_OUTPUT" "$out/document.docx"
"""


def test_what_libreoffice_makes_is_held_to_the_unpacked_size_limit_and_an_odt_is_checked_before(settings, tmp_path):
    from bench.generators.hostile import MB, docx_bomb, odt_bomb

    bin_dir = tmp_path / "bin"
    write(bin_dir / "soffice", FAKE_SOFFICE).chmod(0o755)
    output = docx_bomb(tmp_path / "made.docx", 1536 * MB)  # what a small hostile .rtf could convert into
    calls = tmp_path / "calls.txt"
    write(tmp_path / "in" / "old.rtf", b"{\\rtf1\\ansi B\\'e1o c\\'e1o n\\'e3m 1998.}")
    odt_bomb(tmp_path / "in" / "bomb.odt", 1536 * MB)
    write(tmp_path / "in" / "ok.txt", VI_TEXT)
    env = {
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "FAKE_SOFFICE_OUTPUT": str(output),
        "FAKE_SOFFICE_CALLS": str(calls),
    }
    result = run_archive(settings.home, "ingest", "--json", str(tmp_path / "in"), env=env)
    found, summary = outcomes(result.stdout)
    assert found["old.rtf"]["status"] == "failed"
    assert found["old.rtf"]["reason"].startswith(
        "the DOCX converted from this RTF file would unpack to 1,537 MB, over the limit of 1,024 MB "
        "(ARCHIVE_MAX_UNZIPPED_MB)"
    )
    assert found["bomb.odt"]["status"] == "failed"
    assert found["bomb.odt"]["reason"].startswith(
        "the ODT file would unpack to 1,536 MB, over the limit of 1,024 MB (ARCHIVE_MAX_UNZIPPED_MB)"
    )
    assert calls.read_text().split() == ["document.rtf"], "the ODT never reached LibreOffice"
    assert found["ok.txt"]["status"] == "added" and summary["failed"] == 2
    assert run_archive(settings.home, "verify").returncode == 0
