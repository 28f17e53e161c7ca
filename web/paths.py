"""Where a form or link may send the reader next: paths on this site only (no open redirect)."""

from __future__ import annotations


def local_path(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(ord(c) < 32 for c in target):  # no header splitting through a redirect
        return None
    return target
