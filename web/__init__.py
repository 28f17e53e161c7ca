"""Flask front end and JSON API: `create_app(settings)`."""

from __future__ import annotations

from flask import Flask, g, request

from archive.catalog import Catalog
from archive.config import Settings
from archive.people.access import not_found
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
    index = SearchIndex(settings.index_dir, settings.search_budget, settings.search_cache_bytes)
    app.extensions["archive_index"] = index

    from web.admin import admin
    from web.audit import audit
    from web.auth import auth, authenticate_request, csrf_token, end_request
    from web.batch import batch
    from web.context import close_catalog
    from web.errors import install as install_errors
    from web.filing import filing
    from web.followup import followup
    from web.i18n import init_i18n
    from web.ingesting import UploadRequest, ingesting
    from web.labels import install as install_labels
    from web.messages import install as install_messages
    from web.ocr_review import ocr_review
    from web.openapi import openapi
    from web.records.editing import editing
    from web.records.reading import records
    from web.registers import registers
    from web.reports import reports
    from web.retention import retention
    from web.saved import saved
    from web.search import search
    from web.status import health
    from web.users import users

    init_i18n(app)
    install_labels(app)
    install_messages(app)
    app.request_class = UploadRequest
    app.config["MAX_CONTENT_LENGTH"] = settings.max_upload_mb * 1024 * 1024
    blueprints = (search, records, editing, auth, health, admin, audit, users, ocr_review, retention, ingesting)
    blueprints += (openapi, registers, followup, filing, saved, reports, batch)
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    app.before_request(authenticate_request)
    app.teardown_request(end_request)
    app.teardown_appcontext(close_catalog)
    app.jinja_env.globals["csrf_token"] = csrf_token
    install_errors(app)

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

    return app
