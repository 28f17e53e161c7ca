"""Flask front end and JSON API: `create_app(settings)`."""

from __future__ import annotations

from flask import Flask, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import ArchiveError
from indexer.search import SearchIndex


def create_app(settings: Settings | None = None) -> Flask:
    """The WSGI application for the archive in `settings.home`."""
    settings = settings or Settings.load()
    app = Flask(__name__)
    app.config["ARCHIVE_SETTINGS"] = settings
    app.json.ensure_ascii = False
    Catalog(settings.catalog_path).close()  # create or migrate the catalog once, at start-up
    app.extensions["archive_index"] = SearchIndex(settings.index_dir)

    from web.api import api
    from web.pages import pages

    app.register_blueprint(api)
    app.register_blueprint(pages)

    @app.teardown_appcontext
    def close_catalog(_exc) -> None:
        catalog = g.pop("catalog", None)
        if catalog is not None:
            catalog.close()

    @app.errorhandler(ArchiveError)
    def archive_error(exc: ArchiveError):
        return error_response(exc.status, exc.message)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return error_response(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(Exception)
    def unexpected_error(exc: Exception):
        app.logger.exception("unexpected error on %s", request.path)
        return error_response(500, "internal error; the details are in the server log")

    return app


def error_response(status: int, message: str):
    """JSON `{"error": {"status", "message"}}` for the API, an HTML page otherwise."""
    if request.path.startswith("/api/") or request.path == "/healthz":
        return jsonify({"error": {"status": status, "message": message}}), status
    return render_template("error.html", status=status, message=message), status


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
