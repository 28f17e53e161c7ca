"""No page is slower than the API behind it by more than rendering: each page and the JSON calls that carry
the same data are timed on the samples (median of several runs, in-process), and the figures are written
to test-artifacts/page-timing.md."""

from __future__ import annotations

import statistics
import time

import pytest

from archive.catalog import Catalog
from archive.config import Settings
from archive.pipeline.ingest import ingest
from tests.conftest import ROOT, SAMPLES, Cli
from tests.web.conftest import add_user, archive_app, token_client

RUNS = 7
RENDER_BUDGET_MS = 60  # what rendering a page's template may add on this 2-core machine


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(home=tmp_path_factory.mktemp("speed") / "home", workers=2)
    ingest(settings, [SAMPLES])
    token = add_user(Cli(settings), "admin", "admin", "top_secret")["token"]
    c = token_client(archive_app(settings), token)
    with Catalog(settings.catalog_path) as catalog:
        record_id = next(r.id for r in catalog.iter_records() if r.filename == "chi-thi-18-CT-TU.docx")
    return c, record_id


def median_ms(client, paths: list[str]) -> float:
    """Median over RUNS of the time to answer every path in turn (after one warm-up)."""
    for path in paths:
        assert client.get(path).status_code == 200, path
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for path in paths:
            client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def test_pages_cost_their_api_plus_rendering(client):
    c, record_id = client
    cases = {
        "search": (["/?q=chuyen+doi+so"], ["/api/search?q=chuyen+doi+so&limit=20"]),
        "search, a facet, by date": (
            ["/?q=chuyen+doi+so&type=CV&sort=issued_desc"],
            ["/api/search?q=chuyen+doi+so&type=CV&sort=issued_desc&limit=20"],
        ),
        "record": (
            [f"/records/{record_id}?q=chuyen+doi+so"],
            [
                f"/api/records/{record_id}",
                f"/api/records/{record_id}/similar?limit=5",
                f"/api/records/{record_id}/status",
                f"/api/records/{record_id}/text?q=chuyen+doi+so",
            ],
        ),
        "retention review": (["/retention"], ["/api/retention/due", "/api/holds", "/api/disposals"]),
        "declassification review": (["/classification"], ["/api/classification/due"]),
        "admin status": (["/admin"], ["/api/status"]),
        "OCR review": (["/admin/ocr"], ["/api/ocr/review"]),
        "users": (["/admin/users"], ["/api/users"]),
        "audit trail": (["/admin/audit"], ["/api/audit?limit=100"]),
    }
    rows = []
    for name, (page, api) in cases.items():
        page_ms, api_ms = median_ms(c, page), median_ms(c, api)
        rows.append((name, page_ms, api_ms))
        assert page_ms <= api_ms + RENDER_BUDGET_MS, f"{name}: page {page_ms:.1f} ms, its API {api_ms:.1f} ms"
    lines = ["| page | page ms | API ms | difference |", "|---|---|---|---|"]
    lines += [f"| {n} | {p:.1f} | {a:.1f} | {p - a:+.1f} |" for n, p, a in rows]
    report = ROOT / "test-artifacts" / "page-timing.md"
    report.parent.mkdir(exist_ok=True)
    report.write_text(f"Median of {RUNS} runs, in-process, 12 samples.\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print("\n" + "\n".join(lines))
