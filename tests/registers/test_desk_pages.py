"""The registry desk's pages are built for every reader: one h1 each, every field with its label, no id
twice, and no English left on a page in Vietnamese."""

from __future__ import annotations

import re

from tests.conftest import ROOT, admin_client
from tests.registers.test_sample_desk import run_target_commands


def test_desk_pages_have_one_h1_labelled_fields_and_unique_ids(cli, settings, monkeypatch):
    monkeypatch.chdir(ROOT)
    for command in run_target_commands():
        assert cli(*command).exit_code == 0
    directing = cli.json("followup", "list")[1][0]["tasks"][0]["record_id"]
    client = admin_client(settings)
    for path in ("/followup", "/followup?status=overdue", "/registers", "/registers/out/2025", f"/records/{directing}"):
        html = client.get(path).get_data(as_text=True)
        assert len(re.findall(r"<h1\b", html)) == 1, path
        ids = re.findall(r'\bid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), path
        labelled = set(re.findall(r'<label for="([^"]+)"', html))
        for field in re.findall(r'<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', html):
            assert field in labelled, (path, field)
        for english in ("Follow-up", "Register of", "overdue", "Lead unit", "Deadline"):
            assert english not in re.sub(r"<[^>]+>", " ", html), (path, english)
