"""The audit trail's tail is anchored outside the catalog: entries cut from the end are found even after
later actions append new entries to what is left (`audit.head` beside the catalog)."""

import json
import shutil
import sqlite3

from archive.config import Settings
from tests.conftest import VI_TEXT, Cli, sole_id, write


def cut_last(settings: Settings, n: int, *, reset_counter: bool) -> list[int]:
    """What someone with the catalog file and the sqlite3 shell could do: delete the newest `n` entries
    (and, to leave no trace in SQLite's own counter, set it back). Returns the ids deleted."""
    db = sqlite3.connect(settings.catalog_path)
    db.execute("DROP TRIGGER IF EXISTS events_no_delete")
    ids = [r[0] for r in db.execute("SELECT id FROM events ORDER BY id DESC LIMIT ?", (n,))]
    db.execute(f"DELETE FROM events WHERE id IN ({','.join('?' * len(ids))})", ids)
    if reset_counter:
        db.execute("UPDATE sqlite_sequence SET seq = (SELECT max(id) FROM events) WHERE name = 'events'")
    db.commit()
    db.close()
    return sorted(ids)


def logged_copy(cli: Cli, settings: Settings, inbox, tmp_path) -> tuple[Cli, Settings]:
    """A home with a few entries, copied (the tampering happens on the copy, as the issue says)."""
    assert cli("ingest", str(write(inbox / "a.txt", VI_TEXT))).exit_code == 0
    for _ in range(3):
        assert cli("show", str(sole_id(settings))).exit_code == 0
    assert cli("search", "chuyen doi so").exit_code == 0
    copy = settings.with_(home=tmp_path / "copy")
    shutil.copytree(settings.home, copy.home)
    return Cli(copy), copy


def verify(cli: Cli) -> tuple[int, dict, str]:
    result = cli("audit", "verify", "--json")
    return result.exit_code, json.loads(result.stdout), result.output


def test_the_head_is_kept_beside_the_catalog_after_each_action(cli, settings, inbox):
    assert cli("ingest", str(write(inbox / "a.txt", VI_TEXT))).exit_code == 0
    assert cli("show", str(sole_id(settings))).exit_code == 0
    code, report, _ = verify(cli)
    assert code == 0 and report["entries"] == 2
    db = sqlite3.connect(settings.catalog_path)
    newest = db.execute("SELECT id || ':' || hash FROM events ORDER BY id DESC LIMIT 1").fetchone()[0]
    db.close()
    assert (settings.home / "audit.head").read_text().strip() == newest == "3:" + newest[2:]  # verify's own entry
    assert (settings.home / "audit.head").stat().st_mode & 0o077 == 0, "readable by the archive's account only"


def test_three_entries_cut_then_a_normal_action_is_found_and_located(cli, settings, inbox, tmp_path):
    copy_cli, copy = logged_copy(cli, settings, inbox, tmp_path)
    deleted = cut_last(copy, 3, reset_counter=False)
    assert copy_cli("show", str(sole_id(copy))).exit_code == 0  # a normal action chains a new entry onto what is left
    code, report, _ = verify(copy_cli)
    assert code == 1
    (problem,) = report["problems"]
    assert problem["kind"] == "anchor" and problem["entry"] == deleted[-1]
    assert f"after entry {deleted[0] - 1} were cut" in problem["detail"]
    text = copy_cli("audit", "verify")
    assert text.exit_code == 1 and f"anchor: entry {deleted[-1]}:" in text.output


def test_cut_entries_are_found_when_sqlite_counter_is_set_back_too(cli, settings, inbox, tmp_path):
    copy_cli, copy = logged_copy(cli, settings, inbox, tmp_path)
    deleted = cut_last(copy, 3, reset_counter=True)
    assert copy_cli("show", str(sole_id(copy))).exit_code == 0  # takes the first deleted entry's id again
    code, report, _ = verify(copy_cli)
    assert code == 1 and [(p["kind"], p["entry"]) for p in report["problems"]] == [("truncated", deleted[0])]
    assert f"entries {deleted[1]}–{deleted[-1]} were cut" in report["problems"][0]["detail"]
    assert copy_cli("show", str(sole_id(copy))).exit_code == 0
    assert verify(copy_cli)[0] == 1, "later actions keep the evidence"


def test_an_untouched_trail_stays_valid_across_many_processes_appending(cli, settings, inbox):
    assert cli("ingest", str(write(inbox / "a.txt", VI_TEXT))).exit_code == 0
    for _ in range(5):
        assert cli("show", str(sole_id(settings))).exit_code == 0
        assert verify(cli)[0] == 0
