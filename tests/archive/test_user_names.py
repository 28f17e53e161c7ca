"""Users carry a full name and a unit (migration 0010): set on the command line and kept in the catalog,
listed in `--json`, one line of at most 200 characters, audited when changed; a user given neither has
none."""

from __future__ import annotations

import json
import sqlite3

from archive.catalog import Catalog


def test_a_user_gets_a_full_name_and_unit_and_can_change_them(cli, settings):
    added = cli("users", "add", "lan", "--role", "reader", "--clearance", "confidential",
                "--display-name", "  Nguyễn  Thị Lan ", "--unit", "Văn phòng Tỉnh ủy", "--json")  # fmt: skip
    assert added.exit_code == 0, added.output
    user = json.loads(added.stdout)["user"]
    assert (user["display_name"], user["unit"]) == ("Nguyễn Thị Lan", "Văn phòng Tỉnh ủy")
    changed = cli("users", "set", "lan", "--unit", "Ban Tổ chức", "--json")
    assert json.loads(changed.stdout)["changed"] == {"unit": {"old": "Văn phòng Tỉnh ủy", "new": "Ban Tổ chức"}}
    listed = json.loads(cli("users", "list", "--json").stdout)["users"]
    assert [(u["display_name"], u["unit"]) for u in listed] == [("Nguyễn Thị Lan", "Ban Tổ chức")]
    assert cli("users", "set", "lan", "--unit", "x" * 201).exit_code != 0, "a unit is one line of at most 200"
    with Catalog(settings.catalog_path) as catalog:
        events = catalog.db.execute("SELECT detail FROM events WHERE action = 'user.set'").fetchall()
    assert len(events) == 1 and "Ban Tổ chức" in events[0][0], "the change is audited"


def test_the_catalog_has_the_columns_and_a_user_without_them_has_none(cli, settings):
    assert cli("users", "add", "an", "--role", "reader", "--clearance", "unclassified").exit_code == 0
    with sqlite3.connect(settings.catalog_path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(users)")}
        version = db.execute("PRAGMA user_version").fetchone()[0]
    assert {"display_name", "unit"} <= columns and version >= 10
    listed = json.loads(cli("users", "list", "--json").stdout)["users"]
    assert (listed[0]["display_name"], listed[0]["unit"]) == (None, None)
