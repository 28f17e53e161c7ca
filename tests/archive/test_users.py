"""`archive users`: people, roles, clearances, passwords (Argon2id) and API tokens (stored hashed)."""

import json

from archive.catalog import Catalog
from archive.people.passwords import check_password
from archive.people.tokens import digest, user_for_token
from archive.people.users import authenticate


def users_in(settings) -> dict:
    with Catalog(settings.catalog_path) as catalog:
        return {row["name"]: dict(row) for row in catalog.db.execute("SELECT * FROM users")}


def test_add_prints_a_password_once_and_stores_only_its_argon2id_hash(cli, settings):
    result = cli(
        "users", "add", "lan", "--role", "archivist", "--clearance", "secret", "--compartments", "VP, Ban-To-Chuc"
    )
    assert result.exit_code == 0, result.output
    password = result.stdout.split("password: ")[1].split()[0]
    stored = users_in(settings)["lan"]
    assert stored["password_hash"].startswith("$argon2id$") and password not in stored["password_hash"]
    assert check_password(stored["password_hash"], password) and not check_password(stored["password_hash"], "x" * 20)
    assert (stored["role"], stored["clearance"], stored["compartments"]) == ("archivist", "secret", "ban-to-chuc,vp")
    with Catalog(settings.catalog_path) as catalog:
        assert authenticate(catalog.db, "lan", password).clearance == "secret"
        assert authenticate(catalog.db, "lan", "wrong-password-123") is None
        assert authenticate(catalog.db, "nobody", password) is None


def test_add_refuses_what_it_cannot_do(cli):
    assert cli("users", "add", "a", "--role", "god", "--clearance", "secret").exit_code == 2
    assert cli("users", "add", "a", "--role", "reader").exit_code == 2
    assert cli("users", "add", "a b", "--role", "reader", "--clearance", "secret").exit_code == 1
    assert (
        cli(
            "users", "add", "a", "--role", "reader", "--clearance", "secret", "--password-stdin", input="short\n"
        ).exit_code
        == 2
    )
    assert (
        cli("users", "add", "a", "--role", "reader", "--clearance", "secret", "--compartments", "x y!").exit_code == 2
    )
    assert cli("users", "add", "a", "--role", "reader", "--clearance", "secret").exit_code == 0
    assert cli("users", "add", "a", "--role", "reader", "--clearance", "secret").exit_code == 1
    again = cli("users", "add", "a", "--role", "admin", "--clearance", "top_secret", "--exists-ok")
    assert again.exit_code == 0 and "exists already" in again.stdout and "password" not in again.stdout.split("(")[0]


def test_list_set_disable_and_enable(cli, settings):
    cli("users", "add", "minh", "--role", "reader", "--clearance", "confidential")
    _, (changed,) = cli.json("users", "set", "minh", "--clearance", "secret", "--role", "archivist")
    assert changed["changed"] == {"clearance": {"old": "confidential", "new": "secret"},
                                  "role": {"old": "reader", "new": "archivist"}}  # fmt: skip
    assert cli.json("users", "set", "minh", "--clearance", "secret")[1][0]["changed"] == {}
    assert cli("users", "set", "nobody", "--role", "admin").exit_code == 1
    assert cli("users", "disable", "minh").exit_code == 0
    _, (listed,) = cli.json("users", "list")
    (minh,) = listed["users"]
    assert minh["disabled"] and minh["clearance"] == "secret" and "password_hash" not in json.dumps(listed)
    assert "disabled" in cli("users", "list").stdout
    assert cli.json("users", "set", "minh", "--enable")[1][0]["changed"] == {"disabled": {"old": True, "new": False}}


def test_a_new_password_from_stdin_or_generated(cli, settings):
    cli(
        "users",
        "add",
        "hoa",
        "--role",
        "reader",
        "--clearance",
        "unclassified",
        "--password-stdin",
        input="mat-khau-dai-du-12\n",
    )
    with Catalog(settings.catalog_path) as catalog:
        assert authenticate(catalog.db, "hoa", "mat-khau-dai-du-12") is not None
    _, (reset,) = cli.json("users", "set", "hoa", "--reset-password")
    with Catalog(settings.catalog_path) as catalog:
        assert authenticate(catalog.db, "hoa", reset["password"]) is not None
        assert authenticate(catalog.db, "hoa", "mat-khau-dai-du-12") is None


def test_tokens_are_printed_once_stored_hashed_and_revocable(cli, settings):
    cli("users", "add", "bot", "--role", "reader", "--clearance", "secret")
    first = cli("users", "token", "bot", "--label", "nightly").stdout.strip()
    _, (second,) = cli.json("users", "token", "bot")
    assert first.startswith("arc_") and len(first) > 40 and second["token"] != first
    with Catalog(settings.catalog_path) as catalog:
        stored = [row[0] for row in catalog.db.execute("SELECT token_hash FROM tokens")]
        assert sorted(stored) == sorted([digest(first), digest(second["token"])]) and first not in stored
        assert user_for_token(catalog.db, first).name == "bot"
    _, (listed,) = cli.json("users", "token", "bot", "--list")
    assert [(t["label"], t["revoked_at"]) for t in listed["tokens"]] == [("nightly", None), (None, None)]
    assert cli.json("users", "token", "bot", "--revoke", str(listed["tokens"][0]["id"]))[1][0]["revoked"] == [1]
    assert cli("users", "token", "bot", "--revoke", "1").exit_code == 1, "already revoked"
    with Catalog(settings.catalog_path) as catalog:
        assert user_for_token(catalog.db, first) is None and user_for_token(catalog.db, second["token"]) is not None
    assert cli.json("users", "token", "bot", "--revoke-all")[1][0]["revoked"] == [2]
    assert cli("users", "disable", "bot").exit_code == 0
    new = cli("users", "token", "bot").stdout.strip()
    with Catalog(settings.catalog_path) as catalog:
        assert user_for_token(catalog.db, new) is None, "a disabled user's tokens do not work"


def test_every_user_change_is_an_audit_entry(cli, settings):
    cli("users", "add", "x", "--role", "reader", "--clearance", "secret", "--token")
    cli("users", "set", "x", "--clearance", "top_secret")
    cli("users", "set", "x", "--reset-password")
    cli("users", "token", "x")
    cli("users", "token", "x", "--revoke-all")
    cli("users", "disable", "x")
    with Catalog(settings.catalog_path) as catalog:
        rows = catalog.db.execute("SELECT action, detail FROM events ORDER BY id").fetchall()
    assert [r["action"] for r in rows] == ["user.add", "token.create", "user.set", "user.password", "token.create",
                                           "token.revoke", "user.disable"]  # fmt: skip
    assert "arc_" not in json.dumps([r["detail"] for r in rows]), "no secret goes into the trail"
