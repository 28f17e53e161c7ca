"""`archive serve` under waitress, a real WSGI server in a real process."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

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


@pytest.mark.slow
def test_serve_answers_search_and_download(settings, inbox):
    assert run_archive(settings.home, "ingest", str(write(inbox / "a.txt", VI_TEXT))).returncode == 0
    added = run_archive(settings.home, "users", "add", "admin", "--role", "admin", "--clearance", "top_secret",
                        "--token", "--json")  # fmt: skip
    token = json.loads(added.stdout)["token"]
    port = free_port()
    command = [sys.executable, "-m", "archive", "--home", str(settings.home), "serve", "--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as server:
        try:
            for _ in range(100):
                try:
                    status, _, body = get(f"{base}/healthz")
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                pytest.fail("server did not start: " + server.stderr.read())
            assert status == 200 and json.loads(body)["records"] is None  # no count without credentials
            assert json.loads(get(f"{base}/healthz", token)[2])["records"] == 1
            with pytest.raises(urllib.error.HTTPError) as refused:
                get(f"{base}/api/search?q=chuyen+doi+so")
            assert refused.value.code == 401
            refused.value.close()
            status, headers, body = get(f"{base}/api/search?q=chuyen+doi+so", token)
            data = json.loads(body)
            assert data["total"] == 1 and headers["Server"] == "archive"  # waitress, identified
            status, headers, body = get(f"{base}/records/{data['hits'][0]['id']}/download", token)
            assert body == VI_TEXT.encode()
            status, _, body = get(f"{base}/?q=chuy%E1%BB%83n", token)
            assert status == 200 and b"<mark>" in body
        finally:
            server.terminate()
            server.wait(timeout=10)
