"""The shape of the code, checked: audit entries are written by `archive/` use cases (never by a front end),
and SQL runs only below the web. A new `catalog.log_event(...)` in `archive/cli/` or `web/` fails here."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FRONT_ENDS = (ROOT / "archive" / "cli", ROOT / "web")
SQL_CALLS = {"execute", "executemany", "executescript"}


def calls(folder: Path):
    """(file, line, the called attribute, what it is called on) for every `x.attr(...)` under the folder."""
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value.id if isinstance(node.func.value, ast.Name) else None
                yield f"{os.path.relpath(path, ROOT)}:{node.lineno}", node.func.attr, owner


def test_the_finder_sees_calls(tmp_path):
    (tmp_path / "front.py").write_text(
        "catalog().log_event('view', 1)\naudit.append(db, 'x')\ndb.execute('SELECT 1')\n"
    )
    found = {(attr, owner) for _, attr, owner in calls(tmp_path)}
    assert {("log_event", None), ("append", "audit"), ("execute", "db")} <= found


@pytest.mark.parametrize("folder", FRONT_ENDS, ids=lambda p: str(p.relative_to(ROOT)))
def test_front_ends_write_no_audit_entries(folder):
    written = [
        where for where, attr, owner in calls(folder) if attr == "log_event" or (attr, owner) == ("append", "audit")
    ]
    assert written == [], "an audit entry is written by a use case in archive/, called by the CLI and the web"


def test_no_sql_in_the_web():
    sql = [where for where, attr, _ in calls(ROOT / "web") if attr in SQL_CALLS]
    assert sql == [], "SQL belongs in the catalog modules; the web calls them"
