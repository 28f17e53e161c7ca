"""Queries typed or pasted as people write them, on records made up here from random syllables (nothing the
query reader was tuned on): hyphenated names join their parts, lone dashes and bullets are punctuation,
brackets, colons and stray quotes never fail a search, and what a snippet marks is what matched."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from archive.catalog import Catalog
from archive.pipeline.ingest import ingest
from archive.search import search_records
from indexer.core.errors import QueryError
from indexer.index.generations import add_documents, open_index
from indexer.index.highlight import pieces
from indexer.index.query import BARE_STAR, BARE_STAR_RE
from indexer.index.search import SearchIndex
from indexer.normalize import fold
from tests.conftest import write

ONSETS = ["b", "c", "d", "g", "h", "k", "l", "m", "n", "ph", "r", "s", "t", "th", "tr", "v", "x", "ng", "kh", "đ"]
RHYMES = ["a", "á", "ạ", "ê", "ế", "i", "ì", "ô", "ố", "ơ", "ớ", "u", "ú", "ư", "ứ", "an", "ăn", "ân", "ong", "ây"]
ENGLISH = ["brav", "colt", "dren", "flim", "gost", "harl", "jent", "krim", "lorb", "mest", "narp", "plon", "quist"]
FILLER = "Ban Thường vụ đã họp và thống nhất các nội dung trong năm, giao các cơ quan tham mưu triển khai. "


def syllables(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(ONSETS) + rng.choice(RHYMES) for _ in range(n)]


@pytest.fixture
def archive(settings, inbox):
    """Ingest {name: text} through the real pipeline; a search function over it and the ids by file name."""

    def build(docs: dict[str, str]):
        for name, text in docs.items():
            write(inbox / name, text)
        outcomes = []
        ingest(settings, [inbox], on_outcome=outcomes.append)
        ids = {o.path.rsplit("/", 1)[-1]: o.record_id for o in outcomes}
        names = {v: k for k, v in ids.items()}
        index = SearchIndex(settings.index_dir)

        def search(query, **options):
            with Catalog(settings.catalog_path) as catalog:
                answer = search_records(catalog, index, query, **options)
            return [names[h["id"]] for h in answer["hits"]], answer

        return search

    return build


def test_hyphenated_names_match_as_the_text_writes_them(archive):
    rng = random.Random(2416)
    names = ["-".join(syllables(rng, rng.randint(3, 4))) for _ in range(6)]
    docs = {}
    for i, name in enumerate(names):
        parts = name.split("-")
        docs[f"joined{i}.txt"] = FILLER + f"Đoàn công tác thăm {name} và làm việc với các đối tác. " + FILLER
        # The same syllables, but apart and in another order: not the name.
        docs[f"apart{i}.txt"] = FILLER + f"{parts[1]} cùng {parts[0]}; " + " ".join(reversed(parts[2:])) + ". " + FILLER
        docs[f"first{i}.txt"] = FILLER + f"Họp với {parts[0]} về kế hoạch. " + FILLER
    words = ["-".join(rng.sample(ENGLISH, 2)) for _ in range(4)]
    for i, word in enumerate(words):
        a, b = word.split("-")
        docs[f"en{i}.txt"] = f"The committee adopted a {word} plan for the districts of the province this year."
        docs[f"en_apart{i}.txt"] = f"The {b} office wrote to the {a} committee about the plan for the districts."
    docs["range.txt"] = FILLER + "Kế hoạch phát triển giai đoạn 2031-2035 của tỉnh. " + FILLER
    docs["years.txt"] = FILLER + "Năm 2031 tổng kết; " + FILLER + "năm 2035 đánh giá. " + FILLER
    search = archive(docs)

    for i, name in enumerate(names):
        found, _ = search(name)
        assert found == [f"joined{i}.txt"], (name, found)
        assert search(fold(name))[0] == [f"joined{i}.txt"], "typed without accents"
        first = name.split("-")[0]
        # A `-` starting a word after a space still excludes.
        found, _ = search(f"{first} -{name.split('-')[1]}")
        assert f"joined{i}.txt" not in found and f"apart{i}.txt" not in found and f"first{i}.txt" in found
    for i, word in enumerate(words):
        assert search(word)[0] == [f"en{i}.txt"], word
        assert search(f"{word} plan")[0] == [f"en{i}.txt"], "the records that say it are not the ones excluded"
    assert search("2031-2035")[0] == ["range.txt"]
    assert search("2031–2035")[0] == ["range.txt"], "an en dash between digits joins them too"


def test_pasted_titles_with_dashes_bullets_brackets_and_colons(archive):
    rng = random.Random(1608)
    titles = {}
    shapes = [
        "{a} {b} - {c} {d}",
        "{a} {b} – {c} {d}",
        "• {a} {b} - {c} {d}",
        "{a} {b} ({c} {d} 2021-2025)",
        "{a} {b}: {c} {d}",
        "{a} {b} — {c} [{d}]",
        "{a} ({b} {c}) - {d}:",
        "{a} {b} / {c} {d} …",
    ]
    docs = {}
    for i, shape in enumerate(shapes):
        a, b, c, d = (" ".join(syllables(rng, 2)) for _ in range(4))
        title = shape.format(a=a, b=b, c=c, d=d)
        titles[f"t{i}.txt"] = title
        docs[f"t{i}.txt"] = f"{title}\n\n" + FILLER * 3
        # A decoy holding the same words scattered over a long text.
        docs[f"decoy{i}.txt"] = f"{d} {FILLER} {c} {FILLER} {b} {FILLER} {a} {FILLER}" + ("Phụ lục. " * 40)
    search = archive(docs)
    for name, title in titles.items():
        found, answer = search(title)
        assert found and found[0] == name, (title, found)
        assert answer["total"] >= 1


def test_phrases_starting_with_punctuation_and_sentences_with_it(archive):
    search = archive({
        "guide.txt": "Open the tool. The steps are as follows: Select a module, then press Next. Done, as planned.",
        "other.txt": "Select the follows of a module as a guide; the steps are different here.",
    })  # fmt: skip
    assert search('"as follows: Select"')[0] == ["guide.txt"]
    assert search('", as planned"')[0] == ["guide.txt"]
    assert search("The steps are as follows: Select a module, then press Next.")[0][0] == "guide.txt"


QUERY_CHARS = st.sampled_from(list("bcdkxzáệ ") + list("-–—•()[]{}\"“”:;,.!?*+^~'/\\&|") + ["AND", "OR", "NOT", " "])


@pytest.fixture(scope="module")
def tiny_index(tmp_path_factory):
    path = tmp_path_factory.mktemp("punctuation") / "index"
    body = "bcd kxz bá ệk dz k"
    doc = {"id": "1", "rev": 1, "classification": "unclassified", "language": "vi", "body": body, "body_pairs": body}
    add_documents(open_index(path, create=True), [doc])
    index = SearchIndex(path)
    yield index
    index.close()


@hsettings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(QUERY_CHARS, max_size=40).map("".join))
def test_no_punctuation_makes_a_search_fail(tiny_index, text):
    try:
        assert tiny_index.search(text).total >= 0
    except QueryError as refused:
        # The one refusal a query's text may earn: a * standing alone asks for every record (the query-cost
        # bound, tests/indexer/test_query_cost.py); any other QueryError fails the test.
        assert str(refused.message) == str(BARE_STAR) and BARE_STAR_RE.search(text), (text, str(refused.message))


@pytest.mark.parametrize(
    "query",
    ["Kế hoạch (giai đoạn 2021-2025)", "Report (year-end review)", "a (b", "a) b", '"unclosed', 'x "" y', "OR",
     "NOT", "AND a", "a OR", "( )", "-", "- -", "•", "((a)", "a:b:c", "x -", ":", "?", "a**", "^2", "[a TO b]"],
)  # fmt: skip
def test_unbalanced_and_stray_syntax_is_never_an_error(settings, inbox, query):
    write(inbox / "a.txt", "a b x y Report year-end review Kế hoạch giai đoạn 2021-2025")
    ingest(settings, [inbox])
    index = SearchIndex(settings.index_dir)
    try:
        with Catalog(settings.catalog_path) as catalog:
            answer = search_records(catalog, index, query)
    finally:
        index.close()
    assert answer["total"] >= 0
    if query in ("Kế hoạch (giai đoạn 2021-2025)", "Report (year-end review)", "a (b", "a) b", 'x "" y'):
        assert answer["total"] == 1, query


def test_field_names_are_filters_only_when_known(archive):
    search = archive({"a.txt": "Ghi chú: foo:bar and Year: 2025 status:done report", "b.txt": "foo alone"})
    assert search("foo:bar")[0] == ["a.txt"], "an unknown name: its words, side by side"
    assert search("status:done")[0] == ["a.txt"]
    assert search("Ghi chú: foo")[0] == ["a.txt"]


# ----------------------------------------------------------------------------------------- highlighting


TEXT = (
    "Chuyển đổi số là trọng tâm. Sở Nội vụ sơ kết việc so sánh, đối chiếu; chuyển đổi mô hình. "
    "Vi-rút và vi khuẩn; rút kinh nghiệm. A provincial-level plan, not a provincial plan at district level."
)


def marked(query: str) -> list[str]:
    return [piece for piece, matched in pieces(TEXT, query) if matched]


def test_an_accented_query_marks_the_forms_it_typed():
    assert marked("chuyển đổi số") == ["Chuyển", "đổi", "số", "chuyển", "đổi"]
    assert not {"Sở", "sơ", "so", "đối"} & set(marked("chuyển đổi số"))
    assert {"Sở", "sơ", "so", "đối"} <= set(marked("chuyen doi so")), "without accents it matched every form"


def test_phrases_and_hyphenated_words_mark_only_side_by_side():
    assert marked("vi-rút") == ["Vi-rút"]
    assert marked("provincial-level") == ["provincial-level"]
    assert marked('"chuyển đổi"') == ["Chuyển đổi", "chuyển đổi"]
    assert marked("provincial -level") == ["provincial", "provincial"], "what is excluded is not marked"
    assert marked("Báo cáo – Sở Nội vụ") == ["Sở", "Nội", "vụ"]


def test_punctuation_alone_finds_nothing_and_filters_alone_everything(tiny_index):
    for text in ("•", " - ", "– —", '"', "()", ":"):
        assert tiny_index.search(text).total == 0, text
    assert tiny_index.search("nam:2020").total == 0 and tiny_index.search("lang:vi").total == 1
    assert tiny_index.search("lang:vi •").total == 1, "a filter with punctuation is still the filter"


def test_a_filter_value_sheds_the_punctuation_pasted_after_it(tiny_index):
    assert tiny_index.search("bcd nam:2020),").total == 0, "year 2020: no record then, and no error"
    assert tiny_index.search("bcd lang:vi.").total == 1
    assert tiny_index.search("(bcd lang:vi)").total == 1
    assert tiny_index.search('bcd ngay:2019..";').total == 0, "an open range keeps its dots"
