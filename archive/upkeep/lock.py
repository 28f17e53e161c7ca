"""One writer at a time: ingest, reindex and verify share an advisory lock in the home folder.

`flock` is released by the kernel when its holder dies, so a lock left by a killed process is never
stale: the next job simply gets it. The holder's pid, command, purpose and start time are written into
the lock file so that a job that has to wait can say who it is waiting for, and for what (the web's writes
all run as `archive serve`: the purpose says which of them holds the lock).

Writing commands take the lock through `archive.upkeep.session`, which also repairs what a killed writer
left; nothing else calls `writer_lock` (tests/test_architecture.py).
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from archive.catalog import now
from archive.errors import LockedError
from archive.messages import Message

POLL_SECONDS = 0.2


def read_holder(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


@contextmanager
def writer_lock(
    path: Path, *, wait: float = 0.0, command: str | None = None, purpose: str | None = None
) -> Iterator[None]:
    """Hold the archive's writer lock; wait up to `wait` seconds, then raise LockedError naming the holder.
    `command` is recorded as the holder's command line (this process's by default), `purpose` as the job it
    does under the lock (a short label: "edit", "filing", …)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = read_holder(path)
                    busy = Message("the archive is busy: %(who)s holds its writer lock", who=holder_said(holder))
                    raise LockedError(busy, holder) from None
                time.sleep(POLL_SECONDS)
        info = {"pid": os.getpid(), "command": command or " ".join(sys.argv), "since": now()}
        if purpose:
            info["purpose"] = purpose
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def holder_said(holder: dict) -> Message:
    """Who holds the lock, for the command line: pid, command line, and the purpose when it recorded one."""
    if not holder:
        return Message("another process")
    if holder.get("purpose"):
        return Message(
            "pid %(pid)s (%(command)s: %(purpose)s) since %(since)s",
            pid=holder.get("pid"),
            command=holder.get("command"),
            purpose=holder["purpose"],
            since=holder.get("since"),
        )
    return Message(
        "pid %(pid)s (%(command)s) since %(since)s",
        pid=holder.get("pid"),
        command=holder.get("command"),
        since=holder.get("since"),
    )
