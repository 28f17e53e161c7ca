"""Vietnamese by default, English on request: Flask-Babel with the catalog in web/translations.

Message ids are English; `web/translations/vi/LC_MESSAGES/messages.po` holds the Vietnamese. Only the
`.po` is kept in git: it is compiled to `.mo` when the app starts and the `.mo` is missing or older, so a
fresh checkout works under `make run` and `make test` with no build step of its own."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Blueprint, Flask, redirect, request, url_for
from flask_babel import Babel, get_locale

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


@i18n.get("/language/<code>")
def choose(code: str):
    """Switch the language and go back where the reader was (a path on this site only)."""
    if code not in LOCALES:
        code = DEFAULT_LOCALE
    response = redirect(local_path(request.args.get("next")) or url_for("pages.home"), 303)
    response.set_cookie(LANG_COOKIE, code, max_age=365 * 24 * 3600, path="/", httponly=True, samesite="Lax")
    return response
