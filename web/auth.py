"""Who is asking: API tokens (`Authorization: Bearer …`), login sessions (cookie + CSRF token), the login
page. Without credentials only /healthz, the login page and the style sheet answer."""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
from urllib.parse import urlsplit

from flask import Blueprint, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from archive.audit import audit
from archive.errors import ForbiddenError, UnauthorizedError, UsageError
from archive.messages import Message, Term
from archive.people.logins import log_in, log_out
from archive.people.tokens import SESSION_HOURS, session_user, user_for_token
from archive.people.users import User
from web.context import catalog, settings

auth = Blueprint("auth", __name__)

PUBLIC = {"health.healthz", "auth.login", "auth.login_post", "static", "favicon", "i18n.choose"}
# Over HTTPS (and on loopback) only the `__Host-` names are set and read: a browser takes such a cookie only
# from this very host, over a secure connection, for the whole site, so a neighbouring host or a plain-HTTP
# answer cannot plant one. The plain names serve only ARCHIVE_SECURE_COOKIES=never (plain HTTP on a LAN).
SESSION_COOKIE, SECURE_SESSION_COOKIE = "archive_session", "__Host-archive_session"
LOGIN_COOKIE, SECURE_LOGIN_COOKIE = "archive_login", "__Host-archive_login"  # the login form's CSRF token,
# compared with the form's copy (double submit)
LOGIN_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # what secrets.token_urlsafe(32) makes
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def require(role: str) -> User:
    """The user, if their role is `role` or above; 403 otherwise (the same for every record)."""
    current = g.user
    if not current.can(role):
        raise ForbiddenError(
            Message(
                "this needs the %(role)s role; you are a %(yours)s",
                role=Term("role", role),
                yours=Term("role", current.role),
            )
        )
    return current


def role_for(blueprint: Blueprint, role: str, *, writes: str | None = None, **views: str) -> None:
    """The one role check of `blueprint`, before each of its views: `role` to read (GET, HEAD), `writes`
    (else `role`) for the other methods, and the role a view named in `views` (by its function's name) needs
    instead. 403 otherwise, the same for every record (`require`); who may see which record stays with
    `archive.people.access`."""

    @blueprint.before_request
    def check_role() -> None:
        if g.get("user") is None or request.method == "OPTIONS":  # open pages; OPTIONS runs no view
            return
        view = (request.endpoint or "").rpartition(".")[2]
        require(views.get(view) or (role if request.method in ("GET", "HEAD") else writes or role))


def csrf_token() -> str:
    """The token forms carry (hidden field `csrf_token`); scripts send it as `X-CSRF-Token`."""
    return g.get("csrf") or ""


def authenticate_request():
    """`before_request`: find the user, refuse what needs one, check CSRF; set who and where for the audit."""
    g.audit_token = audit.set_acting("anonymous", client_address())
    found, via = _credentials()
    if found is None:
        if request.endpoint in PUBLIC:
            return None
        if request.path.startswith("/api/") or via == "token":
            raise UnauthorizedError(Message("log in or send `Authorization: Bearer TOKEN`"))
        return redirect(url_for("auth.login", next=_local_path(request.full_path)))
    g.user, g.via = found, via
    audit.reset_acting(g.pop("audit_token"))
    g.audit_token = audit.set_acting(found.name, client_address())
    if via == "session" and request.method in UNSAFE:
        _check_csrf()
    return None


def end_request(_exc=None) -> None:
    token = g.pop("audit_token", None)
    if token is not None:
        audit.reset_acting(token)


def _credentials() -> tuple[User | None, str | None]:
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise UnauthorizedError(Message("the Authorization header must be `Bearer TOKEN`"))
        found = user_for_token(catalog().db, token.strip())
        if found is None:
            raise UnauthorizedError(Message("the token is unknown, revoked, or its user is disabled"))
        return found, "token"
    cookie = request.cookies.get(_session_cookie())
    if cookie:
        session = session_user(catalog().db, cookie)
        if session is not None:
            g.csrf = session[1]
            return session[0], "session"
    return None, None


def _check_csrf() -> None:
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token") or ""
    if not hmac.compare_digest(sent.encode(), (g.get("csrf") or "").encode()) or not sent:
        raise ForbiddenError(
            Message("the form is out of date or was not sent by this site (CSRF check): reload the page")
        )
    origin = request.headers.get("Origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.host:
        raise ForbiddenError(Message("the request came from another site"))


def client_address() -> str:
    return request.remote_addr or "unknown"


@auth.get("/login")
def login():
    # Keep a login token the browser already holds: a second /login (another tab, or the favicon request
    # sent to the login page) must not invalidate the form shown first.
    kept = request.cookies.get(_login_cookie(), "")
    token = kept if LOGIN_TOKEN.fullmatch(kept) else secrets.token_urlsafe(32)
    response = (
        render_template("login.html", csrf=token, next=_local_path(request.args.get("next")), error=None, name=""),
        200,
    )
    return _with_login_cookie(response, token)


@auth.post("/login")
def login_post():
    name = request.form.get("name", "").strip()
    password = request.form.get("password", "")
    target = _local_path(request.form.get("next"))
    sent, kept = request.form.get("csrf_token", ""), request.cookies.get(_login_cookie(), "")
    if not sent or not hmac.compare_digest(sent.encode(), kept.encode()):
        raise ForbiddenError(Message("the login form is out of date (CSRF check): reload the page"))
    tried = log_in(catalog(), name, password, client_address())
    if tried.outcome == "refused":
        return _login_again(name, target, _("too many failed logins for this name: wait 15 minutes"), 429)
    if tried.outcome == "failed":
        return _login_again(name, target, _("wrong name or password"), 401)
    cookie, g.csrf = tried.cookie, tried.csrf
    response = redirect(target or url_for("search.home"))
    secure = _secure()
    response.set_cookie(
        _session_cookie(),
        cookie,
        max_age=SESSION_HOURS * 3600,
        path="/",
        secure=secure,
        httponly=True,
        samesite="Strict",
    )
    response.delete_cookie(_login_cookie(), path="/" if secure else "/login", secure=secure, samesite="Strict")
    return response


@auth.post("/logout")
def logout():
    cookie = request.cookies.get(_session_cookie())
    if cookie:
        log_out(catalog(), cookie)
    response = redirect(url_for("auth.login"))
    for name in (SECURE_SESSION_COOKIE, SESSION_COOKIE):
        response.delete_cookie(name, path="/", secure=name.startswith("__Host-"), samesite="Strict")
    return response


def _login_again(name: str, target: str | None, error: str, status: int):
    token = secrets.token_urlsafe(32)
    response = render_template("login.html", csrf=token, next=target, error=error, name=name), status
    return _with_login_cookie(response, token)


def _with_login_cookie(result, token: str):
    from flask import make_response

    response = make_response(result)
    secure = _secure()  # a __Host- cookie must be for the whole site ("/"); the plain one stays on /login
    path = "/" if secure else "/login"
    response.set_cookie(_login_cookie(), token, path=path, secure=secure, httponly=True, samesite="Strict")
    return response


def _session_cookie() -> str:
    return SECURE_SESSION_COOKIE if _secure() else SESSION_COOKIE


def _login_cookie() -> str:
    return SECURE_LOGIN_COOKIE if _secure() else LOGIN_COOKIE


def _secure() -> bool:
    """Secure cookies over HTTPS, and on loopback where browsers accept them over plain HTTP too."""
    mode = settings().secure_cookies
    if mode in ("always", "1", "yes", "on", "true"):
        return True
    if mode in ("never", "0", "no", "off", "false"):
        return False
    if mode != "auto":
        raise UsageError(Message("ARCHIVE_SECURE_COOKIES must be auto, always or never, not %(value)r", value=mode))
    if request.is_secure:
        return True
    host = request.host.rsplit(":", 1)[0].strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _local_path(target: str | None) -> str | None:
    """Only a path on this site may follow a login (no open redirect to another host)."""
    if not target:
        return None
    target = target.rstrip("?")
    # Browsers drop tabs and line breaks inside a URL ("/\t/evil.example" is "//evil.example" to them), and
    # a line break in a header is refused: any control character or space, and it is no path of ours.
    if any(c.isspace() or not c.isprintable() for c in target):
        return None
    if not target.startswith("/") or target.startswith("//") or "\\" in target or target.startswith("/login"):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


@auth.get("/api/me")
def me():
    """Who is asking, as every page's header shows it: name, role, clearance, compartments, and how they signed in."""
    user = g.user
    return jsonify({"name": user.name, "role": user.role, "clearance": user.clearance,
                    "compartments": list(user.compartments), "via": g.get("via")})  # fmt: skip
