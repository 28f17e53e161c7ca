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
