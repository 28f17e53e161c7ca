"""Reading segment files where they lie: no copy of a sub-file into the heap, whole columns as arrays.

Whoosh maps each compound segment file, then opens every sub-file as `BytesIO(memoryview)`, which copies it:
a searcher held the terms and postings of every segment in its own memory (+630 MB at 100,000 records).
`ViewFile` reads the mapped bytes in place, so they stay in the page cache, shared by every server process.
Its columns were read one value per Python call (most of a cold start); here a numeric column is one
`numpy.frombuffer` and a variable-length one a single read split by its lengths array.
"""

from __future__ import annotations

import numpy as np
from whoosh.columns import NumericColumn, TranslatingColumnReader, VarBytesColumn
from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile


class _View:
    """The file interface StructFile and pickle need, over a memoryview, without copying it."""

    __slots__ = ("_buf", "_pos", "_size")

    def __init__(self, buf: memoryview) -> None:
        self._buf, self._pos, self._size = buf, 0, len(buf)

    def read(self, n: int = -1) -> bytes:
        start = self._pos
        end = self._size if n is None or n < 0 else min(self._size, start + n)
        if end <= start:
            return b""
        self._pos = end
        return self._buf[start:end].tobytes()

    def readinto(self, target) -> int:
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def readline(self, limit: int = -1) -> bytes:
        end = self._size if limit is None or limit < 0 else min(self._size, self._pos + limit)
        if end <= self._pos:
            return b""
        chunk = self._buf[self._pos : end].tobytes()
        cut = chunk.find(b"\n")
        line = chunk if cut < 0 else chunk[: cut + 1]
        self._pos += len(line)
        return line

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self._pos, self._size)[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._buf = memoryview(b"")  # the map can then be closed: no view of it is left alive here


class ViewFile(BufferFile):
    """Whoosh's BufferFile reading the buffer in place instead of through a BytesIO copy."""

    def __init__(self, buf, name=None, onclose=None) -> None:
        self._buf = buf
        self._name = name
        self.file = _View(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    def subset(self, position, length, name=None):
        return ViewFile(self._buf[position : position + length], name=name or self._name)


def install() -> None:
    """Make Whoosh's compound storage open sub-files as ViewFile (the name it looks up when opening one)."""
    compound.BufferFile = ViewFile


def numeric_column(reader, size: int) -> np.ndarray | None:
    """A raw (untranslated) numeric column as an array of `size`, or None if it is stored another way."""
    if isinstance(reader, TranslatingColumnReader):
        reader = reader.raw_column()
    if not isinstance(reader, NumericColumn.Reader):
        return None
    stored = np.dtype(reader._typecode).newbyteorder(">")  # written with struct's "!": big-endian
    count = min(reader._count, size)
    values = np.frombuffer(reader._dbfile.get(reader._basepos, count * reader._fixedlen), dtype=stored)
    out = np.full(size, reader._default, dtype=stored.newbyteorder("="))
    out[:count] = values
    return out


def bytes_column(reader, size: int) -> list[bytes] | None:
    """A variable-length bytes column's values, or None if it is stored another way."""
    if isinstance(reader, TranslatingColumnReader):
        reader = reader.raw_column()
    if not isinstance(reader, VarBytesColumn.Reader) or len(reader._lengths) != size:
        return None
    lengths = np.asarray(reader._lengths, dtype=np.int64)
    data = reader._dbfile.get(reader._basepos, int(lengths.sum()))
    ends = np.cumsum(lengths).tolist()
    starts = [0, *ends[:-1]]
    return [data[s:e] for s, e in zip(starts, ends, strict=True)]
