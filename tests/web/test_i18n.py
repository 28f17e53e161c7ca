"""Every message of the web front end has its Vietnamese translation, and the catalog compiles from the
committed `.po` alone (as on a fresh checkout). Problems the hash chain and `archive verify` find are said in
the reader's language on the audit and admin pages (the CLI and the JSON API keep saying them in English), and
no text a template puts in an attribute (a placeholder, a tooltip) is left untranslated."""

from __future__ import annotations

import re
import sqlite3

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from archive.catalog import Catalog
from archive.messages import Message
from archive.store import Store
from archive.upkeep.verify import DETAILS, detail_message
from tests.conftest import EN_TEXT, ROOT, VI_TEXT, record_ids, write
from tests.web.conftest import add_user, archive_app, token_client
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


# Attributes whose value a reader sees (or hears, from a screen reader).
SHOWN_ATTRIBUTES = re.compile(r'\b(placeholder|title|alt|aria-label|aria-description)="([^"]*)"')
CODE_EXAMPLE = re.compile(r"[a-z0-9._-]+")  # an example of a code to type (a compartment), the same in any language


def test_text_in_attributes_goes_through_the_catalog():
    untranslated = []
    for template in sorted((ROOT / "web" / "templates").glob("*.html")):
        for found in SHOWN_ATTRIBUTES.finditer(template.read_text(encoding="utf-8")):
            value = found.group(2)
            if "{{" not in value and re.search(r"[^\W\d_]", value) and not CODE_EXAMPLE.fullmatch(value):
                untranslated.append(f"{template.name}: {found.group(0)}")
    assert untranslated == []


def test_every_kind_of_verify_problem_reads_back_from_its_text():
    """The fixity entry keeps a problem's detail as text; the admin page turns it back into its Message."""
    for kind, detail in DETAILS.items():
        params = {name: f"{name} value: 1" for name in re.findall(r"%\((\w+)\)s", detail.template)}
        kind = "index_outdated" if kind == "index" else kind
        said = Message(detail.template, **params)
        again = detail_message(kind, str(said))
        assert isinstance(again, Message) and (again.template, again.params) == (detail.template, params)
    assert not isinstance(detail_message("missing_text", "other wording"), Message)
    assert not isinstance(detail_message("no_such_kind", "the catalog has no extracted text"), Message)


def test_chain_and_verify_problems_are_said_in_the_readers_language(settings, cli, inbox):
    write(inbox / "a.txt", VI_TEXT)
    write(inbox / "b.txt", EN_TEXT)
    assert cli("ingest", str(inbox)).exit_code == 0
    with Catalog(settings.catalog_path) as catalog:
        sha = catalog.get(record_ids(settings)["a.txt"]).sha256
    Store(settings.store_dir).path(sha).write_bytes(b"changed on disk")
    assert cli("verify").exit_code == 1  # its fixity entry keeps the problem as English text
    token = add_user(cli, "admin", "admin", "top_secret")["token"]
    db = sqlite3.connect(settings.catalog_path)  # someone with the catalog file edits the first entry
    db.execute("DROP TRIGGER IF EXISTS events_no_update")
    db.execute("UPDATE events SET actor = 'someone-else' WHERE id = 1")
    db.commit()
    db.close()
    app = archive_app(settings)
    vi, en = token_client(app, token), token_client(app, token, "en")

    chain = vi.get("/admin/audit?verify=1").get_data(as_text=True)
    assert "nội dung mục không khớp với mã băm: mục đã bị sửa" in chain and "does not match" not in chain
    assert "the entry&#39;s content does not match its hash" in en.get("/admin/audit?verify=1").get_data(as_text=True)
    api = vi.get("/api/audit/verify").get_json()["problems"]
    assert api[0]["detail"] == "the entry's content does not match its hash: it was changed", "the API stays English"

    status = vi.get("/admin").get_data(as_text=True)
    assert "mã băm của bản gốc là " in status and f", không phải {sha}" in status
    assert "original hashes to" not in status
    assert f", not {sha}" in en.get("/admin").get_data(as_text=True)
    [problem] = vi.get("/api/status").get_json()["last_verify"]["problems"]
    assert problem["kind"] == "corrupt_original" and problem["detail"].startswith("original hashes to ")


def test_placeholders_are_in_the_readers_language(settings, cli):
    token = add_user(cli, "admin", "admin", "top_secret")["token"]
    app = archive_app(settings)
    vi, en = token_client(app, token), token_client(app, token, "en")
    # issue 21: actions are chosen from their names (the field took a code before)
    assert '<option value="">Mọi thao tác</option>' in vi.get("/admin/audit").get_data(as_text=True)
    assert '<option value="">All actions</option>' in en.get("/admin/audit").get_data(as_text=True)
    assert 'placeholder="Quyết định số …"' in vi.get("/retention").get_data(as_text=True)
    assert 'placeholder="Decision No. …"' in en.get("/retention").get_data(as_text=True)
