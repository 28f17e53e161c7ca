"""`make run`'s registry desk: the Makefile's own commands (ingest with docs/sample-registers.csv, two
follow-up tasks) give a register of incoming and outgoing samples and two tasks, one overdue; run twice,
they add nothing."""

from __future__ import annotations

import re
import shlex

from tests.conftest import ROOT


def run_target_commands() -> list[list[str]]:
    """The `archive` commands of the Makefile's run target that set up the archive (not users, not serve)."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", text, re.M).group(1)
    commands = []
    for line in recipe.splitlines():
        words = shlex.split(line.strip().replace("|| test $$? -eq 1", ""))
        if words[0].endswith("/archive") and words[3] in ("ingest", "followup"):
            commands.append(words[3:])
    return commands


def test_make_run_shows_a_register_and_two_tasks_one_overdue(cli, monkeypatch):
    monkeypatch.chdir(ROOT)  # the Makefile's paths are the checkout's
    commands = run_target_commands()
    assert [c[:2] for c in commands] == [["ingest", "samples/"], ["followup", "add"], ["followup", "add"]]
    for _ in range(2):  # make run again: nothing twice
        for command in commands:
            result = cli(*command)
            assert result.exit_code == 0, (command, result.output)
    _, (incoming,) = cli.json("register", "list", "--book", "in", "--year", "2025")
    assert [(r["number"], r["symbol"], r["date"]) for r in incoming["rows"]] == [
        (1, "57-NQ/TW", "2025-01-03"),
        (2, "133-KL/TW", "2025-03-18"),
        (3, "168-TB/TW", "2025-04-14"),
        (4, "2184-CV/VPTW", "2025-05-06"),
    ]
    assert incoming["rows"][3]["received"] == "2025-05-06 10:20" and incoming["rows"][0]["copies"] == 2
    _, (outgoing,) = cli.json("register", "list", "--book", "out", "--year", "2025")
    assert [(r["register"], r["symbol"]) for r in outgoing["rows"]] == [
        ("out", "205-KH/TU"),
        ("out", "18-CT/TU"),
        ("out", "06-QĐi/TU"),
        ("out", "527-TB/TU"),
        ("out", "1537-CV/VPTU"),
        ("out-classified", "412-BC/TU"),
    ]
    assert all(r["recipients"] for r in outgoing["rows"])  # read from each document's "Nơi nhận:" block
    _, (tasks,) = cli.json("followup", "list", "--as-of", "2026-06-01")
    assert [(t["symbol"], t["overdue"]) for t in tasks["tasks"]] == [("89-KL/TU", True), ("18-CT/TU", False)]
    assert [c["symbol"] for c in tasks["tasks"][0]["candidates"]] == ["205-KH/TU"]
    assert cli("followup", "overdue", "--quiet").exit_code == 1
