"""What a transfer takes from the hồ sơ (`archive.filing`): each chosen file's description and contents
list, the fonds it belongs to, its documents, and why a file may not be handed on (held, still open)."""

from __future__ import annotations

from archive.catalog import Catalog
from archive.filing import store as filing_store
from archive.filing.access import visible_file
from archive.filing.contents import contents_csv, contents_rows
from archive.filing.filing import file_documents
from archive.filing.models import HoSo
from indexer import Clearance


def describe_files(catalog: Catalog, refs: list[str], clearance: Clearance | None) -> dict:
    """`{"fonds": [{code, name}], "files": [{...description, "contents": [...], "contents_csv", "record_ids"}]}`."""
    files, fonds = [], {}
    for ref in dict.fromkeys(refs):
        view = file_documents(catalog, ref, clearance)
        fonds[view.file.fonds] = {"code": view.file.fonds, "name": view.file.fonds_name}
        files.append(
            {
                **view.file.to_dict(),
                "contents": contents_rows(view),
                "contents_csv": contents_csv(view),
                "record_ids": [r.id for r in view.records],
            }
        )
    return {"fonds": list(fonds.values()), "files": files}


def file_of_ref(catalog: Catalog, ref: str, clearance: Clearance | None) -> HoSo:
    return visible_file(catalog, ref, clearance)


def file_record_ids(catalog: Catalog, ref: str, clearance: Clearance | None = None) -> list[int]:
    return [r.id for r in file_documents(catalog, ref, clearance).records]


def file_refusals(catalog: Catalog, file: HoSo) -> list[str]:
    """Why this file may not be handed on now: under a hold, or still open (its matter has not ended)."""
    found = []
    hold = filing_store.file_hold(catalog, file.id)
    if hold is not None:
        found.append(f"file {file.ref} is under a legal hold since {hold['since'][:10]}: {hold['reason']}")
    if file.closed_on is None:
        found.append(f"file {file.ref} is still open: close it before handing it on")
    if file.disposed_at is not None:
        found.append(f"file {file.ref} was disposed of")
    return found
