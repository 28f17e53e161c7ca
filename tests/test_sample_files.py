"""The sample fonds and file plan that `make run` loads (the Makefile's sample-files steps, run as written):
two years of plans, open and closed files, a meeting file, every sample it names filed; run twice, the second
run changes nothing."""

from __future__ import annotations

import json
import re
import shlex

from tests.conftest import ROOT, SAMPLES


def sample_file_steps() -> list[list[str]]:
    """The archive commands of the Makefile's sample-files target, without `$(BIN)/archive --home $(HOME_DIR)`."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = text.split("\nsample-files:", 1)[1].split("\n\n", 1)[0]
    steps = []
    for line in recipe.splitlines()[1:]:
        command = re.sub(r"^\t-?\$\(BIN\)/archive --home \$\(HOME_DIR\) ", "", line)
        steps.append(shlex.split(command))
    return steps


def test_make_run_loads_the_sample_files(cli, tmp_path):
    assert cli("ingest", str(SAMPLES), "-q").exit_code == 0
    steps = sample_file_steps()
    assert len(steps) >= 5
    for step in steps:
        result = cli(*[str(ROOT / a) if a.startswith("docs/") else a for a in step])
        assert result.exit_code == 0, (step, result.output)
    files = {f["ref"]: f for f in json.loads(cli("files", "list", "--json").stdout)["files"]}
    assert {f["year"] for f in files.values()} == {2024, 2025}
    assert {f["status"] for f in files.values()} == {"open", "closed"}
    assert any(f["kind"] == "meeting" and f["documents"] >= 2 for f in files.values())
    assert any(f["classification"] != "unclassified" for f in files.values())
    assert all(f["documents"] for f in files.values())
    before = cli("files", "list", "--json").stdout
    for step in steps:  # `make run` again: each step refuses what is done, nothing changes
        cli(*[str(ROOT / a) if a.startswith("docs/") else a for a in step])
    assert cli("files", "list", "--json").stdout == before
