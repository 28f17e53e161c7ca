"""An upload whose file names are not all UTF-8 (an old Windows tool sending a Vietnamese name in
Windows-1258): that file's name is read in the legacy code page, and every file of the upload goes on."""

from __future__ import annotations

import unicodedata

from archive.catalog import Catalog
from tests.conftest import EN_TEXT, VI_TEXT
from tests.web.conftest import add_user, archive_app, token_client


def multipart(parts: list[tuple[bytes, bytes]], boundary: bytes = b"xYzBoundary") -> bytes:
    """A multipart body written byte for byte: (raw file name, content) per file, in field `files`."""
    body = b""
    for name, content in parts:
        body += b"--" + boundary + b"\r\n"
        body += b'Content-Disposition: form-data; name="files"; filename="' + name + b'"\r\n'
        body += b"Content-Type: text/plain\r\n\r\n" + content + b"\r\n"
    return body + b"--" + boundary + b"--\r\n"


def test_a_legacy_encoded_name_fails_nothing_and_is_read_in_its_code_page(settings, cli):
    app = archive_app(settings)
    app.testing = False  # answered as the server answers, not raised into the test
    clerk = token_client(app, add_user(cli, "clerk", "archivist", "secret")["token"], lang="en")
    # Not UTF-8: Windows-1258, whose tone marks are combining characters after the letter.
    legacy = unicodedata.normalize("NFD", "Báo cáo tổng kết.txt").replace("o\u0302", "ô").replace("e\u0302", "ê")
    legacy = legacy.replace("a\u0301", "á").encode("cp1258")
    latin = "résumé ÿ.txt".encode("latin-1")
    body = multipart([(b"plain.txt", EN_TEXT.encode()), (legacy, VI_TEXT.encode()), (latin, b"Bien ban hop chi bo.")])
    reply = clerk.post("/api/ingest", data=body, content_type="multipart/form-data; boundary=xYzBoundary")
    assert reply.status_code == 200, reply.get_data(as_text=True)
    outcomes = reply.get_json()["outcomes"]
    assert [o["status"] for o in outcomes] == ["added", "added", "added"]
    with Catalog(settings.catalog_path) as catalog:
        names = sorted(r.filename for r in catalog.iter_records())
    assert names == sorted(["plain.txt", "Báo cáo tổng kết.txt", "résumé ÿ.txt"])
