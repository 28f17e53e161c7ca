"""A task queue whose tasks may go on to a remote worker: a `Forward` key's local task (render a page) runs
on this machine's pool, its result is sent to the broker, and the key is yielded with the worker's answer.
A `Forward` put without a local task (None) is sent as it is (a file to read).

Pages sent and not yet answered are bounded too (`Remote.window`), so the images in Redis stay few. A page
not answered within the broker timeout is reported unread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from archive.pipeline.workers import ExtractorPool, TaskQueue

POLL_SECONDS = 0.1  # how often answers are looked for while pages are out


@dataclass(frozen=True, eq=False)
class Forward:
    """A key whose local task's result is sent on: `send(result)` gives a task id, `receive(meta)` the outcome."""

    key: object
    send: Callable[[object], str]
    receive: Callable[[dict], tuple[bool, object]]


class RemoteQueue(TaskQueue):
    def __init__(self, pool: ExtractorPool, limit: int, remote) -> None:
        super().__init__(pool, limit)
        self.remote = remote
        self.sent: dict[str, tuple[Forward, float]] = {}  # task id → (key, deadline)

    def __len__(self) -> int:
        return super().__len__() + len(self.sent)

    def run(self, *, until: int = 0) -> Iterator[tuple[object, object]]:
        while len(self) > until:
            yield from self._start()
            if len(self) <= until:
                break
            finished = self.pool.collect(POLL_SECONDS if self.sent else None) if self.in_flight else []
            for number, result in finished:
                key = self.in_flight.pop(number)
                if isinstance(key, Forward) and result[0]:
                    yield from self._send(key, result[1])
                else:
                    yield (key.key if isinstance(key, Forward) else key), result
            if self.sent:
                if not self.in_flight:
                    time.sleep(POLL_SECONDS)
                yield from self._answered()

    def _start(self) -> Iterator[tuple[object, object]]:
        """Start what may start: local tasks while the pool has room, remote ones while the workers have."""
        while self.waiting:
            key, task, args, seconds = self.waiting[0]
            if isinstance(key, Forward) and self._forwarding() >= self.remote.window:
                break  # the workers have enough to do: go on when they answer
            if task is None:  # nothing to do here first: straight to the workers
                self.waiting.popleft()
                yield from self._send(key, args)
                continue
            if len(self.in_flight) >= self.limit or not self.pool.can_start():
                break
            self.waiting.popleft()
            self.in_flight[self.pool.start(task, *args, seconds=seconds)] = key

    def _send(self, key: Forward, value: object) -> Iterator[tuple[object, object]]:
        try:
            task_id = key.send(value)
        except Exception as exc:  # the broker went away, or the stored file cannot be read
            yield key.key, (False, f"could not send the task to the OCR workers ({type(exc).__name__}: {exc})")
            return
        self.sent[task_id] = (key, time.monotonic() + self.remote.timeout)

    def _forwarding(self) -> int:
        return len(self.sent) + sum(isinstance(k, Forward) for k in self.in_flight.values())

    def _answered(self) -> Iterator[tuple[object, object]]:
        for task_id, meta in self.remote.finished(list(self.sent)).items():
            key, _ = self.sent.pop(task_id)
            yield key.key, key.receive(meta)
        now = time.monotonic()
        for task_id, (key, deadline) in list(self.sent.items()):
            if now >= deadline:
                del self.sent[task_id]
                self.remote.revoke(task_id)
                yield key.key, (False, f"no OCR worker answered within {self.remote.timeout:g} s")
