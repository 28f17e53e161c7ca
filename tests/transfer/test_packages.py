"""Transfer packages: create, verify (a one-byte tamper), import between two homes, the classification gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.catalog import Catalog
from archive.errors import UsageError
from archive.people.users import User
from archive.store import Store
from archive.transfer.package import create_package
from tests.transfer.helpers import DOC_A, DOC_B, DOC_C, home, ingest_docs, need_libreoffice


def _records(settings) -> list[dict]:
    with Catalog(settings.catalog_path) as catalog:
        return [r.to_dict() for r in catalog.iter_records()]


def _events(settings, action: str) -> list[dict]:
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT detail FROM events WHERE action = ? ORDER BY id", (action,)).fetchall()
    return [json.loads(r[0]) for r in rows]


@pytest.mark.slow
def test_round_trip_between_two_homes(tmp_path: Path):
    need_libreoffice()
    a, cli_a = home(tmp_path, "office")
    b, cli_b = home(tmp_path, "historical")
    ingest_docs(cli_a, tmp_path / "in-a", {"nq.txt": DOC_A, "ct.html": DOC_B, "cv.txt": DOC_C})
    ids = {r["filename"]: r["id"] for r in _records(a)}  # workers finish in any order
    nq, ct, cv = ids["nq.txt"], ids["ct.html"], ids["cv.txt"]
    assert cli_a("renditions", "--ids", f"{nq},{ct}", "-q").exit_code == 0
    ingest_docs(cli_b, tmp_path / "in-b", {"same-cv.txt": DOC_C})  # B already holds C: it stays one record
    package = tmp_path / "pkg"
    chosen = f"{nq},{ct},{cv}"
    made, out = cli_a.json("package", "create", "--ids", chosen, "-o", str(package), "--organization", "VP Tỉnh ủy")
    assert made.exit_code == 0, made.output
    assert out[0]["documents"] == 3 and out[0]["without_preservation_copy"] == [cv]
    assert cli_a("package", "verify", str(package)).exit_code == 0

    imported, out = cli_b.json("package", "import", str(package))
    assert imported.exit_code == 0, imported.output
    report = out[0]
    assert sorted(d["source_id"] for d in report["added"]) == sorted([nq, ct])
    held = {r["filename"]: r["id"] for r in _records(b)}["same-cv.txt"]
    assert [(d["source_id"], d["id"]) for d in report["duplicates"]] == [(cv, held)]
    with Catalog(a.catalog_path) as ca, Catalog(b.catalog_path) as cb:
        source_archive = ca.db.execute("SELECT value FROM archive_identity").fetchone()[0]
        for entry in report["added"]:
            there, here = ca.get(entry["source_id"]), cb.get(entry["id"])
            assert (here.sha256, here.title, here.doc_type) == (there.sha256, there.title, there.doc_type)
            assert cb.text(here.id) == ca.text(there.id)
            original_a = Store(a.store_dir).path(there.sha256).read_bytes()
            assert Store(b.store_dir).path(here.sha256).read_bytes() == original_a  # byte-identical
            copy_a = Store(a.store_dir).preservation_path(there.sha256).read_bytes()
            assert Store(b.store_dir).preservation_path(here.sha256).read_bytes() == copy_a
    _, out = cli_b.json("show", str(report["added"][0]["id"]))
    sources = out[0]["sources"]
    assert [(s["archive"], s["id"], s["status"], s["name"]) for s in sources] == [
        (source_archive, report["added"][0]["source_id"], "added", "VP Tỉnh ủy")
    ]
    assert out[0]["preservation"]["format"]["puid"] == "fmt/477"
    verified, out = cli_b.json("verify")
    assert verified.exit_code == 0 and out[0]["ok"] and out[0]["preservation_copies_checked"] == 2

    before = _records(b)
    again, out = cli_b.json("package", "import", str(package))
    assert again.exit_code == 0
    assert out[0]["added"] == [] and out[0]["duplicates"] == [] and len(out[0]["unchanged"]) == 3
    assert _records(b) == before  # a rerun changes nothing
    assert len(_events(b, "import")) == 2 and len(_events(b, "import.duplicate")) == 1


def test_package_holds_metadata_audit_and_manifests(tmp_path: Path, settings, cli):
    ingest_docs(cli, tmp_path / "in", {"nq.txt": DOC_A, "cv.txt": DOC_C})
    nq = {r["filename"]: r["id"] for r in _records(settings)}["nq.txt"]
    assert cli("edit", str(nq), "--set", "doc_number=12-NQ/TU", "-q").exit_code == 0
    package = tmp_path / "pkg"
    assert cli("package", "create", "--query", "thường vụ", "-o", str(package), "-q").exit_code == 0
    data = package / "data"
    listed = json.loads((data / "package.json").read_text())
    assert [d["id"] for d in listed["documents"]] == [nq]  # the query found only this one
    meta = json.loads((data / f"documents/{nq}/metadata.json").read_text())
    assert meta["record"]["doc_number"] == "12-NQ/TU" and meta["provenance"]["doc_number"] == "edited"
    assert meta["format"]["puid"] == "x-fmt/111" and meta["original"]["path"] == "original/nq.txt"
    assert (data / f"documents/{nq}/original/nq.txt").read_text() == DOC_A
    audit = [json.loads(line) for line in (data / "audit.jsonl").read_text().splitlines()]
    assert {e["action"] for e in audit} >= {"ingest", "metadata.edited"} and {e["record_id"] for e in audit} == {nq}
    manifest = (package / "manifest-sha256.txt").read_text()
    assert f"data/documents/{nq}/original/nq.txt" in manifest and (package / "manifest-sha512.txt").is_file()
    assert "Archive-Classified: no" in (package / "bag-info.txt").read_text()


def test_one_changed_byte_fails_verify_and_import_takes_nothing(tmp_path: Path, settings, cli):
    ingest_docs(cli, tmp_path / "in", {"nq.txt": DOC_A, "cv.txt": DOC_C})
    package = tmp_path / "pkg"
    ids = {r["filename"]: r["id"] for r in _records(settings)}
    assert (
        cli("package", "create", "--ids", f"{ids['nq.txt']},{ids['cv.txt']}", "-o", str(package), "-q").exit_code == 0
    )
    cv = ids["cv.txt"]
    target = package / f"data/documents/{cv}/original/cv.txt"
    raw = bytearray(target.read_bytes())
    raw[5] ^= 0x01
    target.write_bytes(bytes(raw))
    checked = cli("package", "verify", str(package))
    assert checked.exit_code == 1
    assert f"data/documents/{cv}/original/cv.txt" in checked.stderr and "nq.txt" not in checked.stderr
    other, cli_b = home(tmp_path, "other")
    imported = cli_b("package", "import", str(package))
    assert imported.exit_code == 1 and "nothing was imported" in imported.stderr
    assert _records(other) == [] and list(Store(other.store_dir).iter_digests()) == []


def test_classification_gate(tmp_path: Path, settings, cli):
    ingest_docs(cli, tmp_path / "in", {"nq.txt": DOC_A, "ct.html": DOC_B, "cv.txt": DOC_C})
    ids = {r["filename"]: r["id"] for r in _records(settings)}
    assert cli("edit", str(ids["ct.html"]), "--set", "classification=confidential", "-q").exit_code == 0
    assert cli("edit", str(ids["cv.txt"]), "--set", "compartments=ban-to-chuc", "-q").exit_code == 0
    package = tmp_path / "pkg"
    all_three = ",".join(str(i) for i in ids.values())
    stopped = cli("package", "create", "--ids", all_three, "-o", str(package))
    assert stopped.exit_code == 1
    assert f"record {ids['ct.html']} (confidential)" in stopped.stderr
    assert f"record {ids['cv.txt']} (unclassified; ban-to-chuc)" in stopped.stderr
    assert f"record {ids['nq.txt']} " not in stopped.stderr
    assert not package.exists() and list(tmp_path.glob(".pkg.part-*")) == []  # nothing written
    assert _events(settings, "package.create") == []

    with pytest.raises(UsageError, match="administrators only"):
        reader = User(1, "clerk", "archivist", "top_secret", ("ban-to-chuc",), False, True, "", "")
        create_package(settings, package, ids=[ids["ct.html"]], allow_classified=True, user=reader)
    assert not package.exists()

    allowed = cli("package", "create", "--ids", all_three, "-o", str(package), "--allow-classified", "-q")
    assert allowed.exit_code == 0, allowed.output
    assert "Archive-Classified: yes" in (package / "bag-info.txt").read_text()
    assert json.loads((package / "data/package.json").read_text())["classified"] is True
    [entry] = _events(settings, "package.create")
    assert (
        entry["allow_classified"] is True and entry["classified"] is True and entry["records"] == sorted(ids.values())
    )


def test_package_import_keeps_classification_and_refuses_a_non_bag(tmp_path: Path, settings, cli):
    ingest_docs(cli, tmp_path / "in", {"ct.html": DOC_B})
    [only] = [str(r["id"]) for r in _records(settings)]
    assert cli("edit", only, "--set", "classification=secret", "-q").exit_code == 0
    package = tmp_path / "pkg"
    assert cli("package", "create", "--ids", only, "-o", str(package), "--allow-classified", "-q").exit_code == 0
    other, cli_b = home(tmp_path, "other")
    assert cli_b("package", "import", str(package), "-q").exit_code == 0
    [record] = _records(other)
    assert record["classification"] == "secret"  # the access rules follow the record
    not_a_bag = tmp_path / "loose"
    not_a_bag.mkdir()
    refused = cli_b("package", "import", str(not_a_bag))
    assert refused.exit_code == 1 and "not_a_bag" in refused.stderr


def test_mets_beside_the_bag_names_every_original_with_its_checksum(tmp_path: Path, settings, cli):
    import metsrw

    ingest_docs(cli, tmp_path / "in", {"nq.txt": DOC_A, "cv.txt": DOC_C})
    ids = {r["filename"]: r["id"] for r in _records(settings)}
    assert cli("edit", str(ids["nq.txt"]), "--set", "doc_number=12-NQ/TU", "-q").exit_code == 0
    package = tmp_path / "pkg"
    assert (
        cli("package", "create", "--ids", f"{ids['nq.txt']},{ids['cv.txt']}", "-o", str(package), "-q").exit_code == 0
    )
    mets = metsrw.METSDocument.fromfile(str(package / "data/mets.xml"))  # written by metsrw, read back by it
    files = {e.path: e for e in mets.all_files() if e.type == "Item"}
    store = Store(settings.store_dir)
    with Catalog(settings.catalog_path) as catalog:
        for record in catalog.iter_records():
            entry = files[f"documents/{record.id}/original/{record.filename}"]
            assert (entry.use, entry.checksum, entry.checksumtype) == ("original", record.sha256, "SHA-256")
            assert (package / "data" / entry.path).read_bytes() == store.path(record.sha256).read_bytes()
    xml = (package / "data/mets.xml").read_text(encoding="utf-8")
    assert "<dc:identifier>12-NQ/TU</dc:identifier>" in xml and "<dc:format>x-fmt/111</dc:format>" in xml
    assert "data/mets.xml" in (package / "manifest-sha256.txt").read_text()  # the bag covers it too
