"""The top-level stream names of an OLE2 compound file, enough to tell a Word .doc from an .xls, .ppt or .msi.

Reads the header, the FAT and the directory chain only; any inconsistency gives an empty answer.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NO_ENTRY = 0xFFFFFFFF
LAST_REGULAR_SECTOR = 0xFFFFFFFA  # larger values mark free, end-of-chain, FAT and DIFAT sectors
MAX_SECTORS = 1 << 22  # 2 GiB of 512-byte sectors: a guard against loops in damaged files


class _Damaged(Exception):
    pass


def root_entries(path: Path) -> set[str]:
    """Names of the streams and storages directly under the root; empty when the file is not readable."""
    try:
        with open(path, "rb") as f:
            return _Reader(f).root_entries()
    except (OSError, struct.error, _Damaged):
        return set()


class _Reader:
    def __init__(self, f) -> None:
        self.f = f
        header = f.read(512)
        if len(header) < 512 or not header.startswith(MAGIC):
            raise _Damaged
        (shift,) = struct.unpack_from("<H", header, 0x1E)
        if shift not in (9, 12):
            raise _Damaged
        self.size = 1 << shift
        n_fat, self.first_dir = struct.unpack_from("<II", header, 0x2C)
        first_difat, n_difat = struct.unpack_from("<II", header, 0x44)
        fat_sectors = list(struct.unpack_from("<109I", header, 0x4C))
        per_sector = self.size // 4 - 1
        for sector in self._limited(first_difat, n_difat, lambda s: self._u32s(s)[-1]):
            fat_sectors.extend(self._u32s(sector)[:per_sector])
        self.fat: list[int] = []
        for sector in fat_sectors[:n_fat]:
            self.fat.extend(self._u32s(sector))

    def _read(self, sector: int) -> bytes:
        if sector > LAST_REGULAR_SECTOR:
            raise _Damaged
        self.f.seek((sector + 1) * self.size)
        data = self.f.read(self.size)
        if len(data) < self.size:
            raise _Damaged
        return data

    def _u32s(self, sector: int) -> tuple[int, ...]:
        return struct.unpack(f"<{self.size // 4}I", self._read(sector))

    @staticmethod
    def _limited(start: int, count: int, follow) -> list[int]:
        chain, sector = [], start
        while sector <= LAST_REGULAR_SECTOR and len(chain) < min(count, MAX_SECTORS):
            chain.append(sector)
            sector = follow(sector)
        return chain

    def root_entries(self) -> set[str]:
        directory = b"".join(
            self._read(s)
            for s in self._limited(
                self.first_dir, MAX_SECTORS, lambda s: self.fat[s] if s < len(self.fat) else NO_ENTRY
            )
        )
        entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
        if not entries:
            raise _Damaged
        names, seen = set(), set()
        stack = [struct.unpack_from("<I", entries[0], 0x4C)[0]]  # the root's child: a tree of its members
        while stack:
            index = stack.pop()
            if index == NO_ENTRY or index in seen or index >= len(entries):
                continue
            seen.add(index)
            entry = entries[index]
            (length,) = struct.unpack_from("<H", entry, 0x40)
            names.add(entry[: max(0, min(length, 64) - 2)].decode("utf-16-le", "replace"))
            stack.extend(struct.unpack_from("<II", entry, 0x44))  # left and right siblings
        return names
