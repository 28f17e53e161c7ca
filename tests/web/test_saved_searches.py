"""Saved searches through the CLI, the API and the search page; a search an administrator saved and shared
shows a reader only what the reader may see, counts included."""

from archive.catalog import Catalog
from tests.conftest import write
from tests.web.browser import Http
from tests.web.conftest import add_user


def ingest(cli, inbox, tmp_path, names):
    rows = ["file,classification,doc_type,issued"]
    for name, level in names.items():
        write(inbox / f"{name}.txt", f"Văn bản {name} về chuyển đổi số trong cơ quan đảng.\n")
        rows.append(f"{name}.txt,{level},NQ,2025-07-01")
    manifest = write(tmp_path / f"m-{len(names)}-{'-'.join(names)}.csv", "\n".join(rows) + "\n")
    result, lines = cli.json("ingest", str(inbox), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    return {line["path"].rsplit("/", 1)[-1].removesuffix(".txt"): line["id"] for line in lines[:-1] if "path" in line}


def test_cli_add_list_run_since_and_per_user(cli, inbox, tmp_path, settings):
    ids = ingest(cli, inbox, tmp_path, {"a": "unclassified", "b": "secret"})
    assert cli("saved", "add", "cds", "chuyển đổi số", "--type", "NQ").exit_code == 0
    assert cli("saved", "add", "cds", "khác").exit_code == 1, "a name is saved once per user"
    assert cli("saved", "add", "bad", "x", "--issued", "").exit_code == 0
    _, (listed,) = cli.json("saved", "list")
    row = next(r for r in listed["saved"] if r["name"] == "cds")
    assert (row["total"], row["new"], row["filters"]) == (2, 2, {"type": "NQ"})
    _, (ran,) = cli.json("saved", "run", "cds")
    assert sorted(h["id"] for h in ran["hits"]) == sorted(ids.values()) and ran["total"] == 2
    _, (listed,) = cli.json("saved", "list")
    assert next(r for r in listed["saved"] if r["name"] == "cds")["new"] == 0, "new counts start at the last run"
    _, (later,) = cli.json("saved", "run", "cds", "--since", "2999-01-01")
    assert later["total"] == 0 and later["hits"] == []
    with Catalog(settings.catalog_path) as catalog, catalog.transaction():
        old = "2020-01-01T00:00:00Z"
        catalog.db.execute("UPDATE records SET ingested_at = ?, updated_at = ?", (old, old))
    assert cli("edit", str(ids["a"]), "--set", "place=Huế").exit_code == 0
    _, (since,) = cli.json("saved", "run", "cds", "--since", "2021-01-01")
    assert [h["id"] for h in since["hits"]] == [ids["a"]], "only what was added or changed since"
    assert cli("saved", "run", "cds", "--since", "hôm qua").exit_code == 2
    add_user(cli, "doc", "reader", "unclassified")
    assert cli.json("saved", "list", "--user", "doc")[1][0]["saved"] == [], "each user has their own"
    assert cli("saved", "run", "cds", "--user", "doc").exit_code == 1
    assert cli("saved", "remove", "cds").exit_code == 0 and cli("saved", "run", "cds").exit_code == 1


def test_a_hostile_reader_running_an_admins_shared_search_sees_only_their_own(server, cli, inbox, tmp_path, admin):
    ids = ingest(cli, inbox, tmp_path, {"open": "unclassified", "hidden": "top_secret"})
    boss = Http(server, admin["token"])
    made = boss.post("/api/saved", body={"name": "cds", "query": "chuyển đổi số", "shared": True})
    assert made.status == 201 and made.json()["saved"]["shared"]
    assert boss.get("/api/saved/cds/run").json()["total"] == 2
    reader = Http(server, add_user(cli, "doc", "reader", "unclassified")["token"])
    ran = reader.get("/api/saved/cds/run").json()
    assert ran["total"] == 1 and [h["id"] for h in ran["hits"]] == [ids["open"]]
    since = reader.get("/api/saved/cds/run?since=2000-01-01").json()
    assert [h["id"] for h in since["hits"]] == [ids["open"]] and since["total"] == 1
    (row,) = reader.get("/api/saved").json()["saved"]
    assert (row["total"], row["new"]) == (1, 1), "counts are cut to the reader's clearance too"
    assert reader.post("/api/saved", body={"name": "x", "query": "a", "shared": True}).status == 403
    assert reader.delete("/api/saved/cds").status == 404, "a reader cannot remove the admin's search"
    assert reader.get("/api/saved/cds/run?since=yesterday").status == 400
    assert reader.post("/api/saved", body={"name": "", "query": "a"}).status == 400
    assert reader.post("/api/saved", body={"name": "f", "query": "a", "filters": {"colour": "x"}}).status == 400
    mine = reader.post("/api/saved", body={"name": "mine", "query": "cơ quan", "filters": {"type": "NQ"}})
    assert mine.status == 201
    assert [r["name"] for r in boss.get("/api/saved").json()["saved"]] == ["cds"], "a private search stays private"


def test_the_search_page_saves_the_search_shown(server, cli, inbox, tmp_path):
    ingest(cli, inbox, tmp_path, {"a": "unclassified"})
    user = add_user(cli, "doc", "reader", "unclassified")
    browser = Http(server)
    browser.login(user["name"], user["password"])
    page = browser.get("/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i&type=NQ")
    assert "Lưu tìm kiếm" in page.text
    saved = browser.form("/saved", {"name": "Theo dõi CĐS", "q": "chuyển đổi", "type": "NQ"})
    assert saved.status == 303 and "type=NQ" in saved.headers["Location"]
    api = Http(server, user["token"])
    (row,) = api.get("/api/saved").json()["saved"]
    assert (row["name"], row["query"], row["filters"], row["total"]) == (
        "Theo dõi CĐS",
        "chuyển đổi",
        {"type": "NQ"},
        1,
    )


def test_the_start_page_partial_shows_each_saved_search_with_its_new_count(cli, inbox, tmp_path, settings):
    from flask import g, render_template

    from archive.people.users import find_user
    from web import create_app

    ingest(cli, inbox, tmp_path, {"a": "unclassified", "b": "top_secret"})
    add_user(cli, "doc", "reader", "unclassified")
    app = create_app(settings)
    with app.test_request_context("/"):
        with Catalog(settings.catalog_path) as catalog:
            g.user = find_user(catalog.db, "doc")
            from archive.saved.searches import save_search

            save_search(catalog, "doc", "CĐS <b>", "chuyển đổi số", {"type": "NQ"})
        html = render_template("partials/start_saved_searches.html")
    assert "CĐS &lt;b&gt;" in html and "/?q=" in html and "type=NQ" in html
    assert '<span class="n">1</span>' in html, "the top-secret record is neither found nor counted new"


def test_the_start_page_lists_the_users_saved_searches(server, cli, inbox, tmp_path):
    ingest(cli, inbox, tmp_path, {"a": "unclassified", "b": "secret"})
    user = add_user(cli, "doc", "reader", "unclassified")
    assert (
        Http(server, user["token"]).post("/api/saved", body={"name": "Theo dõi CĐS", "query": "chuyển đổi số"}).status
        == 201
    )
    browser = Http(server)
    browser.login(user["name"], user["password"])
    start = browser.get("/").text
    assert "Tìm kiếm đã lưu" in start and "Theo dõi CĐS" in start
    assert '<span class="n">1</span>' in start.split("Theo dõi CĐS", 1)[1][:200], "the secret record is not counted"
