"""Worker processes that extract text, and what to do when one of them dies.

A worker killed by the kernel (out of memory) or crashed by a C parser breaks a
`ProcessPoolExecutor`: every file then in flight fails at once, innocent or not. The pool is
replaced, and those files are retried one at a time, so that a crash names its file exactly.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

CRASHED = "the text extractor crashed on this file (its worker process died); the batch went on"


class ExtractorPool:
    """A process pool that replaces itself when a worker dies."""

    def __init__(self, workers: int, task: Callable, *args) -> None:
        self.workers = workers
        self.task = task
        self.args = args  # passed after each file's own arguments
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # forkserver: workers never inherit this process's threads, locks or open catalog
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("forkserver"))

    def submit(self, *file_args) -> Future:
        try:
            return self._pool.submit(self.task, *file_args, *self.args)
        except BrokenProcessPool:
            self.replace()
            return self._pool.submit(self.task, *file_args, *self.args)

    def run_alone(self, *file_args):
        """Extract one file with nothing else in flight; returns (False, CRASHED) if it kills its worker."""
        try:
            return self.submit(*file_args).result()
        except BrokenProcessPool:
            self.replace()
            return False, CRASHED

    def replace(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(wait=True)
