"""Writing one benchmark's block into RESULTS.md, between its own markers, keeping every other section."""

from __future__ import annotations

from pathlib import Path


def write_block(path: Path, name: str, section: str, block: str, intro: str = "") -> None:
    """Replace the block marked `bench.<name>` (or append it under `section`, with `intro`), atomically."""
    begin, end = f"<!-- bench.{name} begin -->", f"<!-- bench.{name} end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    wrapped = f"{begin}\n{block}{end}\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1].lstrip("\n")
        text = head + wrapped + ("\n" + tail if tail else "")  # one blank line before what follows
    else:
        text = text.rstrip("\n") + f"\n\n{section}\n\n" + (f"{intro}\n\n" if intro else "") + wrapped
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
