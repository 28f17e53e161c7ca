"""Reading segment files where they lie: no copy of a sub-file into the heap, whole columns as arrays.

Whoosh maps each compound segment file, then opens every sub-file as `BytesIO(memoryview)`, which copies it:
a searcher held the terms and postings of every segment in its own memory (+630 MB at 100,000 records).
`ViewFile` reads the mapped bytes in place, so they stay in the page cache, shared by every server process.
Its columns were read one value per Python call (most of a cold start); here a numeric column is one
`numpy.frombuffer` and a variable-length one a single read split by its lengths array.
"""

from __future__ import annotations

import struct

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
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
    """Make Whoosh's compound storage open sub-files as ViewFile (the name it looks up when opening one), and
    its variable-length columns find their values' offsets with numpy."""
    compound.BufferFile = ViewFile
    VarBytesColumn.Reader._read_offsets_and_lengths = _read_offsets_and_lengths


_whoosh_read_offsets_and_lengths = VarBytesColumn.Reader._read_offsets_and_lengths


def _read_offsets_and_lengths(self) -> None:
    """Whoosh's, with the lengths read as one array and the offsets summed by numpy: Whoosh appends each
    document's offset in a Python loop, which was half of opening a searcher at 1,000,000 records (every
    identifier and facet column of every segment). Columns that stored their offsets go the old way."""
    lastbyte = self._basepos + self._length - 1
    lens_code = chr(self._dbfile.get_byte(lastbyte))
    if lens_code == "X" or not self._doccount or np.dtype(lens_code).itemsize != struct.calcsize(lens_code):
        return _whoosh_read_offsets_and_lengths(self)
    size = struct.calcsize(lens_code) * self._doccount
    stored = np.dtype(lens_code).newbyteorder(">")  # written by `write_array`: big-endian
    lengths = np.frombuffer(self._dbfile.get(lastbyte - size, size), dtype=stored).astype(np.int64)
    offsets = np.zeros(self._doccount, dtype=np.int64)
    np.cumsum(lengths[:-1], out=offsets[1:])
    self._lengths, self._offsets = lengths, offsets


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


def bytes_column(reader, size: int) -> np.ndarray | None:
    """A variable-length bytes column's values as one fixed-width bytes array (`S` dtype: a value's trailing
    NUL bytes are dropped, which text values never have), or None if it is stored another way."""
    if isinstance(reader, TranslatingColumnReader):
        reader = reader.raw_column()
    if not isinstance(reader, VarBytesColumn.Reader) or len(reader._lengths) != size:
        return None
    lengths = np.asarray(reader._lengths, dtype=np.int64)
    width = int(lengths.max()) if size else 0
    if width == 0:
        return np.zeros(size, dtype="S1")
    total = int(lengths.sum())
    padded = np.zeros(total + width, dtype=np.uint8)
    padded[:total] = np.frombuffer(reader._dbfile.get(reader._basepos, total), dtype=np.uint8)
    # Row i: the `width` bytes from value i's start (one gather of windows over the data), then the bytes past
    # its length zeroed.
    grid = sliding_window_view(padded, width)[np.cumsum(lengths) - lengths]
    grid[np.arange(width) >= lengths[:, None]] = 0
    return grid.view(f"S{width}").reshape(size)
