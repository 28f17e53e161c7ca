""" "Did you mean" is built only from records the reader may see: hidden records supply no word to a
suggestion and weigh in none of its rankings, even when the query also finds visible records."""

import pytest

from indexer.index.generations import add_documents, open_index
from indexer.index.search import SearchIndex
from indexer.index.visibility import Clearance

READER = Clearance("confidential")
VISIBLE_BODIES = [
    "chuyen doi so trong co quan dang",
    "chuyen doi so va cai cach hanh chinh velox",
    "ban tham muu alpha velux de xuat",
    "bao cao velox tong ket",
]
# Words and pairs these hold are far commoner here than in what the reader may see.
HIDDEN = [
    ("secret", "", "noi dung bimatquansu toi mat"),
    ("top_secret", "", "ke hoach alpha velox alpha velox"),
    ("top_secret", "", "ke hoach alpha velox"),
    ("secret", "", "phuong an alpha velox"),
    ("confidential", "ban-to-chuc", "nhan su alpha velox ngannguoc"),
    ("secret", "", "ban ghi alpha velox"),
]


@pytest.fixture
def index(tmp_path):
    ix = open_index(tmp_path / "index", create=True)
    docs = [
        {"id": str(n), "rev": 1, "body": body, "body_pairs": body, "classification": "unclassified", "language": "vi"}
        for n, body in enumerate(VISIBLE_BODIES, start=1)
    ]
    docs += [
        {
            "id": str(n),
            "rev": 1,
            "body": body,
            "body_pairs": body,
            "classification": level,
            "compartments": units,
            "language": "vi",
        }
        for n, (level, units, body) in enumerate(HIDDEN, start=100)
    ]
    add_documents(ix, docs)
    search_index = SearchIndex(tmp_path / "index")
    yield search_index
    search_index.close()


def suggested(index, query: str, clearance: Clearance | None = READER) -> str | None:
    return index.search(query, clearance=clearance).suggestion


def test_an_or_query_does_not_carry_a_correction_to_a_hidden_word(index):
    assert suggested(index, "chuyenn OR bimatquansy") == "chuyen OR bimatquansy"
    assert suggested(index, "chuyenn OR bimatquansy") == suggested(index, "chuyenn OR zzzzzzzzzzy").replace(
        "zzzzzzzzzzy", "bimatquansy"
    ), "answered as a word found nowhere"
    assert suggested(index, "chuyenn OR bimatquansy", None) == "chuyen OR bimatquansu", "the probe is real"


def test_a_single_misspelt_hidden_word_gets_no_suggestion(index):
    assert suggested(index, "bimatquansy") is None
    assert suggested(index, "bimatquansy", None) == "bimatquansu"


def test_a_word_in_a_compartment_the_reader_lacks_is_not_suggested(index):
    assert suggested(index, "ngannguox", Clearance("top_secret")) is None
    assert suggested(index, "ngannguox", Clearance("top_secret", frozenset({"ban-to-chuc"}))) == "ngannguoc"


def test_neighbouring_words_weigh_only_by_visible_records(index):
    # "alpha velox" stands together in five hidden records and in no visible one; "alpha velux" in one visible.
    assert suggested(index, "alpha velax") == "alpha velux"
    assert suggested(index, "alpha velax", None) == "alpha velox", "the hidden pairs would have decided"


def test_a_word_common_in_hidden_records_but_rare_in_visible_ones_ranks_by_the_visible_count(tmp_path):
    ix = open_index(tmp_path / "index", create=True)
    doc = {"rev": 1, "classification": "unclassified", "language": "vi"}
    visible = [{**doc, "id": "1", "body": "tong ket quorra"}, {**doc, "id": "2", "body": "bao cao quorra"},
               {**doc, "id": "3", "body": "quorru"}]  # fmt: skip
    hidden = [{**doc, "id": str(n), "body": f"ban {n} quorru", "classification": "secret"} for n in range(4, 14)]
    add_documents(ix, visible + hidden)
    index = SearchIndex(tmp_path / "index")
    try:
        assert suggested(index, "quorrx") == "quorra", "2 visible records against 1"
        assert suggested(index, "quorrx", None) == "quorru", "the hidden count would have decided: 11 against 2"
    finally:
        index.close()


def test_a_word_only_an_earlier_version_held_is_not_suggested(tmp_path):
    ix = open_index(tmp_path / "index", create=True)
    doc = {"id": "1", "rev": 1, "body": "bao cao quokkaword", "classification": "unclassified", "language": "vi"}
    add_documents(ix, [doc])
    add_documents(ix, [{**doc, "rev": 2, "body": "bao cao tong ket"}], replace=True)
    index = SearchIndex(tmp_path / "index")
    try:
        assert suggested(index, "quokkawort", None) is None
    finally:
        index.close()
