"""Ranking and result features on a small archive built for each question."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from archive.catalog import Catalog
from archive.pipeline.ingest import ingest
from archive.search import search_records, similar_records
from indexer.index.search import SearchIndex
from tests.conftest import write

FILLER = "Ban Thường vụ Tỉnh ủy đã họp và thống nhất các nội dung trong năm. "


@pytest.fixture
def archive(settings, inbox):
    """Build an archive from {name: text}; returns a function searching it and the ids by name."""

    def build(docs: dict[str, str]):
        for name, text in docs.items():
            write(inbox / name, text)
        outcomes = []
        ingest(settings, [inbox], on_outcome=outcomes.append)
        ids = {o.path.rsplit("/", 1)[-1]: o.record_id for o in outcomes}
        index = SearchIndex(settings.index_dir)

        def search(query, **options):
            with Catalog(settings.catalog_path) as catalog:
                return search_records(catalog, index, query, **options)

        return search, ids

    return build


def order(result, ids):
    names = {v: k for k, v in ids.items()}
    return [names[h["id"]] for h in result["hits"]]


def test_accented_query_prefers_exact_accents_unaccented_matches_all(archive):
    search, ids = archive({
        "ban.txt": FILLER + "Đồng chí đặt tài liệu lên bàn làm việc.",
        "bản.txt": FILLER + "Đồng chí đặt tài liệu lên bản làm việc.",
        "bán.txt": FILLER + "Đồng chí đặt tài liệu lên bán làm việc.",
    })  # fmt: skip
    assert order(search("bản"), ids)[0] == "bản.txt"
    assert order(search("bàn"), ids)[0] == "ban.txt"
    assert search("ban")["total"] == 3, "an unaccented query matches every accented form"


def test_tone_conventions_match_each_other(archive):
    search, ids = archive({"a.txt": FILLER + "Thực hiện chính sách hoà giải và thuỷ lợi.", "b.txt": FILLER})
    assert order(search("hòa giải thủy lợi"), ids) == ["a.txt"]
    assert order(search("hoà giải"), ids) == ["a.txt"]


def test_adjacent_words_rank_above_scattered_ones(archive):
    search, ids = archive({
        "scattered.txt": "Chuyển giao tài liệu. " + FILLER * 3 + "Đổi lịch họp. " + FILLER + "Số lượng lớn.",
        "adjacent.txt": FILLER * 3 + "Đẩy mạnh chuyển đổi số trong cơ quan. " + FILLER,
    })  # fmt: skip
    assert order(search("chuyen doi so"), ids) == ["adjacent.txt", "scattered.txt"]
    assert order(search('"chuyen doi so"'), ids) == ["adjacent.txt"]


def test_title_outweighs_body(archive):
    search, ids = archive({
        "body.txt": "TỈNH ỦY QUẢNG TRỊ\n*\nSố 1-BC/TU\nBÁO CÁO\nvề công tác dân vận\n" + FILLER + "Lưu trữ hồ sơ.",
        "title.txt": "TỈNH ỦY QUẢNG TRỊ\n*\nSố 2-BC/TU\nBÁO CÁO\nvề công tác lưu trữ hồ sơ\n" + FILLER,
    })  # fmt: skip
    assert order(search("luu tru ho so"), ids)[0] == "title.txt"


def test_english_is_stemmed(archive):
    search, ids = archive({
        "en.txt": "The Standing Committee adopted resolutions on administrative reforms and archives management.",
        "vi.txt": FILLER * 2,
    })  # fmt: skip
    assert order(search("resolution reform"), ids) == ["en.txt"]


def test_operators(archive):
    search, ids = archive({
        "a.txt": FILLER + "Công tác văn thư lưu trữ.",
        "b.txt": FILLER + "Công tác dân chủ.",
        "c.txt": FILLER + "Công tác kiểm tra giám sát.",
    })  # fmt: skip
    assert set(order(search("cong tac -van"), ids)) == {"b.txt", "c.txt"}
    assert set(order(search("dan OR kiem"), ids)) == {"b.txt", "c.txt"}
    assert set(order(search("giam*"), ids)) == {"c.txt"}


DATED = {
    f"{year}.txt": f"TỈNH ỦY QUẢNG TRỊ\n*\nSố {n}-{kind}/TU\nQuảng Trị, ngày 1 tháng 3 năm {year}\n"
    f"{'NGHỊ QUYẾT' if kind == 'NQ' else 'KẾT LUẬN'}\nvề cải cách hành chính\n{FILLER}"
    for n, (year, kind) in enumerate([(2019, "NQ"), (2021, "KL"), (2023, "NQ"), (2025, "KL")], start=1)
}


def test_sort_by_issued_date(archive):
    search, ids = archive(DATED)
    assert order(search("cai cach", sort="issued_desc"), ids) == ["2025.txt", "2023.txt", "2021.txt", "2019.txt"]
    assert order(search("cai cach", sort="issued_asc"), ids) == ["2019.txt", "2021.txt", "2023.txt", "2025.txt"]
    relevance = {h["id"]: h["score"] for h in search("cai cach")["hits"]}
    assert {h["id"]: h["score"] for h in search("cai cach", sort="newest")["hits"]} == relevance  # scores still shown


def test_undated_records_come_last_in_both_date_orders(archive):
    search, ids = archive({**DATED, "undated.txt": "Báo cáo về cải cách hành chính, không ghi ngày.\n" + FILLER})
    assert order(search("cai cach", sort="issued_desc"), ids)[-1] == "undated.txt"
    assert order(search("cai cach", sort="issued_asc"), ids)[-1] == "undated.txt"


def test_facets_count_the_whole_result_set_not_the_page(archive):
    search, _ = archive(DATED)
    result = search("cai cach", limit=1)
    assert len(result["hits"]) == 1 and result["total"] == 4
    facets = result["facets"]
    assert facets["type"] == [{"value": "KL", "count": 2}, {"value": "NQ", "count": 2}]
    assert [f["value"] for f in facets["year"]] == [2025, 2023, 2021, 2019]
    assert facets["issuer"] == [{"value": "Tỉnh ủy Quảng Trị", "count": 4}]
    assert facets["language"] == [{"value": "vi", "count": 4}]
    filtered = search("cai cach", filters={"type": "NQ"})
    assert filtered["total"] == 2 and filtered["facets"]["type"] == [{"value": "NQ", "count": 2}]
    assert search("cai cach", filters={"year": "2030"})["total"] == 0


def test_did_you_mean_only_when_it_helps(archive):
    search, _ = archive(DATED)
    assert search("cai cahc hanh chinh")["suggestion"] == "cai cach hanh chinh"
    assert search("cai cach hanh chinh")["suggestion"] is None
    assert search("cai cahc", filters={"year": "2030"})["suggestion"] is None, "not if it finds nothing either"


def test_more_like_this(archive, settings):
    _, ids = archive({
        "a.txt": "Chuyển đổi số, dữ liệu số, hạ tầng số và chữ ký số trong cơ quan đảng. " * 3,
        "b.txt": "Xây dựng hạ tầng số, dữ liệu số dùng chung và chữ ký số cho văn phòng. " * 3,
        "c.txt": "Công tác dân vận, vận động quần chúng, mặt trận và đoàn thể. " * 3,
    })  # fmt: skip
    with Catalog(settings.catalog_path) as catalog:
        similar = similar_records(catalog, SearchIndex(settings.index_dir), ids["a.txt"])
    assert [h["id"] for h in similar["hits"]][:1] == [ids["b.txt"]] and ids["a.txt"] not in [
        h["id"] for h in similar["hits"]
    ]


def test_api_sort_facets_similar(settings, archive):
    from tests.conftest import admin_client

    archive(DATED)
    client = admin_client(settings)
    data = client.get("/api/search", query_string={"q": "cai cach", "sort": "oldest", "type": "NQ"}).get_json()
    assert data["sort"] == "oldest" and [h["issued"] for h in data["hits"]] == ["2019-03-01", "2023-03-01"]
    assert data["facets"]["type"] == [{"value": "NQ", "count": 2}] and "took_ms" in data
    assert client.get("/api/search?q=x&sort=sideways").status_code == 400
    first = data["hits"][0]["id"]
    similar = client.get(f"/api/records/{first}/similar").get_json()
    assert similar["id"] == first and first not in [h["id"] for h in similar["hits"]] and similar["hits"]
    assert client.get("/api/records/999/similar").status_code == 404


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.one_of(
        st.text(max_size=200),
        st.text(alphabet='"()*?-:+^~/\\ OR AND NOT loai: nam: so: 57-NQ/TW đ ă', max_size=80),
        st.text(min_size=900, max_size=1200),
    )
)
def test_any_input_answers_or_explains(archive, query):
    from archive.errors import QueryError

    if not hasattr(test_any_input_answers_or_explains, "search"):
        test_any_input_answers_or_explains.search = archive(DATED)[0]
    try:
        result = test_any_input_answers_or_explains.search(query)
    except QueryError as exc:
        assert exc.message
    else:
        assert result["total"] >= 0 and isinstance(result["hits"], list)
