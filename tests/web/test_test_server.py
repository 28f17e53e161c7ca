"""The tests' in-thread waitress server stops without closing a file descriptor another thread still writes to.

Its loop is woken through a pipe (the trigger) that request threads also write to after each response. The
teardown used to close everything from the loop, pipe included, while those writes could still come: a
write then went to a closed fd number (EBADF, seen twice in full runs) or, once the number was reused,
into whatever file had it by then.
"""

from __future__ import annotations

import tempfile
import threading
import urllib.request

from tests.web.conftest import start_server, stop_server


def hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello"]


def test_a_wake_up_written_after_the_loop_has_stopped_goes_into_the_pipe_not_another_file():
    server, thread = start_server(hello)
    trigger = server.trigger
    pull, reused = trigger._physical_pull, []

    def late_pull():
        # As in a full run: the loop is already awake (a request thread's wake-up after its response), so it
        # takes the stop request queued just before this write, and this thread only writes afterwards.
        pull()
        thread.join(5)
        # Another thread opens files meanwhile (closed below).
        reused.extend(tempfile.TemporaryFile() for _ in range(4))  # noqa: SIM115
        pull()

    trigger._physical_pull = late_pull
    try:
        stop_server(server, thread)
    finally:
        for f in reused:
            f.seek(0)
            assert f.read() == b"", "the wake-up byte went into another file"
            f.close()
    assert not thread.is_alive() and trigger._closed and server.socket is None


def test_a_request_still_running_when_the_server_stops_is_answered_before_anything_is_closed():
    entered, release = threading.Event(), threading.Event()

    def slow(environ, start_response):
        entered.set()
        release.wait(10)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"done"]

    server, thread = start_server(slow)
    trigger = server.trigger
    pull, after_close = trigger._physical_pull, []

    def watched_pull():
        if trigger._closed:
            after_close.append(threading.current_thread().name)
        pull()

    trigger._physical_pull = watched_pull
    answers, errors = [], []

    def ask():
        url = f"http://127.0.0.1:{server.effective_port}/"
        with urllib.request.urlopen(url, timeout=20) as reply:
            answers.append(reply.read())

    def stop():
        try:
            stop_server(server, thread)
        except BaseException as exc:
            errors.append(exc)

    client = threading.Thread(target=ask)
    client.start()
    assert entered.wait(10)
    stopper = threading.Thread(target=stop)
    stopper.start()
    thread.join(10)
    assert not thread.is_alive(), "the loop stops first"
    release.set()  # the request thread answers, then wakes the (stopped) loop through the still open pipe
    client.join(20)
    stopper.join(20)
    assert answers == [b"done"] and errors == [] and after_close == []
    assert trigger._closed and server.socket is None
