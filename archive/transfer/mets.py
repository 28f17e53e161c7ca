"""`data/mets.xml`: a METS description of a transfer package, written by Artefactual's `metsrw` (the library
Archivematica uses): one division per record with its original (`USE="original"`, Dublin Core from the
record's metadata) and its PDF/A copy (`USE="preservation"`, derived from the original), each with its
SHA-256. The bag's manifests stay the checksums that `package verify` checks; METS is for the receiving
system that reads it (Archivematica, AtoM)."""

from __future__ import annotations

import uuid
from pathlib import Path

import metsrw
from lxml import etree

DC = "http://purl.org/dc/elements/1.1/"


def write_mets(path: Path, package_id: str, source: str, documents: list[dict]) -> None:
    """`documents`: each record's metadata.json content with its folder (`path`, relative to data/)."""
    mets = metsrw.METSDocument()
    root = metsrw.FSEntry(label=package_id, type="Directory")
    for doc in documents:
        record = doc["metadata"]["record"]
        folder = metsrw.FSEntry(label=str(record["id"]), type="Directory")
        original = metsrw.FSEntry(
            path=f"{doc['path']}/{doc['metadata']['original']['path']}",
            label=record["filename"],
            use="original",
            file_uuid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{source}/{record['id']}/original")),
            checksum=doc["metadata"]["original"]["sha256"],
            checksumtype="SHA-256",
        )
        original.add_dublin_core(_dublin_core(record, doc["metadata"]["format"]))
        folder.add_child(original)
        copy = doc["metadata"].get("preservation")
        if copy:
            folder.add_child(
                metsrw.FSEntry(
                    path=f"{doc['path']}/{copy['path']}",
                    label="preservation.pdf",
                    use="preservation",
                    file_uuid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{source}/{record['id']}/preservation")),
                    derived_from=original,
                    checksum=copy["sha256"],
                    checksumtype="SHA-256",
                )
            )
        root.add_child(folder)
    mets.append_file(root)
    mets.write(str(path), pretty_print=True, fully_qualified=True)


def _dublin_core(record: dict, fmt: dict) -> etree._Element:
    dc = etree.Element(f"{{{DC}}}dc", nsmap={"dc": DC})
    for name, value in (
        ("title", record.get("title")),
        ("identifier", record.get("doc_number")),
        ("date", record.get("issued")),
        ("creator", record.get("issuer")),
        ("type", record.get("doc_type")),
        ("format", fmt.get("puid") or fmt.get("mime")),
        ("language", record.get("language")),
        ("rights", record.get("classification")),
    ):
        if value:
            etree.SubElement(dc, f"{{{DC}}}{name}").text = str(value)
    return dc
