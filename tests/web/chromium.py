"""Debian's Chromium for the browser tests: where it is, where their screenshots go (test artifacts, not
committed), and the marks that skip them, saying why, when it is absent (CI installs it). The `browser`
fixture that launches it is in `tests/web/conftest.py`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SCREENS = ROOT / "test-artifacts" / "screens"
BROWSER_TESTS = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]
