"""Shared fixtures: a fresh archive home per test, and helpers to run the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.catalog import Catalog
from archive.cli import main
from archive.config import Settings
from archive.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
NEWS = ROOT.parent / "shared" / "corpus" / "news"

VI_TEXT = (
    "Ban Thường vụ Tỉnh ủy thống nhất kết luận về công tác cải cách hành chính và chuyển đổi số "
    "trong các cơ quan Đảng năm 2025, yêu cầu các cấp ủy quán triệt và triển khai nghiêm túc.\n"
)
EN_TEXT = (
    "The Standing Board of the Provincial Party Committee concluded that administrative reform "
    "and digital transformation in Party agencies must be carried out seriously in 2025.\n"
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", workers=2)


@pytest.fixture
def catalog(settings: Settings):
    with Catalog(settings.catalog_path) as opened:
        yield opened


@pytest.fixture
def store(settings: Settings) -> Store:
    return Store(settings.store_dir).ensure()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


class Cli:
    """Run `archive --home HOME …` in-process (fast) and parse its JSON output."""

    def __init__(self, settings: Settings) -> None:
        self.home = settings.home
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(main, ["--home", str(self.home), *args], input=input, catch_exceptions=False)

    def json(self, *args: str):
        result = self(*args, "--json")
        return result, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def record_ids(settings: Settings) -> dict[str, int]:
    """Record ids by file name, read back from the catalog: ids are random, so tests never assume 1, 2, 3."""
    with Catalog(settings.catalog_path) as catalog:
        return {r.filename: r.id for r in catalog.iter_records()}


def sole_id(settings: Settings) -> int:
    """The id of the only record of the home."""
    (record_id,) = record_ids(settings).values()
    return record_id


@pytest.fixture
def cli(settings: Settings) -> Cli:
    return Cli(settings)


def run_archive(
    home: Path, *args: str, timeout: float = 120, env: dict | None = None, **kwargs
) -> subprocess.CompletedProcess:
    """The installed console script in a real subprocess (for kills, locks and servers); `env` adds variables."""
    env = {**os.environ, **(env or {}), "ARCHIVE_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    return subprocess.run(
        [sys.executable, "-m", "archive", *args], env=env, capture_output=True, text=True, timeout=timeout, **kwargs
    )


def admin_client(settings: Settings):
    """A Flask test client whose every request carries a new top-secret administrator's API token."""
    from archive.people.tokens import new_token
    from archive.people.users import add_user, find_user
    from web import create_app

    client = create_app(settings).test_client()
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        if find_user(catalog.db, "test-admin") is None:
            add_user(catalog.db, "test-admin", "admin", "top_secret")
        token = new_token(catalog.db, "test-admin")[1]
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client
