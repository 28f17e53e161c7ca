"""gunicorn's worker for `archive serve`: the threaded worker, with request headers read by its event loop.

gunicorn's gthread worker gives each new connection to a thread, which then blocks reading the request
line and headers. A client that sends a few bytes and stops (slowloris) holds that thread until it gives
up, so a handful of such clients stop a worker answering anyone. Here the worker's event loop reads the
header bytes itself, without blocking, for as long as HEADER_TIMEOUT; only a connection whose headers are
complete (a blank line seen, or more bytes than any valid head) goes to a thread, with the bytes read so
far handed to gunicorn's parser. Idle or half-open connections cost a socket each, up to
`worker_connections`, and are closed when their time is up. The same holds for the next request on a
kept-alive connection. (Over TLS the handshake must come first, so the plain gthread way is kept.)

A request gunicorn refuses before the application sees it (a request line over its limit, bad headers)
is answered in the API's JSON error shape, through the application's own error response.
"""

from __future__ import annotations

import errno
import selectors
import time
from functools import partial

from gunicorn.workers.gthread import TConn, ThreadWorker

HEADER_TIMEOUT = 10.0  # seconds a client has to send its request line and headers
MAX_HEAD_BYTES = 64 * 1024  # past this the parser takes over (and refuses what is over its limits)
END_OF_HEAD = b"\r\n\r\n"


class ArchiveWorker(ThreadWorker):
    """ThreadWorker whose event loop, not a thread, waits for each request's headers."""

    def accept(self, listener) -> None:
        if self.cfg.is_ssl:
            return super().accept(listener)
        try:
            sock, address = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        self._await_head(TConn(self.cfg, sock, address, listener.getsockname()))

    def on_client_socket_readable(self, conn, client) -> None:
        """A kept-alive connection has bytes: wait for its next request's headers in the loop too."""
        if self.cfg.is_ssl:
            return super().on_client_socket_readable(conn, client)
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._await_head(conn)

    def _await_head(self, conn) -> None:
        conn.sock.setblocking(False)
        conn.head = b""
        conn.timeout = time.monotonic() + HEADER_TIMEOUT
        self.pending_conns.append(conn)  # gunicorn's run loop closes those whose timeout has passed
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._read_head, conn))

    def _read_head(self, conn, client) -> None:
        try:
            data = conn.sock.recv(MAX_HEAD_BYTES)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client went away
            self._forget(conn, client)
            self.nr_conns -= 1
            conn.close()
            return
        conn.head += data
        if END_OF_HEAD in conn.head or len(conn.head) >= MAX_HEAD_BYTES:
            self._forget(conn, client)
            conn.data_ready = True
            self.enqueue_req(conn)

    def _forget(self, conn, client) -> None:
        self.poller.unregister(client)
        self.pending_conns.remove(conn)

    def handle(self, conn):
        head = getattr(conn, "head", None)
        if head is not None:  # give the parser the bytes the loop read
            conn.head = None
            conn.sock.setblocking(True)
            conn.init()
            conn.parser.unreader.unread(head)
        return super().handle(conn)

    def handle_error(self, req, client, addr, exc) -> None:
        """gunicorn's own answer (status and log line), its HTML page replaced by the API's JSON error."""
        captured = _Captured()
        super().handle_error(req, captured, addr, exc)
        status_line = captured.data.split(b"\r\n", 1)[0].decode("latin-1")
        try:
            status, reason = int(status_line.split(" ", 2)[1]), status_line.split(" ", 2)[2]
        except (IndexError, ValueError):
            status, reason = 500, "Internal Server Error"
        try:
            client.sendall(self._json_error(status, reason, exc))
        except OSError:
            self.log.debug("Failed to send error message.")

    def _json_error(self, status: int, reason: str, exc: BaseException) -> bytes:
        from archive.messages import Message
        from web.errors import error_response
        from web.messages import HTTP_TEXTS

        detail = str(exc) if status < 500 else "internal error; the details are in the server log"
        with self.wsgi.test_request_context("/api/"):
            message = Message("%(reason)s: %(detail)s", reason=reason, detail=detail)
            body = error_response(status, message, HTTP_TEXTS.get(status)).get_data()
        head = f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
        return f"{head}Content-Length: {len(body)}\r\n\r\n".encode("latin-1") + body


class _Captured:
    """Stands in for the client's socket while gunicorn writes its HTML error page, which is kept, not sent."""

    def __init__(self) -> None:
        self.data = b""

    def gettimeout(self) -> float:
        return 0.0

    def setblocking(self, _flag) -> None:
        pass

    def sendall(self, data: bytes) -> None:
        self.data += data
