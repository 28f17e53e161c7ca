"""A born-digital technical manual as a PDF (fpdf2, DejaVu fonts): prose pages, and pages of command lines,
file paths, configuration, code, checksums and tables of numbers, made from random pieces with a seed.
Every page has a real text layer; none of it needs OCR."""

from __future__ import annotations

import random
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PROSE = (
    "Cài đặt phần mềm quản lý văn bản trên máy chủ của cơ quan theo các bước dưới đây.",
    "Sau khi cài đặt, quản trị viên tạo tài khoản cho văn thư và phân quyền theo đơn vị.",
    "Sao lưu dữ liệu hằng ngày vào ổ đĩa riêng và kiểm tra bản sao mỗi tuần một lần.",
    "The service reads its settings at start-up; restart it after every change to the file.",
    "If the import stops, read the log, fix the record it names and run the command again.",
)
DIRS = ("etc", "srv", "var/lib", "opt", "usr/local/bin", "home/vanthu", "tmp")
NAMES = ("archive", "config", "backup", "ingest", "index", "worker", "queue", "records", "audit", "export")
EXTS = ("toml", "conf", "py", "log", "json", "csv", "sh", "pdf", "sqlite3", "service")
COMMANDS = ("sudo systemctl restart", "ls -la", "tar -czf", "rsync -avh --delete", "grep -rn", "chmod 640",
            "python3 -m", "curl -fsS -H 'Accept: application/json'", "sha256sum", "journalctl -u")  # fmt: skip


def _path(rng: random.Random) -> str:
    return f"/{rng.choice(DIRS)}/{rng.choice(NAMES)}/{rng.choice(NAMES)}_{rng.randrange(100)}.{rng.choice(EXTS)}"


def _code_lines(rng: random.Random) -> list[str]:
    lines = []
    for _ in range(rng.randint(22, 30)):
        kind = rng.randrange(8)
        a, b, n = rng.choice(NAMES), rng.choice(NAMES), rng.randrange(10**5)
        if kind == 0:
            lines.append(f"$ {rng.choice(COMMANDS)} {_path(rng)} {_path(rng)}")
        elif kind == 1:
            lines.append(f"{a.upper()}_{b.upper()}={_path(rng)}")
        elif kind == 2:
            lines.append(f"{rng.getrandbits(256):064x}  {_path(rng)}")
        elif kind == 3:
            lines.append(f"def {a}_{b}(path: Path, limit: int = {n}) -> dict[str, int]:")
        elif kind == 4:
            lines.append(f'    {{"{a}": {n}, "ok": true, "ms": {rng.random():.3f}}},')
        elif kind == 5:
            lines.append(f"[{a}.{b}]  max_mb = {rng.randrange(64, 4096)}  # MiB")
        elif kind == 6:
            lines.append(f"https://{a}.tinhuy.vn:{rng.randrange(1024, 65535)}/api/v2/{b}?id={n}")
        else:
            clock = f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
            lines.append(f"{clock} ERROR x86_64 pid={n} exit=1")
    return lines


def _table_lines(rng: random.Random) -> list[str]:
    lines = ["Unit   Documents   Size (MB)   Share (%)   Time (s)"]
    for _ in range(rng.randint(22, 30)):
        lines.append(
            f"{rng.randrange(1, 99):>3}   {rng.randrange(10**5):>8,}   {rng.random() * 9999:>10.2f}   "
            f"{rng.random() * 100:>6.1f}   {rng.random() * 600:>8.3f}"
        )
    return lines


def write_technical_pdf(path: Path, pages: int = 9, seed: int = 63) -> Path:
    """Prose, code and table pages in turn."""
    from fpdf import FPDF

    rng = random.Random(seed)
    pdf = FPDF(format="A4")
    pdf.add_font("Sans", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("Mono", "", str(FONT_DIR / "DejaVuSansMono.ttf"))
    for number in range(pages):
        pdf.add_page()
        kind = number % 3
        if kind == 0:
            pdf.set_font("Sans", size=11)
            pdf.multi_cell(0, 6, " ".join(rng.choice(PROSE) for _ in range(14)))
        else:
            pdf.set_font("Mono", size=8)
            for line in _code_lines(rng) if kind == 1 else _table_lines(rng):
                pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
