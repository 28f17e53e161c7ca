"""Tasks for the worker-pool tests, in a module of their own: each new worker imports it, and it imports
next to nothing, so replacing a worker costs milliseconds, not the seconds the archive's modules take."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


def crash_on_bad(name: str, suffix: str) -> tuple[bool, str]:
    if name == "bad":
        os._exit(1)  # what the OOM killer or a crashing C parser does to a worker
    time.sleep(0.05)
    return True, name + suffix


def sleep_in_a_child(seconds: float, pid_file: str) -> tuple[bool, int]:
    """A task that hangs in a program it started in its own session, as LibreOffice does."""
    child = subprocess.Popen(["sleep", str(seconds)], start_new_session=True)
    Path(pid_file).write_text(str(child.pid))
    child.wait()
    return True, child.pid
