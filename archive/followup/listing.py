"""Follow-up tasks as one reader may see them: by unit, status and deadline, overdue ones, and for each open
task the records citing its directing document that may show it done (candidates), until one is linked as
its evidence or dismissed."""

from __future__ import annotations

from datetime import date

from archive.catalog import Catalog
from archive.followup import catalog as tasks
from archive.people.access import can_see, may_see
from indexer import Clearance

STATUSES = ("open", "done", "overdue")
MAX_CANDIDATES = 20  # offered per task, newest first: the latest citing records are the likely evidence


def seen(task: tasks.Task, clearance: Clearance | None) -> bool:
    if clearance is None:
        return True
    return task.classification is not None and may_see(clearance, task.classification, task.compartments)


def list_tasks(
    catalog: Catalog,
    clearance: Clearance | None = None,
    *,
    unit: str | None = None,
    status: str | None = None,
    record_id: int | None = None,
    as_of: date | None = None,
) -> list[tasks.Task]:
    """Tasks the reader may see, by deadline; `status` is open, done or overdue (open and due before as_of)."""
    as_of_text = (as_of or date.today()).isoformat()
    found = tasks.find_tasks(
        catalog.db,
        record_id=record_id,
        unit=unit,
        status=None if status == "overdue" else status,
        due_before=as_of_text if status == "overdue" else None,
    )
    return [t for t in found if seen(t, clearance)]


def candidates(catalog: Catalog, found: list[tasks.Task], clearance: Clearance | None) -> dict[int, list[dict]]:
    """{open task id: [{"id", "symbol", "title"}]}: records citing the task's directing document, the reader
    may see, neither its evidence already nor dismissed for it."""
    open_tasks = [t for t in found if t.status == "open"]
    gone = tasks.dismissed(catalog.db, [t.id for t in open_tasks])
    citing: dict[int, list[dict]] = {}
    result: dict[int, list[dict]] = {}
    for task in open_tasks:
        if task.record_id not in citing:
            directing = catalog.find(task.record_id)
            links = list(reversed(catalog.cited_by(directing))) if directing else []  # newest first
            shown = catalog.get_many([link["id"] for link in links])
            linked = {t.evidence_id for t in tasks.find_tasks(catalog.db, record_id=task.record_id)}
            citing[task.record_id] = [
                link
                for link in links
                if link["id"] in shown and link["id"] not in linked and can_see(clearance, shown[link["id"]])
            ][:MAX_CANDIDATES]
        result[task.id] = [c for c in citing[task.record_id] if (task.id, c["id"]) not in gone]
    return result


def task_view(task: tasks.Task, as_of: date, catalog: Catalog, clearance: Clearance | None, offered=None) -> dict:
    """A task as the CLI's --json and the API give it; its evidence named only when the reader may see it."""
    evidence = task.evidence_id
    if evidence is not None and clearance is not None:
        record = catalog.find(evidence)
        evidence = evidence if record is not None and can_see(clearance, record) else None
    return {
        "id": task.id,
        "record_id": task.record_id,
        "symbol": task.symbol,
        "title": task.title,
        "kind": task.kind,
        "task": task.task,
        "lead": task.lead,
        "due": task.due,
        "every_months": task.every_months,
        "status": task.status,
        "overdue": task.overdue(as_of.isoformat()),
        "evidence_id": evidence,
        "done_at": task.done_at,
        "done_by": task.done_by,
        "next_id": task.next_id,
        "classification": task.classification,
        "compartments": list(task.compartments),
        "candidates": offered if offered is not None else [],
    }


def task_views(catalog: Catalog, found: list[tasks.Task], clearance: Clearance | None, as_of: date) -> list[dict]:
    offered = candidates(catalog, found, clearance)
    return [task_view(t, as_of, catalog, clearance, offered.get(t.id, [])) for t in found]
