"""Transfer records: refused for held records, local copies removed only on request and only after the
package verifies, and a run killed right after its catalog commit finished by the next writer."""

from __future__ import annotations

import json
from pathlib import Path

from archive.catalog import Catalog
from archive.store import Store
from indexer import indexed_revs_and_copies, open_index
from tests.conftest import run_archive
from tests.transfer.helpers import DOC_A, DOC_B, DOC_C, ingest_docs

TO = "Lưu trữ lịch sử tỉnh"
DECISION = "Biên bản giao nhận số 5/BB-LT"


def _setup(tmp_path: Path, settings, cli) -> tuple[dict[str, int], Path]:
    ingest_docs(cli, tmp_path / "in", {"nq.txt": DOC_A, "ct.html": DOC_B, "cv.txt": DOC_C})
    with Catalog(settings.catalog_path) as catalog:
        ids = {r.filename: r.id for r in catalog.iter_records()}
    package = tmp_path / "pkg"
    chosen = f"{ids['nq.txt']},{ids['ct.html']}"
    assert cli("package", "create", "--ids", chosen, "-o", str(package), "-q").exit_code == 0
    return ids, package


def _state(settings) -> tuple[set[int], set[str], set[int]]:
    with Catalog(settings.catalog_path) as catalog:
        records = {r.id for r in catalog.iter_records()}
    indexed = set(indexed_revs_and_copies(open_index(settings.index_dir))[0])
    return records, set(Store(settings.store_dir).iter_digests()), indexed


def test_a_held_record_refuses_the_transfer(tmp_path: Path, settings, cli):
    ids, _ = _setup(tmp_path, settings, cli)
    assert cli("hold", "add", str(ids["ct.html"]), "--reason", "Thanh tra vụ việc X", "-q").exit_code == 0
    chosen = f"{ids['nq.txt']},{ids['ct.html']}"
    refused = cli("transfer", "record", "--ids", chosen, "--to", TO, "--decision", DECISION)
    assert refused.exit_code == 1
    assert f"record {ids['ct.html']} is under a legal hold" in refused.stderr
    assert "nothing was recorded" in refused.stderr
    _, out = cli.json("transfer", "list")
    assert out[0]["transfers"] == []


def test_record_only_keeps_local_copies(tmp_path: Path, settings, cli):
    ids, _ = _setup(tmp_path, settings, cli)
    before = _state(settings)
    done, out = cli.json("transfer", "record", "--ids", str(ids["nq.txt"]), "--to", TO, "--decision", DECISION)
    assert done.exit_code == 0, done.output
    assert out[0]["to"] == TO and out[0]["decision"] == DECISION and out[0]["local_copies_removed"] is False
    assert [r["id"] for r in out[0]["records"]] == [ids["nq.txt"]]
    assert _state(settings) == before


def test_local_copies_go_only_after_the_package_verifies(tmp_path: Path, settings, cli, monkeypatch):
    ids, package = _setup(tmp_path, settings, cli)
    chosen = f"{ids['nq.txt']},{ids['ct.html']}"
    args = ["transfer", "record", "--ids", chosen, "--to", TO, "--decision", DECISION, "--remove-local"]
    no_package = cli(*args)
    assert no_package.exit_code == 1 and "needs --package" in no_package.stderr
    not_in_it = cli(*args[:3], f"{chosen},{ids['cv.txt']}", *args[4:], "--package", str(package))
    assert not_in_it.exit_code == 1 and f"does not hold record {ids['cv.txt']}" in not_in_it.stderr
    target = next((package / "data/documents").glob("*/text.txt"))
    target.write_text(target.read_text() + "x")
    before = _state(settings)
    tampered = cli(*args, "--package", str(package))
    assert tampered.exit_code == 1 and "does not verify" in tampered.stderr and "text.txt" in tampered.stderr
    assert _state(settings) == before  # nothing removed

    target.write_text(target.read_text()[:-1])
    removed, out = cli.json(*args, "--package", str(package))
    assert removed.exit_code == 0, removed.output
    assert out[0]["local_copies_removed"] is True and out[0]["purged"] is True and out[0]["package"]
    records, digests, indexed = _state(settings)
    assert records == indexed == {ids["cv.txt"]} and len(digests) == 1
    verified = cli("verify")
    assert verified.exit_code == 0, verified.output
    shown = cli("show", str(ids["nq.txt"]))
    assert shown.exit_code == 1  # gone from here; the transfer record keeps what it was
    more = tmp_path / "more"
    ingest_docs(cli, more, {"new.txt": "BÁO CÁO\nvề một việc mới\n"})
    with Catalog(settings.catalog_path) as catalog:
        new_id = {r.filename: r.id for r in catalog.iter_records()}["new.txt"]
    assert new_id not in ids.values()  # ids of records handed on are never given again
    monkeypatch.setenv("ARCHIVE_RANDOM_IDS", "0")  # nor when ids are counted: the next after every id ever given
    ingest_docs(cli, tmp_path / "counted", {"counted.txt": "BÁO CÁO\nvề một việc khác\n"})
    with Catalog(settings.catalog_path) as catalog:
        counted = {r.filename: r.id for r in catalog.iter_records()}["counted.txt"]
    assert counted == max(*ids.values(), new_id) + 1


def test_a_transfer_killed_after_its_commit_is_finished_by_the_next_writer(tmp_path: Path, settings, cli):
    ids, package = _setup(tmp_path, settings, cli)
    chosen = f"{ids['nq.txt']},{ids['ct.html']}"
    killed = run_archive(
        settings.home,
        *("transfer", "record", "--ids", chosen, "--to", TO, "--decision", DECISION),
        *("--remove-local", "--package", str(package)),
        env={"ARCHIVE_FAILPOINT": "transfer.committed"},
    )
    assert killed.returncode == -9, killed.stderr
    records, digests, indexed = _state(settings)
    assert records == {ids["cv.txt"]}  # the catalog commit happened …
    assert len(digests) == 3 and indexed == set(ids.values())  # … the store and index were not yet touched
    with Catalog(settings.catalog_path) as catalog:
        row = catalog.db.execute("SELECT removed, purged, records FROM transfers").fetchone()
    assert (row["removed"], row["purged"]) == (1, 0) and len(json.loads(row["records"])) == 2

    assert run_archive(settings.home, "reindex", "-q").returncode == 0  # any writer recovers
    records, digests, indexed = _state(settings)
    assert records == indexed == {ids["cv.txt"]} and len(digests) == 1
    _, out = cli.json("transfer", "list")
    assert out[0]["transfers"][0]["purged"] is True
    assert cli("verify").exit_code == 0
