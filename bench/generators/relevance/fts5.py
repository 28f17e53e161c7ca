"""The baseline the archive's search must beat: SQLite FTS5 tuned as a careful engineer would.

Built from the same catalog rows the archive indexed: title, body, symbol and citation columns,
`unicode61 remove_diacritics 2` over text folded on both sides (so `đ` → `d` too), ranked by
`bm25(3, 1, 12, 1)` (title above body, symbols far above). Queries are translated the way the
archive reads them: filters (`type:`, `nam:`, …) become SQL conditions on a metadata table, symbols
match the symbol and citation columns, "quoted phrases" are FTS5 phrases, `-word` excludes, and every
other word is required.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from archive.catalog import Catalog
from archive.vocabulary import doc_type_code
from indexer.index.query import CLASSIFICATION_WORDS, FILTER_NAMES, FILTER_RE, query_words
from indexer.index.query import _take_symbols as take_symbols
from indexer.normalize import fold, symbol_key

SCHEMA = """
CREATE VIRTUAL TABLE fts USING fts5(title, body, symbol, cites, content='', tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(3.0, 1.0, 12.0, 1.0)');
CREATE TABLE meta (id INTEGER PRIMARY KEY, doc_type TEXT, year INTEGER, issued TEXT, issuer TEXT,
                   language TEXT, classification TEXT);
"""
PHRASE = re.compile(r'"([^"]*)"')


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class TunedFts5:
    """An FTS5 database over an archive's catalog, answering query strings with record ids."""

    def __init__(self, catalog: Catalog, path: Path) -> None:
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)
        ids = sorted(catalog.id_revs())
        records, texts, cited = catalog.get_many(ids), catalog.texts(ids), catalog.citation_keys(ids)
        for i in ids:
            r = records[i]
            symbol = symbol_key(r.doc_number) if r.doc_number else ""
            self.db.execute(
                "INSERT INTO fts(rowid, title, body, symbol, cites) VALUES (?, ?, ?, ?, ?)",
                (i, fold(r.title or "").lower(), fold(texts.get(i, "")).lower(), symbol, " ".join(cited.get(i, []))),
            )
            self.db.execute(
                "INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?)",
                (i, r.doc_type, int(r.issued[:4]) if r.issued else None, r.issued, fold(r.issuer or "").lower(),
                 r.language, r.classification),
            )  # fmt: skip
        self.db.commit()

    def search(self, text: str, limit: int = 10) -> list[int]:
        conditions, args, numbers = [], [], []

        def take_filter(match: re.Match) -> str:
            kind = FILTER_NAMES.get(fold(match["name"]).lower())
            if kind is None:
                return match.group(0)
            value = match["quoted"] if match["quoted"] is not None else match["bare"]
            if kind == "number":
                numbers.append(symbol_key(value))
            else:
                self._filter(kind, value, conditions, args)
            return " "

        rest = FILTER_RE.sub(take_filter, text)
        symbols, rest = take_symbols(rest)
        symbols += numbers
        clauses = ["{symbol cites} : " + _quote(" ".join(re.findall(r"\w+", key))) for key in symbols]
        for phrase in PHRASE.findall(rest):
            words = [fold(w).lower() for w in re.findall(r"\w+", phrase)]
            if words:
                clauses.append(f"{{title body}} : {_quote(' '.join(words))}")
        rest = PHRASE.sub(" ", rest)
        words = [fold(w).lower() for w in query_words(rest)]
        clauses += [f"{{title body}} : {_quote(w)}" for w in words]
        excluded = [fold(w).lower() for w in re.findall(r"(?<![\w-])-(\w+)", rest)]
        expression = " AND ".join(clauses)
        if expression and excluded:
            expression = f"({expression}) NOT ({' OR '.join(_quote(w) for w in excluded)})"
        where = " AND ".join(conditions)
        if expression:
            sql = "SELECT fts.rowid FROM fts JOIN meta ON meta.id = fts.rowid WHERE fts MATCH ?"
            sql += f" AND {where}" if where else ""
            rows = self.db.execute(sql + " ORDER BY rank LIMIT ?", [expression, *args, limit])
        elif where:
            rows = self.db.execute(f"SELECT id FROM meta WHERE {where} ORDER BY id LIMIT ?", [*args, limit])
        else:
            return []
        return [row[0] for row in rows]

    @staticmethod
    def _filter(kind: str, value: str, conditions: list[str], args: list) -> None:
        value = value.strip()
        if kind == "type":
            codes = [doc_type_code(v) for v in value.split(",")]
            conditions.append(f"meta.doc_type IN ({', '.join('?' for _ in codes)})")
            args.extend(codes)
        elif kind == "year":
            low, _, high = value.partition("..")
            conditions.append("meta.year BETWEEN ? AND ?")
            args.extend([int(low or 0), int(high or (low if ".." not in value else 9999))])
        elif kind == "issuer":
            conditions.append("meta.issuer LIKE ?")
            args.append(f"%{fold(value).lower()}%")
        elif kind == "lang":
            conditions.append("meta.language = ?")
            args.append(value.lower())
        elif kind == "classification":
            conditions.append("meta.classification = ?")
            args.append(CLASSIFICATION_WORDS.get(fold(value).lower().replace("_", " "), value.lower()))
        else:  # issued: ISO dates compare as text
            low, _, high = value.partition("..") if ".." in value else (value, "", value)
            conditions.append("meta.issued BETWEEN ? AND ?")
            args.extend([low or "0000", (high or "9999") + "\uffff"])
