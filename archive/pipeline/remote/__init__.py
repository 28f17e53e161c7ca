"""OCR on other machines: page images go through a Celery broker (Redis) to `archive worker` processes
anywhere Tesseract is installed, and their text comes back to the one machine that writes the home.

Only a configured broker (`--broker`, ARCHIVE_BROKER) brings this in: without one, the pipeline runs on
its own worker pool and never imports celery. The modules: `tasks` is what a worker does with a message,
`app` the Celery application both sides share, `client` the home's side of the broker, `queue` the task
queue that mixes local and remote work.
"""

from __future__ import annotations

from collections.abc import Callable

from archive.pipeline.scanning import extract_in_worker
from archive.pipeline.workers import ExtractorPool, TaskQueue

REMOTE_FILE_BYTES = 64 * 1024 * 1024  # larger files are read here: the broker holds messages in memory


def connect(settings):
    """The home's link to the workers (`client.Remote`), or None when no broker is configured; ArchiveError
    when the broker cannot be used (before anything is written)."""
    if not settings.broker:
        return None
    from archive.pipeline.remote.client import Remote

    remote = Remote(settings)
    try:
        remote.check()
    except Exception:
        remote.close()
        raise
    return remote


def task_queue(pool: ExtractorPool, limit: int, remote) -> TaskQueue:
    """The queue a batch runs its tasks through: the local one, or one that also sends pages to the workers."""
    if remote is None:
        return TaskQueue(pool, limit)
    from archive.pipeline.remote.queue import RemoteQueue

    return RemoteQueue(pool, limit, remote)


def window(settings, remote) -> int:
    """Tasks a batch keeps in flight or waiting: four per local process, and the pages the workers may hold."""
    return settings.workers * 4 + (remote.window if remote is not None else 0)


def extraction(remote, key: object, blob: str, mime: str, size: int, settings) -> tuple[object, Callable | None, tuple]:
    """(key, task, args) that read a stored file: on the local pool, or, with workers and a file that is not too
    large, on a worker, its bytes in the message."""
    args = (blob, mime, settings.languages, settings.limits)
    if remote is None or size > REMOTE_FILE_BYTES:
        return key, extract_in_worker, args
    from archive.pipeline.remote.queue import Forward

    def send(_) -> str:
        return remote.send_file(blob, mime, settings.languages, settings.limits, settings.max_seconds)

    return Forward(key, send=send, receive=remote.extraction_outcome), None, ()
