"""Vietnamese by default, English on request: Flask-Babel with the catalog in web/translations.

Message ids are English; `web/translations/vi/LC_MESSAGES/messages.po` holds the Vietnamese. Only the
`.po` is kept in git: it is compiled to `.mo` when the app starts and the `.mo` is missing or older, so a
fresh checkout works under `make run` and `make test` with no build step of its own."""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Blueprint, Flask, current_app, redirect, request, url_for
from flask_babel import Babel, get_locale
from werkzeug.exceptions import HTTPException

from web.paths import local_path

log = logging.getLogger(__name__)
LOCALES = ("vi", "en")
DEFAULT_LOCALE = "vi"
LANG_COOKIE = "archive_lang"
CATALOG_DIR = Path(__file__).parent / "translations"

i18n = Blueprint("i18n", __name__)


def compile_catalogs(source: Path = CATALOG_DIR) -> Path:
    """Compile every `.po` under `source` whose `.mo` is missing or stale; returns the folder holding the
    `.mo` files (`source`, or a temporary copy when the package is installed read-only)."""
    try:
        _compile_into(source, source)
        return source
    except OSError:
        target = Path(tempfile.gettempdir()) / "archive-translations"
        log.info("translations folder is read-only; compiling into %s", target)
        _compile_into(source, target)
        return target


def _compile_into(source: Path, target: Path) -> None:
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        mo.parent.mkdir(parents=True, exist_ok=True)
        partial = mo.with_suffix(".mo.tmp")
        with partial.open("wb") as out:
            write_mo(out, catalog)
        partial.replace(mo)  # another process starting at the same time sees the old or the new file


def select_locale() -> str:
    """The language the reader chose (a cookie), else Vietnamese."""
    chosen = request.cookies.get(LANG_COOKIE, "")
    return chosen if chosen in LOCALES else DEFAULT_LOCALE


def init_i18n(app: Flask) -> None:
    app.config["BABEL_DEFAULT_LOCALE"] = DEFAULT_LOCALE
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(compile_catalogs())
    Babel(app, locale_selector=select_locale)
    app.register_blueprint(i18n)
    app.jinja_env.globals["current_locale"] = lambda: str(get_locale() or DEFAULT_LOCALE)
    app.jinja_env.globals["language_return"] = language_return
    app.jinja_env.globals["text_lang"] = text_lang


def language_return() -> str:
    """Where the language link comes back to: this page when a GET shows it again; after a form was sent
    (a POST), the page it answers at this path if there is one, else the page the form was on (the
    referrer, when it is this site's), else the home page. Never an address that only takes a POST."""
    if request.method in ("GET", "HEAD"):
        return request.full_path.rstrip("?")
    if _answers_get(request.path):
        return request.path
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.scheme in ("http", "https") and _answers_get(referrer.path):
        return referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return url_for("search.home")


def _answers_get(path: str) -> bool:
    adapter = current_app.url_map.bind(request.host)
    try:
        adapter.match(path, method="GET")
    except HTTPException:  # 404, 405 (a route that only takes a POST), a redirect: not a page to go back to
        return False
    return True


def text_lang(code: str | None) -> str | None:
    """A record's language as an HTML `lang` value ("vi", "en"), or None when it is unknown ("und")."""
    return code if code and re.fullmatch(r"[a-z]{2}", code) else None


@i18n.get("/language/<code>")
def choose(code: str):
    """Switch the language and go back where the reader was (a path on this site only)."""
    if code not in LOCALES:
        code = DEFAULT_LOCALE
    response = redirect(local_path(request.args.get("next")) or url_for("search.home"), 303)
    response.set_cookie(LANG_COOKIE, code, max_age=365 * 24 * 3600, path="/", httponly=True, samesite="Lax")
    return response
