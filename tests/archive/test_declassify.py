"""Declassifying records what the law wants kept: `archive classification declassify ID --decision --reason`
(the same use case as the web's "Giải mật") refuses without either, and keeps both in the
`classification.changed` audit entry."""

from __future__ import annotations

import json

from archive.catalog import Catalog
from tests.conftest import write


def test_declassify_needs_a_decision_and_reason_and_keeps_them_in_the_trail(cli, settings, inbox, tmp_path):
    write(inbox / "mat.txt", "Kế hoạch mật\n\nNội dung.\n")
    manifest = write(tmp_path / "m.csv", "file,classification\nmat.txt,secret\n")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    record = lines[0]["id"]
    refused = cli("classification", "declassify", str(record), "--decision", " ", "--reason", "Hết hạn")
    assert refused.exit_code == 2 and "decision number and the reason" in refused.output
    done = cli("classification", "declassify", str(record), "--decision", "5-QĐ/TU", "--reason", "Hết hạn", "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["changed"]["classification"] == {"old": "secret", "new": "unclassified"}
    with Catalog(settings.catalog_path) as catalog:
        detail = json.loads(
            catalog.db.execute(
                "SELECT detail FROM events WHERE action = 'classification.changed' AND record_id = ?", (record,)
            ).fetchone()[0]
        )
    assert (detail["declassified"], detail["decision"], detail["reason"]) == (True, "5-QĐ/TU", "Hết hạn")
