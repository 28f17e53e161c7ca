"""Named points where a test may have the running process killed (SIGKILL), to prove a writer leaves the
archive whole wherever it dies: `ARCHIVE_FAILPOINT=name` kills at the first pass through the point,
`ARCHIVE_FAILPOINT=name@N` at the Nth (a crash test picks N; a kill after a sleep depended on the machine's
load). Unset, `reach` costs one dictionary lookup. In the test's own process, `hooked(name, run)` has `run()`
called at each pass through the point: a race played at the point the test chooses (a recovery
between two steps of a web request)."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

VARIABLE = "ARCHIVE_FAILPOINT"
_passes: dict[str, int] = {}
_hooks: dict[str, Callable[[], None]] = {}


@contextmanager
def hooked(name: str, run: Callable[[], None]) -> Iterator[None]:
    """While the block runs, `reach(name)` calls `run()` (tests only)."""
    _hooks[name] = run
    try:
        yield
    finally:
        del _hooks[name]


def reach(name: str) -> None:
    if _hooks:
        hook = _hooks.get(name)
        if hook is not None:
            hook()
    wanted = os.environ.get(VARIABLE)
    if not wanted:
        return
    point, _, nth = wanted.partition("@")
    if point != name:
        return
    _passes[name] = _passes.get(name, 0) + 1
    if _passes[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
