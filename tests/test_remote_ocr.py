"""OCR on other machines: a real redis-server as the broker, `archive worker` processes in a mount namespace
of their own where the home's folder is an empty, closed tmpfs (they cannot see the home, let alone read
it), real Tesseract. One worker is SIGKILLed while it holds a page; every page still arrives once and every
record is written once."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from archive.catalog import Catalog
from bench.generators.scangen import (
    long_doc,
    page_images,
    recall,
    sample,
    scanned,
    source_text,
    write_image_pdf,
    write_tiff,
)
from indexer.reading.ocr.tesseract import Engine
from tests.conftest import ROOT, SAMPLES, run_archive

MISSING = Engine().missing()
needs_tesseract = pytest.mark.skipif(MISSING is not None, reason=f"{MISSING}; CI installs it (.ci/run)")
needs_redis = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server is not installed (Debian: apt-get install redis-server)"
)
needs_root = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("unshare") is None,
    reason="hiding the home from the workers in a mount namespace needs root and unshare (CI runs as root)",
)
WAIT = 180  # seconds any one awaited event may take on a loaded machine before the test fails
VISIBILITY = 20  # seconds before the page a killed worker held goes to the other worker
LOGS: list[Path] = []  # the workers' output, shown when one of them stops early


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def broker(tmp_path):
    """A redis-server of this test's own, on a free loopback port, with a password; stopped afterwards."""
    password = secrets.token_hex(16)
    folder = tmp_path / "redis"
    folder.mkdir()
    for _ in range(5):  # another process may take the free port between the look and the start
        port = _free_port()
        server = subprocess.Popen(
            [
                *("redis-server", "--port", str(port), "--bind", "127.0.0.1", "--requirepass", password),
                *("--save", "", "--appendonly", "no", "--dir", str(folder)),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in server.stdout:
            if "Ready to accept connections" in line:
                break
        if server.poll() is None:
            break
    else:
        pytest.fail("redis-server did not start")
    yield f"redis://:{password}@127.0.0.1:{port}/0"
    server.terminate()
    server.wait(30)
    server.stdout.close()


def _redis(url: str):
    import redis

    return redis.Redis.from_url(url)


@pytest.fixture
def shared():
    """A folder the workers' user may use: a Tesseract that stops at a page, and where it says so."""
    folder = Path(tempfile.mkdtemp(prefix="archive-workers-"))
    folder.chmod(0o755)
    marks = folder / "marks"
    marks.mkdir()
    marks.chmod(0o777)
    stuck = folder / "tesseract"
    # Reads nothing: says it has started a page, then waits there until its worker is killed. Everything else
    # (version, languages) is the real Tesseract's answer.
    stuck.write_text(
        "#!/bin/sh\n"
        'case "$1" in -*) exec ' + shutil.which("tesseract") + ' "$@";; esac\n'
        'touch "' + str(marks) + '/started.$$"; exec sleep 3600\n'
    )
    stuck.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def hiding(folder: Path) -> list[str]:
    """A command prefix: a mount namespace of its own in which `folder` is an empty tmpfs nobody may enter."""
    mount = 'mount -t tmpfs -o size=1m,mode=000 archive-hidden "$0" && exec "$@"'
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c", mount, str(folder)]


def worker_env(url: str, **extra: str) -> dict:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        "HOME": "/nonexistent",
        "TMPDIR": "/tmp",
        "ARCHIVE_BROKER": url,
        "ARCHIVE_BROKER_VISIBILITY": str(VISIBILITY),
        "PYTHONUNBUFFERED": "1",
    }
    return {**env, **extra}


def start_worker(url: str, name: str, log: Path, hidden: Path, **extra: str) -> subprocess.Popen:
    """`archive worker` where `hidden` cannot be seen, in a session of its own (killed with its processes)."""
    command = [*hiding(hidden), sys.executable, "-m", "archive", "worker", "--concurrency", "1", "--name", name]
    LOGS.append(log)
    with log.open("wb") as out:
        return subprocess.Popen(command, env=worker_env(url, **extra), stdout=out, stderr=out, start_new_session=True)


def wait_for(what: str, condition, *processes: subprocess.Popen, seconds: float = WAIT):
    """Wait until `condition()` is true; fail at once if one of `processes` ended meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        for process in processes:
            if process.poll() is not None:
                logs = "".join(f"\n--- {log.name}\n{log.read_text()[-3000:]}" for log in LOGS if log.exists())
                pytest.fail(f"{what}: process {process.args[-5:]} ended with {process.returncode}{logs}")
        time.sleep(0.2)
    pytest.fail(f"{what}: not within {seconds} s")


def answering(url: str, names: list[str]) -> bool:
    from archive.pipeline.remote.app import celery_app

    app = celery_app(url, VISIBILITY)
    try:
        replies = app.control.ping(destination=names, timeout=1.0)
    finally:
        app.close()
    return {name for reply in replies for name in reply} == set(names)


def ran(url: str, name: str) -> dict[str, int]:
    """Tasks the worker `name` has run, by task name."""
    from archive.pipeline.remote.app import celery_app

    app = celery_app(url, VISIBILITY)
    try:
        stats = app.control.inspect(destination=[name], timeout=5.0).stats() or {}
    finally:
        app.close()
    return stats.get(name, {}).get("total", {})


def make_scans(folder: Path, work: Path) -> dict[str, str]:
    """Three scans of four pages in all: a two-page image-only PDF, a PNG and a one-frame TIFF; their texts."""
    two = long_doc(sample("pdf", "vi"))
    one = sample("docx", "vi")
    two_pages = page_images(two, work)
    write_image_pdf([scanned(image, n) for n, image in enumerate(two_pages)], folder / "conclusion.pdf")
    page = page_images(one, work)[0]
    scanned(page, 7).save(folder / "report.png", dpi=(300, 300))
    english = sample("pdf", "en")
    write_tiff([scanned(page_images(english, work)[0], 3)], folder / "letter.tiff")
    return {"conclusion.pdf": source_text(two), "report.png": source_text(one), "letter.tiff": source_text(english)}


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait(30)


@pytest.mark.slow
@needs_tesseract
@needs_redis
@needs_root
def test_pages_go_to_workers_who_cannot_read_the_home_and_survive_a_killed_worker(tmp_path, broker, shared):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    scans = tmp_path / "scans"
    scans.mkdir()
    texts = make_scans(scans, tmp_path)
    born_digital = "nghi-quyet-57-NQ-TW.docx"  # read by a worker too, from its bytes
    shutil.copy(SAMPLES / born_digital, scans / born_digital)
    (home / "catalog.sqlite3").write_bytes(b"SQLite")  # a file the workers must not open (ingest fills it)
    look = f"import os; print(os.listdir({str(tmp_path)!r})); open({str(home / 'catalog.sqlite3')!r}, 'rb')"
    denied = subprocess.run([*hiding(tmp_path), sys.executable, "-c", look], capture_output=True, text=True)
    # Where the workers run, the home's folder is empty: the catalog that is there is not found.
    assert denied.stdout.strip() == "[]" and "FileNotFoundError" in denied.stderr, denied.stderr
    (home / "catalog.sqlite3").unlink()

    tesseract = str(shared / "tesseract")
    stuck = start_worker(broker, "stuck@test", shared / "stuck.log", tmp_path, ARCHIVE_TESSERACT=tesseract)
    reader = start_worker(broker, "reader@test", shared / "reader.log", tmp_path)
    home_env = {"ARCHIVE_BROKER_VISIBILITY": str(VISIBILITY), "ARCHIVE_OCR_RENDITION": "0", "PYTHONUNBUFFERED": "1"}
    ingest = None
    try:
        wait_for("both workers answer", lambda: answering(broker, ["stuck@test", "reader@test"]), stuck, reader)
        env = {**os.environ, **home_env, "ARCHIVE_HOME": str(home), "PYTHONPATH": str(ROOT)}
        ingest = subprocess.Popen(
            [sys.executable, "-m", "archive", "ingest", "--json", "--broker", broker, str(scans)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # The stuck worker says it has a page; it is killed there, with its pool and its "Tesseract".
        wait_for("the stuck worker takes a page", lambda: list((shared / "marks").iterdir()), stuck, ingest)
        os.killpg(stuck.pid, signal.SIGKILL)
        assert stuck.wait(30) == -signal.SIGKILL
        out, err = ingest.communicate(timeout=WAIT + 3 * VISIBILITY)
        done = ran(broker, "reader@test")
    finally:
        for process in (stuck, reader, *([ingest] if ingest else [])):
            stop(process)

    assert ingest.returncode == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    outcomes = {Path(line["path"]).name: line for line in lines if "path" in line}
    assert {name: o["status"] for name, o in outcomes.items()} == dict.fromkeys([*texts, born_digital], "added")
    assert lines[-1]["summary"]["added"] == 4
    assert done.get("archive.extract") and done.get("archive.ocr_page")  # files and pages alike went to workers

    with Catalog(home / "catalog.sqlite3") as catalog:
        records = {record.filename: record for record in catalog.iter_records()}
        assert sorted(records) == sorted([*texts, born_digital])  # one record per file
        docx = records.pop(born_digital)
        assert catalog.ocr_of(docx.id) is None and docx.doc_number  # its text and metadata, read remotely
        ocr = {name: catalog.ocr_of(record.id) for name, record in records.items()}
        read = {name: catalog.text(record.id) for name, record in records.items()}
        written = catalog.db.execute("SELECT record_id, COUNT(*) FROM events WHERE action = 'ingest' GROUP BY 1")
        expected = sorted([(docx.id, 1), *((r.id, 1) for r in records.values())])
        assert sorted(map(tuple, written)) == expected  # each record written once
    # Every page once, the one the killed worker held among them, read and not flagged.
    assert {name: [p.page for p in result.pages] for name, result in ocr.items()} == {
        "conclusion.pdf": [1, 2],
        "report.png": [1],
        "letter.tiff": [1],
    }
    for name, result in ocr.items():
        assert (result.status, result.engine, result.needs_review) == ("done", "tesseract", False), name
        assert result.version and result.version[0].isdigit()  # as the workers reported it
        assert all(p.text.strip() and p.error is None and p.confidence > 50 for p in result.pages)
        assert recall(texts[name], read[name]) > 0.85, name

    # The answers were deleted once read, and no page waits in the queue.
    client = _redis(broker)
    assert not client.keys("celery-task-meta-*")
    assert client.llen("archive") == 0
    assert "started" in " ".join(p.name for p in (shared / "marks").iterdir())


@pytest.mark.slow
@needs_redis
def test_a_page_no_worker_answers_is_reported_unread_after_the_broker_timeout(tmp_path, broker, inbox):
    scan = inbox / "alone.png"
    scanned(page_images(sample("docx", "vi"), tmp_path)[0], 2).save(scan, dpi=(300, 300))
    env = {"ARCHIVE_BROKER": broker, "ARCHIVE_BROKER_TIMEOUT": "2", "ARCHIVE_OCR_RENDITION": "0"}
    result = run_archive(tmp_path / "home", "ingest", "--json", str(inbox), env=env)
    assert result.returncode == 1
    outcome = json.loads(result.stdout.splitlines()[0])
    assert outcome["status"] == "failed"
    assert "no OCR worker answered within 2 s" in outcome["reason"]
    assert "no OCR worker answers on the broker" in result.stderr  # said at the start, not after the wait
    client = _redis(broker)
    assert not client.keys("celery-task-meta-*")


@pytest.mark.slow
@needs_redis
def test_a_broker_that_refuses_the_password_stops_the_batch_before_anything_is_written(tmp_path, broker, inbox):
    scan = inbox / "alone.png"
    scanned(page_images(sample("docx", "vi"), tmp_path)[0], 2).save(scan, dpi=(300, 300))
    wrong = broker.replace("redis://:", "redis://:not-", 1)
    result = run_archive(tmp_path / "home", "ingest", str(inbox), env={"ARCHIVE_BROKER": wrong})
    assert result.returncode == 1
    assert "archive: error: cannot use the broker redis://:**@127.0.0.1:" in result.stderr
    assert wrong.split("@")[0].split(":")[-1] not in result.stderr + result.stdout  # the password is not shown
    with Catalog(tmp_path / "home" / "catalog.sqlite3") as catalog:
        assert catalog.count() == 0 and not catalog.db.execute("SELECT * FROM batches").fetchall()


def test_without_a_broker_celery_is_never_imported():
    # (redis-py itself is imported by portalocker, under the shared log file's lock, whenever it is installed.)
    code = (
        "import sys, archive.pipeline.ingest, archive.pipeline.ocr, archive.cli, web\n"
        "found = [m for m in sys.modules if m.split('.')[0] in ('celery', 'kombu', 'billiard')]\n"
        "assert not found, found\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_a_worker_without_tesseract_refuses_to_start(tmp_path):
    env = {"ARCHIVE_TESSERACT": str(tmp_path / "no-tesseract"), "ARCHIVE_BROKER": "redis://127.0.0.1:1/0"}
    result = run_archive(tmp_path / "home", "worker", env=env, timeout=60)
    assert result.returncode == 1
    assert "Tesseract OCR is not installed" in result.stderr
    assert not (tmp_path / "home").exists()  # a worker never makes or touches a home


def test_a_worker_checks_each_message_before_reading_it():
    from archive.pipeline.remote.tasks import ocr_page

    assert ocr_page(b"", 1, "vie", 300)["error"] == "the message holds no page image, or one too large"
    assert ocr_page(b"P5", 0, "vie", 300)["error"] == "the message has no valid page number"
    assert ocr_page(b"P5", 1, "--list-langs", 300)["error"] == "the message names no valid OCR languages"
    assert ocr_page(b"P5", 1, "vie+eng", 10**6)["error"] == "the message has no valid resolution"


def test_the_home_takes_only_a_well_formed_answer_about_the_page_it_sent():
    from archive.pipeline.remote.client import Remote

    take = Remote.page_outcome.__get__(type("R", (), {"versions": set()})())
    good = {"page": 2, "text": "Kết luận", "confidence": 91.5, "words": 2, "version": "5.3.0"}
    ok, page = take({"status": "SUCCESS", "result": good}, 2)
    assert ok and (page.page, page.text, page.confidence, page.words) == (2, "Kết luận", 91.5, 2)
    assert take({"status": "SUCCESS", "result": good}, 3) == (False, "the OCR worker's answer was not about this page")
    assert take({"status": "SUCCESS", "result": {**good, "words": "2"}}, 2) == (
        False,
        "the OCR worker's answer was malformed",
    )
    failed = {"status": "FAILURE", "result": {"exc_type": "TimeLimitExceeded", "exc_message": "360"}}
    assert take(failed, 2) == (False, "the OCR worker failed on the page (TimeLimitExceeded: 360)")
    assert take({"status": "SUCCESS", "result": {"page": 2, "error": "Tesseract failed"}}, 2) == (
        False,
        "Tesseract failed",
    )


def test_a_file_read_by_a_worker_comes_back_as_the_archive_reads_it(tmp_path):
    """Every sample through the worker's task and JSON on the wire: the same text, metadata and citations as the
    local pool reads; a damaged file's reason is still a translatable Message; limits are the archive's."""
    from kombu.utils.json import dumps, loads

    from archive.config import Settings
    from archive.pipeline.remote.client import Remote
    from archive.pipeline.remote.tasks import extract
    from archive.pipeline.scanning import extract_in_worker
    from indexer.reading.detect import sniff

    settings = Settings(home=tmp_path / "home")
    take = Remote.extraction_outcome.__get__(object())
    limits = settings.limits
    wire = [limits.max_pages, limits.max_unzipped_bytes, limits.max_zip_ratio]
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip at all")
    files = [*sorted(SAMPLES.iterdir()), broken]
    seen = []
    for path in files:
        mime = sniff(path, open_containers=False).mime
        here = extract_in_worker(str(path), mime, settings.languages, limits)
        answer = loads(dumps(extract(path.read_bytes(), mime, list(settings.languages), wire)))
        there = take({"status": "SUCCESS", "result": answer})
        assert there == here, path.name
        seen.append(here)
        if not here[0]:
            assert there[1].template == here[1].template  # the web shows it in the reader's language
    # The comparison covered what matters: DOCX, PDF, HTML and text, metadata with citations, and a failure.
    kinds = {value.extractor.split(":")[0] for ok, value in seen if ok}
    assert {"python-docx", "pdfminer", "html", "text"} <= kinds, kinds
    assert any(ok and value.metadata and value.metadata.citations for ok, value in seen)
    assert not seen[-1][0]
    assert extract(b"x", "application/x-sh", ["vi"], wire) == {
        "ok": False,
        "reason": "the message names no known file type",
    }


def test_the_home_refuses_a_malformed_answer_about_a_file():
    from archive.pipeline.remote.client import Remote

    take = Remote.extraction_outcome.__get__(object())
    plan = {"ok": True, "kind": "plan", "pages": 2, "to_ocr": [0, 5], "texts": ["", ""], "title": None}
    assert take({"status": "SUCCESS", "result": plan}) == (
        False,
        "the worker's answer about the file was malformed (ValueError)",
    )
    text = {"ok": True, "kind": "text", "text": 7, "extractor": "docx"}
    assert take({"status": "SUCCESS", "result": text})[0] is False
    lost = {"status": "FAILURE", "result": {"exc_type": "WorkerLostError", "exc_message": "signal 9"}}
    assert take(lost)[1].startswith("the text extractor crashed on this file")
