"""The audit trail: an append-only, hash-chained log of who did what, when and from where.

Every entry stores the hash of the entry before it and its own hash over that and its content, so an
edited, deleted or reordered entry breaks the chain. Entries are appended inside a write transaction,
which SQLite serialises across threads and processes: two writers never chain onto the same entry.

Cutting entries from the end leaves a consistent chain, and the next entry appended chains onto what is
left. So the head is also kept outside the catalog: after each commit, `audit.head` beside the catalog
holds the newest entry as `ID:HASH` (written only forward, and never over an anchor whose entry has gone
or changed, which is the evidence). `verify_chain` checks the log still holds that entry unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from archive.messages import Message

GENESIS = "0" * 64  # the "previous hash" of the first entry
ANCHOR_FILE = "audit.head"  # beside the catalog: the newest entry known to have been committed
MAX_PROBLEMS = 100  # a thoroughly rewritten log would otherwise report every entry
LOCAL = ("cli", "cli")  # (actor, origin) when nobody said who is acting

_acting: ContextVar[tuple[str, str] | None] = ContextVar("archive_audit_acting", default=None)


@contextmanager
def acting(actor: str, origin: str) -> Iterator[None]:
    """Entries appended inside this block, and not naming their own actor, are by `actor` from `origin`."""
    token = _acting.set((actor, origin))
    try:
        yield
    finally:
        _acting.reset(token)


def set_acting(actor: str, origin: str):
    """As `acting`, for code that cannot use a block (a web request); returns the token for `reset_acting`."""
    return _acting.set((actor, origin))


def reset_acting(token) -> None:
    _acting.reset(token)


def current() -> tuple[str, str]:
    """(actor, origin) in effect here."""
    return _acting.get() or LOCAL


def entry_hash(prev_hash: str, at: str, actor: str, origin: str, action: str, record_id, detail) -> str:
    """SHA-256 over the previous hash and the entry's content (its id is left out: ids say the order)."""
    content = json.dumps([prev_hash, at, actor, origin, action, record_id, detail], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def append(
    db: sqlite3.Connection,
    action: str,
    record_id: int | None,
    *,
    at: str,
    actor: str | None = None,
    origin: str | None = None,
    detail: dict | None = None,
) -> int:
    """Append one entry, chained to the last; inside the caller's transaction if there is one."""
    who, where = current()
    actor, origin = actor or who, origin or where
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else None
    own = not db.in_transaction
    if own:
        db.execute("BEGIN IMMEDIATE")  # the write lock first, so nobody appends between read and insert
    try:
        prev = _head_hash(db)
        digest = entry_hash(prev, at, actor, origin, action, record_id, text)
        cursor = db.execute(
            "INSERT INTO events (at, actor, origin, action, record_id, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (at, actor, origin, action, record_id, text, prev, digest),
        )
    except BaseException:
        if own:
            db.execute("ROLLBACK")
        raise
    if own:
        db.execute("COMMIT")
        record_head(db)
    return cursor.lastrowid


def anchor_path(db: sqlite3.Connection) -> Path | None:
    """Where the head is kept for this catalog (None for a catalog in memory)."""
    file = db.execute("PRAGMA database_list").fetchone()[2]
    return Path(file).with_name(ANCHOR_FILE) if file else None


def read_anchor(db: sqlite3.Connection) -> tuple[int, str] | None:
    """The head kept outside the catalog: (entry id, hash), or None when there is none (or it is unreadable)."""
    path = anchor_path(db)
    try:
        entry, _, digest = path.read_text(encoding="ascii").strip().partition(":") if path else ("", "", "")
    except (OSError, UnicodeDecodeError):
        return None
    return (int(entry), digest) if entry.isdigit() and len(digest) == 64 else None


def record_head(db: sqlite3.Connection) -> None:
    """After a commit: keep the newest entry as the anchor, moving it forward only, and only from an anchor
    whose entry is still in the log unchanged (otherwise the anchor is the evidence `verify_chain` reports)."""
    path = anchor_path(db)
    head = db.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    if path is None or head is None or head[1] is None:
        return
    kept = read_anchor(db)
    if kept is not None:
        if kept[0] >= head[0]:
            return  # already there (another process moved it on), or the log was cut back: leave it
        row = db.execute("SELECT hash FROM events WHERE id = ?", (kept[0],)).fetchone()
        if row is None or row[0] != kept[1]:
            return
    partial = path.with_name(f"{ANCHOR_FILE}.{os.getpid()}.tmp")
    try:
        partial.write_text(f"{head[0]}:{head[1]}\n", encoding="ascii")
        partial.replace(path)
    except OSError:
        pass  # an anchor left behind is older, never wrong: verify still checks what it holds


def _head_hash(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return GENESIS
    if row[0] is None:  # entries from before the chain existed: seal them first
        return seal(db)
    return row[0]


def seal(db: sqlite3.Connection) -> str:
    """Chain entries that have no hash yet (those logged before the audit migration); returns the head."""
    prev = GENESIS
    rows = db.execute("SELECT * FROM events ORDER BY id").fetchall()
    for row in rows:
        if row["hash"] is None:
            digest = entry_hash(
                prev, row["at"], row["actor"], row["origin"], row["action"], row["record_id"], row["detail"]
            )
            db.execute("UPDATE events SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row["id"]))
            prev = digest
        else:
            prev = row["hash"]
    return prev


@dataclass(frozen=True)
class ChainProblem:
    kind: str  # edited | deleted | reordered | truncated | unsealed | anchor
    entry: int | None
    detail: str  # a Message: English on the command line and in --json, translated on a page

    def to_dict(self) -> dict:
        return {"kind": self.kind, "entry": self.entry, "detail": self.detail}


@dataclass
class ChainReport:
    entries: int = 0
    head_id: int | None = None
    head_hash: str | None = None
    problems: list[ChainProblem] = field(default_factory=list)
    broken: int = 0  # entries with a problem, even past MAX_PROBLEMS

    @property
    def ok(self) -> bool:
        return not self.broken

    @property
    def head(self) -> str | None:
        """`ID:HASH` of the last entry: keep it elsewhere and pass it as an anchor to a later verify."""
        return f"{self.head_id}:{self.head_hash}" if self.head_id is not None else None

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head": self.head,
            "broken": self.broken,
            "problems": [p.to_dict() for p in self.problems],
        }


def verify_chain(db: sqlite3.Connection, anchor: str | None = None) -> ChainReport:
    """Recompute the chain; report every entry that was edited, deleted, moved or cut from the end.

    `anchor` is a head (`ID:HASH`) printed by an earlier verify: it proves the log still holds that entry
    unchanged, which catches a log rewritten from there on or cut back before it.
    """
    report = ChainReport()

    def problem(kind: str, entry: int | None, detail: Message) -> None:
        report.broken += 1
        if len(report.problems) < MAX_PROBLEMS:
            report.problems.append(ChainProblem(kind, entry, detail))

    prev_hash, prev_id = GENESIS, 0
    for row in db.execute("SELECT * FROM events ORDER BY id"):
        report.entries += 1
        stored = row["hash"]
        if stored is None:
            problem("unsealed", row["id"], Message("the entry has no hash: it was added without the chain"))
        else:
            expected = entry_hash(
                row["prev_hash"], row["at"], row["actor"], row["origin"], row["action"], row["record_id"], row["detail"]
            )
            if expected != stored:
                problem("edited", row["id"], Message("the entry's content does not match its hash: it was changed"))
            elif row["prev_hash"] != prev_hash:
                if _stored_elsewhere(db, row["prev_hash"], row["id"]):
                    moved = Message("the entry does not follow entry %(prev)s: entries were moved", prev=prev_id)
                    problem("reordered", row["id"], moved)
                else:
                    missing = Message(
                        "the entry before it (after entry %(prev)s) is missing: deleted, or changed and re-hashed",
                        prev=prev_id,
                    )
                    problem("deleted", row["id"], missing)
        prev_hash, prev_id = stored, row["id"]
    report.head_id, report.head_hash = (prev_id, prev_hash) if report.entries else (None, None)
    row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
    kept = read_anchor(db)
    highest = max(row[0] if row else 0, kept[0] if kept else 0)
    if highest > prev_id:
        cut = Message("entries %(first)s–%(last)s were cut from the end of the log", first=prev_id + 1, last=highest)
        problem("truncated", prev_id or None, cut)
    elif kept is not None:
        _check_anchor(db, f"{kept[0]}:{kept[1]}", problem, ANCHOR_FILE)
    if anchor:
        _check_anchor(db, anchor, problem)
    return report


def _stored_elsewhere(db: sqlite3.Connection, digest: str | None, entry: int) -> bool:
    return db.execute("SELECT 1 FROM events WHERE hash = ? AND id <> ?", (digest, entry)).fetchone() is not None


def _check_anchor(db: sqlite3.Connection, anchor: str, problem, kept_in: str | None = None) -> None:
    entry, _, digest = anchor.partition(":")
    if not entry.isdigit() or len(digest) != 64:
        raise ValueError(f"an anchor is ID:HASH as `archive audit verify` prints it, not {anchor!r}")
    row = db.execute("SELECT hash FROM events WHERE id = ?", (int(entry),)).fetchone()
    if row is None and kept_in:
        before = db.execute("SELECT max(id) FROM events WHERE id < ?", (int(entry),)).fetchone()[0] or 0
        gone = Message(
            "entry %(entry)s, the head kept in %(file)s, is no longer in the log: the entries after entry "
            "%(last)s were cut and others appended since",
            entry=entry,
            file=kept_in,
            last=before,
        )
        problem("anchor", int(entry), gone)
    elif row is None:
        gone = Message("entry %(entry)s, recorded earlier as the head, is no longer in the log", entry=entry)
        problem("anchor", int(entry), gone)
    elif row[0] != digest:
        changed = Message("entry %(entry)s differs from the head recorded earlier: the log was rewritten", entry=entry)
        problem("anchor", int(entry), changed)
