"""The SQLite catalog: records, their text, ingest batches, per-file outcomes and events.

The schema is versioned with `PRAGMA user_version`; `migrations/NNNN_name.sql` files are applied in
order, each in its own transaction. Methods return dataclasses, never rows.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from archive.audit import audit
from archive.errors import CatalogError, NotFoundError
from archive.messages import Message
from archive.models import Citation, IngestOutcome, OcrPage, OcrResult, Record
from indexer.normalize import symbol_key

RECORD_COLUMNS = tuple(f.name for f in fields(Record))


def now() -> str:
    """UTC timestamp in ISO 8601, second precision."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def migrations() -> list[tuple[int, str]]:
    """(version, sql) for every bundled migration, in order."""
    found = []
    for item in resources.files("archive.migrations").iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = migrations()[-1][0]
RANDOM_IDS_FROM = 10**9  # random ids stay clear of the counted ones an archive had before


class Catalog:
    """A connection to the catalog. One per thread; cheap to open."""

    def __init__(self, path: Path, *, migrate: bool = True, random_ids: bool = True) -> None:
        self.path = path
        # New records and batches take random ids unless told otherwise (writers pass Settings.random_ids):
        # a path that forgets to say still keeps hidden records out of the id sequence.
        self.random_ids = random_ids
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            raise CatalogError(f"cannot open the catalog {path}: {exc}") from exc
        if migrate:
            self.migrate()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- schema -------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Apply every migration newer than the catalog; refuse a catalog newer than this program."""
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise CatalogError(
                f"the catalog has schema version {current}, newer than this program's {SCHEMA_VERSION}; "
                "upgrade the archive software"
            )
        for version, sql in migrations():
            if version <= current:
                continue
            # executescript commits first, so the DDL and the version bump run in one explicit transaction.
            self.db.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
        if current < SCHEMA_VERSION:
            with self.transaction():
                audit.seal(self.db)  # chain the entries logged before the audit trail was hash-chained

    @contextmanager
    def transaction(self) -> Iterator[Catalog]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        audit.record_head(self.db)  # the audit trail's head, kept outside the catalog

    # --- records ------------------------------------------------------------------------------

    def insert_record(self, text: str, citations: Iterable[Citation] = (), **values) -> int:
        """Insert a record, its text and its citations (call inside `transaction`); returns the new id."""
        stamp = now()
        if "provenance" in values:
            values["provenance"] = json.dumps(values["provenance"], sort_keys=True)
        if values.get("doc_number"):
            values["doc_number_key"] = symbol_key(values["doc_number"])
        values.setdefault("ingested_at", stamp)
        values.setdefault("updated_at", stamp)
        values.setdefault("id", self._next_id())
        if "compartments" in values:
            values["compartments"] = _compartments_column(values["compartments"])
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.db.execute(f"INSERT INTO records ({names}) VALUES ({marks})", tuple(values.values()))
        record_id = cursor.lastrowid
        self.db.execute("INSERT INTO texts (record_id, content) VALUES (?, ?)", (record_id, text))
        self.db.executemany(
            "INSERT OR IGNORE INTO citations (record_id, symbol, symbol_key, cited_date) VALUES (?, ?, ?, ?)",
            [(record_id, c.symbol, c.key, c.date) for c in citations],
        )
        return record_id

    def update_fields(
        self, record_id: int, changes: dict, *, source: str, actor: str, batch: str | None = None
    ) -> dict:
        """Set metadata fields, mark their provenance, bump the revision and log old → new (with the id of the
        batch the change belongs to, when it is one of many made at once).

        Returns {field: (old, new)} for what actually changed (call inside `transaction`).
        """
        record = self.get(record_id)
        changed = {f: (getattr(record, f), v) for f, v in changes.items() if getattr(record, f) != v}
        if not changed:
            return {}
        provenance = {**record.provenance, **{f: source for f in changed}}
        values = {f: new for f, (_, new) in changed.items()}
        if "doc_number" in values:
            values["doc_number_key"] = symbol_key(values["doc_number"]) if values["doc_number"] else None
        if "compartments" in values:
            values["compartments"] = _compartments_column(values["compartments"])
        values |= {"provenance": json.dumps(provenance, sort_keys=True), "updated_at": now()}
        assignments = ", ".join(f"{name} = ?" for name in values)
        self.db.execute(f"UPDATE records SET {assignments}, rev = rev + 1 WHERE id = ?", (*values.values(), record_id))
        detail = {f: {"old": old, "new": new} for f, (old, new) in changed.items()}
        extra = {"batch": batch} if batch else {}
        self.log_event(f"metadata.{source}", record_id, actor=actor, changes=detail, **extra)
        return changed

    # --- citations ----------------------------------------------------------------------------

    def replace_citations(self, record_id: int, citations: Iterable[Citation]) -> bool:
        """Make the record cite exactly these symbols; True (and a new revision) when that changed."""
        wanted = {(c.symbol, c.key, c.date) for c in citations}
        rows = self.db.execute("SELECT symbol, symbol_key, cited_date FROM citations WHERE record_id = ?", (record_id,))
        if {tuple(row) for row in rows} == wanted:
            return False
        self.db.execute("DELETE FROM citations WHERE record_id = ?", (record_id,))
        self.db.executemany(
            "INSERT OR IGNORE INTO citations (record_id, symbol, symbol_key, cited_date) VALUES (?, ?, ?, ?)",
            [(record_id, *c) for c in wanted],
        )
        self.db.execute("UPDATE records SET rev = rev + 1, updated_at = ? WHERE id = ?", (now(), record_id))
        return True

    def citation_keys(self, ids: Iterable[int]) -> dict[int, list[str]]:
        ids = list(ids)
        found: dict[int, list[str]] = {i: [] for i in ids}
        if ids:
            marks = ", ".join("?" for _ in ids)
            rows = self.db.execute(f"SELECT record_id, symbol_key FROM citations WHERE record_id IN ({marks})", ids)
            for record_id, key in rows:
                found[record_id].append(key)
        return found

    def citations_of(self, record: Record) -> list[dict]:
        """What the record cites: `{"symbol", "id"}`, id None while the cited record is not archived."""
        rows = self.db.execute(
            "SELECT symbol, symbol_key, cited_date FROM citations WHERE record_id = ? ORDER BY rowid", (record.id,)
        ).fetchall()
        return [{"symbol": row["symbol"], "id": self._resolve(row["symbol_key"], row["cited_date"])} for row in rows]

    def _resolve(self, key: str, cited_date: str | None) -> int | None:
        # A symbol is unique only with its date (numbering restarts each term): prefer the dated match, then
        # the first archived (ids are random: they say nothing of arrival).
        row = self.db.execute(
            "SELECT id FROM records WHERE doc_number_key = ? "
            "ORDER BY (issued IS ? AND ? IS NOT NULL) DESC, ingested_at, id LIMIT 1",
            (key, cited_date, cited_date),
        ).fetchone()
        return row[0] if row else None

    def cited_by(self, record: Record) -> list[dict]:
        """Records that cite this one: `{"symbol", "id", "title"}`, each with the citing record's own symbol
        (None when it has none), as `citations_of` names the cited record by its symbol."""
        if not record.doc_number_key:
            return []
        rows = self.db.execute(
            "SELECT DISTINCT r.id, r.title, r.doc_number, r.issued "
            "FROM citations c JOIN records r ON r.id = c.record_id "
            "WHERE c.symbol_key = ? AND r.id <> ? AND (c.cited_date IS NULL OR ? IS NULL OR c.cited_date = ?) "
            "ORDER BY r.issued, r.id",
            (record.doc_number_key, record.id, record.issued, record.issued),
        ).fetchall()
        return [{"symbol": row["doc_number"], "id": row["id"], "title": row["title"]} for row in rows]

    def _next_id(self) -> int:
        if self.random_ids:
            return self._random_id(
                "SELECT 1 FROM records WHERE id = :id UNION ALL SELECT 1 FROM disposals WHERE record_id = :id "
                "UNION ALL SELECT 1 FROM transferred WHERE record_id = :id"
            )
        # SQLite would reuse the id of a disposed (or transferred) record that had the highest id; ids must stay
        # unique forever.
        row = self.db.execute(
            "SELECT max(coalesce((SELECT max(id) FROM records), 0), "
            "coalesce((SELECT max(record_id) FROM disposals), 0), "
            "coalesce((SELECT max(record_id) FROM transferred), 0))"
        ).fetchone()
        return row[0] + 1

    def get(self, record_id: int) -> Record:
        row = self.db.execute("SELECT * FROM records WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise NotFoundError(Message("record %(id)s not found", id=record_id))
        return _record(row)

    def find(self, record_id: int) -> Record | None:
        try:
            return self.get(record_id)
        except NotFoundError:
            return None

    def get_many(self, ids: Iterable[int]) -> dict[int, Record]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = self.db.execute(f"SELECT * FROM records WHERE id IN ({marks})", ids).fetchall()
        return {row["id"]: _record(row) for row in rows}

    def find_by_sha(self, sha256: str) -> Record | None:
        row = self.db.execute("SELECT * FROM records WHERE sha256 = ?", (sha256,)).fetchone()
        return _record(row) if row else None

    def text(self, record_id: int) -> str:
        row = self.db.execute("SELECT content FROM texts WHERE record_id = ?", (record_id,)).fetchone()
        if row is None:
            raise NotFoundError(Message("no text for record %(id)s", id=record_id))
        return row["content"]

    def texts(self, ids: Iterable[int]) -> dict[int, str]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = self.db.execute(f"SELECT record_id, content FROM texts WHERE record_id IN ({marks})", ids)
        return {row["record_id"]: row["content"] for row in rows}

    def iter_records(self, chunk: int = 1000) -> Iterator[Record]:
        """Every record in id order, fetched in chunks so memory stays flat."""
        last = 0
        while True:
            rows = self.db.execute("SELECT * FROM records WHERE id > ? ORDER BY id LIMIT ?", (last, chunk)).fetchall()
            if not rows:
                return
            for row in rows:
                yield _record(row)
            last = rows[-1]["id"]

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM records").fetchone()[0]

    def id_revs(self) -> dict[int, int]:
        """{record id: current revision} for every record."""
        return dict(self.db.execute("SELECT id, rev FROM records").fetchall())

    def pending_index(self) -> list[int]:
        """Ids of records whose latest revision is not yet in the index."""
        rows = self.db.execute("SELECT id FROM records WHERE indexed_rev IS NULL OR indexed_rev <> rev ORDER BY id")
        return [row[0] for row in rows]

    def mark_indexed(self, id_revs: Iterable[tuple[int, int]]) -> None:
        with self.transaction():
            self.db.executemany("UPDATE records SET indexed_rev = ? WHERE id = ?", [(rev, i) for i, rev in id_revs])

    def digests(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT sha256 FROM records")}

    def records_without_text(self) -> list[int]:
        rows = self.db.execute("SELECT id FROM records WHERE id NOT IN (SELECT record_id FROM texts) ORDER BY id")
        return [row[0] for row in rows]

    def replace_text(self, record_id: int, text: str, **values) -> None:
        """New text for a record (its OCR arrived) with the columns that go with it; a new revision."""
        self.db.execute("UPDATE texts SET content = ? WHERE record_id = ?", (text, record_id))
        values["updated_at"] = now()
        assignments = ", ".join(f"{name} = ?" for name in values)
        self.db.execute(f"UPDATE records SET {assignments}, rev = rev + 1 WHERE id = ?", (*values.values(), record_id))

    # --- OCR ----------------------------------------------------------------------------------

    def save_ocr(self, record_id: int, ocr: OcrResult) -> None:
        """What OCR did for a record, and what it read on each page (call inside `transaction`)."""
        self.db.execute(
            "INSERT OR REPLACE INTO ocr (record_id, status, needs_review, engine, engine_version, languages, dpi, "
            "confidence, reason, rendition, rendition_sha256, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                record_id,
                ocr.status,
                int(ocr.needs_review),
                ocr.engine,
                ocr.version,
                ocr.languages,
                ocr.dpi,
                ocr.confidence,
                ocr.reason,
                ocr.rendition,
                ocr.rendition_sha256 if ocr.rendition else None,
                now(),
            ),
        )
        self.db.execute("DELETE FROM ocr_pages WHERE record_id = ?", (record_id,))
        self.db.executemany(
            "INSERT INTO ocr_pages (record_id, page, content, confidence, words, error) VALUES (?,?,?,?,?,?)",
            [(record_id, p.page, p.text, p.confidence, p.words, p.error) for p in ocr.pages],
        )

    def ocr_of(self, record_id: int) -> OcrResult | None:
        row = self.db.execute("SELECT * FROM ocr WHERE record_id = ?", (record_id,)).fetchone()
        if row is None:
            return None
        pages = self.db.execute("SELECT * FROM ocr_pages WHERE record_id = ? ORDER BY page", (record_id,))
        return OcrResult(
            status=row["status"],
            engine=row["engine"],
            version=row["engine_version"],
            languages=row["languages"],
            dpi=row["dpi"],
            pages=tuple(OcrPage(p["page"], p["content"], p["confidence"], p["words"], p["error"]) for p in pages),
            needs_review=bool(row["needs_review"]),
            reason=row["reason"],
            rendition=row["rendition"],
            rendition_sha256=row["rendition_sha256"],
        )

    def ocr_renditions(self) -> Iterator[tuple[int, str, str | None]]:
        """(record id, the original's SHA-256, the searchable PDF's recorded SHA-256 or None) of every record
        OCR made a searchable PDF for."""
        rows = self.db.execute(
            "SELECT o.record_id, r.sha256, o.rendition_sha256 FROM ocr o JOIN records r ON r.id = o.record_id "
            "WHERE o.rendition IS NOT NULL ORDER BY o.record_id"
        )
        for row in rows:
            yield row[0], row[1], row[2]

    def ocr_pending(self) -> list[int]:
        """Ids of records whose scanned pages wait for OCR."""
        return [r[0] for r in self.db.execute("SELECT record_id FROM ocr WHERE status = 'pending' ORDER BY record_id")]

    def ocr_needing_review(self) -> list[int]:
        """Ids of OCR'd records flagged `needs_review` (low confidence, or pages OCR could not read)."""
        rows = self.db.execute("SELECT record_id FROM ocr WHERE needs_review = 1 ORDER BY confidence, record_id")
        return [r[0] for r in rows]

    # --- batches, outcomes, events --------------------------------------------------------------

    def start_batch(self, command: str) -> int:
        chosen = self._random_id("SELECT 1 FROM batches WHERE id = :id") if self.random_ids else None
        cursor = self.db.execute(
            "INSERT INTO batches (id, command, started_at) VALUES (?, ?, ?)", (chosen, command, now())
        )
        return cursor.lastrowid

    def _random_id(self, taken: str) -> int:
        """An unused id drawn at random below 2**53 (exact in JavaScript): one counter shared by every level
        would tell a reader, from the gaps between the ids they see, how many records are hidden from them
        and when they came; random ids say nothing of the others."""
        while True:
            candidate = RANDOM_IDS_FROM + secrets.randbelow(2**53 - RANDOM_IDS_FROM)
            if self.db.execute(taken, {"id": candidate}).fetchone() is None:
                return candidate

    def add_outcome(self, batch_id: int, outcome: IngestOutcome, sha256: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO batch_files (batch_id, path, status, record_id, reason, sha256, at) VALUES (?,?,?,?,?,?,?)",
            (batch_id, outcome.path, str(outcome.status), outcome.record_id, outcome.reason, sha256, now()),
        )

    def finish_batch(self, batch_id: int, counts: dict[str, int]) -> None:
        self.db.execute(
            "UPDATE batches SET finished_at = ?, status = 'finished', counts = ? WHERE id = ?",
            (now(), json.dumps(counts), batch_id),
        )

    def interrupt_running_batches(self) -> int:
        """Mark batches whose process died as interrupted (call while holding the writer lock)."""
        cursor = self.db.execute(
            "UPDATE batches SET status = 'interrupted', finished_at = ? WHERE status = 'running'", (now(),)
        )
        return cursor.rowcount

    def batch_outcomes(self, batch_id: int) -> list[IngestOutcome]:
        rows = self.db.execute("SELECT * FROM batch_files WHERE batch_id = ? ORDER BY id", (batch_id,))
        return [IngestOutcome(r["path"], r["status"], r["record_id"], r["reason"]) for r in rows]

    def log_event(
        self, action: str, record_id: int | None = None, actor: str | None = None, origin: str | None = None, **detail
    ) -> int:
        """Append to the hash-chained audit trail; who and where default to those acting (`audit.acting`)."""
        return audit.append(self.db, action, record_id, at=now(), actor=actor, origin=origin, detail=detail)

    def count_events(self, action: str, *, since: str, name: str) -> int:
        """How many `action` entries about the user `name` (their detail's `name`) the trail holds since then."""
        sql = "SELECT count(*) FROM events WHERE action = ? AND at >= ? AND json_extract(detail, '$.name') = ?"
        return self.db.execute(sql, (action, since, name)).fetchone()[0]

    def last_event(self, action: str) -> sqlite3.Row | None:
        """The newest `action` entry's `at`, `actor` and `detail` (JSON text), or None."""
        sql = "SELECT at, actor, detail FROM events WHERE action = ? ORDER BY id DESC LIMIT 1"
        return self.db.execute(sql, (action,)).fetchone()


def _record(row: sqlite3.Row) -> Record:
    values = {name: row[name] for name in RECORD_COLUMNS}
    values["provenance"] = json.loads(values["provenance"] or "{}")
    values["compartments"] = tuple(name for name in (values["compartments"] or "").split(",") if name)
    return Record(**values)


def _compartments_column(names) -> str | None:
    return ",".join(sorted(names)) if names else None
