"""The web's file-plan upload (POST /api/files/plan) holds the CSV in memory, bounded: a whole recovery that
starts meanwhile (an ingest or a disposal beginning beside it empties the store's tmp) does not break it, and
a body beyond the bound is refused with a clear 413, nothing created."""

from __future__ import annotations

from archive.filing.plan import PLAN_UPLOAD_MAX
from archive.store import Store
from archive.upkeep.failpoint import hooked
from archive.upkeep.session import writing
from tests.web.conftest import token_client
from web import create_app

PLAN = "code,title,year,fonds\n01.A,Hồ sơ A,2026,VPTU\n02.B,Hồ sơ B,2026,VPTU\n".encode()


def planned(client) -> list[str]:
    return sorted(f["code"] for f in client.get("/api/files?year=2026").get_json()["files"])


def test_a_whole_recovery_between_receiving_and_loading_the_plan_does_not_break_it(settings, cli, admin):
    assert cli("fonds", "add", "VPTU", "Phông Văn phòng Tỉnh ủy").exit_code == 0
    client = token_client(create_app(settings), admin["token"])
    stray = Store(settings.store_dir).ensure().tmp / "left-by-a-killed-ingest"
    removed = []

    def an_ingest_starts():  # what an ingest or a disposal does first, under the writer lock: the whole recovery
        stray.write_bytes(b"half a file")
        with writing(settings, "ingest") as session:
            removed.append(session.recovered["temporary_files"])

    with hooked("file-plan:read", an_ingest_starts):
        sent = client.post("/api/files/plan", data=PLAN, content_type="text/csv")
    assert removed == [1], "the recovery ran in the middle of the upload, and found only the stray file in tmp"
    assert not stray.exists()
    assert sent.status_code == 200, sent.get_data(as_text=True)
    assert sent.get_json()["imported"] == 2
    assert planned(client) == ["01.A", "02.B"]


def test_a_plan_beyond_the_bound_is_refused_clearly_and_creates_nothing(settings, cli, admin):
    assert cli("fonds", "add", "VPTU", "Phông Văn phòng Tỉnh ủy").exit_code == 0
    client = token_client(create_app(settings), admin["token"])
    padding = b"\n" * (PLAN_UPLOAD_MAX + 1 - len(PLAN))  # blank lines: a valid plan, only too long
    sent = client.post("/api/files/plan", data=PLAN + padding, content_type="text/csv")
    assert sent.status_code == 413, sent.get_data(as_text=True)
    assert f"larger than {PLAN_UPLOAD_MAX >> 20} MiB" in sent.get_json()["error"]["message"]
    text = sent.get_json()["error"]["text"]  # in the reader's language: Vietnamese first
    assert text.startswith(f"danh mục hồ sơ lớn hơn {PLAN_UPLOAD_MAX >> 20} MiB"), text
    assert planned(client) == []
    at_the_bound = client.post("/api/files/plan", data=PLAN + padding[1:], content_type="text/csv")
    assert at_the_bound.status_code == 200 and at_the_bound.get_json()["imported"] == 2
