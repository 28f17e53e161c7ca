"""The registers: an incoming and an outgoing book, each with a register of its own for classified documents."""

from __future__ import annotations

from archive.errors import UsageError
from archive.messages import Message
from archive.models import Record

BOOKS = ("in", "out")
DIRECTION_OF = {"in": "incoming", "out": "outgoing"}
REGISTERS = ("in", "in-classified", "out", "out-classified")


def register_for(book: str, record: Record) -> str:
    """The register a record is numbered in: its book's, or the book's classified register (kept apart, by
    the clerk cleared for it) when the record is classified or belongs to a compartment."""
    check_book(book)
    return f"{book}-classified" if record.classification != "unclassified" or record.compartments else book


def registers_of(book: str) -> tuple[str, str]:
    check_book(book)
    return book, f"{book}-classified"


def book_of(register: str) -> str:
    return register.split("-", 1)[0]


def check_book(book: str) -> str:
    if book not in BOOKS:
        raise UsageError(Message("a register book is in or out, not %(value)r", value=book))
    return book
