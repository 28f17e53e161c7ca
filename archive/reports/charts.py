"""Charts drawn offline with matplotlib's Agg backend (no display, no network): documents per month by type,
and tasks by state. Metadata that would carry the date or a random id is left out, so the same figures give
the same bytes."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

matplotlib.rcParams["svg.hashsalt"] = "archive-report"  # ids in the SVG stay the same from run to run
FIXED = {"svg": {"Date": None, "Creator": None}, "png": {"Software": None}}


def _save(fig, fmt: str) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, metadata=FIXED[fmt], dpi=100)
    plt.close(fig)
    return buffer.getvalue()


def months_by_type(report: dict, fmt: str = "svg") -> bytes:
    months = report["per_month"]
    types = sorted({t for m in months for t in m["by_type"]})
    fig, ax = plt.subplots(figsize=(7, 3.2))
    bottom = [0] * len(months)
    labels = [f"{m['month'][5:]}/{m['month'][:4]}" for m in months]
    for kind in types:
        values = [m["by_type"].get(kind, 0) for m in months]
        ax.bar(labels, values, bottom=bottom, label=kind)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_title("Văn bản ban hành theo tháng và loại")
    if types:
        ax.legend(fontsize="small", ncols=min(len(types), 6))
    ax.yaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return _save(fig, fmt)


def tasks_by_state(report: dict, fmt: str = "svg") -> bytes:
    totals = report["tasks"]["totals"]
    names = ["Đã xong", "Đang thực hiện (chưa quá hạn)", "Quá hạn"]
    values = [totals["done"], totals["open"] - totals["overdue"], totals["overdue"]]
    fig, ax = plt.subplots(figsize=(7, 2.4))
    ax.barh(names, values, color=["#2e7d32", "#1565c0", "#c62828"])
    ax.set_title("Nhiệm vụ theo tình trạng")
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return _save(fig, fmt)
