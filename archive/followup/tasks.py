"""Adding, completing and repeating follow-up tasks, and dismissing candidates for evidence: each change in
one transaction with its audit entry. Entries name the directing record, so the audit trail shows them only
to those who may see it; the evidence is named in an entry of its own, on the evidence record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from archive.audit import audit
from archive.catalog import Catalog, now
from archive.config import Settings
from archive.errors import NotFoundError, UsageError
from archive.fields import validate
from archive.followup import catalog as tasks
from archive.followup.periods import add_months, months_in
from archive.messages import Message
from archive.people.access import may_see, visible_record
from indexer import Clearance

KINDS = ("task", "preliminary_review", "final_review")
KIND_WORDS = {"so-ket": "preliminary_review", "so ket": "preliminary_review", "tong-ket": "final_review",
              "tong ket": "final_review", "preliminary-review": "preliminary_review",
              "final-review": "final_review"}  # fmt: skip
DEFAULT_TEXT = {"preliminary_review": "Sơ kết việc thực hiện", "final_review": "Tổng kết việc thực hiện"}


@dataclass(frozen=True)
class NewTask:
    """A task as a person typed it, checked: `check_task` makes one."""

    task: str
    lead: str
    due: str
    every_months: int | None
    kind: str


def check_task(task: str, lead: str, due: str, every: str | None = None, kind: str = "task") -> NewTask:
    """Validate what a person typed; ValueError with a plain message."""
    from indexer.normalize import fold

    kind = KIND_WORDS.get(fold(kind or "task").lower(), (kind or "task").replace("-", "_"))
    if kind not in KINDS:
        raise ValueError(
            Message(
                "a task's kind is task, so-ket or tong-ket (a preliminary or final review), not %(value)r", value=kind
            )
        )
    lead, task = " ".join((lead or "").split()), " ".join((task or "").split()) or DEFAULT_TEXT.get(kind, "")
    if not task:
        raise ValueError(Message("say what is to be done (--task)"))
    if not lead or len(lead) > 200:
        raise ValueError(Message("name the unit in charge (--lead)"))
    if len(task) > 2000:
        raise ValueError(Message("a task is at most 2000 characters"))
    if not (due or "").strip():
        raise ValueError(Message("give the deadline (--due DD/MM/YYYY)"))
    return NewTask(task, lead, validate("issued", due), months_in(every) if every else None, kind)


def visible_task(catalog: Catalog, task_id: int, clearance: Clearance | None) -> tasks.Task:
    """The task if the reader may see its directing record; "not found" otherwise, worded as for none."""
    found = tasks.get_task(catalog.db, task_id)
    if found is None or (clearance is not None and found.classification is None):
        raise _no_task(task_id)
    if not may_see(clearance, found.classification or "unclassified", found.compartments):
        raise _no_task(task_id)
    return found


def _no_task(task_id: int) -> NotFoundError:
    return NotFoundError(Message("task %(id)s not found", id=task_id))


def directing_record(settings: Settings, ref: str, clearance: Clearance | None = None) -> int:
    """A record named by its id or its symbol (89-KL/TU: the newest with that symbol) that the person may see."""
    from indexer.normalize import symbol_key

    ref = ref.strip()
    with Catalog(settings.catalog_path) as catalog:
        found = int(ref) if ref.isdigit() else tasks.record_with_symbol(catalog.db, symbol_key(ref))
        if found is None:
            raise NotFoundError(Message("no record has the symbol %(symbol)s", symbol=ref))
        return visible_record(catalog, found, clearance).id


def add_task(
    settings: Settings,
    record_id: int,
    new: NewTask,
    *,
    clearance: Clearance | None = None,
    exists_ok: bool = False,
) -> tasks.Task:
    """Attach a task to a directing record the person may see; with `exists_ok`, an open task with the same
    values is returned as it is instead of a second one (a script run again)."""
    actor, _ = audit.current()
    with Catalog(settings.catalog_path) as catalog:
        visible_record(catalog, record_id, clearance)
        with catalog.transaction():
            same = tasks.same_open_task(catalog.db, record_id, new.kind, new.task, new.lead, new.due)
            if exists_ok and same is not None:
                return tasks.get_task(catalog.db, same)
            task_id = tasks.insert_task(
                catalog.db,
                {
                    "record_id": record_id,
                    "kind": new.kind,
                    "task": new.task,
                    "lead": new.lead,
                    "due": new.due,
                    "every_months": new.every_months,
                    "created_at": now(),
                    "created_by": actor,
                },
            )
            catalog.log_event(
                "followup.add", record_id, task=task_id, text=new.task, lead=new.lead, due=new.due, kind=new.kind
            )
        return tasks.get_task(catalog.db, task_id)


def complete_task(
    settings: Settings, task_id: int, evidence_id: int, *, clearance: Clearance | None = None
) -> tuple[tasks.Task, tasks.Task | None]:
    """Close an open task with the record that shows it done; a repeating task comes back with its next
    deadline. Returns (the task closed, its repeat or None)."""
    actor, _ = audit.current()
    with Catalog(settings.catalog_path) as catalog:
        with catalog.transaction():
            task = visible_task(catalog, task_id, clearance)
            if task.status != "open":
                raise UsageError(Message("task %(id)s is already done", id=task_id))
            visible_record(catalog, evidence_id, clearance)
            if evidence_id == task.record_id:
                raise UsageError(Message("the directing document cannot be its own evidence"))
            repeat = None
            if task.every_months:
                due = add_months(date.fromisoformat(task.due), task.every_months).isoformat()
                fields = ("record_id", "kind", "task", "lead", "every_months")
                repeat = tasks.insert_task(
                    catalog.db,
                    {**{f: getattr(task, f) for f in fields}, "due": due, "created_at": now(), "created_by": actor},
                )
            tasks.close_task(catalog.db, task_id, evidence_id, now(), actor, repeat)
            catalog.log_event("followup.done", task.record_id, task=task_id, repeat=repeat)
            catalog.log_event("followup.evidence", evidence_id, task=task_id)
        return tasks.get_task(catalog.db, task_id), (tasks.get_task(catalog.db, repeat) if repeat else None)


def dismiss_candidate(settings: Settings, task_id: int, record_id: int, *, clearance: Clearance | None = None) -> bool:
    """Stop offering `record_id` as evidence for the task; False when it was dismissed already."""
    actor, _ = audit.current()
    with Catalog(settings.catalog_path) as catalog:
        with catalog.transaction():
            task = visible_task(catalog, task_id, clearance)
            visible_record(catalog, record_id, clearance)
            changed = tasks.dismiss(catalog.db, task_id, record_id, actor, now())
            if changed:
                catalog.log_event("followup.dismiss", task.record_id, task=task_id)
                catalog.log_event("followup.evidence.dismissed", record_id, task=task_id)
        return changed
