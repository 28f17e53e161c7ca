"""Named points where a test may have the running process killed (SIGKILL), to prove a writer leaves the
archive whole wherever it dies: `ARCHIVE_FAILPOINT=name` kills at the first pass through the point,
`ARCHIVE_FAILPOINT=name@N` at the Nth (a crash test picks N; a kill after a sleep depended on the machine's
load). Unset, `reach` costs one dictionary lookup."""

from __future__ import annotations

import os
import signal

VARIABLE = "ARCHIVE_FAILPOINT"
_passes: dict[str, int] = {}


def reach(name: str) -> None:
    wanted = os.environ.get(VARIABLE)
    if not wanted:
        return
    point, _, nth = wanted.partition("@")
    if point != name:
        return
    _passes[name] = _passes.get(name, 0) + 1
    if _passes[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
