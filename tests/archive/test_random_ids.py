"""With ARCHIVE_RANDOM_IDS, new records and batches take random ids: what a reader sees of the ids says
nothing of the records hidden from them (how many, when). Records archived before keep their ids and URLs."""

from __future__ import annotations

import itertools

from archive.catalog import Catalog
from tests.conftest import EN_TEXT, VI_TEXT, write
from tests.web.conftest import add_user, archive_app, token_client


def test_new_records_take_random_ids_and_old_ones_keep_theirs(cli, settings, inbox, monkeypatch):
    assert cli("ingest", str(write(inbox / "old.txt", "Biên bản họp chi bộ tháng 3."))).exit_code == 0
    monkeypatch.setenv("ARCHIVE_RANDOM_IDS", "1")
    texts = {f"r{i}.txt": f"{VI_TEXT} Số thứ tự {i} trong đợt." for i in range(6)} | {"en.txt": EN_TEXT}
    for name, text in texts.items():
        result, _ = cli.json("ingest", str(write(inbox / name, text)))
        assert result.exit_code == 0, result.output
    with Catalog(settings.catalog_path) as catalog:
        ids = {r.filename: r.id for r in catalog.iter_records()}
        batches = [r[0] for r in catalog.db.execute("SELECT id FROM batches ORDER BY started_at, id")]
    assert ids["old.txt"] == 1 and batches[0] == 1, "what was archived before keeps its id"
    new = sorted(i for name, i in ids.items() if name != "old.txt")
    assert all(10**9 <= i < 2**53 for i in new) and len(set(new)) == len(new)
    gaps = [b - a for a, b in itertools.pairwise(new)]
    assert min(gaps) > 1, "no run of consecutive ids to count hidden ones by"
    assert all(10**9 <= b < 2**53 for b in batches[1:])
    client = token_client(archive_app(settings), add_user(cli, "r", "reader", "secret")["token"])
    some = ids["r3.txt"]
    assert client.get(f"/api/records/{some}").get_json()["id"] == some
    assert client.get(f"/records/{some}/download").status_code == 200
    assert client.get("/api/records/1").status_code == 200, "old URLs keep working"
    assert cli("show", str(some)).exit_code == 0
