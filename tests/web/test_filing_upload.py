"""An upload's manifest files documents into a file (column file_code), as `ingest --file` does; a file the
uploader may not see is named as a missing one and nothing is ingested."""

from __future__ import annotations

import io
import json

from archive.catalog import Catalog
from tests.conftest import EN_TEXT, VI_TEXT
from tests.web.conftest import add_user, token_client
from web import create_app


def upload(client, files, manifest: bytes):
    data = {"files": [(io.BytesIO(body), name) for name, body in files], "manifest": (io.BytesIO(manifest), "m.csv")}
    return client.post("/api/ingest", data=data, content_type="multipart/form-data")


def test_an_uploads_manifest_files_into_a_file_the_uploader_may_see(settings, cli):
    assert cli("fonds", "add", "TUQT", "Phông Tỉnh ủy Quảng Trị").exit_code == 0
    assert cli("files", "open", "01.UP", "--title", "Hồ sơ tải lên", "--year", "2025").exit_code == 0
    assert (
        cli("files", "open", "02.SEC", "--title", "Hồ sơ mật", "--year", "2025", "--classification", "secret").exit_code
        == 0
    )
    app = create_app(settings)
    clerk = token_client(app, add_user(cli, "clerk", "archivist", "confidential")["token"])
    files = [("kết luận.txt", VI_TEXT.encode()), ("conclusion.txt", EN_TEXT.encode())]
    hidden = upload(clerk, files, "file,file_code\nkết luận.txt,02.SEC\n".encode())
    missing = upload(clerk, files, "file,file_code\nkết luận.txt,03.NONE\n".encode())
    assert hidden.status_code == missing.status_code == 400  # bad input, worded alike
    assert hidden.get_json()["error"]["message"].replace("02.SEC", "X") == missing.get_json()["error"][
        "message"
    ].replace("03.NONE", "X")
    assert json.loads(cli("files", "show", "2025/02.SEC", "--json").stdout)["documents"] == 0
    assert not [p for p in (settings.home / "uploads").rglob("*") if p.is_file()], "the refused upload is gone"
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.count() == 0, "nothing was ingested"
    done = upload(clerk, files, "file,file_code,title\nkết luận.txt,2025/01.UP,Kết luận tải lên\n".encode())
    assert done.status_code == 200, done.get_data(as_text=True)
    assert done.get_json()["summary"]["filed"] == 1
    shown = json.loads(cli("files", "show", "2025/01.UP", "--json").stdout)
    assert [row["title"] for row in shown["contents"]] == ["Kết luận tải lên"]
