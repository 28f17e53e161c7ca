"""A clearance hides records above it from every answer the search index gives."""

import pytest

from archive.errors import NotFoundError
from indexer.index.generations import add_documents, open_index
from indexer.index.search import SearchIndex
from indexer.index.visibility import Clearance

DOCS = [
    ("1", "unclassified", ""),
    ("2", "confidential", ""),
    ("3", "secret", ""),
    ("4", "top_secret", ""),
    ("5", "confidential", "ban-to-chuc"),
    ("6", "unclassified", "ban-to-chuc,van-phong"),
]


@pytest.fixture
def index(tmp_path):
    ix = open_index(tmp_path / "index", create=True)
    docs = [
        {"id": i, "rev": 1, "body": f"nghị quyết cải cách hành chính mật{i} bí danh", "classification": level,
         "compartments": compartments, "language": "vi"}
        for i, level, compartments in DOCS
    ]  # fmt: skip
    add_documents(ix, docs)
    search_index = SearchIndex(tmp_path / "index")
    yield search_index
    search_index.close()


def seen(index, clearance, query="cai cach"):
    result = index.search(query, clearance=clearance)
    return sorted(h.id for h in result.hits), result


@pytest.mark.parametrize(
    ("clearance", "visible"),
    [
        (Clearance("unclassified"), [1]),
        (Clearance("confidential"), [1, 2]),
        (Clearance("secret"), [1, 2, 3]),
        (Clearance("top_secret"), [1, 2, 3, 4]),
        (Clearance("confidential", frozenset({"ban-to-chuc"})), [1, 2, 5]),
        (Clearance("top_secret", frozenset({"ban-to-chuc", "van-phong"})), [1, 2, 3, 4, 5, 6]),
    ],
)
def test_results_totals_and_facets_hold_only_what_the_clearance_allows(index, clearance, visible):
    ids, result = seen(index, clearance)
    assert ids == visible and result.total == len(visible)
    levels = {f["value"]: f["count"] for f in result.facets["classification"]}
    assert sum(levels.values()) == len(visible)
    assert index.search("", filters={"classification": "top_secret"}, clearance=clearance).total == (4 in visible)


def test_no_clearance_means_the_local_administrator(index):
    assert seen(index, None)[0] == [1, 2, 3, 4, 5, 6]


def test_a_hidden_record_is_not_found_by_its_own_word_nor_suggested(index):
    low = Clearance("unclassified")
    assert index.search("mật4", clearance=low).total == 0
    # The hidden word is answered as one found nowhere: corrected to a visible word, never kept as known.
    assert index.search("mat4", clearance=low).suggestion == index.search("mat9", clearance=low).suggestion == "mat1"
    assert index.search("mat5", clearance=low).total == 0


def test_more_like_this_neither_shows_nor_reveals_hidden_records(index):
    low = Clearance("confidential")
    assert {h.id for h in index.similar(1, "nghị quyết cải cách hành chính", clearance=low)} == {2}
    with pytest.raises(NotFoundError):
        index.similar(3, "nghị quyết cải cách hành chính", clearance=low)
    with pytest.raises(NotFoundError):
        index.similar(99, "nghị quyết", clearance=low)


def test_a_reclassified_record_is_hidden_on_the_next_search_in_a_long_lived_index(tmp_path):
    ix = open_index(tmp_path / "index", create=True)
    doc = {"id": "1", "rev": 1, "body": "kế hoạch phòng chống bão", "classification": "unclassified", "language": "vi"}
    add_documents(ix, [doc, {**doc, "id": "2"}])
    index = SearchIndex(tmp_path / "index")
    low = Clearance("unclassified")
    assert index.search("bao", clearance=low).total == 2
    add_documents(ix, [{**doc, "rev": 2, "classification": "secret"}], replace=True)  # an edit re-indexes it
    assert [h.id for h in index.search("bao", clearance=low).hits] == [2]
    assert index.search("bao").total == 2, "one version of each record, not two"
    index.close()
