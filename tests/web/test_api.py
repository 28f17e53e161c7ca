"""JSON API shapes, errors and downloads (Flask test client; a real server is in test_server.py)."""

import hashlib

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from archive.pipeline.ingest import ingest
from tests.conftest import EN_TEXT, VI_TEXT, write
from tests.web.conftest import archive_app, token_client

HIT_KEYS = {
    "id",
    "title",
    "filename",
    "language",
    "issued",
    "doc_number",
    "doc_type",
    "issuer",
    "classification",
    "score",
    "snippet",
}


@pytest.fixture
def archive(settings, inbox):
    write(inbox / "ket-luan.txt", VI_TEXT)
    write(inbox / "conclusion <img src=x onerror=alert(1)>.txt", EN_TEXT)
    outcomes = []
    ingest(settings, [inbox], on_outcome=outcomes.append)
    return {o.path.rsplit("/", 1)[-1]: o.record_id for o in outcomes}


@pytest.fixture
def client(settings, archive, admin):
    return token_client(archive_app(settings), admin["token"])  # every request as the administrator


def test_search_shape(client, archive):
    response = client.get("/api/search?q=cai+cach&limit=5")
    assert response.status_code == 200
    data = response.get_json()
    assert set(data) >= {"query", "total", "page", "hits"}
    assert data["query"] == "cai cach" and data["total"] == 1 and data["page"] == 1
    (hit,) = data["hits"]
    assert set(hit) == HIT_KEYS
    assert hit["id"] == archive["ket-luan.txt"] and hit["language"] == "vi"
    assert hit["doc_number"] is None and hit["issued"] is None and hit["classification"] == "unclassified"
    assert isinstance(hit["score"], float) and "<mark>cải</mark> <mark>cách</mark>" in hit["snippet"]


def test_search_pages(client, archive):
    first = client.get("/api/search?q=2025&limit=1&page=1").get_json()
    second = client.get("/api/search?q=2025&limit=1&page=2").get_json()
    assert first["total"] == second["total"] == 2
    assert {first["hits"][0]["id"], second["hits"][0]["id"]} == set(archive.values())
    assert client.get("/api/search?q=2025&limit=1&page=3").get_json()["hits"] == []


def test_snippets_and_file_names_are_escaped(client, archive):
    hit = client.get("/api/search?q=conclusion").get_json()["hits"][0]
    assert hit["filename"] == "conclusion <img src=x onerror=alert(1)>.txt"  # JSON carries the raw value
    page = client.get("/?q=conclusion").get_data(as_text=True)
    assert "conclusion &lt;img src=x onerror=alert(1)&gt;.txt" in page and "<img" not in page


def test_record_and_download(client, archive, inbox):
    record_id = archive["ket-luan.txt"]
    data = client.get(f"/api/records/{record_id}").get_json()
    assert data["id"] == record_id and data["filename"] == "ket-luan.txt" and data["mime"] == "text/plain"
    assert data["sha256"] == hashlib.sha256((inbox / "ket-luan.txt").read_bytes()).hexdigest()
    with client.get(data["links"]["download"]) as download:
        assert download.status_code == 200 and download.data == (inbox / "ket-luan.txt").read_bytes()
        assert download.headers["Content-Disposition"] == "attachment; filename=ket-luan.txt"
        assert download.headers["Content-Type"].startswith("text/plain")
    assert client.get(f"/records/{record_id}").status_code == 200


def test_a_file_name_with_a_newline_still_downloads(settings, client, inbox):
    write(inbox / "new" / "bien\nban.txt", VI_TEXT + " bản thứ hai")
    outcomes = []
    ingest(settings, [inbox / "new"], on_outcome=outcomes.append)
    (outcome,) = outcomes
    with client.get(f"/records/{outcome.record_id}/download") as download:
        disposition = download.headers["Content-Disposition"]
        assert download.status_code == 200 and "\n" not in disposition and "bien ban.txt" in disposition


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/records/999", 404),
        ("/api/search", 400),
        ("/api/search?q=x&limit=0", 400),
        ("/api/search?q=x&limit=abc", 400),
        ("/api/search?q=x&page=-1", 400),
        ("/api/search?q=" + "x" * 5000, 400),
        ("/api/nothing-here", 404),
        ("/records/999/download", 404),
    ],
)
def test_errors_are_json_with_status_and_message(client, url, status):
    with client.get(url) as response:
        assert response.status_code == status
        if url.startswith("/api/"):
            error = response.get_json()["error"]
            assert error["status"] == status and error["message"]


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"status": "ok", "records": 2, "index": "ok"}


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
    | st.sampled_from(
        ['"unbalanced', "AND", "OR OR -", "(((", "title:", "*", "a* b?", "body:[a TO", "-", '""', "\x00\x1f", "ý ở á"]
    )
)
def test_no_query_is_a_server_error(client, query):
    response = client.get("/api/search", query_string={"q": query})
    assert response.status_code in (200, 400), response.get_data(as_text=True)
    data = response.get_json()
    assert ("hits" in data) if response.status_code == 200 else data["error"]["message"]


def test_me_says_who_is_asking_and_needs_credentials(client, cli):
    from tests.web.conftest import add_user

    assert client.get("/api/me").get_json() == {
        "name": "admin", "role": "admin", "clearance": "top_secret", "compartments": [], "via": "token"
    }  # fmt: skip
    reader = add_user(cli, "doc-gia", "reader", "confidential", compartments="A")
    mine = client.get("/api/me", headers={"Authorization": f"Bearer {reader['token']}"}).get_json()
    # Compartment names are kept in lower case.
    assert (mine["name"], mine["role"], mine["clearance"], mine["compartments"]) == (
        "doc-gia",
        "reader",
        "confidential",
        ["a"],
    )
    anonymous = client.get("/api/me", headers={"Authorization": ""})
    assert anonymous.status_code == 401
