"""The search API answers pasted text as text: brackets, dashes, colons, stray quotes and operators are never
a 400, hyphenated words are found as written, and the snippet marks only what matched."""

from urllib.parse import quote

import pytest

from archive.pipeline.ingest import ingest
from tests.conftest import EN_TEXT, VI_TEXT, write
from tests.web.conftest import archive_app, token_client


@pytest.fixture
def client(settings, inbox, admin):
    write(inbox / "ket-luan.txt", VI_TEXT + "Sở Nội vụ sơ kết; so sánh với năm trước.\n")
    write(inbox / "conclusion.txt", EN_TEXT + "A provincial-level year-end review followed.\n")
    write(inbox / "other.txt", "The review at provincial and district level in the year, to the end.\n")
    ingest(settings, [inbox])
    return token_client(archive_app(settings), admin["token"])


def found(client, query: str) -> dict:
    response = client.get(f"/api/search?q={quote(query)}")
    assert response.status_code == 200, (query, response.get_data(as_text=True))
    return response.get_json()


@pytest.mark.parametrize(
    "query",
    ["Report (year-end review)", "Kế hoạch (giai đoạn 2021-2025)", "(cải cách", "cải cách)", '"chuyển đổi',
     "OR cải cách AND", "• Bước 1 - chuẩn bị", "Ghi chú: cải cách", "[x] {y} ^z ~w", "NOT", "-", "((("],
)  # fmt: skip
def test_pasted_text_is_never_a_bad_request(client, query):
    assert found(client, query)["total"] >= 0


def test_pasted_titles_and_hyphenated_words_find_their_record(client):
    hits = found(client, "Kết luận – cải cách hành chính (chuyển đổi số)")["hits"]
    assert [h["filename"] for h in hits] == ["ket-luan.txt"]
    hits = found(client, "provincial-level year-end review")["hits"]
    assert [h["filename"] for h in hits] == ["conclusion.txt"], "the words apart are not the hyphenated ones"
    assert found(client, "provincial -level")["total"] == 0, "a - starting a word still excludes"


def test_snippets_mark_the_accented_forms_typed(client):
    (hit,) = found(client, "chuyển đổi số")["hits"]
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in hit["snippet"]
    for other in ("Sở", "sơ", "so"):
        assert f"<mark>{other}</mark>" not in hit["snippet"]
    (hit,) = found(client, "chuyen doi so")["hits"]
    assert "<mark>Sở</mark>" in hit["snippet"] or "<mark>sơ</mark>" in hit["snippet"]
