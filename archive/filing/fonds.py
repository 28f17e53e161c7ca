"""Fonds (phông): the archive of one body. Every file belongs to one; the command line adds and lists them."""

from __future__ import annotations

import re

from archive.catalog import Catalog
from archive.config import Settings
from archive.errors import UsageError
from archive.filing import store
from archive.filing.models import Fonds
from archive.messages import Message
from archive.upkeep.session import writing

FONDS_CODE = re.compile(r"[\w.-]{1,32}")


def add_fonds(settings: Settings, code: str, name: str) -> Fonds:
    """Add a fonds with a short code (used in file references) and its name; audited."""
    code, name = code.strip(), " ".join((name or "").split())
    if not FONDS_CODE.fullmatch(code) or code.isdigit():
        raise UsageError(
            Message("a fonds code is one word of letters, digits, - _ . (not only digits): %(code)r", code=code)
        )
    if not name:
        raise UsageError(Message('a fonds needs a name, e.g. "Phông Tỉnh ủy Quảng Trị"'))
    with writing(settings, "fonds", repair="catalog") as session:
        catalog = session.catalog
        if store.fonds_by_code(catalog, code) is not None:
            raise UsageError(Message("fonds %(code)s exists already", code=code))
        with catalog.transaction():
            fonds_id = store.insert_fonds(catalog, code, name)
            catalog.log_event("fonds.add", None, fonds=code, name=name)
        return Fonds(fonds_id, code, name)


def list_fonds(catalog: Catalog) -> list[Fonds]:
    return store.all_fonds(catalog)


def fonds_for(catalog: Catalog, code: str | None) -> Fonds:
    """The fonds named, or the only one there is when none is named."""
    if code:
        found = store.fonds_by_code(catalog, code)
        if found is None:
            raise UsageError(Message("no fonds %(code)s: add it with `archive fonds add`", code=code))
        return found
    every = store.all_fonds(catalog)
    if len(every) != 1:
        raise UsageError(
            Message("name the fonds (--fonds): %(known)s", known=", ".join(f.code for f in every) or "none yet")
        )
    return every[0]
