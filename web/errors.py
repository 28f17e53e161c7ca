"""How an error answers: JSON `{"error": …}` on the API, a page in the reader's language elsewhere. The app's
error handlers (`install`) turn every exception into one of these."""

from __future__ import annotations

from flask import Flask, g, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException

from archive.errors import ArchiveError, DisposedError, LockedError, NotFoundError, UnauthorizedError
from archive.messages import Message
from archive.records import not_found as log_not_found
from web.context import catalog, settings
from web.messages import HTTP_TEXTS, localize


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def error_response(status: int, message: str, text: str | None = None):
    """JSON `{"error": {"status", "message", "text"}}` for the API (`message` in English, as ever; `text` in
    the reader's language), an HTML page in the reader's language otherwise. `text` is what to say in place
    of `message` (an English-only library message) on a page."""
    local = localize(text or message)
    if wants_json():
        return make_response(jsonify({"error": {"status": status, "message": str(message), "text": local}}), status)
    return make_response(render_template("error.html", status=status, message=local), status)


def disposed_response(exc: DisposedError):
    """410 Gone with the disposal record, for a reader who could have seen the record."""
    if wants_json():
        error = {"status": 410, "message": str(exc.message), "text": localize(exc.message)}
        return make_response(jsonify({"error": error, "disposal": exc.disposal}), 410)
    return make_response(render_template("disposed.html", message=localize(exc.message), disposal=exc.disposal), 410)


def install(app: Flask) -> None:
    """The app's error handlers."""

    @app.errorhandler(ArchiveError)
    def archive_error(exc: ArchiveError):
        if isinstance(exc, NotFoundError) and g.get("user") is not None and "/records/" in request.path:
            log_not_found(catalog(), request.path)  # guessed ids show up in the trail
        if isinstance(exc, DisposedError):
            return disposed_response(exc)
        if isinstance(exc, LockedError):  # the job holding the lock, never its command line's arguments
            from web.status import busy_message

            return error_response(exc.status, busy_message(exc.holder))
        response = error_response(exc.status, exc.message)
        if isinstance(exc, UnauthorizedError):
            response.headers["WWW-Authenticate"] = 'Bearer realm="archive"'
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code == 413:
            limit = settings().max_upload_mb
            return error_response(
                413, Message("the upload is larger than the limit of %(mb)s MiB (ARCHIVE_MAX_UPLOAD_MB)", mb=limit)
            )
        response = error_response(exc.code or 500, exc.description or exc.name, HTTP_TEXTS.get(exc.code or 500))
        if exc.code == 405 and getattr(exc, "valid_methods", None):
            response.headers["Allow"] = ", ".join(exc.valid_methods)  # what the route does take
        return response

    @app.errorhandler(Exception)
    def unexpected_error(exc: Exception):
        app.logger.exception("unexpected error on %s", request.path)
        return error_response(500, Message("internal error; the details are in the server log"))
