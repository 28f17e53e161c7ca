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


# --- web/: the request context in web/context.py, the role once per blueprint --------------------------

WEB = ROOT / "web"
# Blueprints open to anyone signed in, or to all: logging in, /healthz, the OpenAPI document, the language.
OPEN_BLUEPRINTS = {"auth", "health", "openapi", "i18n"}


def imports_of_web_root(folder: Path):
    """(file:line) of every `from web import …` or `import web` (the package itself, not its modules)."""
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            from_root = isinstance(node, ast.ImportFrom) and node.module == "web" and node.level == 0
            root = isinstance(node, ast.Import) and any(alias.name == "web" for alias in node.names)
            if from_root or root:
                yield f"{os.path.relpath(path, ROOT)}:{node.lineno}"


def blueprints(folder: Path):
    """(file, blueprint name, whether `role_for(<it>, …)` is called in the same file) for every Blueprint."""
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        guarded = {
            node.args[0].id
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "role_for"
            and node.args
            and isinstance(node.args[0], ast.Name)
        }
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
                and node.value.func.id == "Blueprint"
            ):
                name = node.targets[0].id
                yield os.path.relpath(path, ROOT), name, name in guarded


def test_the_web_finders_see_what_they_look_for(tmp_path):
    (tmp_path / "feature.py").write_text(
        "from web import catalog\nimport web\nfrom web.context import catalog\n"
        "a = Blueprint('a', __name__)\nb = Blueprint('b', __name__)\nrole_for(a, 'reader')\n"
    )
    assert [where.rsplit(":", 1)[1] for where in imports_of_web_root(tmp_path)] == ["1", "2"]
    assert {(name, guarded) for _, name, guarded in blueprints(tmp_path)} == {("a", True), ("b", False)}


def test_blueprints_take_the_request_context_from_web_context_not_the_package():
    # web/server.py alone imports the package: it builds the app with create_app.
    found = [where for where in imports_of_web_root(WEB) if not where.startswith(os.path.join("web", "server.py"))]
    assert found == [], "take catalog(), settings(), search_index(), clearance() from web.context"


def test_each_blueprint_checks_its_role_once():
    found = list(blueprints(WEB))
    assert len(found) >= 15  # the finder sees the feature modules
    unguarded = [f"{where}: {name}" for where, name, guarded in found if not guarded and name not in OPEN_BLUEPRINTS]
    assert unguarded == [], "give the blueprint its role with web.auth.role_for (a before_request), once"


# The writer session (`archive.upkeep.session`) is the one door to the writer lock and to recovery; the lock and
# recovery modules define them. Tests may take the lock themselves, to play a busy archive.
SESSION_ONLY = {"writer_lock", "recover"}
SESSION_HOME = {ROOT / "archive" / "upkeep" / name for name in ("session.py", "lock.py", "recovery.py")}


def session_uses(folder: Path):
    """(file:line, name) for every call of, or import of, a name in SESSION_ONLY under the folder."""
    for path in sorted(folder.rglob("*.py")):
        if path in SESSION_HOME:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
                names = [name]
            elif isinstance(node, ast.ImportFrom):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name in SESSION_ONLY:
                    yield f"{os.path.relpath(path, ROOT)}:{node.lineno}", name


def test_the_session_finder_sees_calls_and_imports(tmp_path):
    (tmp_path / "job.py").write_text(
        "from archive.upkeep.lock import writer_lock as held\n"
        "with held(path):\n    recovery.recover(settings, catalog, store)\n"
    )
    assert [name for _, name in session_uses(tmp_path)] == ["writer_lock", "recover"]


@pytest.mark.parametrize("folder", ("archive", "web", "indexer"))
def test_only_the_writer_session_takes_the_lock_and_recovers(folder):
    found = list(session_uses(ROOT / folder))
    assert found == [], "write through `archive.upkeep.session.writing` (or `holding`), which takes the lock"


# The writer session's index writer (`archive.upkeep.indexing`, as `Writer.index`, `.reindex`, `.add`, `.purge`)
# is the one door to writing the search index: a command outside `archive/upkeep/` that opened the index itself,
# or wrote to it, would skip the session's one opening and its closing.
INDEX_WRITES = {"open_index", "add_documents", "delete_ids", "purge_ids", "add_segment", "swap_in", "reindex_records"}
INDEX_HOME = ROOT / "archive" / "upkeep"


def index_writes(folder: Path):
    """(file:line, name) for every import of a name in INDEX_WRITES from `indexer` or `archive.upkeep.reindex`,
    and every `indexer.<name>(...)` or `reindex.<name>(...)` call, under the folder (outside archive/upkeep)."""
    for path in sorted(folder.rglob("*.py")):
        if path.is_relative_to(INDEX_HOME):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("indexer", "archive"):
                if node.module.startswith("archive") and node.module != "archive.upkeep.reindex":
                    continue
                names = [alias.name for alias in node.names]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("indexer", "reindex")
            ):
                names = [node.func.attr]
            else:
                continue
            for name in names:
                if name in INDEX_WRITES:
                    yield f"{os.path.relpath(path, ROOT)}:{node.lineno}", name


def test_the_index_finder_sees_imports_and_calls(tmp_path):
    (tmp_path / "job.py").write_text(
        "from indexer import open_index, SearchIndex\n"
        "from archive.upkeep.reindex import reindex_records\n"
        "from archive.filing.filing import add_documents\n"  # filing documents into a hồ sơ, not the index
        "indexer.purge_ids(ix, [1])\n"
    )
    assert [name for _, name in index_writes(tmp_path)] == ["open_index", "reindex_records", "purge_ids"]


@pytest.mark.parametrize("folder", ("archive", "web"))
def test_only_the_writer_session_writes_the_index(folder):
    found = list(index_writes(ROOT / folder))
    assert found == [], "write the index through the writer session: `w.reindex(ids)`, `w.add(...)`, `w.purge(ids)`"
