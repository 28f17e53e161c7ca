"""`archive serve` under hostile clients: connections that never finish their headers (slowloris) do not
stop it answering others, and a request the server refuses before the application (a request line over its
limit) still answers in the API's JSON error shape. A real gunicorn in a real subprocess."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests.conftest import VI_TEXT, run_archive, write
from tests.web.test_server import free_port, wait_for


@pytest.fixture
def served(settings, inbox):
    assert run_archive(settings.home, "ingest", str(write(inbox / "a.txt", VI_TEXT))).returncode == 0
    added = run_archive(settings.home, "users", "add", "r", "--role", "reader", "--clearance", "secret", "--token",
                        "--json")  # fmt: skip
    token = json.loads(added.stdout)["token"]
    port = free_port()
    command = [sys.executable, "-m", "archive", "--home", str(settings.home), "serve", "--port", str(port),
               "--workers", "1", "--threads", "2"]  # fmt: skip
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as server:
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base, server)
            yield base, port, token
        finally:
            server.terminate()
            server.wait(timeout=30)


def search(base: str, token: str, timeout: float) -> dict:
    request = urllib.request.Request(f"{base}/api/search?q=chuyen+doi+so", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        return json.loads(reply.read())


@pytest.mark.slow
def test_a_search_answers_within_a_second_while_50_half_open_connections_are_held(served):
    base, port, token = served
    held = []
    try:
        for i in range(50):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            if i % 2:  # half of them start a request and never finish its headers, half send nothing
                sock.sendall(b"GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            held.append(sock)
        for _ in range(3):  # a worker of two threads: each of these needs a thread the slow clients do not hold
            assert search(base, token, timeout=1.0)["total"] == 1
        with urllib.request.urlopen(f"{base}/healthz", timeout=1.0) as reply:
            assert reply.status == 200
        held[1].sendall(b"1\r\n\r\n")  # one slow client finishes at last: it is answered like anyone
        assert held[1].recv(64).startswith(b"HTTP/1.1 401")
    finally:
        for sock in held:
            sock.close()


@pytest.mark.slow
def test_a_request_line_over_the_limit_answers_in_the_api_json_shape(served):
    base, _, token = served
    long = urllib.request.Request(f"{base}/api/search?q={'x' * 9000}", headers={"Authorization": f"Bearer {token}"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(long, timeout=10)
    reply = refused.value
    assert reply.code == 414 and reply.headers.get_content_type() == "application/json"
    error = json.loads(reply.read())["error"]
    assert error["status"] == 414 and "too large" in error["message"] and error["text"]
    assert search(base, token, timeout=5)["total"] == 1, "the server goes on"
