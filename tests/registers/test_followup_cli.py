"""Follow-up through the CLI: tasks on a directing document, by unit and status, done with evidence, a
repeating task coming back, preliminary and final reviews as dated tasks, candidates for evidence from
citations until linked or dismissed, the overdue cron job, and every change in the audit trail."""

from __future__ import annotations

from archive.catalog import Catalog
from tests.registers.docs import ids_by_name, official


def _archive(cli, inbox) -> dict[str, int]:
    official(inbox, "kl89", "89-KL/TU", "về công tác văn thư, lưu trữ")
    official(
        inbox,
        "kh205",
        "205-KH/TU",
        "thực hiện Kết luận số 89-KL/TU",
        day="ngày 2 tháng 4 năm 2025",
        body="Thực hiện Kết luận số 89-KL/TU ngày 18/02/2025 của Ban Thường vụ Tỉnh ủy, Văn phòng xây dựng kế hoạch.",
    )
    official(inbox, "bc412", "412-BC/TU", "về kết quả năm 2025", day="ngày 1 tháng 12 năm 2025")
    return ids_by_name(cli, inbox)


def test_tasks_are_added_listed_done_with_evidence_and_repeat(cli, settings, inbox):
    ids = _archive(cli, inbox)
    kl = str(ids["kl89"])
    result, (first,) = cli.json("followup", "add", kl, "--task", "Báo cáo kết quả thực hiện", "--lead", "Văn phòng",
                                "--due", "30/06/2025", "--every", "6m")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert first | {"status": "open", "due": "2025-06-30", "every_months": 6, "symbol": "89-KL/TU"} == first
    _, (other,) = cli.json(
        "followup", "add", kl, "--task", "Số hóa tài liệu", "--lead", "Chi cục Lưu trữ", "--due", "2026-12-31"
    )
    _, (listed,) = cli.json("followup", "list", "--unit", "văn phòng", "--as-of", "2025-07-01")
    assert [t["id"] for t in listed["tasks"]] == [first["id"]] and listed["tasks"][0]["overdue"] is True
    # The plan citing 89-KL/TU is offered as evidence for its open tasks.
    assert [c["symbol"] for c in listed["tasks"][0]["candidates"]] == ["205-KH/TU"]
    result, (closed,) = cli.json("followup", "done", str(first["id"]), "--evidence", str(ids["kh205"]))
    assert closed["done"]["status"] == "done" and closed["done"]["evidence_id"] == ids["kh205"]
    assert closed["next"]["due"] == "2025-12-30" and closed["next"]["status"] == "open"  # every 6 months
    assert closed["next"]["candidates"] == []  # the plan is linked now: no longer offered
    assert cli("followup", "done", str(first["id"]), "--evidence", str(ids["kh205"])).exit_code == 1
    _, (done,) = cli.json("followup", "list", "--status", "done")
    assert [t["id"] for t in done["tasks"]] == [first["id"]]
    _, (mine,) = cli.json("followup", "list", "--record", str(ids["bc412"]))
    assert mine["tasks"] == []
    text = cli("followup", "list", "--as-of", "2025-07-01").stdout
    assert "Số hóa tài liệu" in text and "89-KL/TU" in text and str(other["id"]) in text
    with Catalog(settings.catalog_path) as catalog:
        trail = [
            tuple(r) for r in catalog.db.execute("SELECT action, record_id FROM events WHERE action LIKE 'followup%'")
        ]
    assert trail == [
        ("followup.add", ids["kl89"]),
        ("followup.add", ids["kl89"]),
        ("followup.done", ids["kl89"]),
        ("followup.evidence", ids["kh205"]),
    ]


def test_reviews_are_dated_tasks_and_candidates_can_be_dismissed(cli, settings, inbox):
    ids = _archive(cli, inbox)
    _, (review,) = cli.json(
        "followup", "add", str(ids["kl89"]), "--kind", "so-ket", "--lead", "Văn phòng", "--due", "15/08/2025"
    )
    _, (final,) = cli.json(
        "followup", "add", str(ids["kl89"]), "--kind", "tong-ket", "--lead", "Văn phòng", "--due", "15/08/2028"
    )
    assert (review["kind"], review["task"]) == ("preliminary_review", "Sơ kết việc thực hiện")
    assert (final["kind"], final["task"], final["due"]) == ("final_review", "Tổng kết việc thực hiện", "2028-08-15")
    assert "dismissed" in cli("followup", "dismiss", str(review["id"]), str(ids["kh205"])).stdout
    assert "already" in cli("followup", "dismiss", str(review["id"]), str(ids["kh205"])).stdout
    _, (listed,) = cli.json("followup", "list")
    offered = {t["id"]: [c["id"] for c in t["candidates"]] for t in listed["tasks"]}
    assert offered == {review["id"]: [], final["id"]: [ids["kh205"]]}  # dismissed for one task only
    bad = cli("followup", "add", str(ids["kl89"]), "--lead", "Văn phòng", "--due", "31/02/2025", "--task", "x")
    assert bad.exit_code == 2 and "not a real date" in bad.output
    assert (
        cli(
            "followup",
            "add",
            str(ids["kl89"]),
            "--lead",
            "VP",
            "--due",
            "2025-01-01",
            "--task",
            "x",
            "--every",
            "often",
        ).exit_code
        == 2
    )
    assert (
        "record 999 not found"
        in cli("followup", "add", "999", "--lead", "VP", "--due", "2025-01-01", "--task", "x").stderr
    )
    assert "task 999 not found" in cli("followup", "done", "999", "--evidence", str(ids["kh205"])).stderr


def test_the_overdue_cron_job(cli, inbox):
    ids = _archive(cli, inbox)
    cli("followup", "add", str(ids["kl89"]), "--task", "Báo cáo quý", "--lead", "Văn phòng", "--due", "2025-03-31")
    cli("followup", "add", str(ids["kl89"]), "--task", "Báo cáo năm", "--lead", "Ban Tổ chức", "--due", "2025-12-31")
    quiet = cli("followup", "overdue", "--as-of", "2025-03-31", "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""  # due today is not overdue yet
    result = cli("followup", "overdue", "--as-of", "2025-04-01", "--quiet")
    assert result.exit_code == 1 and result.stdout == "" and "Báo cáo quý" in result.stderr
    assert "Báo cáo năm" not in result.stderr
    _, (late,) = cli.json("followup", "overdue", "--as-of", "2026-01-01")
    assert [t["task"] for t in late["tasks"]] == ["Báo cáo quý", "Báo cáo năm"]
    assert "no task overdue" in cli("followup", "overdue", "--as-of", "2025-01-01").stdout
