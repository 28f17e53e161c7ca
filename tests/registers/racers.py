"""A process that registers records once the test lets it go (for the concurrent-registration test)."""

from __future__ import annotations

from pathlib import Path


def register_after(barrier, home: str, book: str, ids: list[int], answers) -> None:
    """Wait at `barrier` (the test passes it when every racer is ready), then register `ids` one by one."""
    from archive.config import Settings
    from archive.registers.numbering import register_records

    settings = Settings(home=Path(home), workers=1)
    barrier.wait(timeout=60)
    for record_id in ids:
        result = register_records(settings, book, [record_id])
        answers.put(("ok", record_id, result.registered[0].number) if result.ok else ("refused", record_id, None))
