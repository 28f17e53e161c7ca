"""No page does more work than the JSON API calls that carry the same data, plus its rendering. Work is
counted, not timed: the index searches a request makes (`SearchIndex.search` and `.similar`, the real
methods wrapped in a counter) and the SQL statements it runs (a trace callback on every SQLite connection
opened while it is answered). Each page of `bench.pages.cases` may count no more than the sum of its API
calls, plus the extras named in EXTRA. How long pages take is `bench/pages.py`'s job. The counts are
written to test-artifacts/page-work.md."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from archive.pipeline.ingest import ingest
from bench.pages import RECORD, cases
from indexer import SearchIndex
from tests.conftest import ROOT, SAMPLES, Cli
from tests.web.conftest import add_user, archive_app, token_client


@dataclass
class Work:
    searches: int = 0  # calls of the index's search and similar
    statements: int = 0  # SQL statements, on every connection (its opening PRAGMAs too)

    def __add__(self, other: Work) -> Work:
        return Work(self.searches + other.searches, self.statements + other.statements)


# What a page may do beyond its API calls, and why: the data its template shows that no API call carries.
EXTRA = {
    # The record column names each entry's record by its symbol: one `get_many` for all of them, which the
    # API leaves to its client (its entries carry the record's id only).
    "audit trail": Work(statements=1),
}


@contextmanager
def counting() -> Iterator[Work]:
    """Count the work done inside the block, on the real searcher and the real SQLite connections."""
    work = Work()
    connect = sqlite3.connect

    def traced_connect(*args, **kwargs):
        db = connect(*args, **kwargs)
        db.set_trace_callback(lambda _sql: setattr(work, "statements", work.statements + 1))
        return db

    def counted(method):
        @functools.wraps(method)
        def wrapper(*args, **kwargs):
            work.searches += 1
            return method(*args, **kwargs)

        return wrapper

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sqlite3, "connect", traced_connect)
        patch.setattr(SearchIndex, "search", counted(SearchIndex.search))
        patch.setattr(SearchIndex, "similar", counted(SearchIndex.similar))
        yield work


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(home=tmp_path_factory.mktemp("work") / "home", workers=2)
    ingest(settings, [SAMPLES])
    token = add_user(Cli(settings), "admin", "admin", "top_secret")["token"]
    c = token_client(archive_app(settings), token)
    with Catalog(settings.catalog_path) as catalog:
        record_id = next(r.id for r in catalog.iter_records() if r.filename == RECORD)
    return c, record_id


def work_of(client, paths: list[str]) -> Work:
    """The work of answering every path in turn."""
    with counting() as work:
        for path in paths:
            assert client.get(path).status_code == 200, path
    return work


def test_pages_do_no_more_work_than_their_api_calls(client):
    c, record_id = client
    table = cases(record_id)
    for page, api in table.values():  # first answers open the searcher and fill caches: not counted
        for path in page + api:
            assert c.get(path).status_code == 200, path
    counted = {name: (work_of(c, page), work_of(c, api)) for name, (page, api) in table.items()}

    lines = [
        "| page | page searches | API searches | page SQL | API SQL | SQL extra allowed |",
        "|---|---|---|---|---|---|",
    ]
    for name, (page, api) in counted.items():
        extra = EXTRA.get(name, Work()).statements
        lines.append(f"| {name} | {page.searches} | {api.searches} | {page.statements} | {api.statements} | {extra} |")
    report = ROOT / "test-artifacts" / "page-work.md"
    report.parent.mkdir(exist_ok=True)
    report.write_text("Work per request, on the samples, in-process.\n\n" + "\n".join(lines) + "\n", encoding="utf-8")

    # The counters are in place: the API searches once for a search and once for similar records.
    assert all(api.statements > 0 for _, api in counted.values())
    assert [counted[name][1].searches for name in ("search", "search, a facet, by date", "record")] == [1, 1, 1]
    over = []
    for name, (page, api) in counted.items():
        allowed = api + EXTRA.get(name, Work())
        if page.searches > allowed.searches or page.statements > allowed.statements:
            over.append(f"{name}: page {page}, its API calls {api}, extra allowed {EXTRA.get(name, Work())}")
    assert not over, "pages doing more than their API calls:\n" + "\n".join(over)
