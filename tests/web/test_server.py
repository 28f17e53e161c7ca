"""`archive serve` under gunicorn: a real server of several processes, in a real subprocess."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import VI_TEXT, run_archive, write


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, token: str | None = None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as response:
        return response.status, response.headers, response.read()


def wait_for(base: str, server: subprocess.Popen) -> None:
    for _ in range(200):
        try:
            get(f"{base}/healthz")
            return
        except OSError:
            if server.poll() is not None:
                pytest.fail("server exited: " + server.stderr.read())
            time.sleep(0.1)
    pytest.fail("server did not start")


def workers_of(pid: int) -> set[int]:
    """The server's worker processes (children of gunicorn's master)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return {int(c) for c in children}


@pytest.mark.slow
def test_serve_answers_search_and_download_from_several_processes(settings, inbox):
    assert run_archive(settings.home, "ingest", str(write(inbox / "a.txt", VI_TEXT))).returncode == 0
    added = run_archive(settings.home, "users", "add", "admin", "--role", "admin", "--clearance", "top_secret",
                        "--token", "--json")  # fmt: skip
    token = json.loads(added.stdout)["token"]
    port = free_port()
    command = [sys.executable, "-m", "archive", "--home", str(settings.home), "serve", "--port", str(port),
               "--workers", "2", "--threads", "2"]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as server:
        try:
            wait_for(base, server)
            status, _, body = get(f"{base}/healthz")
            assert status == 200 and json.loads(body)["records"] is None  # no count without credentials
            assert json.loads(get(f"{base}/healthz", token)[2])["records"] == 1
            with pytest.raises(urllib.error.HTTPError) as refused:
                get(f"{base}/api/search?q=chuyen+doi+so")
            assert refused.value.code == 401
            refused.value.close()
            deadline = time.monotonic() + 20  # gunicorn starts its workers one after another
            while len(workers_of(server.pid)) < 2 and time.monotonic() < deadline:
                time.sleep(0.1)
            workers = workers_of(server.pid)
            assert len(workers) == 2
            # Each request may land on either process: every one must answer the same.
            for _ in range(6):
                _, _, body = get(f"{base}/api/search?q=chuyen+doi+so", token)
                data = json.loads(body)
                assert data["total"] == 1
            _, _, body = get(f"{base}/records/{data['hits'][0]['id']}/download", token)
            assert body == VI_TEXT.encode()
            status, _, body = get(f"{base}/?q=chuy%E1%BB%83n", token)
            assert status == 200 and b"<mark>" in body

            # A worker killed outright is replaced, and the server answers all along.
            os.kill(min(workers), signal.SIGKILL)
            for _ in range(100):
                now = workers_of(server.pid)
                if len(now) == 2 and min(workers) not in now:
                    break
                time.sleep(0.1)
            else:
                pytest.fail(f"the killed worker was not replaced: {workers} -> {workers_of(server.pid)}")
            for _ in range(6):
                assert json.loads(get(f"{base}/api/search?q=chuyen+doi+so", token)[2])["total"] == 1
        finally:
            server.terminate()
            server.wait(timeout=40)
    assert server.returncode == 0  # SIGTERM is a graceful stop
