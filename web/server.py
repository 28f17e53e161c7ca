"""The production server: gunicorn, one process per core.

Search is CPU work in Python, so one process serves one request at a time whatever its thread count;
several worker processes (each with its own index searcher and caches) use every core. The app is built
once in the master (it opens nothing that lives on: catalog connections are per request, the searcher is
opened on demand) and forked, so a worker that dies is replaced in a moment; each new worker opens its
searcher before it takes requests. gunicorn's master stops them all gracefully on SIGTERM.

Each process is gunicorn's threaded worker with its request headers read by the event loop rather than by a
thread (`web.worker`): clients that open connections and never finish their headers hold no thread.
"""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from archive.config import Settings

# The longest request line gunicorn accepts. A search of 1,000 characters of Vietnamese prose is about 2,600
# bytes percent-encoded; the query box takes at most 1,000 characters.
MAX_REQUEST_LINE = 8190


def warm_searcher(worker) -> None:
    """gunicorn's post_worker_init hook: open this process's searcher before the first request."""
    try:
        worker.wsgi.extensions["archive_index"].warm()
    except Exception:  # a broken index is reported by the searches themselves, not here
        worker.log.exception("could not open the search index in advance")


class ArchiveServer(BaseApplication):
    """gunicorn configured from `archive serve`'s options, not from its own command line."""

    def __init__(self, settings: Settings, *, bind: str, workers: int, threads: int) -> None:
        self.settings = settings
        self.options = {
            "bind": bind,
            "workers": workers,
            "threads": threads,
            "worker_class": "web.worker.ArchiveWorker",  # gthread, with headers read by its event loop
            "preload_app": True,
            "post_worker_init": warm_searcher,
            "timeout": 60,  # a worker whose main loop is silent this long is replaced (slow requests are not)
            "graceful_timeout": 30,
            "keepalive": 5,
            "limit_request_line": MAX_REQUEST_LINE,
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "archive-serve",
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from web import create_app

        return create_app(self.settings)
