"""New records and batches take random ids by default, on every path that makes them (ingest, web upload,
transfer package import): what a reader sees of the ids says nothing of the records hidden from them (how
many, when). Records archived before keep their ids and URLs; ARCHIVE_RANDOM_IDS=0 counts 1, 2, 3 instead.
Orders a reader sees do not follow the ids: "recently added" follows when records came, and ties go by id,
not by where the index happens to hold a record."""

from __future__ import annotations

import io
import itertools

from archive.catalog import RANDOM_IDS_FROM, Catalog
from archive.config import Settings
from archive.search import start_page
from indexer import SearchIndex
from tests.conftest import EN_TEXT, VI_TEXT, Cli, write
from tests.web.conftest import add_user, archive_app, token_client

JSON_SAFE = 2**53


def catalog_ids(settings) -> tuple[dict[str, int], list[int]]:
    with Catalog(settings.catalog_path) as catalog:
        ids = {r.filename: r.id for r in catalog.iter_records()}
        batches = [r[0] for r in catalog.db.execute("SELECT id FROM batches ORDER BY started_at, rowid")]
    return ids, batches


def random_enough(ids) -> bool:
    ids = sorted(ids)
    gaps = [b - a for a, b in itertools.pairwise(ids)]
    return all(RANDOM_IDS_FROM <= i < JSON_SAFE for i in ids) and len(set(ids)) == len(ids) and min(gaps, default=2) > 1


def test_new_records_and_batches_take_random_ids_by_default(cli, settings, inbox, monkeypatch):
    monkeypatch.delenv("ARCHIVE_RANDOM_IDS", raising=False)
    for i in range(6):
        assert cli("ingest", str(write(inbox / f"r{i}.txt", f"{VI_TEXT} Số thứ tự {i} trong đợt."))).exit_code == 0
    ids, batches = catalog_ids(settings)
    assert random_enough(ids.values()) and random_enough(batches), (ids, batches)
    client = token_client(archive_app(settings), add_user(cli, "r", "reader", "secret")["token"])
    some = ids["r3.txt"]
    assert client.get(f"/api/records/{some}").get_json()["id"] == some
    assert client.get(f"/records/{some}/download").status_code == 200
    assert cli("show", str(some)).exit_code == 0


def test_web_uploads_and_imported_packages_take_random_ids_too(cli, settings, inbox, tmp_path, monkeypatch):
    monkeypatch.delenv("ARCHIVE_RANDOM_IDS", raising=False)
    clerk = token_client(archive_app(settings), add_user(cli, "clerk", "archivist", "secret")["token"])
    files = [(io.BytesIO(f"{VI_TEXT} Tải lên số {i}.".encode()), f"up{i}.txt") for i in range(3)]
    reply = clerk.post("/api/ingest", data={"files": files}, content_type="multipart/form-data")
    assert reply.status_code == 200, reply.get_data(as_text=True)
    uploaded = [o["id"] for o in reply.get_json()["outcomes"]]
    assert random_enough(uploaded) and random_enough(catalog_ids(settings)[1])

    package = tmp_path / "package"
    ids = ",".join(map(str, uploaded))
    made = cli("package", "create", "--ids", ids, "-o", str(package), "--organization", "VP", "-q")
    assert made.exit_code == 0, made.output
    other = Settings(home=tmp_path / "other", workers=2)
    imported = Cli(other)("package", "import", str(package), "-q")
    assert imported.exit_code == 0, imported.output
    assert random_enough(catalog_ids(other)[0].values())


def test_a_home_with_counted_ids_keeps_them_and_new_records_are_clear_of_them(cli, settings, inbox, monkeypatch):
    monkeypatch.setenv("ARCHIVE_RANDOM_IDS", "0")  # as homes were before random ids were the default
    for name in ("old1.txt", "old2.txt"):
        assert cli("ingest", str(write(inbox / name, f"Biên bản họp chi bộ {name}."))).exit_code == 0
    monkeypatch.delenv("ARCHIVE_RANDOM_IDS")
    assert cli("ingest", str(write(inbox / "new.txt", EN_TEXT))).exit_code == 0
    ids, batches = catalog_ids(settings)
    assert (ids["old1.txt"], ids["old2.txt"]) == (1, 2) and batches[:2] == [1, 2], "what was archived keeps its id"
    assert RANDOM_IDS_FROM <= ids["new.txt"] < JSON_SAFE and RANDOM_IDS_FROM <= batches[2] < JSON_SAFE
    client = token_client(archive_app(settings), add_user(cli, "r", "reader", "secret")["token"])
    assert client.get("/api/records/1").status_code == 200, "old URLs keep working"
    assert client.get(f"/api/records/{ids['new.txt']}").get_json()["id"] == ids["new.txt"]


def test_a_site_that_wants_counted_ids_opts_out(cli, settings, inbox, tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_RANDOM_IDS", "0")
    for i in range(3):
        assert cli("ingest", str(write(inbox / f"c{i}.txt", f"{VI_TEXT} Số {i}."))).exit_code == 0
    ids, batches = catalog_ids(settings)
    assert sorted(ids.values()) == [1, 2, 3] and batches == [1, 2, 3]
    package = tmp_path / "package"
    assert cli("package", "create", "--ids", "1,2,3", "-o", str(package), "-q").exit_code == 0
    other = Settings(home=tmp_path / "other", workers=2)
    assert Cli(other)("package", "import", str(package), "-q").exit_code == 0
    assert sorted(catalog_ids(other)[0].values()) == [1, 2, 3], "an import counts too"


def test_recently_added_follows_arrival_and_ties_go_by_id_not_by_place_in_the_index(cli, settings, inbox):
    # Ids chosen against arrival: the newest record has the smallest id, and the record indexed first the largest.
    arrivals = {"first.txt": (900, "2025-01-01T08:00:00Z"), "second.txt": (500, "2025-02-01T08:00:00Z")}
    arrivals["third.txt"] = (100, "2025-03-01T08:00:00Z")
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        for name, (record_id, at) in arrivals.items():
            catalog.insert_record(
                f"{VI_TEXT} Cùng một câu.",  # the same text: the same score, a tie for relevance
                id=record_id,
                ingested_at=at,
                sha256=f"{record_id:064x}",
                size=1,
                mime="text/plain",
                filename=name,
                language="vi",
            )
    assert cli("reindex", "-q").exit_code == 0
    with Catalog(settings.catalog_path) as catalog:
        recent = start_page(catalog, SearchIndex(settings.index_dir), None)["recent"]
    assert [r["id"] for r in recent] == [100, 500, 900], "newest first, whatever the ids"
    client = token_client(archive_app(settings), add_user(cli, "r", "reader", "secret")["token"])
    hits = client.get("/api/search?q=cùng một câu").get_json()["hits"]
    assert len({h["score"] for h in hits}) == 1 and [h["id"] for h in hits] == [100, 500, 900]
    newest = client.get("/api/search?q=cùng một câu&sort=added").get_json()["hits"]
    assert [h["id"] for h in newest] == [100, 500, 900]
