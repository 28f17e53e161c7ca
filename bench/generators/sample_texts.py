"""Invented records used by ``bench/generators/docgen.py`` to build the files in ``samples/``, read from
``data/samples.json``.

Every name, number and sentence there is fictional test data written for this project.
Symbols of real documents appear only as citations. Each entry of ``SAMPLE_SPECS`` is
``(file name, format, OfficialDoc fields, writer keyword arguments)``.
"""

from __future__ import annotations

from typing import Any

from bench.generators.data import read

SAMPLE_SPECS: tuple[tuple[str, str, dict[str, Any], dict[str, Any]], ...] = tuple(
    (
        item["file"],
        item["fmt"],
        {k: tuple(v) if isinstance(v, list) else v for k, v in item["doc"].items()},
        item.get("writer_kwargs", {}),
    )
    for item in read("samples.json")["samples"]
)
