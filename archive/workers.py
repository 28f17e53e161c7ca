"""Worker processes that extract text, and what to do when one of them dies.

A worker killed by the kernel (out of memory) or crashed by a C parser breaks a
`ProcessPoolExecutor`: every file then in flight fails at once, innocent or not. The pool is
replaced, and those files are retried one at a time, so that a crash names its file exactly.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
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
        return self.call(self.task, *file_args, *self.args)

    def run_alone(self, *file_args):
        """Extract one file with nothing else in flight; returns (False, CRASHED) if it kills its worker."""
        return self.call_alone(self.task, *file_args, *self.args)

    def call(self, task: Callable, *args) -> Future:
        """Run any picklable task on the pool (an OCR page, a rendition)."""
        try:
            return self._pool.submit(task, *args)
        except BrokenProcessPool:
            self.replace()
            return self._pool.submit(task, *args)

    def call_alone(self, task: Callable, *args):
        """Run one task with nothing else in flight; (False, CRASHED) if it kills its worker."""
        try:
            return self.call(task, *args).result()
        except BrokenProcessPool:
            self.replace()
            return False, CRASHED

    def replace(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(wait=True)


class TaskQueue:
    """Tasks for a pool, at most `limit` in flight, results yielded as they finish.

    When a worker dies every task then in flight fails at once: all of them are collected, the pool is
    replaced once, and the failed tasks run again one at a time, so a crash is pinned on its own task.
    """

    def __init__(self, pool: ExtractorPool, limit: int) -> None:
        self.pool = pool
        self.limit = max(1, limit)
        self.waiting: deque[tuple[object, Callable, tuple]] = deque()
        self.in_flight: dict[Future, tuple[object, Callable, tuple]] = {}

    def put(self, key: object, task: Callable, *args) -> None:
        self.waiting.append((key, task, args))

    def __len__(self) -> int:
        return len(self.waiting) + len(self.in_flight)

    def run(self, *, until: int = 0) -> Iterator[tuple[object, object]]:
        """Yield (key, result) until no more than `until` tasks are left; tasks may be added meanwhile."""
        while len(self) > until:
            while self.waiting and len(self.in_flight) < self.limit:
                item = self.waiting.popleft()
                self.in_flight[self.pool.call(item[1], *item[2])] = item
            done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
            yield from self._collect(done)

    def _collect(self, done) -> Iterator[tuple[object, object]]:
        suspects = []
        if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
            done = list(self.in_flight)
            wait(done)  # the broken pool fails the others at once
        for future in done:
            item = self.in_flight.pop(future)
            error = future.exception()
            if isinstance(error, BrokenProcessPool):
                suspects.append(item)
            elif error is not None:  # the result could not come back (pickling): the task's fault alone
                yield item[0], (False, f"the worker could not return its result ({type(error).__name__}: {error})")
            else:
                yield item[0], future.result()
        if suspects:
            self.pool.replace()
            for key, task, args in suspects:
                yield key, self.pool.call_alone(task, *args)
