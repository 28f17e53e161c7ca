"""Logins and credentials, hardened: no redirect off the site after a login (tabs, line breaks, another
host), only `__Host-` cookies over HTTPS and loopback, a revoke form that revokes what it names, and tokens
and sessions that end for good when a password is reset or a user disabled. Against a real waitress server."""

import json
import re
import sqlite3
from html import unescape
from urllib.parse import quote, unquote

import pytest

from tests.web.browser import Http, form_csrf
from tests.web.conftest import add_user


def login_to(server, admin, target: str, *, posted: str | None = None):
    """Log in from `/login?next=target` (percent-encoded as a link would be); the form posts back its own
    `next` field, or `posted` as a forged form would."""
    browser = Http(server, lang="en")
    page = browser.get("/login?next=" + quote(target, safe="/%"))
    kept = re.search(r'name="next" value="([^"]*)"', page.text)
    fields = {"name": "admin", "password": admin["password"], "csrf_token": form_csrf(page.text)}
    fields["next"] = posted if posted is not None else (unescape(kept.group(1)) if kept else "")
    return page, browser.post("/login", form=fields)


@pytest.mark.parametrize(
    "target",
    ["/\t/evil.example", "/%09/evil.example", "\t//evil.example", "/\n/evil.example", "/a\r\nSet-Cookie: x=1",
     "/\r\n/evil.example", " //evil.example", "//evil.example", "https://evil.example/", "/\\evil.example",
     "/\x0b/evil.example", "/\u2028/evil.example"],
)  # fmt: skip
def test_a_login_goes_nowhere_off_the_site(server, admin, target):
    page, reply = login_to(server, admin, target)
    assert page.status == 200 and 'name="next" value="' not in page.text, "the form does not carry it on"
    assert reply.status == 302 and reply.headers["Location"] == "/", f"{target!r} led to {reply.headers['Location']!r}"
    _, forged = login_to(server, admin, "/", posted=unquote(target))  # the same target posted in a forged form
    assert forged.status == 302 and forged.headers["Location"] == "/", f"{target!r} led off the site"


def test_a_local_path_is_still_followed(server, admin):
    assert login_to(server, admin, "/admin/audit?page=2")[1].headers["Location"] == "/admin/audit?page=2"


def test_only_host_prefixed_cookies_are_set_and_read_on_loopback(server, admin):
    browser = Http(server, lang="en")
    page = browser.get("/login")
    (login_cookie,) = page.cookies()
    assert login_cookie.startswith("__Host-archive_login=") and "Path=/;" in login_cookie + ";"
    assert "Secure" in login_cookie and "archive_login" not in browser.jar
    assert browser.login("admin", admin["password"]).status == 302
    session = browser.jar["__Host-archive_session"]
    plain = Http(server, lang="en")
    plain.jar["archive_session"] = session  # the same session under the name without the prefix
    assert plain.get("/").status == 302 and plain.get("/api/me").status == 401
    hosted = Http(server, lang="en")
    hosted.jar["__Host-archive_session"] = session
    assert hosted.get("/api/me").json()["name"] == "admin"
    forged = Http(server, lang="en")  # a login token under the plain name is no login token
    token = form_csrf(forged.get("/login").text)
    forged.jar = {"archive_login": token}
    fields = {"name": "admin", "password": admin["password"], "csrf_token": token}
    assert forged.post("/login", form=fields).status == 403


def live_tokens(settings, name: str) -> int:
    db = sqlite3.connect(settings.catalog_path)
    sql = "SELECT count(*) FROM tokens JOIN users ON users.id = tokens.user_id WHERE name = ? AND revoked_at IS NULL"
    try:
        return db.execute(sql, (name,)).fetchone()[0]
    finally:
        db.close()


@pytest.mark.parametrize("token_id", ["abc", "1 OR 1=1", "-1", "1.0", " ", "٣"])
def test_the_revoke_form_with_an_id_that_is_not_a_number_revokes_nothing(server, admin, cli, settings, token_id):
    lan = add_user(cli, "lan", "reader", "confidential")
    browser = Http(server, lang="en")
    assert browser.login("admin", admin["password"]).status == 302
    reply = browser.form("/admin/users", {"action": "revoke", "name": "lan", "token": token_id})
    if token_id.strip():
        assert reply.status == 400 and "a token id is a number" in reply.text
        assert live_tokens(settings, "lan") == 1 and Http(server, lan["token"]).get("/api/me").status == 200
    else:  # no id at all is the form's "revoke all"
        assert reply.status == 303 and live_tokens(settings, "lan") == 0


def test_a_password_reset_ends_sessions_and_revokes_tokens(server, admin, cli, settings):
    lan = add_user(cli, "lan", "reader", "confidential")
    session = Http(server, lang="en")
    assert session.login("lan", lan["password"]).status == 302
    api = Http(server, admin["token"])
    fresh = api.post("/api/users/lan/password").json()["password"]
    assert Http(server, lan["token"]).get("/api/me").status == 401, "a token outlived the password"
    assert session.get("/api/me").status == 401
    assert Http(server).login("lan", fresh).status == 302
    assert live_tokens(settings, "lan") == 0
    detail = json.loads(
        sqlite3.connect(settings.catalog_path)
        .execute("SELECT detail FROM events WHERE action = 'user.password' ORDER BY id DESC")
        .fetchone()[0]
    )
    assert detail["sessions_ended"] == 1 and len(detail["tokens_revoked"]) == 1


@pytest.mark.parametrize("how", ["web form", "api", "cli"])
def test_tokens_stay_dead_after_a_user_is_disabled_and_enabled_again(server, admin, cli, settings, how):
    lan = add_user(cli, "lan", "reader", "confidential")
    assert Http(server, lan["token"]).get("/api/me").status == 200
    if how == "api":
        api = Http(server, admin["token"])
        assert api.patch("/api/users/lan", body={"disabled": True}).status == 200
        assert api.patch("/api/users/lan", body={"disabled": False}).status == 200
    elif how == "cli":
        assert cli("users", "disable", "lan").exit_code == 0
        assert cli("users", "set", "lan", "--enable").exit_code == 0
    else:
        browser = Http(server, lang="en")
        assert browser.login("admin", admin["password"]).status == 302
        assert browser.form("/admin/users", {"action": "disable", "name": "lan"}).status == 303
        assert browser.form("/admin/users", {"action": "enable", "name": "lan"}).status == 303
    assert Http(server, lan["token"]).get("/api/me").status == 401, "re-enabling brought an old token back"
    assert Http(server).login("lan", lan["password"]).status == 302, "the password works again, tokens do not"
    assert live_tokens(settings, "lan") == 0


def test_the_cli_password_change_revokes_tokens_too(cli, settings):
    lan = add_user(cli, "lan", "reader", "confidential")
    assert live_tokens(settings, "lan") == 1
    assert cli("users", "set", "lan", "--reset-password").exit_code == 0
    assert live_tokens(settings, "lan") == 0 and lan["token"]
