"""Small official documents for the register and follow-up tests, written as UTF-8 text files."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write

TYPE_WORDS = {"KL": "KẾT LUẬN", "BC": "BÁO CÁO", "KH": "KẾ HOẠCH", "CV": "", "NQ": "NGHỊ QUYẾT", "TB": "THÔNG BÁO"}


def official(
    folder: Path,
    name: str,
    symbol: str,
    summary: str,
    *,
    day: str = "ngày 18 tháng 2 năm 2025",
    marks: str = "",
    body: str = "Các cấp ủy quán triệt và tổ chức thực hiện nghiêm túc.",
    recipients: tuple[str, ...] = ("- Các huyện ủy, thành ủy,", "- Lưu VT."),
) -> Path:
    """A first page as a text file: issuer, symbol, marks, date line, type word, summary, body, signature."""
    code = symbol.split("-")[1].split("/")[0]
    lines = [
        "TỈNH ỦY QUẢNG TRỊ",
        f"Số {symbol}",
        *([marks] if marks else []),
        f"Quảng Trị, {day}",
        "",
        *([TYPE_WORDS[code]] if TYPE_WORDS.get(code) else []),
        summary,
        "",
        body,
        "",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nguyễn Văn An",
        "",
        "Nơi nhận:",
        *recipients,
    ]
    return write(folder / f"{name}.txt", "\n".join(lines) + "\n")


def ids_by_name(cli, folder: Path, *extra: str) -> dict[str, int]:
    """Ingest the folder; {file stem: record id}."""
    result, lines = cli.json("ingest", str(folder), *extra)
    assert result.exit_code == 0, result.output
    return {Path(line["path"]).stem: line["id"] for line in lines if line.get("status") == "added"}
