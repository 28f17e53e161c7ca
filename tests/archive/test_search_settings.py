"""The searcher's settings read from the environment."""

import pytest

from archive.config import Settings
from archive.errors import UsageError


def test_the_search_cache_budget_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("ARCHIVE_SEARCH_CACHE_MB", raising=False)
    assert Settings.load(tmp_path).search_cache_bytes is None, "unset: sized by the index"
    monkeypatch.setenv("ARCHIVE_SEARCH_CACHE_MB", "512")
    assert Settings.load(tmp_path).search_cache_bytes == 512 * 2**20
    monkeypatch.setenv("ARCHIVE_SEARCH_CACHE_MB", "a lot")
    with pytest.raises(UsageError, match="ARCHIVE_SEARCH_CACHE_MB"):
        Settings.load(tmp_path)


def test_an_unset_search_deadline_grows_with_the_archive_and_a_set_one_is_fixed(tmp_path, monkeypatch):
    monkeypatch.delenv("ARCHIVE_SEARCH_DEADLINE_MS", raising=False)
    assert Settings.load(tmp_path).search_budget().for_archive(1_000_000).seconds == pytest.approx(2.4)
    monkeypatch.setenv("ARCHIVE_SEARCH_DEADLINE_MS", "900")
    budget = Settings.load(tmp_path).search_budget()
    assert budget.for_archive(1_000_000).seconds == pytest.approx(0.9)
