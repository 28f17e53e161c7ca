"""The record page's edit form after a refused edit: the page again (400), nothing saved, the form holding
everything the archivist typed and each refusal beside its field, announced to screen readers."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest

from archive.catalog import Catalog
from tests.conftest import write
from tests.web.conftest import add_user, archive_app, token_client


@pytest.fixture
def clerk(settings, cli, inbox, tmp_path):
    write(inbox / "cv.txt", "Công văn về công tác lưu trữ.\n")
    manifest = write(tmp_path / "m.csv", "file,classification,doc_number,title\ncv.txt,confidential,5-CV/TU,Lưu trữ\n")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    client = token_client(archive_app(settings), add_user(cli, "clerk", "archivist", "secret")["token"], "en")
    return client, lines[0]["id"]  # in English: the refusals' words below are


def form_of(page: str) -> dict[str, str]:
    fields = {m[0]: unescape(m[1]) for m in re.findall(r'name="(set-[a-z_]+)" value="([^"]*)"', page)}
    fields["set-notes"] = unescape(re.search(r'name="set-notes"[^>]*>([^<]*)</textarea>', page).group(1))
    # issue 21: type, urgency, language and classification are chosen from named choices (selects)
    for name, options in re.findall(r'<select id="f-\w+" name="(set-[a-z_]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', options)
        fields[name] = unescape(chosen.group(1)) if chosen else ""
    return fields


def test_a_refused_edit_shows_the_form_again_with_what_was_typed_and_why(clerk, settings):
    client, record_id = clerk
    form = form_of(client.get(f"/records/{record_id}").get_data(as_text=True))
    form |= {"set-issued": "31/02/2025", "set-retention": "mãi mãi", "set-notes": "Ghi chú <mới> dài"}
    form |= {"set-title": "Lưu trữ điện tử", "set-classification": "secret"}
    reply = client.post(f"/records/{record_id}/edit", data=form)
    assert reply.status_code == 400
    page = reply.get_data(as_text=True)
    assert form_of(page) == form, "everything typed is there again"
    assert "Ghi chú &lt;mới&gt; dài" in page, "escaped like any text"
    assert re.search(r'role="alert">[^<]+</p>', page)
    for name, why in (("issued", "not a real date"), ("retention", "number of years")):
        assert re.search(
            rf'id="f-{name}" name="set-{name}" value="[^"]*" aria-invalid="true" aria-describedby="e-{name}"', page
        )
        assert re.search(rf'<span class="field-error" id="e-{name}">[^<]*{why}', page)
    assert 'aria-describedby="e-title"' not in page, "a good field is not marked"
    assert len(re.findall(r'class="banner level-confidential"', page)) == 2, "the record as it is, not as typed"
    with Catalog(settings.catalog_path) as catalog:
        record = catalog.get(record_id)
        edits = catalog.db.execute("SELECT 1 FROM events WHERE action = 'metadata.edited'").fetchall()
    assert (record.title, record.notes, record.classification, edits) == ("Lưu trữ", None, "confidential", [])
    form["set-issued"], form["set-retention"] = "28/02/2025", "10 years"
    assert client.post(f"/records/{record_id}/edit", data=form).status_code == 303
    with Catalog(settings.catalog_path) as catalog:
        record = catalog.get(record_id)
    assert (record.issued, record.title, record.notes) == ("2025-02-28", "Lưu trữ điện tử", "Ghi chú <mới> dài")


def test_an_archivist_may_not_classify_a_record_beyond_their_own_clearance(clerk, settings):
    """One may only mark what one is cleared to read: the clerk (secret, no compartments) may not make the
    record top secret or put it in a compartment, by the form or the API; lowering it is theirs to do."""
    client, record_id = clerk
    form = form_of(client.get(f"/records/{record_id}").get_data(as_text=True))
    beyond = "you may not classify a record beyond your own clearance"
    for typed in ({"set-classification": "top_secret"}, {"set-compartments": "hat-nhan"}):
        reply = client.post(f"/records/{record_id}/edit", data=form | typed)
        assert reply.status_code == 400, typed
        field = next(iter(typed))[4:]
        assert re.search(rf'<span class="field-error" id="e-{field}">[^<]*{beyond}', reply.get_data(as_text=True))
    for change in ({"classification": "top_secret"}, {"compartments": "hat-nhan"}):
        reply = client.patch(f"/api/records/{record_id}", json={"set": change})
        assert reply.status_code == 400 and reply.get_json()["error"]["message"] == beyond, change
    with Catalog(settings.catalog_path) as catalog:
        assert (catalog.get(record_id).classification, catalog.get(record_id).compartments) == ("confidential", ())
    for level in ("secret", "unclassified"):
        assert client.patch(f"/api/records/{record_id}", json={"set": {"classification": level}}).status_code == 200


def test_an_upload_manifest_may_not_classify_beyond_the_uploaders_clearance(clerk, settings):
    client, _ = clerk
    files = {"files": [(io.BytesIO("Báo cáo tổng kết.\n".encode()), "bc.txt")]}
    manifest = b"file,classification\nbc.txt,top_secret\n"
    reply = client.post(
        "/api/ingest", data=files | {"manifest": (io.BytesIO(manifest), "m.csv")}, content_type="multipart/form-data"
    )
    assert reply.status_code == 422
    problem = reply.get_json()["manifest"][0]["message"]
    assert problem == "bc.txt: you may not classify a record beyond your own clearance"
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.count() == 1, "nothing of the upload was ingested"
