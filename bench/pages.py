"""Each web page against the JSON API calls that carry the same data: what rendering a page adds.

The samples are ingested into a fresh home, an administrator with a token is added, and every page of
`cases` and its API calls are answered in-process (Flask's test client, no server in between) ROUNDS times
after one untimed pass. In each round the page and its API calls run one after the other, page first in
even rounds and API first in odd ones, so a change in the machine's load hits both alike. Per case: the
medians, their ratio and their difference. `tests/web/test_page_work.py` holds the same cases to the
deterministic part of this (no page does more index searches or SQL statements than its API calls).

    nice -n 5 python -m bench.pages [ROUNDS]      (default 25)
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.results import write_block
from bench.search_common import RESULTS, ROOT
from bench.search_report import machine

SECTION = "## Pages against their API calls (`bench/pages.py`)"
SAMPLES = ROOT / "samples"
RECORD = "chi-thi-18-CT-TU.docx"  # the record whose page is measured
QUERY = "chuyen+doi+so"
INTRO = (
    "Made by `nice -n 5 python -m bench.pages`. The difference is what a page's rendering adds to the data "
    "its API calls carry; a page standing for several calls can come out cheaper than their sum (one request, "
    "one authentication, one catalog connection). That no page does more index searches or SQL statements "
    "than its API calls is a test (`tests/web/test_page_work.py`), not a figure here."
)


def cases(record_id: int) -> dict[str, tuple[list[str], list[str]]]:
    """Each page (its paths) and the JSON API calls that carry the same data, by name."""
    return {
        "search": ([f"/?q={QUERY}"], [f"/api/search?q={QUERY}&limit=20"]),
        "search, a facet, by date": (
            [f"/?q={QUERY}&type=CV&sort=issued_desc"],
            [f"/api/search?q={QUERY}&type=CV&sort=issued_desc&limit=20"],
        ),
        "record": (
            [f"/records/{record_id}?q={QUERY}"],
            [
                f"/api/records/{record_id}",
                f"/api/records/{record_id}/similar?limit=5",
                f"/api/records/{record_id}/status",
                f"/api/records/{record_id}/text?q={QUERY}",
            ],
        ),
        "retention review": (["/retention"], ["/api/retention/due", "/api/holds", "/api/disposals"]),
        "declassification review": (["/classification"], ["/api/classification/due"]),
        "admin status": (["/admin"], ["/api/status"]),
        "OCR review": (["/admin/ocr"], ["/api/ocr/review"]),
        "users": (["/admin/users"], ["/api/users"]),
        "audit trail": (["/admin/audit"], ["/api/audit?limit=100"]),
    }


def sample_archive(home: Path):
    """The samples ingested into `home` and an administrator's client: (client, the measured record's id)."""
    from archive.catalog import Catalog
    from archive.config import Settings
    from archive.people.accounts import add_account
    from archive.pipeline.ingest import ingest
    from web import create_app

    settings = Settings(home=home, workers=2)
    ingest(settings, [SAMPLES])
    with Catalog(settings.catalog_path) as catalog:
        with catalog.transaction():
            token = add_account(catalog, "bench", "admin", "top_secret", "", "bench-password-123", token_label="bench")[
                1
            ]
        record_id = next(r.id for r in catalog.iter_records() if r.filename == RECORD)
    client = create_app(settings).test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client, record_id


def answer_ms(client, paths: list[str]) -> float:
    """Milliseconds to answer every path in turn."""
    started = time.perf_counter()
    for path in paths:
        client.get(path)
    return (time.perf_counter() - started) * 1000


def main(rounds: int = 25) -> None:
    home = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    try:
        client, record_id = sample_archive(home / "home")
        table = cases(record_id)
        for page, api in table.values():  # the untimed pass: searcher opened, caches filled, every path answers
            for path in page + api:
                status = client.get(path).status_code
                assert status == 200, f"{path}: {status}"
        times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in table}
        for r in range(rounds):
            for name, (page, api) in table.items():
                page_times, api_times = times[name]
                if r % 2 == 0:
                    page_times.append(answer_ms(client, page))
                    api_times.append(answer_ms(client, api))
                else:
                    api_times.append(answer_ms(client, api))
                    page_times.append(answer_ms(client, page))
    finally:
        shutil.rmtree(home, ignore_errors=True)

    info = machine()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    med = statistics.median
    rows = []
    for name, (page, api) in table.items():
        page_ms, api_ms = med(times[name][0]), med(times[name][1])
        rows.append(
            f"| {name} | `{page[0]}` | {len(api)} | {page_ms:.1f} | {api_ms:.1f} | "
            f"{page_ms / api_ms:.2f}× | {page_ms - api_ms:+.1f} |"
        )
    block = (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {info['cpu']}, {info['cores']} cores, {info['ram']} RAM · "
        f"Python {sys.version.split()[0]} · load average at the end {load} (shared machine). "
        f"Command: `nice -n 5 python -m bench.pages {rounds}`; the {len(list(SAMPLES.iterdir()))} files of "
        f"`samples/`, in-process (Flask's test client), an administrator's token.\n\n"
        f"Median of {rounds} rounds; in each, a page and its API calls one after the other, their order "
        "alternating. Ratio and difference: the page against all its API calls together.\n\n"
        "| page | path | API calls | page ms | API ms | ratio | difference ms |\n"
        "|---|---|---:|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n\n"
    )
    write_block(RESULTS, "pages", SECTION, block, INTRO)
    print(block)


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:2]])
