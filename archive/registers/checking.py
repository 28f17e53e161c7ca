"""`register check`: duplicates and gaps in a book's numbers, per register and year, for a cron job.

Two sequences are checked: the register's own numbers (1..n, given here: a gap is a number never given, a
disposed record's number is a gap explained by its disposal and not a problem), and, in the outgoing book,
the numbers in the documents' symbols (412-BC/TU, 413-CV/TU …), which the office gives each year in one
series per issuing body (the part after the slash) across both registers: 412 and 414 but no 413 is a gap,
two documents numbered 412 a duplicate. Gaps are looked for between the lowest and highest numbers seen.
A problem names numbers; it names a record only to those who may see it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from archive.catalog import Catalog
from archive.people.access import may_see
from archive.registers import catalog as entries
from archive.registers.books import registers_of
from archive.registers.listing import row_access, symbol_of
from indexer import Clearance

SYMBOL_NUMBER = re.compile(r"^(\d+)\D.*?/\s*([^/\s]+)\s*$")  # 412-BC/TU → 412, TU
MAX_LISTED = 200  # a register gone badly wrong would otherwise list thousands of numbers


@dataclass(frozen=True)
class Problem:
    kind: str  # duplicate | gap
    register: str  # the register, or for symbols the book and its series ("out /TU")
    year: int
    number: int
    ids: tuple[int, ...] = ()  # the records sharing a duplicated number that the reader may see

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "register": self.register,
            "year": self.year,
            "number": self.number,
            "ids": list(self.ids),
        }

    def __str__(self) -> str:
        where = f"{self.register} {self.year}"
        if self.kind == "gap":
            return f"{where}: no {self.number}"
        shown = f" (records {', '.join(map(str, self.ids))})" if self.ids else ""
        return f"{where}: {self.number} given more than once{shown}"


@dataclass
class CheckReport:
    book: str
    year: int
    entries: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {
            "book": self.book,
            "year": self.year,
            "ok": self.ok,
            "problems": [p.to_dict() for p in self.problems[:MAX_LISTED]],
            "more": max(0, len(self.problems) - MAX_LISTED),
        }


def check_register(catalog: Catalog, book: str, year: int, clearance: Clearance | None = None) -> CheckReport:
    """Every register of `book` for `year`; the numbers are checked over all entries (a gap is an absence,
    which tells of no record), the records named only where the reader may see them."""
    report = CheckReport(book, year)
    registers = registers_of(book)
    rows = entries.rows(catalog.db, registers, year)
    report.entries = len(rows)
    visible = {row["record_id"] for row in rows if may_see(clearance, *row_access(row))}
    for register, number, _ in entries.duplicate_numbers(catalog.db, registers, year):
        ids = tuple(r["record_id"] for r in rows if r["number"] == number and r["register"] == register)
        report.problems.append(Problem("duplicate", register, year, number, tuple(i for i in ids if i in visible)))
    for register in registers:
        numbers = [row["number"] for row in rows if row["register"] == register]
        report.problems += [Problem("gap", register, year, n) for n in _gaps(numbers, start=1)]
    if book == "out":
        series: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for row in rows:
            found = SYMBOL_NUMBER.match(symbol_of(row) or "")
            if found:
                series[found.group(2).upper()][int(found.group(1))].append(row["record_id"])
        for name, numbered in sorted(series.items()):
            label = f"out /{name}"
            for number, ids in sorted(numbered.items()):
                if len(ids) > 1:
                    shown = tuple(i for i in ids if i in visible)
                    report.problems.append(Problem("duplicate", label, year, number, shown))
            report.problems += [Problem("gap", label, year, n) for n in _gaps(list(numbered), start=min(numbered))]
    return report


def _gaps(numbers: list[int], *, start: int) -> list[int]:
    if not numbers:
        return []
    present = set(numbers)
    return [n for n in range(start, max(present)) if n not in present]


def check_and_log(catalog: Catalog, book: str, year: int, clearance: Clearance | None = None) -> CheckReport:
    """`check_register`, recorded in the audit trail (as `archive register check` runs it)."""
    report = check_register(catalog, book, year, clearance)
    catalog.log_event("register.check", None, book=book, year=year)
    return report
