"""Homes with a few documents, for the transfer and preservation tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archive.config import Settings
from archive.preservation.pdfa import soffice
from tests.conftest import Cli, write

TITLE_A = "về công tác lưu trữ hồ sơ năm 2025"
DOC_A = f"NGHỊ QUYẾT\n{TITLE_A}\nBan Thường vụ thống nhất nộp lưu hồ sơ đúng hạn.\n"
DOC_B = "<html><head><title>Chỉ thị</title></head><body><h1>CHỈ THỊ</h1><p>về chỉnh lý tài liệu</p></body></html>"
DOC_C = "CÔNG VĂN\nvề việc giao nộp tài liệu vào Lưu trữ lịch sử\nĐề nghị các đơn vị chuẩn bị.\n"


def need_libreoffice() -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")


def need_ocrmypdf() -> None:
    if shutil.which("ocrmypdf") is None:
        pytest.skip("ocrmypdf is not installed")


def home(tmp_path: Path, name: str) -> tuple[Settings, Cli]:
    settings = Settings(home=tmp_path / name, workers=2)
    return settings, Cli(settings)


def ingest_docs(cli: Cli, folder: Path, docs: dict[str, str]) -> None:
    for name, text in docs.items():
        write(folder / name, text)
    result = cli("ingest", str(folder), "-q")
    assert result.exit_code == 0, result.output
