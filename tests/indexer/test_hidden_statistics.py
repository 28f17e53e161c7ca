"""What a reader sees does not change when records above their clearance are added: relevance statistics
(how many records hold a word, field lengths, how many records there are), the words a prefix stands for,
"more like this" and "did you mean" are all counted over the records the reader may see."""

from dataclasses import asdict

import pytest

from indexer.index.evaluate import Budget
from indexer.index.generations import add_documents, open_index
from indexer.index.search import SearchIndex
from indexer.index.visibility import Clearance

READER = Clearance("confidential")
PUBLIC = [
    "nghị quyết cải cách hành chính tỉnh ủy quảng trị xaz",
    "báo cáo cải cách hành chính và chuyển đổi số trong cơ quan đảng",
    "kế hoạch chuyển đổi số năm 2024 cải cách thủ tục",
    "công văn về việc chuyển đổi số xbb",
    "thông báo kết luận của ban thường vụ về cải cách",
    "quyết định thành lập ban chỉ đạo chuyển đổi số hành chính",
]
QUERIES = ["cai cach", "chuyen doi so", "cai cach hanh chinh", "x*", "ca*", "chuyen OR cai", "cai cahc hanh chinh"]


def doc(i: int, body: str, level: str) -> dict:
    return {"id": str(i), "rev": 1, "body": body, "title": body[:30], "classification": level, "language": "vi"}


@pytest.fixture
def folder(tmp_path):
    ix = open_index(tmp_path / "index", create=True)
    levels = ["confidential" if i % 3 == 2 else "unclassified" for i in range(len(PUBLIC))]
    add_documents(ix, [doc(i + 1, body, level) for i, (body, level) in enumerate(zip(PUBLIC, levels, strict=True))])
    return tmp_path / "index"


def answers(folder) -> dict:
    index = SearchIndex(folder, lambda: Budget(seconds=60))  # the deadline is not what this test is about
    try:
        seen = {}
        for query in QUERIES:
            result = asdict(index.search(query, clearance=READER, limit=20))
            result.pop("took_ms")
            seen[query] = result
        seen["similar"] = [asdict(h) for h in index.similar(1, PUBLIC[0], clearance=READER)]
        return seen
    finally:
        index.close()


def test_secret_records_holding_the_probe_words_change_nothing_the_reader_sees(folder):
    before = answers(folder)
    assert before["cai cach"]["total"] == 4 and before["cai cach"]["hits"][0]["score"] > 0
    assert {h["id"] for h in before["x*"]["hits"]} == {1, 4}
    probe = "cải cách cải cách hành chính chuyển đổi số cach cahc"  # the probe words, often; "cahc" itself
    # … and 600 words that sort before the reader's "xaz" under the prefix x
    secret = [doc(100 + i, f"{probe} {' '.join(f'xa{i:03d}{j}' for j in range(3))}", "secret") for i in range(200)]
    add_documents(open_index(folder), secret)
    after = answers(folder)
    assert after == before
    assert SearchIndex(folder).search("cai cach", clearance=Clearance("secret")).total == 204, "they are there"


def test_deleted_records_do_not_weigh_either(folder):
    before = answers(folder)
    ix = open_index(folder)
    add_documents(ix, [doc(50, "cải cách cải cách hành chính chuyển đổi số", "unclassified")])
    writer = ix.writer()
    writer.delete_by_term("id", "50")
    writer.commit()
    assert answers(folder) == before
