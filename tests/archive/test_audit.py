"""The audit trail: every action is an entry, the chain catches edited, deleted, reordered and cut entries."""

import csv
import io
import json
import sqlite3

import pytest

from archive.audit import audit
from archive.catalog import Catalog
from tests.conftest import VI_TEXT, sole_id, write


def tamper(settings, *statements: str) -> None:
    """What someone with the catalog file and the sqlite3 shell could do: drop the guards, then edit."""
    db = sqlite3.connect(settings.catalog_path)
    db.execute("DROP TRIGGER IF EXISTS events_no_update")
    db.execute("DROP TRIGGER IF EXISTS events_no_delete")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def verify(cli) -> tuple[int, dict]:
    result = cli("audit", "verify", "--json")
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def logged(cli, inbox, settings):
    """An archive whose trail holds ingest, view, search, export, edit and fixity entries."""
    record = write(inbox / "a.txt", VI_TEXT)
    assert cli("ingest", str(record)).exit_code == 0
    record_id = str(sole_id(settings))
    assert cli("show", record_id).exit_code == 0
    assert cli("search", "chuyen doi so").exit_code == 0
    assert cli("export", record_id, "-o", str(inbox / "copy.txt")).exit_code == 0
    assert cli("edit", record_id, "--set", "notes=bản chính").exit_code == 0
    assert cli("edit", record_id, "--set", "classification=mật").exit_code == 0
    assert cli("verify", "--sample", "1").exit_code == 0
    return settings


def actions(settings) -> list[tuple]:
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT action, record_id, actor, origin, detail FROM events ORDER BY id")
        return [(r["action"], r["record_id"], r["actor"], r["origin"], json.loads(r["detail"] or "null")) for r in rows]


def test_every_action_is_an_entry_with_who_when_what_and_where(logged):
    entries = actions(logged)
    kinds = [(a, r) for a, r, *_ in entries]
    one = sole_id(logged)
    assert kinds == [
        ("ingest", one),
        ("view", one),
        ("search", None),
        ("export", one),
        ("metadata.edited", one),
        ("metadata.edited", one),
        ("classification.changed", one),
        ("fixity", None),
    ]
    assert all(actor and origin == "cli" for _, _, actor, origin, _ in entries)
    search = entries[2][4]
    assert search["query"] == "chuyen doi so" and search["results"] == 1
    change = entries[6][4]
    assert change["classification"] == {"old": "unclassified", "new": "confidential"} and not change["declassified"]
    fixity = entries[7][4]
    assert fixity["ok"] and fixity["sample"] == 1 and fixity["originals_checked"] == 1


def test_an_untouched_chain_verifies_and_prints_its_head(logged, cli):
    code, report = verify(cli)
    assert code == 0 and report["ok"] and report["entries"] == 8 and report["problems"] == []
    entry, _, digest = report["head"].partition(":")
    assert entry == "8" and len(digest) == 64
    assert cli("audit", "verify", "--anchor", report["head"]).exit_code == 0, "the head is its own anchor"


def test_the_catalog_refuses_updates_and_deletes_of_entries(logged):
    with Catalog(logged.catalog_path) as catalog:
        for statement in ("UPDATE events SET actor = 'x' WHERE id = 2", "DELETE FROM events WHERE id = 2"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                catalog.db.execute(statement)


def test_an_edited_entry_is_found(logged, cli):
    tamper(logged, "UPDATE events SET detail = replace(detail, 'chuyen doi so', 'something else') WHERE id = 3")
    code, report = verify(cli)
    assert code == 1 and [(p["kind"], p["entry"]) for p in report["problems"]] == [("edited", 3)]


def test_an_edited_actor_is_found(logged, cli):
    tamper(logged, "UPDATE events SET actor = 'someone-else' WHERE id = 2")
    assert [(p["kind"], p["entry"]) for p in verify(cli)[1]["problems"]] == [("edited", 2)]


def test_a_deleted_entry_is_found(logged, cli):
    tamper(logged, "DELETE FROM events WHERE id = 4")
    code, report = verify(cli)
    assert code == 1 and [(p["kind"], p["entry"]) for p in report["problems"]] == [("deleted", 5)]


def test_an_entry_edited_and_re_hashed_still_breaks_the_chain(logged, cli):
    with Catalog(logged.catalog_path) as catalog:
        row = catalog.db.execute("SELECT * FROM events WHERE id = 3").fetchone()
    forged_detail = row["detail"].replace("chuyen doi so", "nothing")
    forged = audit.entry_hash(
        row["prev_hash"], row["at"], row["actor"], row["origin"], row["action"], None, forged_detail
    )
    tamper(logged, f"UPDATE events SET detail = '{forged_detail}', hash = '{forged}' WHERE id = 3")
    assert [(p["kind"], p["entry"]) for p in verify(cli)[1]["problems"]] == [("deleted", 4)]


def test_reordered_entries_are_found(logged, cli):
    columns = "at, actor, origin, action, record_id, detail, prev_hash, hash"
    tamper(
        logged,
        f"CREATE TEMP TABLE swap AS SELECT id, {columns} FROM events WHERE id IN (3, 4)",
        *(
            f"UPDATE events SET ({columns}) = (SELECT {columns} FROM swap WHERE id = {other}) WHERE id = {target}"
            for target, other in ((3, 4), (4, 3))
        ),
    )
    code, report = verify(cli)
    assert code == 1 and {p["kind"] for p in report["problems"]} == {"reordered"}
    assert {p["entry"] for p in report["problems"]} >= {3, 4}


def test_entries_cut_from_the_end_are_found(logged, cli):
    tamper(logged, "DELETE FROM events WHERE id >= 7")
    code, report = verify(cli)
    assert code == 1 and [(p["kind"], p["entry"]) for p in report["problems"]] == [("truncated", 6)]


def test_a_rewritten_log_is_caught_by_an_anchor_kept_elsewhere(logged, cli):
    anchor = verify(cli)[1]["head"]  # e.g. printed by the nightly job into its mail
    with Catalog(logged.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT * FROM events WHERE id <= 5 ORDER BY id").fetchall()
    tamper(logged, "DELETE FROM events", "DELETE FROM sqlite_sequence WHERE name = 'events'")
    (logged.home / "audit.head").unlink()  # the head kept beside the catalog goes too: only one kept elsewhere is left
    with Catalog(logged.catalog_path) as catalog:  # a forger rebuilds a consistent chain from the start
        for row in rows:
            catalog.log_event(row["action"], row["record_id"], actor=row["actor"], **json.loads(row["detail"] or "{}"))
    assert cli("audit", "verify").exit_code == 0, "without an anchor, a complete rewrite is consistent"
    result = cli("audit", "verify", "--anchor", anchor, "--json")
    assert result.exit_code == 1 and json.loads(result.stdout)["problems"][0]["kind"] == "anchor"
    assert cli("audit", "verify", "--anchor", "nonsense").exit_code == 2


def test_entries_logged_before_the_chain_are_sealed_on_migration(settings):
    from archive.catalog import migrations

    settings.home.mkdir(parents=True)
    db = sqlite3.connect(settings.catalog_path)  # a catalog as the previous release left it: schema 3
    for version, sql in migrations()[:3]:
        db.executescript(f"BEGIN;{sql}; PRAGMA user_version = {version}; COMMIT;")
    db.execute("INSERT INTO events (at, actor, action) VALUES ('2025-01-01T00:00:00Z', 'old', 'ingest')")
    db.execute("INSERT INTO events (at, actor, action, detail) VALUES ('2025-01-02T00:00:00Z', 'old', 'view', '{}')")
    db.commit()
    db.close()
    with Catalog(settings.catalog_path) as catalog:
        report = audit.verify_chain(catalog.db)
        assert report.ok and report.entries == 2
        catalog.log_event("view", 1)
        assert audit.verify_chain(catalog.db).ok
        assert catalog.db.execute("SELECT origin FROM events WHERE id = 1").fetchone()[0] == "cli"


def test_concurrent_appends_from_two_connections_keep_one_chain(settings):
    import threading

    Catalog(settings.catalog_path).close()

    def append(n: int) -> None:
        with Catalog(settings.catalog_path, migrate=False) as catalog:
            for i in range(40):
                catalog.log_event("view", i, actor=f"t{n}")

    threads = [threading.Thread(target=append, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Catalog(settings.catalog_path) as catalog:
        report = audit.verify_chain(catalog.db)
    assert report.ok and report.entries == 120


def test_export_writes_the_period_as_csv(logged, cli, tmp_path):
    out = tmp_path / "audit.csv"
    assert cli("audit", "export", "--from", "2000-01-01", "--to", "2999-12-31", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["action"] for r in rows][:3] == ["ingest", "view", "search"] and len(rows) == 8
    assert rows[0]["prev_hash"] == audit.GENESIS and rows[1]["prev_hash"] == rows[0]["hash"]
    empty = cli("audit", "export", "--from", "2000-01-01", "--to", "2000-12-31")
    assert empty.stdout.splitlines() == [",".join(("id", "at", "actor", "origin", "action", "record_id", "detail",
                                                     "prev_hash", "hash"))]  # fmt: skip
    assert [a for a, *_ in actions(logged)][-2:] == ["audit.export", "audit.export"]
    assert cli("audit", "export", "--from", "2025-13-01").exit_code == 2


def test_audit_list_filters(logged, cli):
    result = cli("audit", "list", "--action", "metadata", "--json")
    found = json.loads(result.stdout)["entries"]
    assert [e["action"] for e in found] == ["metadata.edited", "metadata.edited"]
    listed = cli("audit", "list", "--record", str(sole_id(logged)), "--limit", "2", "--json")
    assert json.loads(listed.stdout)["entries"][0]["id"] == 7


def test_backups_and_restores_are_entries(logged, cli, tmp_path):
    from archive.config import Settings
    from tests.conftest import Cli

    assert cli("backup", str(tmp_path / "copy")).exit_code == 0
    assert actions(logged)[-1][0] == "backup" and actions(logged)[-1][4]["records"] == 1
    restored = Settings(home=tmp_path / "restored")
    assert Cli(restored)("restore", str(tmp_path / "copy")).exit_code == 0
    assert [a for a, *_ in actions(restored)][-2:] == ["fixity", "restore"]
    with Catalog(restored.catalog_path) as catalog:
        report = audit.verify_chain(catalog.db)
    assert report.ok and report.entries == 9
