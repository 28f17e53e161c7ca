"""PATCH /api/records: many records at once through the JSON API, cut to the editor's clearance."""

import json

from archive.catalog import Catalog
from tests.conftest import write
from tests.web.browser import Http
from tests.web.conftest import add_user


def ingest(cli, inbox, tmp_path):
    rows = [
        "file,classification,issuer",
        "a.txt,unclassified,Tinh uy",
        "b.txt,confidential,Tinh uy",
        "c.txt,secret,Tinh uy",
    ]
    for name in "abc":
        write(inbox / f"{name}.txt", f"Văn bản {name} về công tác văn thư.\n")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(write(tmp_path / "m.csv", "\n".join(rows) + "\n")))
    assert result.exit_code == 0, result.output
    return {line["path"].rsplit("/", 1)[-1][0]: line["id"] for line in lines[:-1]}


def edits(settings):
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT record_id, actor, detail FROM events WHERE action = 'metadata.edited'")
        return [(r["record_id"], r["actor"], json.loads(r["detail"]).get("batch")) for r in rows]


def test_batch_edit_is_all_or_nothing_and_cut_to_clearance(server, cli, inbox, tmp_path, settings):
    ids = ingest(cli, inbox, tmp_path)
    api = Http(server, add_user(cli, "thu", "archivist", "confidential")["token"])
    body = {"ids": [ids["a"], ids["b"]], "set": {"issuer": "Tỉnh ủy Quảng Trị"}, "dry_run": True}
    preview = api.patch("/api/records", body=body)
    assert preview.status == 200 and preview.json()["batch"] is None and edits(settings) == []
    assert preview.json()["records"][0]["changed"]["issuer"] == {"old": "Tinh uy", "new": "Tỉnh ủy Quảng Trị"}
    hidden = api.patch("/api/records", body={"ids": [ids["a"], ids["c"]], "set": {"issuer": "X"}})
    assert hidden.status == 409 and edits(settings) == []
    (refusal,) = hidden.json()["refused"]
    never = api.patch("/api/records", body={"ids": [ids["a"], 987654], "set": {"issuer": "X"}}).json()["refused"][0]
    assert refusal["reason"] == never["reason"].replace("987654", str(ids["c"])), "a secret record reads as absent"
    beyond = api.patch("/api/records", body={"ids": [ids["a"]], "set": {"classification": "secret"}})
    assert beyond.status == 409 and edits(settings) == []
    done = api.patch("/api/records", body={"records": [{"id": ids["a"], "set": {"place": "Đông Hà"}},
                                                        {"id": ids["b"], "set": {"place": "Huế"}}]})  # fmt: skip
    assert done.status == 200 and done.json()["changed"] == 2
    assert {(r, a) for r, a, _ in edits(settings)} == {(ids["a"], "thu"), (ids["b"], "thu")}
    assert len({b for _, _, b in edits(settings)}) == 1
    by_query = api.patch("/api/records", body={"query": "văn thư", "set": {"notes": "rà soát"}})
    assert by_query.status == 200 and sorted(r["id"] for r in by_query.json()["records"]) == sorted(
        [ids["a"], ids["b"]]
    )
    for bad in ({"ids": "1", "set": {"a": "b"}}, {"ids": [1]}, {"set": {"place": "x"}}, {"ids": [1], "set": {"p": 1}}):
        assert api.patch("/api/records", body=bad).status == 400, bad
    reader = Http(server, add_user(cli, "doc", "reader", "top_secret")["token"])
    assert reader.patch("/api/records", body={"ids": [ids["a"]], "set": {"place": "x"}}).status == 403


def test_the_search_page_corrects_ticked_or_all_results_within_clearance(server, cli, inbox, tmp_path, settings):
    ids = ingest(cli, inbox, tmp_path)
    user = add_user(cli, "thu", "archivist", "confidential")
    browser = Http(server)
    browser.login(user["name"], user["password"])
    page = browser.get("/?q=v%C4%83n+th%C6%B0").text
    assert 'id="batch-form"' in page and "Chọn tất cả 2 kết quả" in page, "the secret record is not counted"
    assert f'name="ids" value="{ids["c"]}"' not in page
    preview = browser.form("/records/batch", {"q": "văn thư", "all": "1", "field": "place", "value": "Huế"})
    assert preview.status == 200 and "Xem trước" in preview.text and edits(settings) == []
    assert preview.text.count('name="ids"') == 2
    done = browser.form("/records/batch", {"ids": [ids["a"]], "field": "place", "value": "Huế", "apply": "1"})
    assert done.status == 200 and [r for r, _, _ in edits(settings)] == [ids["a"]]
    refused = browser.form(
        "/records/batch", {"ids": [ids["a"], ids["c"]], "field": "place", "value": "x", "apply": "1"}
    )
    assert refused.status == 409 and "Không có gì được thay đổi" in refused.text and len(edits(settings)) == 1
    reader = Http(server)
    doc = add_user(cli, "doc", "reader", "top_secret")
    reader.login(doc["name"], doc["password"])
    assert 'id="batch-form"' not in reader.get("/?q=v%C4%83n+th%C6%B0").text


def holds_and_filings(settings):
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute(
            "SELECT action, record_id, detail FROM events WHERE action IN ('hold.add', 'file.add') ORDER BY id"
        )
        return [(r["action"], r["record_id"], json.loads(r["detail"]).get("batch")) for r in rows]


def test_the_search_page_holds_and_files_the_selection_within_clearance(server, cli, inbox, tmp_path, settings):
    ids = ingest(cli, inbox, tmp_path)
    assert cli("fonds", "add", "TUQT", "Phông Tỉnh ủy").exit_code == 0
    for code in ("01.VT", "02.VT"):
        assert cli("files", "open", code, "--title", "Hồ sơ văn thư", "--year", "2025").exit_code == 0
    user = add_user(cli, "thu", "archivist", "confidential")
    browser = Http(server)
    browser.login(user["name"], user["password"])
    page = browser.get("/?q=v%C4%83n+th%C6%B0").text
    assert "Phong tỏa theo yêu cầu pháp lý" in page and "Đưa vào hồ sơ" in page
    # a hold: previewed (nothing written), then placed on all results, one audit entry per record, one batch
    preview = browser.form("/records/batch", {"q": "văn thư", "all": "1", "action": "hold", "reason": "Vụ việc 12"})
    assert preview.status == 200 and "Xem trước" in preview.text and holds_and_filings(settings) == []
    assert preview.text.count('name="ids"') == 2 and "Phong tỏa các văn bản này" in preview.text
    no_reason = browser.form("/records/batch", {"ids": [ids["a"]], "action": "hold", "reason": " ", "apply": "1"})
    assert no_reason.status == 400 and holds_and_filings(settings) == []
    # guessing the secret record's id: refused whole, worded as an id that never existed
    guess = browser.form("/records/batch", {"ids": [ids["a"], ids["c"]], "action": "hold", "reason": "x", "apply": "1"})
    assert guess.status == 409 and "Không có gì được thay đổi" in guess.text and holds_and_filings(settings) == []
    never = browser.form("/records/batch", {"ids": [ids["a"], 987654], "action": "hold", "reason": "x", "apply": "1"})
    assert never.text.replace("987654", str(ids["c"])) == guess.text
    done = browser.form(
        "/records/batch", {"ids": [ids["a"], ids["b"]], "action": "hold", "reason": "Vụ việc 12", "apply": "1"}
    )
    assert done.status == 200 and "Đã phong tỏa 2 văn bản" in done.text
    held = holds_and_filings(settings)
    assert sorted((a, r) for a, r, _ in held) == sorted([("hold.add", ids["a"]), ("hold.add", ids["b"])])
    assert len({b for _, _, b in held}) == 1 and held[0][2]
    again = browser.form("/records/batch", {"ids": [ids["b"]], "action": "hold", "reason": "x", "apply": "1"})
    assert again.status == 409 and len(holds_and_filings(settings)) == 2
    # filing: previewed, then filed all or nothing; a second filing is refused
    ref = "TUQT/2025/01.VT"
    preview = browser.form("/records/batch", {"q": "văn thư", "all": "1", "action": "file", "file": ref})
    assert preview.status == 200 and "Đưa các văn bản này vào hồ sơ" in preview.text
    assert len(holds_and_filings(settings)) == 2
    guess = browser.form("/records/batch", {"ids": [ids["a"], ids["c"]], "action": "file", "file": ref, "apply": "1"})
    assert guess.status == 409 and len(holds_and_filings(settings)) == 2
    assert str(ids["c"]) in guess.text and "Văn bản c" not in guess.text
    filed = browser.form("/records/batch", {"ids": [ids["a"], ids["b"]], "action": "file", "file": ref, "apply": "1"})
    assert filed.status == 200 and "Đã đưa 2 văn bản vào hồ sơ" in filed.text
    assert sorted((a, r) for a, r, _ in holds_and_filings(settings)[2:]) == sorted(
        [("file.add", ids["a"]), ("file.add", ids["b"])]
    )
    second = browser.form(
        "/records/batch", {"ids": [ids["a"]], "action": "file", "file": "TUQT/2025/02.VT", "apply": "1"}
    )
    assert second.status == 409 and "Không có gì được thay đổi" in second.text
    assert len(holds_and_filings(settings)) == 4
    # a reader (even of top clearance) has no batch actions at all
    reader = Http(server)
    doc = add_user(cli, "doc", "reader", "top_secret")
    reader.login(doc["name"], doc["password"])
    refused = reader.form("/records/batch", {"ids": [ids["a"]], "action": "hold", "reason": "x", "apply": "1"})
    assert refused.status == 403 and len(holds_and_filings(settings)) == 4
