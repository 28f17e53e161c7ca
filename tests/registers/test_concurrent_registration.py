"""Two processes registering at once never get the same number: real processes, released together from a
barrier the test holds, each numbering records one at a time (each number read and written in its own
transaction), so their transactions interleave."""

from __future__ import annotations

import multiprocessing

from archive.catalog import Catalog
from tests.registers.docs import ids_by_name, official
from tests.registers.racers import register_after


def _race(settings, book: str, lists: list[list[int]]) -> list[tuple]:
    context = multiprocessing.get_context("spawn")
    barrier, answers = context.Barrier(len(lists) + 1), context.Queue()
    racers = [
        context.Process(target=register_after, args=(barrier, str(settings.home), book, ids, answers)) for ids in lists
    ]
    for racer in racers:
        racer.start()
    barrier.wait(timeout=60)  # every racer is at the barrier: let them all go at once
    got = [answers.get(timeout=120) for _ in range(sum(len(ids) for ids in lists))]
    for racer in racers:
        racer.join(timeout=60)
        assert racer.exitcode == 0
    return got


def test_two_processes_registering_at_once_never_share_a_number(cli, settings, inbox):
    for n in range(24):
        official(inbox, f"cv{n:02d}", f"{100 + n}-CV/TU", f"V/v việc số {n}")
    ids = sorted(ids_by_name(cli, inbox).values())
    got = _race(settings, "in", [ids[0::2], ids[1::2]])
    numbers = [number for status, _, number in got]
    assert all(status == "ok" for status, _, _ in got)
    assert sorted(numbers) == list(range(1, 25))  # 24 numbers, none twice, none skipped
    with Catalog(settings.catalog_path) as catalog:
        stored = dict(catalog.db.execute("SELECT record_id, number FROM register_entries"))
        columns = dict(catalog.db.execute("SELECT id, register_number FROM records"))
    assert stored == {record_id: number for _, record_id, number in got} == columns


def test_two_processes_registering_the_same_documents_register_each_once(cli, settings, inbox):
    for n in range(12):
        official(inbox, f"bc{n:02d}", f"{300 + n}-BC/TU", f"về việc số {n}")
    ids = sorted(ids_by_name(cli, inbox).values())
    got = _race(settings, "out", [ids, list(reversed(ids))])
    registered = [(record_id, number) for status, record_id, number in got if status == "ok"]
    assert sorted(record_id for record_id, _ in registered) == ids  # each once, by one process or the other
    assert sorted(number for _, number in registered) == list(range(1, 13))
    assert sum(status == "refused" for status, _, _ in got) == 12
