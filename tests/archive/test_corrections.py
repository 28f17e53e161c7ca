"""Correcting many records at once through the CLI: dry runs, all or nothing, batch ids in the audit trail,
one index update, and a spreadsheet of corrections by id or checksum."""

import json

import pytest

from archive.catalog import Catalog
from tests.conftest import write

FILES = {  # name: (type, issued, classification, issuer)
    "cv-old": ("CV", "2010-05-01", "unclassified", "Tỉnh ủy Quảng Tri"),
    "nq": ("NQ", "1999-05-01", "unclassified", "Tỉnh ủy Quảng Tri"),
    "bc": ("BC", "2025-07-10", "confidential", "Tỉnh ủy Quảng Tri"),
    "ct": ("CT", "2025-08-01", "unclassified", "Huyện ủy Gio Linh"),
}


@pytest.fixture
def ids(cli, inbox, tmp_path):
    rows = ["file,doc_type,issued,classification,issuer,doc_number"]
    for n, (name, (kind, issued, level, issuer)) in enumerate(FILES.items(), start=1):
        write(inbox / f"{name}.txt", f"Văn bản {name} về công tác lưu trữ.\n")
        rows.append(f"{name}.txt,{kind},{issued},{level},{issuer},{n}-{kind}/TU")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(write(tmp_path / "m.csv", "\n".join(rows) + "\n")))
    assert result.exit_code == 0, result.output
    return {line["path"].rsplit("/", 1)[-1].removesuffix(".txt"): line["id"] for line in lines[:-1]}


def issuer_of(cli, record_id):
    return cli.json("show", str(record_id))[1][0]["issuer"]


def edit_events(settings):
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT record_id, detail FROM events WHERE action = 'metadata.edited' ORDER BY id")
        return [(r["record_id"], json.loads(r["detail"])) for r in rows]


def test_dry_run_shows_old_and_new_and_changes_nothing(cli, ids, settings):
    chosen = f"{ids['cv-old']},{ids['nq']}"
    result, (out,) = cli.json("edit", "--ids", chosen, "--set", "issuer=Tỉnh ủy Quảng Trị", "--dry-run")
    assert result.exit_code == 0, result.output
    assert out["dry_run"] and out["batch"] is None
    assert [r["changed"]["issuer"] for r in out["records"]] == [
        {"old": "Tỉnh ủy Quảng Tri", "new": "Tỉnh ủy Quảng Trị"}
    ] * 2
    assert issuer_of(cli, ids["nq"]) == "Tỉnh ủy Quảng Tri" and edit_events(settings) == []


def test_a_real_run_changes_all_with_one_batch_id_and_reindexes(cli, ids, settings):
    chosen = f"{ids['cv-old']},{ids['nq']},{ids['bc']}"
    result, (out,) = cli.json("edit", "--ids", chosen, "--set", "issuer=Tỉnh ủy Quảng Trị", "--set", "place=Đông Hà")
    assert result.exit_code == 0, result.output
    assert out["changed"] == 3 and out["batch"]
    events = edit_events(settings)
    assert sorted(r for r, _ in events) == sorted([ids["cv-old"], ids["nq"], ids["bc"]])
    assert {d["batch"] for _, d in events} == {out["batch"]}, "one audit entry per record, one shared batch id"
    found = cli.json("search", "", "--issuer", "Tỉnh ủy Quảng Trị")[1][0]
    assert sorted(h["id"] for h in found["hits"]) == sorted([ids["cv-old"], ids["nq"], ids["bc"]])
    assert cli("verify").exit_code == 0


@pytest.mark.parametrize("bad", ["colour=red", "issued=2025-02-30"])
def test_one_refusal_changes_nothing_and_exits_1(cli, ids, settings, bad):
    result = cli("edit", "--ids", f"{ids['nq']},{ids['ct']}", "--set", "place=Đông Hà", "--set", bad)
    assert result.exit_code == 1 and "nothing was changed" in result.stderr
    assert edit_events(settings) == []


def test_an_unknown_or_disposed_record_stops_the_whole_batch(cli, ids, settings):
    from archive.retention.dispose import dispose

    assert dispose(settings, [ids["cv-old"]], "QĐ số 9-QĐ/VPTU").disposed
    result, (out,) = cli.json("edit", "--ids", f"{ids['nq']},{ids['cv-old']},9999", "--set", "place=Đông Hà")
    assert result.exit_code == 1
    assert sorted(r["id"] for r in out["refused"]) == sorted([ids["cv-old"], 9999])
    assert cli.json("show", str(ids["nq"]))[1][0]["place"] is None and edit_events(settings) == []


def test_edit_by_query_touches_what_the_search_finds(cli, ids, settings):
    result, (out,) = cli.json("edit", "--query", 'coquan:"Huyện ủy Gio Linh"', "--set", "place=Gio Linh")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in out["records"]] == [ids["ct"]]
    assert cli.json("show", str(ids["ct"]))[1][0]["place"] == "Gio Linh"


def test_single_record_edit_is_unchanged_and_the_forms_exclude_each_other(cli, ids):
    result, (out,) = cli.json("edit", str(ids["nq"]), "--set", "place=Đông Hà")
    assert result.exit_code == 0 and out == {"id": ids["nq"], "changed": {"place": {"old": None, "new": "Đông Hà"}}}
    assert cli("edit", str(ids["nq"]), "--ids", "1", "--set", "place=x").exit_code == 2
    assert cli("edit", "--set", "place=x").exit_code == 2
    assert cli("edit", "--ids", "1,a", "--set", "place=x").exit_code == 2


def test_manifest_apply_corrects_by_id_or_checksum_all_or_nothing(cli, ids, settings, tmp_path):
    sha = cli.json("show", str(ids["ct"]))[1][0]["sha256"]
    sheet = write(tmp_path / "fix.csv", f"id,sha256,place,title\n{ids['nq']},,Đông Hà,\n,{sha},Gio Linh,Chỉ thị\n")
    result, (preview,) = cli.json("manifest", "apply", str(sheet), "--dry-run")
    assert result.exit_code == 0 and preview["dry_run"] and len(preview["records"]) == 2
    assert cli.json("show", str(ids["ct"]))[1][0]["place"] is None, "a dry run changes nothing"
    result, _ = cli.json("manifest", "apply", str(sheet))
    assert result.exit_code == 0, result.output
    shown = cli.json("show", str(ids["ct"]))[1][0]
    assert (shown["place"], shown["title"]) == ("Gio Linh", "Chỉ thị")
    assert cli.json("show", str(ids["nq"]))[1][0]["title"] != "", "an empty cell leaves the field alone"
    bad = write(tmp_path / "bad.csv", f"id,sha256,place\n{ids['bc']},,Hà Nội\n,{'0' * 64},Huế\n")
    result = cli("manifest", "apply", str(bad))
    assert result.exit_code == 1 and cli.json("show", str(ids["bc"]))[1][0]["place"] is None
    unknown = write(tmp_path / "unknown.csv", "id,colour\n1,red\n")
    assert cli("manifest", "apply", str(unknown)).exit_code == 1
