"""All SQL of filing: fonds, files, filed documents, file holds, file disposals, dismissed suggestions.
Functions take the catalog and return the dataclasses of `archive.filing.models` (or plain ids)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from archive.catalog import Catalog, now
from archive.filing.models import Fonds, HoSo

FILE_SELECT = "SELECT f.*, d.code AS fonds_code, d.name AS fonds_name FROM files f JOIN fonds d ON d.id = f.fonds_id"


def code_key(code: str) -> str:
    return " ".join(code.split()).casefold()


# --- fonds -------------------------------------------------------------------------------------------


def insert_fonds(catalog: Catalog, code: str, name: str) -> int:
    cursor = catalog.db.execute("INSERT INTO fonds (code, name, created_at) VALUES (?, ?, ?)", (code, name, now()))
    return cursor.lastrowid


def fonds_by_code(catalog: Catalog, code: str) -> Fonds | None:
    row = catalog.db.execute("SELECT * FROM fonds WHERE code = ?", (code,)).fetchone()
    return Fonds(row["id"], row["code"], row["name"]) if row else None


def all_fonds(catalog: Catalog) -> list[Fonds]:
    return [Fonds(r["id"], r["code"], r["name"]) for r in catalog.db.execute("SELECT * FROM fonds ORDER BY code")]


# --- files -------------------------------------------------------------------------------------------


def insert_file(catalog: Catalog, fonds_id: int, values: dict) -> int:
    values = {**values, "fonds_id": fonds_id, "code_key": code_key(values["code"]), "opened_at": now()}
    if "compartments" in values:
        values["compartments"] = ",".join(sorted(values["compartments"])) or None
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return catalog.db.execute(f"INSERT INTO files ({names}) VALUES ({marks})", tuple(values.values())).lastrowid


def file_exists(catalog: Catalog, fonds_id: int, year: int, code: str) -> bool:
    row = catalog.db.execute(
        "SELECT 1 FROM files WHERE fonds_id = ? AND year = ? AND code_key = ?", (fonds_id, year, code_key(code))
    ).fetchone()
    return row is not None


def files_by_code(catalog: Catalog, code: str, year: int | None = None, fonds: str | None = None) -> list[HoSo]:
    sql = FILE_SELECT + " WHERE f.code_key = ?"
    args: list = [code_key(code)]
    if year is not None:
        sql, args = sql + " AND f.year = ?", [*args, year]
    if fonds is not None:
        sql, args = sql + " AND d.code = ? COLLATE NOCASE", [*args, fonds]
    return [_file(r) for r in catalog.db.execute(sql + " ORDER BY f.year DESC, d.code LIMIT 50", args)]


def file_by_id(catalog: Catalog, file_id: int) -> HoSo | None:
    row = catalog.db.execute(FILE_SELECT + " WHERE f.id = ?", (file_id,)).fetchone()
    return _file(row) if row else None


def files_by_ids(catalog: Catalog, ids: Iterable[int]) -> dict[int, HoSo]:
    ids = list(ids)
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return {r["id"]: _file(r) for r in catalog.db.execute(FILE_SELECT + f" WHERE f.id IN ({marks})", ids)}


def list_files(
    catalog: Catalog, *, year: int | None = None, unit: str | None = None, status: str | None = None
) -> list[HoSo]:
    """Files of the plan, by year (newest first), heading and code; `status` open | closed | disposed."""
    where, args = ["1"], []
    if year is not None:
        where.append("f.year = ?")
        args.append(year)
    if unit:
        where.append("f.unit = ? COLLATE NOCASE")
        args.append(unit)
    if status == "open":
        where.append("f.closed_on IS NULL AND f.disposed_at IS NULL")
    elif status == "closed":
        where.append("f.closed_on IS NOT NULL AND f.disposed_at IS NULL")
    elif status == "disposed":
        where.append("f.disposed_at IS NOT NULL")
    sql = FILE_SELECT + " WHERE " + " AND ".join(where) + " ORDER BY f.year DESC, d.code, f.heading, f.code_key"
    return [_file(r) for r in catalog.db.execute(sql, args)]


def set_closed(catalog: Catalog, file_id: int, closed_on: str | None) -> None:
    catalog.db.execute("UPDATE files SET closed_on = ? WHERE id = ?", (closed_on, file_id))


def set_disposed(catalog: Catalog, file_id: int) -> None:
    catalog.db.execute("UPDATE files SET disposed_at = ? WHERE id = ?", (now(), file_id))


# --- filed documents ---------------------------------------------------------------------------------


def file_of(catalog: Catalog, record_id: int) -> int | None:
    row = catalog.db.execute("SELECT file_id FROM file_items WHERE record_id = ?", (record_id,)).fetchone()
    return row[0] if row else None


def files_of(catalog: Catalog, record_ids: Iterable[int]) -> dict[int, int]:
    """{record id: file id} for those of these records that are filed."""
    ids = list(record_ids)
    found: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ", ".join("?" for _ in part)
        rows = catalog.db.execute(f"SELECT record_id, file_id FROM file_items WHERE record_id IN ({marks})", part)
        found.update({r[0]: r[1] for r in rows})
    return found


def records_by_symbol(catalog: Catalog, key: str) -> list[int]:
    return [r[0] for r in catalog.db.execute("SELECT id FROM records WHERE doc_number_key = ? LIMIT 5", (key,))]


def item_ids(catalog: Catalog, file_id: int) -> list[int]:
    """The documents of a file in contents order: filing (agenda) order, then date, then id."""
    rows = catalog.db.execute(
        "SELECT i.record_id FROM file_items i JOIN records r ON r.id = i.record_id WHERE i.file_id = ? "
        "ORDER BY i.position, r.issued, r.id",
        (file_id,),
    )
    return [r[0] for r in rows]


def items(catalog: Catalog, file_id: int) -> list:
    """Every record of the file in contents order, whoever may see them (disposal, retention review)."""
    ids = item_ids(catalog, file_id)
    found = catalog.get_many(ids)
    return [found[i] for i in ids if i in found]


def add_items(catalog: Catalog, file_id: int, record_ids: list[int]) -> None:
    """File these records at the end of the file, in the order given; each record's revision is bumped so an
    incremental reindex writes its file into the index."""
    (last,) = catalog.db.execute(
        "SELECT coalesce(max(position), 0) FROM file_items WHERE file_id = ?", (file_id,)
    ).fetchone()
    stamp = now()
    catalog.db.executemany(
        "INSERT INTO file_items (record_id, file_id, position, filed_at) VALUES (?, ?, ?, ?)",
        [(rid, file_id, last + n, stamp) for n, rid in enumerate(record_ids, 1)],
    )
    _bump(catalog, record_ids)


def item_positions(catalog: Catalog, file_id: int) -> dict[int, int]:
    return dict(catalog.db.execute("SELECT record_id, position FROM file_items WHERE file_id = ?", (file_id,)))


def set_positions(catalog: Catalog, positions: dict[int, int]) -> None:
    catalog.db.executemany(
        "UPDATE file_items SET position = ? WHERE record_id = ?", [(p, rid) for rid, p in positions.items()]
    )


def remove_items(catalog: Catalog, record_ids: list[int]) -> None:
    catalog.db.executemany("DELETE FROM file_items WHERE record_id = ?", [(rid,) for rid in record_ids])
    _bump(catalog, record_ids)


def _bump(catalog: Catalog, record_ids: list[int]) -> None:
    catalog.db.executemany(
        "UPDATE records SET rev = rev + 1, updated_at = ? WHERE id = ?", [(now(), rid) for rid in record_ids]
    )


# --- holds, disposals, suggestions -------------------------------------------------------------------


def file_hold(catalog: Catalog, file_id: int) -> dict | None:
    row = catalog.db.execute("SELECT * FROM file_holds WHERE file_id = ?", (file_id,)).fetchone()
    return {"reason": row["reason"], "by": row["actor"], "since": row["at"]} if row else None


def insert_file_hold(catalog: Catalog, file_id: int, reason: str, actor: str) -> None:
    catalog.db.execute(
        "INSERT INTO file_holds (file_id, reason, actor, at) VALUES (?, ?, ?, ?)", (file_id, reason, actor, now())
    )


def delete_file_hold(catalog: Catalog, file_id: int) -> None:
    catalog.db.execute("DELETE FROM file_holds WHERE file_id = ?", (file_id,))


def insert_file_disposal(
    catalog: Catalog, file: HoSo, *, actor: str, origin: str, authority: str, retention: str, records: list[int]
) -> None:
    catalog.db.execute(
        "INSERT INTO file_disposals (file_id, disposed_at, actor, origin, authority, retention, records, metadata) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            file.id,
            now(),
            actor,
            origin,
            authority,
            retention,
            json.dumps(records),
            json.dumps({**file.to_dict(), "id": file.id}, ensure_ascii=False, sort_keys=True),
        ),
    )


def file_disposal(catalog: Catalog, file_id: int) -> dict | None:
    row = catalog.db.execute("SELECT * FROM file_disposals WHERE file_id = ?", (file_id,)).fetchone()
    if row is None:
        return None
    return {
        "file_id": row["file_id"],
        "disposed_at": row["disposed_at"],
        "disposed_by": row["actor"],
        "authority": row["authority"],
        "retention": row["retention"],
        "records": json.loads(row["records"]),
    }


def dismissed(catalog: Catalog) -> set[tuple[int, int]]:
    return {tuple(r) for r in catalog.db.execute("SELECT record_id, file_id FROM file_suggestions")}


def dismiss(catalog: Catalog, record_id: int, file_id: int, actor: str) -> None:
    catalog.db.execute(
        "INSERT OR REPLACE INTO file_suggestions (record_id, file_id, decision, actor, at) VALUES (?, ?, ?, ?, ?)",
        (record_id, file_id, "dismissed", actor, now()),
    )


def citing_unfiled(catalog: Catalog, limit: int) -> list[tuple[int, int]]:
    """(citing record, filed record it cites) for unfiled records citing a filed one, bounded by `limit`."""
    rows = catalog.db.execute(
        "SELECT DISTINCT c.record_id, cited.id FROM citations c "
        "JOIN records cited ON cited.doc_number_key = c.symbol_key "
        "JOIN file_items fi ON fi.record_id = cited.id "
        "WHERE c.record_id NOT IN (SELECT record_id FROM file_items) AND c.record_id <> cited.id "
        "ORDER BY c.record_id, cited.id LIMIT ?",
        (limit,),
    )
    return [(r[0], r[1]) for r in rows]


def _file(row: sqlite3.Row) -> HoSo:
    return HoSo(
        id=row["id"],
        fonds=row["fonds_code"],
        fonds_name=row["fonds_name"],
        year=row["year"],
        code=row["code"],
        title=row["title"],
        description=row["description"],
        heading=row["heading"],
        unit=row["unit"],
        keeper=row["keeper"],
        retention=row["retention"],
        classification=row["classification"],
        compartments=tuple(n for n in (row["compartments"] or "").split(",") if n),
        kind=row["kind"],
        meeting_date=row["meeting_date"],
        source=row["source"],
        opened_at=row["opened_at"],
        closed_on=row["closed_on"],
        disposed_at=row["disposed_at"],
    )
