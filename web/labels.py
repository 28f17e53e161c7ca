"""Words for the archive's codes, in the reader's language: classification levels, roles, fields,
provenance, outcomes, languages, facets. Templates call `label(kind, code)`."""

from __future__ import annotations

import re

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from archive.vocabulary import CLASSIFICATIONS, DOC_TYPES, URGENCIES
from web.formats import filesize, local_time, number, vndate

__all__ = ["filesize", "label", "levels_up_to", "vndate"]  # vndate and filesize: their old home

LEVELS = {
    "unclassified": _l("Unclassified"),
    "confidential": _l("Confidential"),
    "secret": _l("Secret"),
    "top_secret": _l("Top secret"),
}
ROLES = {"reader": _l("reader"), "archivist": _l("archivist"), "admin": _l("administrator")}
PROVENANCE = {
    "extracted": _l("read from the document"),
    "manifest": _l("from a manifest"),
    "edited": _l("edited"),
    "set": _l("set"),
    "registered": _l("registered"),
}
OUTCOMES = {
    "added": _l("added"),
    "duplicate": _l("duplicate"),
    "unsupported": _l("unsupported"),
    "failed": _l("failed"),
    "pending_ocr": _l("waiting for OCR"),
}
OCR_STATUS = {"pending": _l("waiting for OCR"), "done": _l("read by OCR"), "failed": _l("failed")}
LANGUAGES = {"vi": _l("Vietnamese"), "en": _l("English"), "und": _l("unknown")}
URGENCY = {"urgent": _l("Urgent"), "very_urgent": _l("Very urgent"), "flash": _l("Flash")}
FACETS = {
    "type": _l("Type"),
    "year": _l("Year"),
    "issuer": _l("Issuer"),
    "language": _l("Language"),
    "classification": _l("Classification"),
}
FIELDS = {
    "id": _l("Id"),
    "title": _l("Title"),
    "filename": _l("File name"),
    "language": _l("Language"),
    "issued": _l("Date issued"),
    "doc_number": _l("Symbol"),
    "doc_type": _l("Type"),
    "issuer": _l("Issuer"),
    "place": _l("Place"),
    "classification": _l("Classification"),
    "compartments": _l("Compartments"),
    "urgency": _l("Urgency"),
    "signer": _l("Signer"),
    "retention": _l("Retention"),
    "notes": _l("Notes"),
    "sha256": _l("SHA-256"),
    "size": _l("Size (bytes)"),
    "mime": _l("Format"),
    "pages": _l("Pages"),
    "extractor": _l("Read by"),
    "source_path": _l("Ingested from"),
    "ingested_at": _l("Ingested at"),
    "updated_at": _l("Updated at"),
    "batch_id": _l("Batch"),
    "direction": _l("Direction"),
    "register": _l("Register"),
    "register_number": _l("Register number"),
    "received": _l("Received"),
    "sender": _l("Sender"),
    "recipients": _l("Recipients"),
    "routed_to": _l("Routed to"),
    "copies": _l("Copies"),
}
FILTER_NAMES = {  # an active filter's chip names its facet
    "type": _l("Type"),
    "year": _l("Year"),
    "issuer": _l("Issuer"),
    "issuer_exact": _l("Issuer"),
    "lang": _l("Language"),
    "classification": _l("Classification"),
    "number": _l("Symbol"),
    "issued": _l("Date issued"),
    "from": _l("From date"),
    "to": _l("To date"),
}
SORTS = {
    "relevance": _l("Relevance"),
    "issued_desc": _l("Newest first"),
    "issued_asc": _l("Oldest first"),
    "added": _l("Recently added"),
}
DIRECTIONS = {"incoming": _l("incoming"), "outgoing": _l("outgoing"), "internal": _l("internal")}
REGISTERS = {
    "in": _l("Register of incoming documents"),
    "in-classified": _l("Register of incoming classified documents"),
    "out": _l("Register of outgoing documents"),
    "out-classified": _l("Register of outgoing classified documents"),
}
TASK_STATUS = {"open": _l("in progress"), "done": _l("done"), "overdue": _l("overdue")}
TASK_KINDS = {"task": _l("task"), "preliminary_review": _l("preliminary review"), "final_review": _l("final review")}
REPORT_KINDS = {  # archive.retention.retention.report_kind: the period a report covers
    "half_year": _l("half-year or nine-month"),
    "quarterly": _l("quarterly"),
    "monthly": _l("monthly"),
    "annual": _l("annual"),
    "other": _l("other"),
}
INDEX_STATES = {
    "ok": _l("up to date"),
    "missing": _l("missing: run `archive reindex`"),
    "outdated": _l("outdated: run `archive reindex`"),
}
ACTIONS = {  # the audit trail's actions (archive.catalog.Catalog.log_event)
    "ingest": _l("ingest"),
    "search": _l("search"),
    "search.similar": _l("similar records"),
    "view": _l("view"),
    "download": _l("download"),
    "export": _l("export"),
    "metadata.edited": _l("metadata edited"),
    "metadata.manifest": _l("metadata from a manifest"),
    "metadata.extracted": _l("metadata read again"),
    "classification.changed": _l("classification changed"),
    "hold.add": _l("legal hold placed"),
    "hold.remove": _l("legal hold lifted"),
    "disposal": _l("disposal"),
    "login": _l("login"),
    "login.failed": _l("failed login"),
    "login.refused": _l("login refused (too many failures)"),
    "logout": _l("logout"),
    "fixity": _l("fixity check (archive verify)"),
    "not_found": _l("record not found"),
    "ocr": _l("OCR"),
    "ocr.failed": _l("OCR failed"),
    "ocr.reviewed": _l("OCR reviewed"),
    "backup": _l("backup"),
    "restore": _l("restore"),
    "token.create": _l("API token created"),
    "token.revoke": _l("API token revoked"),
    "user.add": _l("user added"),
    "user.set": _l("user changed"),
    "user.disable": _l("user disabled"),
    "user.enable": _l("user enabled"),
    "user.password": _l("new password"),
    "audit.export": _l("audit trail exported"),
    "audit.verify": _l("audit chain verified"),
    "register": _l("registered"),
    "register.view": _l("register viewed"),
    "register.check": _l("register checked"),
    "followup.add": _l("follow-up task added"),
    "followup.done": _l("follow-up task done"),
    "followup.evidence": _l("linked as evidence of a task"),
    "followup.dismiss": _l("evidence candidate dismissed"),
    "followup.evidence.dismissed": _l("dismissed as evidence of a task"),
}


def doc_type_name(code: str | None) -> str:
    names = DOC_TYPES.get(code or "")
    if not names:
        return code or ""
    return names[1] if str(get_locale()) == "en" else names[0]


ABOUT = re.compile(r"(?i)(v/v|về)\b\s*")


def full_title(item) -> str:
    """A title as the document reads: a title that starts "về …" or "V/v …" (the letterhead's subject line)
    is named with its type first ("Nghị quyết về …", "Công văn về việc …"); any other title as it is."""
    title, code = (item.get("title"), item.get("doc_type")) if isinstance(item, dict) else (item.title, item.doc_type)
    match = ABOUT.match(title or "")
    if not match or not DOC_TYPES.get(code or ""):
        return title or ""
    rest = title[match.end() :]
    name = doc_type_name(code)
    if str(get_locale()) == "en":
        return f"{name}: {title}"
    about = "về việc" if match.group(1).lower() == "v/v" else "về"
    return f"{name} {about} {rest}"


def label(kind: str, code) -> str:
    """The reader's word for `code`; the code itself when there is none."""
    if code is None:
        return ""
    if kind == "type":
        return doc_type_name(code)
    table = {
        "classification": LEVELS,
        "role": ROLES,
        "provenance": PROVENANCE,
        "outcome": OUTCOMES,
        "ocr": OCR_STATUS,
        "language": LANGUAGES,
        "urgency": URGENCY,
        "facet": FACETS,
        "field": FIELDS,
        "sort": SORTS,
        "report": REPORT_KINDS,
        "index": INDEX_STATES,
        "action": ACTIONS,
        "direction": DIRECTIONS,
        "register": REGISTERS,
        "task_status": TASK_STATUS,
        "task_kind": TASK_KINDS,
    }[kind]
    return str(table.get(str(code), code))


def edit_choices() -> dict[str, list[tuple[str, str]]]:
    """The edit form's choices, (code, the reader's word): a clerk picks "Công văn", never types `CV`."""
    return {
        "doc_type": [("", "—"), *sorted(((c, doc_type_name(c)) for c in DOC_TYPES), key=lambda p: p[1])],
        "urgency": [("", _l("Not urgent")), *((c, URGENCY[c]) for c in URGENCIES)],
        "language": [(c, LANGUAGES[c]) for c in ("vi", "en", "und")],
    }


def levels_up_to(level: str) -> tuple[str, ...]:
    """Classification levels a user cleared for `level` may see (and so may name on a page)."""
    return CLASSIFICATIONS[: CLASSIFICATIONS.index(level) + 1]


def filter_label(name: str, value: str) -> str:
    """How an active search filter reads in its chip: the facet's name, then its value ("Loại: Nghị quyết")."""
    kind = {"type": "type", "classification": "classification", "lang": "language"}.get(name)
    shown = label(kind, value) if kind else vndate(value) if name in ("from", "to") else value
    return f"{FILTER_NAMES[name]}: {shown}" if name in FILTER_NAMES else shown


def install(app) -> None:
    app.jinja_env.globals.update(label=label, filter_label=filter_label, full_title=full_title)
    app.jinja_env.filters.update(vndate=vndate, filesize=filesize, local_time=local_time, number=number)
