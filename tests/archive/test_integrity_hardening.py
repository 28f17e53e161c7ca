"""Integrity at the edges: the manifest of an ingest is never archived (nor any CSV that looks like one), an
original handed out by download or `archive export` is checked against its SHA-256 as it is read, and a home
is written readable by the archive's own account only."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from archive.catalog import Catalog
from archive.store import Store
from archive.upkeep.fixity import CHUNK
from tests.conftest import EN_TEXT, VI_TEXT, run_archive, sole_id, write
from tests.web.conftest import archive_app, token_client


def test_the_manifest_inside_the_ingested_folder_is_not_archived(cli, settings, tmp_path):
    folder = tmp_path / "in"
    write(folder / "secret.txt", VI_TEXT)
    manifest = write(folder / "manifest.csv", "file,classification,title\nsecret.txt,secret,Kế hoạch tối mật\n")
    result, lines = cli.json("ingest", str(folder), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    assert [line["path"].rsplit("/", 1)[-1] for line in lines[:-1]] == ["secret.txt"], "the manifest is no record"
    with Catalog(settings.catalog_path) as catalog:
        assert [(r.filename, r.classification) for r in catalog.iter_records()] == [("secret.txt", "secret")]


@pytest.mark.parametrize(
    "header", ["file,classification", "path;compartments;title", "filename\tdoc_number", "\ufeffFile,Title"]
)
def test_a_csv_that_looks_like_a_manifest_is_refused_with_a_reason(cli, settings, tmp_path, header):
    folder = tmp_path / "in"
    write(folder / "a.txt", EN_TEXT)
    write(folder / "rows.csv", f"{header}\nother.txt,secret\n")
    write(folder / "figures.csv", "year,amount\n2024,12\n")  # a CSV that is a document stays one
    result, lines = cli.json("ingest", str(folder))
    assert result.exit_code == 1, "the batch goes on, and says one file was refused"
    outcomes = {line["path"].rsplit("/", 1)[-1]: line for line in lines[:-1]}
    assert outcomes["a.txt"]["status"] == "added" and outcomes["figures.csv"]["status"] == "added"
    assert outcomes["rows.csv"]["status"] == "unsupported"
    assert (
        "looks like an ingest manifest" in outcomes["rows.csv"]["reason"]
        and "--manifest" in outcomes["rows.csv"]["reason"]
    )


def damage(settings, record_id: int, *, at: int = -1) -> None:
    with Catalog(settings.catalog_path) as catalog:
        blob = Store(settings.store_dir).path(catalog.get(record_id).sha256)
    data = bytearray(blob.read_bytes())
    data[at] ^= 0xFF
    blob.chmod(0o600)
    blob.write_bytes(bytes(data))


def fixity_events(settings) -> list[dict]:
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT record_id, detail FROM events WHERE action = 'fixity' ORDER BY id")
        return [{"record_id": r[0], **json.loads(r[1])} for r in rows]


def test_export_of_a_damaged_original_stops_leaves_nothing_and_records_a_fixity_problem(cli, settings, inbox, tmp_path):
    assert cli("ingest", str(write(inbox / "a.txt", VI_TEXT))).exit_code == 0
    record_id = sole_id(settings)
    out = tmp_path / "copy.txt"
    assert cli("export", str(record_id), "-o", str(out)).exit_code == 0 and out.read_text() == VI_TEXT
    damage(settings, record_id)
    out.unlink()
    result = cli("export", str(record_id), "-o", str(out))
    assert result.exit_code == 1 and "damaged" in result.output and not out.exists()
    (event,) = fixity_events(settings)
    assert event["record_id"] == record_id and event["ok"] is False and event["via"] == "export"
    assert event["problems"][0]["kind"] == "corrupt_original"
    piped = run_archive(settings.home, "export", str(record_id), "-o", "-")
    assert piped.returncode == 1 and piped.stdout == "", "a one-chunk original: nothing written"


def test_a_long_damaged_original_is_cut_short_before_its_last_chunk(cli, settings, inbox, tmp_path):
    big = write(inbox / "big.txt", (VI_TEXT + "\n") * (3 * CHUNK // len(VI_TEXT.encode()) + 1))
    assert cli("ingest", str(big)).exit_code == 0
    record_id = sole_id(settings)
    damage(settings, record_id, at=10)  # the first chunk is wrong, but that is only known at the end
    command = [sys.executable, "-m", "archive", "--home", str(settings.home), "export", str(record_id), "-o", "-"]
    piped = subprocess.run(command, capture_output=True)
    assert piped.returncode == 1 and 0 < len(piped.stdout) < big.stat().st_size
    assert len(piped.stdout) % CHUNK == 0, "whole chunks, the last one held back"


def test_download_of_a_damaged_original_answers_an_error_and_records_it(cli, settings, inbox):
    from tests.web.conftest import add_user

    assert cli("ingest", str(write(inbox / "a.txt", VI_TEXT))).exit_code == 0
    client = token_client(archive_app(settings), add_user(cli, "r", "reader", "unclassified")["token"], lang="en")
    record_id = sole_id(settings)
    good = client.get(f"/records/{record_id}/download")
    assert good.status_code == 200 and good.data == VI_TEXT.encode()
    damage(settings, record_id)
    client.application.testing = False  # answered as a server would, not raised into the test
    bad = client.get(f"/records/{record_id}/download")
    assert bad.status_code == 500 and VI_TEXT.encode()[:40] not in bad.data
    assert "damaged" in bad.get_data(as_text=True)
    assert [e["via"] for e in fixity_events(settings)] == ["download"]


def test_a_home_is_private_to_the_archives_account(settings, inbox):
    """Started with the usual umask 022, the CLI writes everything 0700 / 0600 (ARCHIVE_UMASK changes it)."""
    env = {**os.environ, "ARCHIVE_HOME": str(settings.home)}
    start = "import os, runpy; os.umask(0o022); runpy.run_module('archive', run_name='__main__')"  # a usual umask
    command = [sys.executable, "-c", start, "ingest", str(write(inbox / "a.txt", VI_TEXT))]
    assert subprocess.run(command, env=env, capture_output=True, timeout=120).returncode == 0
    paths = [settings.home, *settings.home.rglob("*")]
    assert (
        settings.catalog_path in paths and settings.lock_path in paths and any(p.parent.name == "index" for p in paths)
    )
    loose = [(p, oct(stat.S_IMODE(p.stat().st_mode))) for p in paths if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert loose == []
    shared = settings.with_(home=settings.home.parent / "shared")
    command[-1] = str(write(inbox / "b.txt", EN_TEXT))
    env = {**env, "ARCHIVE_HOME": str(shared.home), "ARCHIVE_UMASK": "027"}
    assert subprocess.run(command, env=env, capture_output=True, timeout=120).returncode == 0
    assert stat.S_IMODE(shared.catalog_path.stat().st_mode) == 0o640
    bad = subprocess.run(command, env={**env, "ARCHIVE_UMASK": "999"}, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "ARCHIVE_UMASK" in bad.stderr


def test_a_json_body_nested_too_deeply_is_a_400_in_the_api_shape(settings, cli):
    from tests.web.conftest import add_user

    client = token_client(archive_app(settings), add_user(cli, "a", "admin", "top_secret")["token"])
    client.application.testing = False
    for path, method in (("/api/records/1", "patch"), ("/api/users", "post"), ("/api/records/1/hold", "delete")):
        reply = getattr(client, method)(path, data="[" * 100_000 + "]" * 100_000, content_type="application/json")
        assert reply.status_code in (400, 404) and set(reply.get_json()["error"]) == {"status", "message", "text"}
