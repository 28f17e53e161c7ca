""" "Did you mean" corrects only the free-text words of a query: filters (names and values, quoted or not),
document symbols, operators and phrase quotes come back exactly as typed, even when the visible records
hold words one edit away from them."""

from datetime import datetime

import pytest

from indexer.index.generations import add_documents, open_index
from indexer.index.query import free_words
from indexer.index.search import SearchIndex
from indexer.index.visibility import Clearance
from indexer.normalize import symbol_key

READER = Clearance("confidential")
RESOLUTION = {
    "id": "1",
    "body": "chuyen doi so trong co quan dang",
    "doc_type": "NQ",
    "doc_number": symbol_key("57-NQ/TW"),
    "issuer": "Tỉnh ủy Quảng Trị",
    "issuer_exact": "Tỉnh ủy Quảng Trị",
    "issued": datetime(2016, 3, 1),
    "year": 2016,
}
# Each word is one or two edits from a filter's name or value, or a symbol's part, typed below:
# lai~loai, nam~NQ, tin~Tỉnh, ut~ủy, quanh~Quảng, tre~Trị, 58~57, tu~TW, va~vi, truong~thuong, 2015~2014/2019.
NEAR_MISSES = {
    "id": "2",
    "body": "tin ut quanh tre lai nam 58 tu va truong 2015",
    "doc_type": "BC",
    "issued": datetime(2020, 1, 1),
    "year": 2020,
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("suggest_filters") / "index"
    ix = open_index(path, create=True)
    common = {"rev": 1, "classification": "unclassified", "language": "vi"}
    docs = [{**common, **doc} for doc in (RESOLUTION, NEAR_MISSES)]
    add_documents(ix, [{**doc, "body_pairs": doc["body"]} for doc in docs])
    search_index = SearchIndex(path)
    yield search_index
    search_index.close()


def suggested(index, query: str) -> str | None:
    return index.search(query, clearance=READER).suggestion


@pytest.mark.parametrize(
    "query",
    [
        "loai:NQ chuyenn doi so",
        "type:NQ chuyenn doi so",
        "Loại:nq chuyenn doi so",
        'coquan:"Tỉnh ủy Quảng Trị" chuyenn doi so',
        'issuer:"Tỉnh ủy Quảng Trị" chuyenn doi so',
        "coquan:Quảng chuyenn doi so",
        "so:57-NQ/TW chuyenn doi so",
        "number:57-nq/tw chuyenn doi so",
        "57-NQ/TW chuyenn doi so",
        "57 - NQ/TW chuyenn doi so",
        "nam:2014..2019 chuyenn doi so",
        "year:2016 chuyenn doi so",
        "ngonngu:vi chuyenn doi so",
        "lang:vi chuyenn doi so",
        "domat:thuong chuyenn doi so",
        "ngay:2014-05..2019 chuyenn doi so",
        "issued:2016-03-01 chuyenn doi so",
    ],
)
def test_a_suggestion_keeps_filters_and_symbols_as_typed(index, query):
    suggestion = suggested(index, query)
    assert suggestion == query.replace("chuyenn", "chuyen")
    assert [h.id for h in index.search(suggestion, clearance=READER).hits] == [1], "the suggestion finds the record"


def test_operators_phrase_quotes_and_filters_between_words_are_kept(index):
    query = 'loai:NQ ("chuyenn doi" OR velox) nam:2016 so NOT tre -quanh'
    assert suggested(index, query) == 'loai:NQ ("chuyen doi" OR velox) nam:2016 so NOT tre -quanh'


def test_the_free_word_is_corrected_where_it_stands_not_where_a_filter_repeats_it(index):
    # "vì" (because) folds to the language code typed before it; only the free word becomes "va".
    assert suggested(index, "ngonngu:vi vì OR chuyenn") == "ngonngu:vi va OR chuyen"


def test_known_free_words_are_not_corrected_through_a_filter(index):
    # Nothing issued in 2020 says "chuyen doi so": no free word to correct, so no suggestion, and no error
    # from a filter value "corrected" into one the query language rejects (loai:nam, domat:truong).
    assert index.search("loai:NQ nam:2020 chuyen doi so", clearance=READER).total == 0
    assert suggested(index, "loai:NQ nam:2020 chuyen doi so") is None
    assert suggested(index, "domat:thuong nam:2020 chuyen doi so") is None


def test_free_words_leave_out_filters_symbols_operators_and_exclusions():
    text = 'coquan:"Tỉnh ủy" loai:NQ 57-NQ/TW "chuyen doi" OR so -velox foo:bar'
    words = free_words(text)
    assert [w.text for w in words] == ["chuyen", "doi", "so", "foo", "bar"], "foo: is no filter"
    assert all(text[w.start : w.end] == w.text for w in words)
