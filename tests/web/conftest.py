"""Web fixtures: a real waitress server in a thread, users with tokens, and a mixed archive."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager

import pytest

from tests.conftest import Cli
from tests.web.browser import Http
from web import create_app


def start_server(app):
    """`app` under real waitress on a free loopback port, its loop in a thread: (server, thread)."""
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4, ident="archive")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    return server, thread


def stop_server(server, thread) -> None:
    """Stop the loop, then the request threads, and only then close the sockets and the trigger's pipe.

    The loop is asked to leave from its own thread (its map emptied: closing sockets from here while it
    polls them races with it), and nothing is closed while another thread may still use it. The trigger,
    the pipe that wakes the loop, is also written to by request threads after each response. Closing it in
    the loop, as this fixture did, could come before this thread's own wake-up write (when the loop was
    already awake: EBADF, seen twice in full runs) or a request thread's last one; and by then its fd
    number may name another open file (a catalog, an index segment), which the byte goes into.
    """
    stopped = {}

    def leave() -> None:  # in the loop's thread: an empty map ends the loop; nothing is closed yet
        stopped.update(server._map)
        server._map.clear()

    server.trigger.pull_trigger(leave)
    thread.join(timeout=10)
    assert not thread.is_alive(), "the test server's loop did not stop"
    server.task_dispatcher.shutdown()
    assert not server.task_dispatcher.threads, "a request was still running 5 s after its test ended"
    stopped.update(server._map)  # a loop that died early never ran `leave`
    for dispatcher in stopped.values():  # not wasyncore.close_all, which would hide an EBADF
        dispatcher.close()


@contextmanager
def serving(settings):
    """The app under real waitress on a free loopback port; stopped on exit."""
    server, thread = start_server(create_app(settings))
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        stop_server(server, thread)


def archive_app(settings):
    """The app in Flask's testing mode (errors propagate to the test)."""
    app = create_app(settings)
    app.testing = True
    return app


def token_client(app, token: str, lang: str | None = None):
    """A test client sending `token` on every request, and the language cookie when `lang` is given."""
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    if lang:
        client.set_cookie("archive_lang", lang)
    return client


def add_user(cli: Cli, name: str, role: str, clearance: str, compartments: str = "") -> dict:
    """A user with a known password and a token: {"name", "password", "token"}."""
    password = f"{name}-password-123"
    args = ["users", "add", name, "--role", role, "--clearance", clearance, "--password-stdin", "--token", "--json"]
    if compartments:
        args += ["--compartments", compartments]
    result = cli(*args, input=password + "\n")
    assert result.exit_code == 0, result.output
    return {"name": name, "password": password, "token": json.loads(result.stdout)["token"]}


@pytest.fixture
def admin(cli) -> dict:
    return add_user(cli, "admin", "admin", "top_secret")


@pytest.fixture
def server(settings, admin):
    with serving(settings) as base:
        yield base


@pytest.fixture
def as_admin(server, admin) -> Http:
    return Http(server, admin["token"])


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded build), once per test file: Playwright's
    sync API keeps an event loop of its own running while it is open, so it is closed with its file."""
    from tests.web.chromium import CHROMIUM

    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()
