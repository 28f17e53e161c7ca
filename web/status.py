"""The index and verification status, as an archivist may know it: every count is of records they may see,
the last verification lists only problems of those, and the writer lock names the job holding it (the
program and its subcommand, never its arguments: `archive hold add 13` would name a record). `/healthz`,
open to all, says the service is up (its record count only to a caller signed in, of what they may see);
the admin area serves the archivist's status (`web.admin`)."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, g, jsonify

from archive.audit.auditview import AuditView, fixity_seen
from archive.messages import Message
from archive.people.access import visible_count
from archive.upkeep.lock import read_holder
from indexer import index_state
from web.context import catalog, clearance, settings

health = Blueprint("health", __name__)
NOT_INDEXED = "indexed_rev IS NULL OR indexed_rev <> rev"
OCR_PENDING = "id IN (SELECT record_id FROM ocr WHERE status = 'pending')"


def index_status() -> dict:
    """`{"records", "index", "not_indexed", "ocr_pending", "writer", "last_verify"}` as the caller may know it;
    `last_verify` is `{"at", "by", "sample", "problems": [{"kind", "id", "detail"}]}` or None."""
    db = catalog()
    last = db.last_event("fixity")
    knows = AuditView(db, clearance()).knows
    return {
        "records": visible_count(db, clearance()),
        "index": index_state(settings().index_dir),
        "not_indexed": visible_count(db, clearance(), NOT_INDEXED),
        "ocr_pending": visible_count(db, clearance(), OCR_PENDING),
        "writer": writer(read_holder(settings().lock_path)),
        "last_verify": (
            {"at": last["at"], "by": last["actor"], **fixity_seen(json.loads(last["detail"] or "{}"), knows)}
            if last
            else None
        ),
    }


def writer(holder: dict) -> dict | None:
    """The writer lock's holder: pid, since, the job as `command_name` gives it, and its purpose (the web's
    writes all run as `archive serve`: "edit", "hold", "filing" … say which)."""
    if not holder:
        return None
    return {
        "pid": holder.get("pid"),
        "command": command_name(holder.get("command") or ""),
        "since": holder.get("since"),
        "purpose": holder.get("purpose"),
    }


def busy_message(holder: dict) -> Message:
    """What a web request that found the writer lock held is told: the job as `writer` gives it and since
    when (`LockedError`'s own message, for the command line, quotes the holder's whole command line)."""
    held = writer(holder)
    who = Message("pid %(pid)s (%(command)s) since %(since)s", **held) if held else Message("another process")
    return Message("the archive is busy: %(who)s holds its writer lock", who=who)


def command_name(command: str) -> str:
    """`archive --home /srv hold add 13 --reason …` → `archive hold add`: the program's name and the
    subcommands of `archive` found in the line, nothing else of it."""
    from archive.cli import main

    words = command.split()
    if not words:
        return ""
    shown, group = [Path(words[0]).name], main
    for word in words[1:]:
        found = getattr(group, "commands", {}).get(word)
        if found is not None:
            shown.append(word)
            group = found
    return " ".join(shown)


@health.get("/healthz")
def healthz():
    """Open to all; the record count is what the caller may see (null without credentials)."""
    state = index_state(settings().index_dir)
    records = visible_count(catalog(), clearance()) if g.get("user") else None
    return jsonify({"status": "ok", "records": records, "index": state})
