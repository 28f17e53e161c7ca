"""Named points where a test may have the running process killed (SIGKILL), to prove a writer leaves the
archive whole wherever it dies: `ARCHIVE_FAILPOINT=name`. Unset, `reach` costs one dictionary lookup."""

from __future__ import annotations

import os
import signal


def reach(name: str) -> None:
    if os.environ.get("ARCHIVE_FAILPOINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
