"""Flask front end and JSON API: `create_app(settings)`."""

from __future__ import annotations

from flask import Flask, g, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import ArchiveError, DisposedError, LockedError, NotFoundError, UnauthorizedError
from archive.messages import Message
from archive.people.access import not_found
from archive.records import not_found as log_not_found
from indexer import SearchIndex

# No outside calls and no inline code: pages load only this site's own files.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)


def create_app(settings: Settings | None = None) -> Flask:
    """The WSGI application for the archive in `settings.home`."""
    settings = settings or Settings.load()
    app = Flask(__name__)
    app.config["ARCHIVE_SETTINGS"] = settings
    app.json.ensure_ascii = False
    Catalog(settings.catalog_path).close()  # create or migrate the catalog once, at start-up
    app.extensions["archive_index"] = SearchIndex(settings.index_dir, settings.search_budget)

    from web.admin import admin
    from web.admin_area import admin_area
    from web.api import api
    from web.auth import auth, authenticate_request, csrf_token, end_request
    from web.batch import batch
    from web.filing import filing
    from web.followup import followup
    from web.i18n import init_i18n
    from web.ingesting import UploadRequest, ingesting
    from web.labels import install as install_labels
    from web.messages import install as install_messages
    from web.ocr_review import ocr_review
    from web.openapi import openapi
    from web.pages import pages
    from web.registers import registers
    from web.reports import reports
    from web.saved import saved
    from web.workflow import workflow
    from web.workflow_api import workflow_api

    init_i18n(app)
    install_labels(app)
    install_messages(app)
    app.request_class = UploadRequest
    app.config["MAX_CONTENT_LENGTH"] = settings.max_upload_mb * 1024 * 1024
    blueprints = (api, pages, auth, admin, admin_area, ocr_review, workflow, workflow_api, ingesting, openapi)
    blueprints += (registers, followup, filing, saved, reports, batch)
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    app.before_request(authenticate_request)
    app.teardown_request(end_request)
    app.jinja_env.globals["csrf_token"] = csrf_token

    @app.get("/favicon.ico")
    def favicon():
        """Browsers ask for it whatever the page links (which is static/favicon.svg); open to all."""
        return app.send_static_file("favicon.ico")

    @app.context_processor
    def current_user():
        return {"user": g.get("user")}

    @app.after_request
    def security_headers(response):
        if not g.get("framed"):  # an inline original sets its own: framed by this site's record page only
            response.headers["Content-Security-Policy"] = CSP
            response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"  # queries in URLs must not travel on
        if request.endpoint not in ("static", "favicon"):
            response.headers["Cache-Control"] = "no-store"  # nothing classified stays in a browser's cache
        return response

    @app.url_value_preprocessor
    def record_ids_in_range(_endpoint, values) -> None:
        # Ids past SQLite's 64-bit integers can name no record: the same "not found" as any absent id.
        if values and values.get("record_id", 0) > 2**63 - 1:
            raise not_found(values["record_id"])

    @app.teardown_appcontext
    def close_catalog(_exc) -> None:
        catalog = g.pop("catalog", None)
        if catalog is not None:
            catalog.close()

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
        from web.messages import HTTP_TEXTS

        if exc.code == 413:
            limit = settings.max_upload_mb
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

    return app


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def error_response(status: int, message: str, text: str | None = None):
    """JSON `{"error": {"status", "message", "text"}}` for the API (`message` in English, as ever; `text` in
    the reader's language), an HTML page in the reader's language otherwise. `text` is what to say in place
    of `message` (an English-only library message) on a page."""
    from web.messages import localize

    local = localize(text or message)
    if wants_json():
        return make_response(jsonify({"error": {"status": status, "message": str(message), "text": local}}), status)
    return make_response(render_template("error.html", status=status, message=local), status)


def disposed_response(exc: DisposedError):
    """410 Gone with the disposal record, for a reader who could have seen the record."""
    from web.messages import localize

    if wants_json():
        error = {"status": 410, "message": str(exc.message), "text": localize(exc.message)}
        return make_response(jsonify({"error": error, "disposal": exc.disposal}), 410)
    return make_response(render_template("disposed.html", message=localize(exc.message), disposal=exc.disposal), 410)


def catalog() -> Catalog:
    """This request's catalog connection (SQLite connections are per thread)."""
    if "catalog" not in g:
        from flask import current_app

        g.catalog = Catalog(current_app.config["ARCHIVE_SETTINGS"].catalog_path, migrate=False)
    return g.catalog


def search_index() -> SearchIndex:
    from flask import current_app

    return current_app.extensions["archive_index"]


def settings() -> Settings:
    from flask import current_app

    return current_app.config["ARCHIVE_SETTINGS"]
