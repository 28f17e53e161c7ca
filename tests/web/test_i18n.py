"""Every message of the web front end has its Vietnamese translation, and the catalog compiles from the
committed `.po` alone (as on a fresh checkout)."""

from __future__ import annotations

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import ROOT
from web.i18n import CATALOG_DIR, _compile_into

# The archive's own messages (archive.messages.Message) are shown on pages too: their templates are msgids.
METHODS = [
    ("web/templates/**.html", "jinja2"),
    ("web/**.py", "python"),
    ("archive/**.py", "python"),
    ("indexer/**.py", "python"),
]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None, "Message": None}


def used_messages() -> set[str]:
    found = extract_from_dir(ROOT, METHODS, keywords=KEYWORDS, comment_tags=(), strip_comment_tags=True)
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def vietnamese() -> dict[str, str]:
    with open(CATALOG_DIR / "vi" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle, locale="vi")
    return {
        (m.id if isinstance(m.id, str) else m.id[0]): (m.string if isinstance(m.string, str) else m.string[0])
        for m in catalog
        if m.id and not m.fuzzy
    }


def test_every_message_is_translated():
    used, translated = used_messages(), vietnamese()
    assert len(used) > 150, "the extraction finds the templates' messages"
    missing = sorted(m for m in used if not translated.get(m))
    assert missing == [], f"untranslated: {missing}"


def test_the_catalog_compiles_from_the_po_alone(tmp_path):
    _compile_into(CATALOG_DIR, tmp_path)
    mo = tmp_path / "vi" / "LC_MESSAGES" / "messages.mo"
    assert mo.stat().st_size > 5000
    from babel.support import Translations

    with mo.open("rb") as handle:
        translations = Translations(handle)
    assert translations.gettext("Search") == "Tìm kiếm"
    assert translations.ngettext("%(num)d result", "%(num)d results", 2) == "%(num)d kết quả"
