"""Worker processes that extract text: one task at a time each, under a time limit, in bounded memory.

A worker runs one task at a time, so the pool always knows what each worker holds. A worker that dies
(the kernel's OOM killer, a crashing C parser) costs its own task and nothing else; a task that runs past
its time limit has its worker killed, with whatever the worker started (LibreOffice, Tesseract), and a new
worker takes its place. `concurrent.futures` cannot do this: it cannot tell which worker holds a task, and
one dead worker fails every task in flight.

Workers start from a fork server (they never inherit this process's threads, locks or open catalog), cap
their address space with RLIMIT_AS, and die with their parent, so a killed ingest leaves no parser running.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import multiprocessing
import os
import resource
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

CRASHED = "the text extractor crashed on this file (its worker process died); the batch went on"
TIMED_OUT = "extraction took longer than {seconds:g} s (limit ARCHIVE_MAX_SECONDS); its worker was stopped"
STARTUP_SECONDS = 60  # allowed on top of a task's limit until its worker has started it (imports)
STARTED = "archive.pipeline.workers:started"  # what a worker says when it takes a task
_RUNNING = object()
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def own_time_limit(seconds: float) -> Callable[[Callable], Callable]:
    """Mark a task that bounds its own running time (a program with a timeout of its own) with a longer limit."""

    def mark(task: Callable) -> Callable:
        task.time_limit = seconds
        return task

    return mark


@dataclass
class _Job:
    number: int
    message: bytes  # the pickled task and its arguments, kept to run it again
    seconds: float | None  # its time limit
    deadline: float | None = None
    retried: bool = False

    def sent(self) -> None:
        """Until the worker says it has started, allow for its start-up and imports too."""
        self.deadline = time.monotonic() + STARTUP_SECONDS + self.seconds if self.seconds else None

    def started(self) -> None:
        self.deadline = time.monotonic() + self.seconds if self.seconds else None


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context, memory: int | None, temp_dir: str | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, memory, temp_dir), daemon=True)
        self.process.start()
        child.close()
        self.job: _Job | None = None

    def give(self, job: _Job) -> None:
        self.job = job
        job.sent()
        with contextlib.suppress(OSError):  # a worker that died idle: the next collect sees it
            self.conn.send_bytes(job.message)

    def stop(self) -> None:
        """Kill the worker and everything it started; wait for it."""
        if self.process.exitcode is None:  # still ours: a pid once reported dead may belong to someone else
            _kill_tree(self.process.pid)
        self.process.join()
        self.conn.close()


class ExtractorPool:
    """Worker processes, started as needed; a dead or overdue worker is replaced.

    `task` and `args` are what `run_alone` runs (each call's own arguments first); `seconds` is the
    default time limit per task (None: none); `memory_mb` caps each worker's address space; `temp_dir` is
    where workers and the programs they start keep temporary files (a killed one cannot clean up).
    """

    def __init__(
        self,
        workers: int,
        task: Callable,
        *args,
        seconds: float | None = None,
        memory_mb: float | None = None,
        temp_dir: Path | None = None,
    ) -> None:
        self.size = max(1, workers)
        self.task = task
        self.args = args
        self.seconds = seconds
        self.memory = int(memory_mb * 1024 * 1024) if memory_mb else None
        self.temp_dir = str(temp_dir) if temp_dir else None
        self._context = multiprocessing.get_context("forkserver")
        self._workers: list[_Worker] = []
        self._numbers = itertools.count(1)

    @property
    def busy(self) -> int:
        return sum(w.job is not None for w in self._workers)

    def can_start(self) -> bool:
        return self.busy < self.size

    def start(self, task: Callable, *args, seconds: float | None = None) -> int:
        """Hand a task to an idle worker (starting one if needed); returns the number `collect` reports it by."""
        message = ForkingPickler.dumps((task, args))  # fails here, before a worker counts as busy
        limit = seconds or getattr(task, "time_limit", None) or self.seconds
        job = _Job(next(self._numbers), message, limit)
        worker = next((w for w in self._workers if w.job is None), None) or self._spawn()
        worker.give(job)
        return job.number

    def _spawn(self) -> _Worker:
        if len(self._workers) >= self.size:
            raise RuntimeError("every worker is busy")
        worker = _Worker(self._context, self.memory, self.temp_dir)
        self._workers.append(worker)
        return worker

    def collect(self, timeout: float | None = None) -> list[tuple[int, object]]:
        """Wait until at least one task ends, or `timeout` seconds (None: no limit) pass; (number, result) for
        each that did.

        A task whose worker dies runs once more on a new worker (the kernel may have killed an innocent one
        for memory); a second death gives (False, CRASHED). A task past its deadline has its worker killed
        and gives (False, TIMED_OUT).
        """
        give_up = None if timeout is None else time.monotonic() + timeout
        while True:
            busy = [w for w in self._workers if w.job is not None]
            if not busy:
                return []
            deadlines = [w.job.deadline for w in busy if w.job.deadline is not None]
            if give_up is not None:
                if time.monotonic() >= give_up:
                    return []
                deadlines.append(give_up)
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
            done = []
            for worker in busy:
                job = worker.job
                if worker.conn in ready or worker.process.sentinel in ready:
                    result = self._receive(worker)
                    if result is not _RUNNING:
                        done.append((job.number, result))
                elif job.deadline is not None and time.monotonic() >= job.deadline:
                    self._retire(worker)
                    done.append((job.number, (False, TIMED_OUT.format(seconds=job.seconds))))
            if done:
                return done

    def _receive(self, worker: _Worker) -> object:
        """The worker's result; _RUNNING when it only said it started or its task runs again elsewhere."""
        job = worker.job
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if isinstance(message, str) and message == STARTED:
                    job.started()
                    continue
                worker.job = None
                return message
            if worker.process.exitcode is None:
                return _RUNNING
        except (EOFError, OSError):  # the worker is gone
            pass
        except Exception as exc:  # the result came back but cannot be unpickled here
            worker.job = None
            return False, f"the worker could not return its result ({type(exc).__name__}: {exc})"
        self._retire(worker)
        if job.retried:
            return False, CRASHED
        job.retried = True
        self._spawn().give(job)
        return _RUNNING

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        self._workers.remove(worker)

    def run_alone(self, *file_args):
        """Run the pool's task on one file and wait for its result."""
        return self.call_alone(self.task, *file_args, *self.args)

    def call_alone(self, task: Callable, *args):
        """Run one task and wait for its result; (False, CRASHED) if it kills its worker."""
        number = self.start(task, *args)
        while True:
            for done, result in self.collect():
                if done == number:
                    return result

    def close(self) -> None:
        """Stop every worker: idle ones are asked to leave, busy ones are killed."""
        for worker in self._workers:
            if worker.job is None:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in self._workers:
            if worker.job is None:
                worker.process.join(5)
            worker.stop()
        self._workers = []


class TaskQueue:
    """Tasks for a pool, at most `limit` in flight, results yielded as they finish; tasks may be added meanwhile."""

    def __init__(self, pool: ExtractorPool, limit: int) -> None:
        self.pool = pool
        self.limit = max(1, limit)
        self.waiting: deque[tuple[object, Callable, tuple, float | None]] = deque()
        self.in_flight: dict[int, object] = {}  # task number → key

    def put(self, key: object, task: Callable, *args, seconds: float | None = None) -> None:
        self.waiting.append((key, task, args, seconds))

    def __len__(self) -> int:
        return len(self.waiting) + len(self.in_flight)

    def run(self, *, until: int = 0) -> Iterator[tuple[object, object]]:
        """Yield (key, result) until no more than `until` tasks are left."""
        while len(self) > until:
            while self.waiting and len(self.in_flight) < self.limit and self.pool.can_start():
                key, task, args, seconds = self.waiting.popleft()
                self.in_flight[self.pool.start(task, *args, seconds=seconds)] = key
            for number, result in self.pool.collect():
                yield self.in_flight.pop(number), result


def _serve(conn, memory: int | None, temp_dir: str | None) -> None:
    """A worker's life: run tasks from the pipe until told to stop or the parent goes away.

    The memory cap is set once the first task is unpickled, that is once the parsers are imported: it
    bounds what reading a file costs, and a cap set too low fails tasks with a reason rather than imports.
    """
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops its workers
    if temp_dir:
        tempfile.tempdir = os.environ["TMPDIR"] = temp_dir  # LibreOffice and ocrmypdf read TMPDIR
    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            unpickled = ForkingPickler.loads(message)
            if unpickled is None:
                return
            if memory:
                resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
                memory = None
            task, args = unpickled
            conn.send(STARTED)  # the time limit counts from here, not from the worker's start-up and imports
            result = task(*args)
        except BaseException as exc:  # tasks report their own errors; this is a bug or a task that cannot load
            result = False, f"could not read the file ({type(exc).__name__}: {exc})"
        try:
            conn.send(result)
        except (OSError, EOFError):
            return
        except Exception as exc:  # pickling the result failed: nothing was sent
            conn.send((False, f"the worker could not return its result ({type(exc).__name__}: {exc})"))


def _die_with_parent() -> None:
    """Ask the kernel to kill this worker when the fork server dies, which it does when the archive process dies."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the worker still exits at its next task
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(0)


def _kill_tree(pid: int) -> None:
    """SIGKILL a process and its descendants (LibreOffice starts its own session, so a group kill misses it)."""
    try:
        os.kill(pid, signal.SIGSTOP)  # a stopped process starts no more children while we look
    except ProcessLookupError:
        return
    for victim in [*_descendants(pid), pid]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(victim, signal.SIGKILL)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in os.scandir("/proc"):
        if not stat.name.isdigit():
            continue
        try:
            with open(f"/proc/{stat.name}/stat", "rb") as f:
                parent = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found
