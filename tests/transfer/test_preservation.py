"""Preservation copies: PDF/A made by ocrmypdf and LibreOffice, read back from their XMP; pending without
the tools; verify reports their problems apart; each record's format with a PRONOM identifier."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pypdfium2
import pytest

from archive.catalog import Catalog
from archive.preservation.pdfa import pdfa_identification
from archive.store import Store, file_sha256
from tests.conftest import SAMPLES, admin_client, run_archive
from tests.transfer.helpers import DOC_A, DOC_B, TITLE_A, ingest_docs, need_libreoffice, need_ocrmypdf


def _ids(settings) -> dict[str, int]:
    with Catalog(settings.catalog_path) as catalog:
        return {r.filename: r.id for r in catalog.iter_records()}


def _pdf_text(path: Path) -> str:
    """The copy's text as PDFium reads it (pdfminer misreads the ToUnicode map LibreOffice writes for
    stacked Vietnamese diacritics, e.g. ế, ồ)."""
    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.slow
def test_pdfa_copies_declare_part_and_conformance_and_hold_the_title(tmp_path: Path, settings, cli):
    need_libreoffice()
    need_ocrmypdf()
    shutil.copy(SAMPLES / "ket-luan-133-KL-TW.pdf", tmp_path / "kl.pdf")
    ingest_docs(cli, tmp_path, {"nq.txt": DOC_A, "ct.html": DOC_B})
    made, out = cli.json("renditions")
    assert made.exit_code == 0, made.output
    assert sorted(out[0]["done"]) == sorted(_ids(settings).values()) and out[0]["pending"] == out[0]["failed"] == []
    store = Store(settings.store_dir)
    with Catalog(settings.catalog_path) as catalog:
        for record in catalog.iter_records():
            copy = store.preservation_path(record.sha256)
            assert copy.name == record.sha256 + ".pdfa.pdf" and copy.parent == store.path(record.sha256).parent
            assert pdfa_identification(copy) == ("2", "B")
            row = catalog.db.execute("SELECT sha256, tool FROM renditions WHERE record_id = ?", (record.id,)).fetchone()
            assert row["sha256"] == file_sha256(copy)
            assert row["tool"].startswith("ocrmypdf" if record.mime == "application/pdf" else "libreoffice")
            assert _flat(record.title) in _flat(_pdf_text(copy)), record.filename
    assert _flat(TITLE_A) in {_flat(r.title) for r in Catalog(settings.catalog_path).iter_records()}
    again, out = cli.json("renditions")  # nothing left to make
    assert again.exit_code == 0 and out[0]["done"] == []


def test_without_the_tools_records_wait_then_a_later_run_makes_them(tmp_path: Path, settings, cli):
    need_libreoffice()
    ingest_docs(cli, tmp_path / "in", {"nq.txt": DOC_A})
    empty = tmp_path / "no-tools"
    empty.mkdir()
    waiting = run_archive(settings.home, "renditions", "--json", env={"PATH": str(empty)})
    assert waiting.returncode == 0, waiting.stderr
    only = _ids(settings)["nq.txt"]
    assert f'"pending": [{{"id": {only}, "reason": "LibreOffice is not installed' in waiting.stdout
    assert list(Store(settings.store_dir).root.glob("*/*.pdfa.pdf")) == []
    later = run_archive(settings.home, "renditions", "--pending", "--json", env={"PATH": os.environ["PATH"]})
    assert later.returncode == 0 and f'"done": [{only}]' in later.stdout
    assert len(list(Store(settings.store_dir).root.glob("*/*.pdfa.pdf"))) == 1


def test_verify_reports_a_changed_copy_apart_from_the_originals(tmp_path: Path, settings, cli):
    need_libreoffice()
    ingest_docs(cli, tmp_path / "in", {"nq.txt": DOC_A})
    assert cli("renditions", "-q").exit_code == 0
    ok, out = cli.json("verify")
    assert ok.exit_code == 0 and out[0]["preservation_copies_checked"] == 1
    with Catalog(settings.catalog_path) as catalog:
        only = _ids(settings)["nq.txt"]
        copy = Store(settings.store_dir).preservation_path(catalog.get(only).sha256)
    copy.chmod(0o644)
    raw = bytearray(copy.read_bytes())
    raw[-20] ^= 0x01
    copy.write_bytes(bytes(raw))
    bad, out = cli.json("verify")
    assert bad.exit_code == 1 and out[0]["ok"] is False
    assert out[0]["problems"] == []  # the original is fine
    [problem] = out[0]["preservation_problems"]
    assert problem["kind"] == "corrupt_preservation_copy" and problem["id"] == only
    said = cli("verify")
    assert said.exit_code == 1 and f"preservation copy: corrupt_preservation_copy: record {only}" in said.stderr
    copy.unlink()
    _, out = cli.json("verify")
    assert [p["kind"] for p in out[0]["preservation_problems"]] == ["missing_preservation_copy"]


def test_each_record_shows_its_format(tmp_path: Path, settings, cli):
    shutil.copy(SAMPLES / "ket-luan-133-KL-TW.pdf", tmp_path / "kl.pdf")
    ingest_docs(cli, tmp_path, {"nq.txt": DOC_A})
    ids = _ids(settings)
    _, out = cli.json("show", str(ids["nq.txt"]))
    assert out[0]["format"] == {"mime": "text/plain", "puid": "x-fmt/111", "name": "Plain Text File", "basis": "table"}
    assert out[0]["preservation"] is None
    version = (SAMPLES / "ket-luan-133-KL-TW.pdf").read_bytes()[5:8].decode()
    client = admin_client(settings)
    data = client.get(f"/api/records/{ids['kl.pdf']}").get_json()
    assert data["format"]["name"] == f"Portable Document Format {version}" and data["format"]["puid"].startswith("fmt/")
    page = client.get(f"/records/{ids['kl.pdf']}", headers={"Accept-Language": "vi"}).get_data(as_text=True)
    assert f"mã PRONOM {data['format']['puid']}" in page and "Bản sao bảo quản (PDF/A)" in page
    assert "đang chờ lập" in page


@pytest.mark.slow
def test_a_scan_becomes_a_searchable_pdfa_through_ocrmypdf(tmp_path: Path, settings, cli):
    need_ocrmypdf()
    from bench.generators.scangen import page_images, recall, sample, scanned, source_text, write_tiff

    doc = sample()
    inbox = tmp_path / "in"
    inbox.mkdir()
    write_tiff([scanned(page_images(doc, tmp_path)[0])], inbox / "scan.tif")
    assert cli("ingest", str(inbox), "-q").exit_code == 0
    made, out = cli.json("renditions")
    only = _ids(settings)["scan.tif"]
    assert made.exit_code == 0 and out[0]["done"] == [only], made.output
    with Catalog(settings.catalog_path) as catalog:
        record = catalog.get(only)
        copy = Store(settings.store_dir).preservation_path(record.sha256)
        tool = catalog.db.execute("SELECT tool FROM renditions WHERE record_id = ?", (only,)).fetchone()[0]
    assert record.mime == "image/tiff" and tool.startswith("ocrmypdf")
    assert pdfa_identification(copy) == ("2", "B")
    assert recall(source_text(doc), _pdf_text(copy)) >= 0.8  # ocrmypdf's text layer reads the scan


def test_backup_and_restore_keep_the_preservation_copies(tmp_path: Path, settings, cli):
    need_libreoffice()
    ingest_docs(cli, tmp_path / "in", {"nq.txt": DOC_A})
    assert cli("renditions", "-q").exit_code == 0
    backup = tmp_path / "backup"
    assert cli("backup", str(backup), "-q").exit_code == 0
    restored = tmp_path / "restored"
    done = run_archive(restored, "restore", str(backup), "-q")
    assert done.returncode == 0, done.stderr
    checked = run_archive(restored, "verify", "--json")
    assert checked.returncode == 0 and '"preservation_copies_checked": 1' in checked.stdout, checked.stdout
