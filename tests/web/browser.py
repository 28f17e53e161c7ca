"""A small HTTP client for tests against a real server: cookies kept by hand (as a browser on loopback
keeps Secure ones), redirects not followed, JSON and forms."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.cookies import SimpleCookie


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


@dataclass
class Reply:
    status: int
    headers: object
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)

    def cookies(self) -> list[str]:
        return self.headers.get_all("Set-Cookie") or []


class Http:
    def __init__(self, base: str, token: str | None = None, lang: str | None = None) -> None:
        self.base, self.token = base, token
        self.jar: dict[str, str] = {"archive_lang": lang} if lang else {}
        self.csrf: str | None = None

    def request(self, method: str, path: str, *, form=None, body=None, headers=None) -> Reply:
        data, sent = None, dict(headers or {})
        if form is not None:
            data = urllib.parse.urlencode(form, doseq=True).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        if self.token:
            sent.setdefault("Authorization", f"Bearer {self.token}")
        if self.jar:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.jar.items())
        request = urllib.request.Request(self.base + path, data=data, headers=sent, method=method)
        try:
            with _opener.open(request, timeout=30) as response:
                reply = Reply(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            reply = Reply(error.code, error.headers, error.read())
        self._keep(reply)
        return reply

    def _keep(self, reply: Reply) -> None:
        for header in reply.cookies():
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.jar.pop(name, None)
                else:
                    self.jar[name] = morsel.value

    def get(self, path: str, **kwargs) -> Reply:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> Reply:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs) -> Reply:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs) -> Reply:
        return self.request("DELETE", path, **kwargs)

    def login(self, name: str, password: str) -> Reply:
        """Log in through the form, as a browser would; keeps the session cookie and its CSRF token."""
        page = self.get("/login")
        reply = self.post("/login", form={"name": name, "password": password, "csrf_token": form_csrf(page.text)})
        if reply.status == 302:
            self.csrf = form_csrf(self.get("/").text)
        return reply

    def form(self, path: str, fields: dict) -> Reply:
        """POST a form with this session's CSRF token, as the site's own pages do."""
        return self.post(path, form={**fields, "csrf_token": self.csrf})


def form_csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
