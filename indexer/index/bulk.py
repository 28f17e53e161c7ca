"""Writing whole segments without Whoosh's external sort: postings gathered per (field, term), then written
as the W3 codec's own blocks.

Whoosh's writer pushes every posting (a 3 KB record makes ~950) through a pool that sorts all of them, and
spills to disk and merges runs when the pool is full; then it feeds them one at a time to the codec. Here
each field keeps a dictionary from term to a flat list of (document, weight, value) triples: documents
arrive in order, so a term's list is already sorted, and only the terms need sorting when the segment is
written. Blocks are then handed to the codec's own block writer a whole block at a time, so the files are
the ones Whoosh would write (tests compare them). Merging segments copies their decoded posting blocks in
the same way, never re-analysing a text.
"""

from __future__ import annotations

import io
import os
import pickle
import shutil
import struct
import tempfile
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate, repeat
from pathlib import Path

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, STORED_COLUMN, W3TermInfo
from whoosh.columns import TranslatingColumnReader
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Frequency
from whoosh.system import _INT_SIZE as _INT
from whoosh.system import unpack_uint
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from indexer.core import failpoint
from indexer.index.mapped import numeric_column
from indexer.index.schema import ViewText, build_schema


class ViewPostings:
    """A view field's postings as parallel arrays (term number, document, weight, frequency), appended a
    document at a time by C-level extends; grouped by term only when written (`numpy.argsort`, stable, so
    each term's documents stay in order)."""

    __slots__ = ("docs", "freqs", "tids", "vocab", "weights")

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}  # term → its number (the place of its first posting)
        self.tids, self.docs, self.freqs = array("i"), array("i"), array("I")
        self.weights = array("d")

    def __len__(self) -> int:
        return len(self.tids)

    def add_counts(self, counts: Counter, docnum: int) -> None:
        # A new term is numbered by the place of its first posting: unique, below len(tids), and given
        # without a Python-level step per posting.
        first = len(self.tids)
        self.tids.extend(map(self.vocab.setdefault, counts, range(first, first + len(counts))))
        self.docs.extend(repeat(docnum, len(counts)))
        freqs = counts.values()
        self.freqs.extend(freqs)
        self.weights.extend(map(float, freqs))

    def add_postings(self, term: str, docs: list[int], weights, freqs) -> None:
        if not docs:
            return  # a number is only given with a posting, or two terms could share it
        tid = self.vocab.setdefault(term, len(self.tids))
        self.tids.extend(repeat(tid, len(docs)))
        self.docs.extend(docs)
        self.weights.extend(weights)
        self.freqs.extend(freqs)


class TermPool:
    """Postings by field and term, in document order; the stand-in for Whoosh's sorting pool.

    Text fields indexed from a view (`ViewText`, Frequency format) keep `ViewPostings`; the others a
    dictionary from the term's bytes to a flat list of (document, weight, value) triples."""

    def __init__(self, views: set[str] = frozenset()) -> None:
        self.fields: dict[str, dict | ViewPostings] = {name: ViewPostings() for name in views}

    def terms(self, fieldname: str):
        found = self.fields.get(fieldname)
        if found is None:
            found = self.fields[fieldname] = {}
        return found

    def add(self, item) -> None:
        """One posting as Whoosh's pool takes it: (fieldname, term bytes, docnum, weight, value bytes)."""
        fieldname, tbytes, docnum, weight, vbytes = item
        terms = self.terms(fieldname)
        if isinstance(terms, ViewPostings):
            terms.add_postings(tbytes.decode("utf-8"), [docnum], [weight], [unpack_uint(vbytes)[0]])
            return
        found = terms.get(tbytes)
        if found is None:
            terms[tbytes] = [docnum, weight, vbytes]
        else:
            found += (docnum, weight, vbytes)

    def cleanup(self) -> None:  # Whoosh's writer calls this on its pool when it closes
        self.fields.clear()


def pool_for(schema) -> TermPool:
    for name in schema.names():
        if schema[name].separate_spelling():
            raise ValueError(f"field {name}: separate spelling words are not supported by the bulk writer")
    views = {n for n in schema.names() if isinstance(schema[n], ViewText) and type(schema[n].format) is Frequency}
    return TermPool(views)


def add_document(schema, pool: TermPool, perdoc, docnum: int, fields: dict) -> None:
    """Whoosh's `SegmentWriter.add_document` for this project's fields: the same per-document values and
    postings, with a view field's terms counted once and put straight into the pool."""
    names = sorted(name for name in fields if not name.startswith("_"))
    for name in names:
        if name not in schema:
            raise ValueError(f"no field named {name!r} in the schema")
    docboost = float(fields.get("_boost", 1.0))
    perdoc.start_doc(docnum)
    try:
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            length = 0
            if field.indexed:
                boost = float(fields.get(f"_{name}_boost", docboost))
                terms = pool.terms(name)
                if isinstance(terms, ViewPostings) and isinstance(value, str) and boost == 1.0:
                    counts = Counter(field.view(value))
                    terms.add_counts(counts, docnum)
                    length = sum(counts.values()) if field.scorable else 0
                else:
                    for tbytes, freq, weight, vbytes in field.index(value):
                        weight *= boost
                        if field.scorable:
                            length += freq
                        pool.add((name, tbytes, docnum, weight, vbytes))
            if field.vector:
                raise ValueError(f"field {name}: term vectors are not supported by the bulk writer")
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
    except Exception:
        perdoc.cancel_doc()
        raise
    perdoc.finish_doc()


def copy_per_doc(writer, reader) -> dict | None:
    """A segment's live documents' per-document values (stored fields, field lengths, columns) appended to
    `writer`'s segment a column at a time: the values and files Whoosh's `write_per_doc` gives, without its
    Python step per field per document. Returns {old document number: new} when the segment has deletions
    (None: renumbered by adding the writer's next number)."""
    schema, pdw, base = writer.schema, writer.perdocwriter, writer.docnum
    size = reader.doc_count_all()
    if reader.has_deletions():
        deleted = np.zeros(size, dtype=bool)
        deleted[list(reader.segment().deleted_docs())] = True
        live = np.flatnonzero(~deleted)
        docmap = dict(zip(live.tolist(), range(base, base + len(live)), strict=True))
    else:
        live, docmap = None, None
    count = size if live is None else len(live)
    new_docs = range(base, base + count)
    names = set(schema.names()) | {n for n in reader.indexed_field_names() if n in schema}
    perdoc = reader._perdoc

    def values(column_name, column):
        """The column's values for the live documents, in order."""
        raw = perdoc.column_reader(column_name, column)
        if isinstance(raw, TranslatingColumnReader):
            raw = raw.raw_column()
        array = numeric_column(raw, size)
        if array is not None:
            return (array if live is None else array[live]).tolist()
        every = list(raw)
        return every if live is None else [every[d] for d in live.tolist()]

    def put(column_name, column, docs, items) -> None:
        if not pdw._has_column(column_name):
            pdw._create_column(column_name, column)
        add = pdw._get_column(column_name).add
        for docnum, value in zip(docs, items, strict=True):
            add(docnum, value)

    # Stored fields: re-made in the key order Whoosh's merge gives them (the set of field names), so that
    # the files stay the ones its merge would write.
    if perdoc.has_column("_stored"):
        stored_docs, stored = [], []
        for docnum, fields in zip(new_docs, values("_stored", STORED_COLUMN), strict=True):
            if fields:
                kept = {n: fields[n] for n in names | {k for k in fields if k in schema} if fields.get(n) is not None}
                if kept:
                    stored_docs.append(docnum)
                    stored.append(kept)
        put("_stored", STORED_COLUMN, stored_docs, stored)
    for name in sorted(names):
        field = schema[name]
        lenname = f"_{name}_len"
        if perdoc.has_column(lenname):  # one byte per document; a zero (no length) is not written
            codes = values(lenname, LENGTHS_COLUMN)
            pairs = [(d, c) for d, c in zip(new_docs, codes, strict=True) if c]
            put(lenname, LENGTHS_COLUMN, [d for d, _ in pairs], [c for _, c in pairs])
            pdw._fieldlengths[name] += sum(byte_to_length(c) for _, c in pairs)  # as Whoosh's merge sums them
        if field.column_type and perdoc.has_column(name):
            put(name, field.column_type, new_docs, values(name, field.column_type))
    pdw._doccount += count
    pdw._docnum = base + count - 1 if count else pdw._docnum
    writer.docnum += count
    return docmap


def add_reader_postings(pool: TermPool, schema, reader, startdoc: int, docmap: dict | None) -> None:
    """A segment's postings, renumbered (`docmap` when it has deletions, else `startdoc` + docnum), into
    the pool a block at a time: a merge concatenates decoded postings rather than analysing texts again."""
    for fieldname, btext, ids, weights, values in segment_postings(reader, schema):
        size = schema[fieldname].format.fixed_value_size()
        if size is not None and size > 0:
            values = [values[k : k + size] for k in range(0, len(values), size)]
        elif size == 0:
            values = [None] * len(ids)
        if docmap is None:
            docs = [startdoc + d for d in ids]
        else:
            kept = [k for k, d in enumerate(ids) if d in docmap]
            if len(kept) < len(ids):
                ids, weights, values = [ids[k] for k in kept], [weights[k] for k in kept], [values[k] for k in kept]
            docs = [docmap[d] for d in ids]
        if not docs:
            continue
        terms = pool.terms(fieldname)
        if isinstance(terms, ViewPostings):
            terms.add_postings(btext.decode("utf-8"), docs, weights, [_FREQ(v)[0] for v in values])
            continue
        flat = [None] * (3 * len(docs))
        flat[0::3], flat[1::3], flat[2::3] = docs, weights, values
        found = terms.get(btext)
        if found is None:
            terms[btext] = flat
        else:
            found += flat


_FREQ = struct.Struct("!I").unpack  # a Frequency posting's value: pack_uint


def segment_postings(reader, schema):
    """Every posting list of a segment, in term order, as (field, term bytes, local document numbers, weights,
    values): one pass over its raw terms table, each block unpickled from the mapped postings file (no matcher,
    no lookup of a term). Values are the joined bytes for a fixed-size format, else one entry a posting."""
    terms = reader._terms
    postfile = terms._postfile
    buf = getattr(postfile, "_buf", None)  # a mapped sub-file (indexer.index.mapped): sliced in place
    names = terms._fieldunmap
    sizes = {n: schema[n].format.fixed_value_size() for n in names if n in schema}
    info_size = _TERMINFO.size
    for keybytes, infobytes in terms._tindex.items():
        fieldname = names[_FIELD(keybytes[:2])[0]]
        if fieldname not in sizes:
            continue
        size = sizes[fieldname]
        btext = keybytes[2:]
        if infobytes[0]:  # the postings are inlined in the term's entry (W3TermInfo.to_bytes)
            ids, weights, values = pickle.loads(infobytes[info_size:])
            ids, weights = list(ids), list(weights)
            yield fieldname, btext, ids, weights, (b"".join(values) if size else list(values))
            continue
        position = _LONG(infobytes[info_size : info_size + 8])[0] + _HEADER
        ids, weights, values = [], [], []
        while True:
            head = buf[position : position + _INT] if buf is not None else postfile.get(position, _INT)
            length = _SIGNED(head)[0]
            following = position + _INT + abs(length)
            block = buf[position + _INT : following] if buf is not None else postfile.get(position + _INT, abs(length))
            stream = io.BytesIO(block)
            blocklength, _maxid, _maxweight, compression, _mn, _mx = pickle.load(stream)
            data = stream.read()
            deltas, block_weights, block_values = pickle.loads(zlib.decompress(data) if compression else data)
            ids.extend(accumulate(deltas))  # delta-encoded within each block, from 0
            if block_weights is None:
                weights.extend(repeat(1.0, blocklength))
            elif isinstance(block_weights, float):
                weights.extend(repeat(block_weights, blocklength))
            else:
                weights.extend(block_weights)
            if size is None or size < 0:
                values.extend(block_values)
            elif size > 0:
                values.append(block_values)
            if length < 0:  # the last block
                break
            position = following
        yield fieldname, btext, ids, weights, (b"".join(values) if size else values)


def write_postings(pool: TermPool, schema, fieldwriter, blocklimit: int) -> None:
    """Every posting list in field and term order, a block at a time through the codec's block writer,
    as `W3FieldWriter.add_postings` would write them with the field lengths LeanCodec gives (1)."""
    for fieldname in sorted(pool.fields):
        terms = pool.fields[fieldname]
        if not terms:
            continue
        fieldobj = schema[fieldname]
        fieldwriter.start_field(fieldname, fieldobj)
        postwriter = fieldwriter._postwriter
        if isinstance(terms, ViewPostings):
            _write_view(terms, fieldwriter, postwriter, blocklimit)
            fieldwriter.finish_field()
            pool.fields[fieldname] = ViewPostings()  # memory back as each field is written
            continue
        for key in sorted(terms):
            flat = terms[key]
            fieldwriter.start_term(key)
            ids, weights, values = flat[0::3], flat[1::3], flat[2::3]
            for start in range(0, len(ids), blocklimit):
                _fill_block(postwriter, ids[start : start + blocklimit], weights[start : start + blocklimit],
                            values[start : start + blocklimit])  # fmt: skip
                if start + blocklimit < len(ids):
                    postwriter._write_block()  # the last block is left for finish_term, as Whoosh does
            fieldwriter.finish_term()
        fieldwriter.finish_field()
        terms.clear()  # memory back as each field is written


def _write_view(view: ViewPostings, fieldwriter, postwriter, blocklimit: int) -> None:
    tids = np.frombuffer(view.tids, dtype=np.int32)
    order = np.argsort(tids, kind="stable")  # by term, each term's postings still in document order
    starts = np.zeros(len(tids) + 1, dtype=np.int64)
    np.cumsum(np.bincount(tids, minlength=len(tids)), out=starts[1:])
    docs = np.frombuffer(view.docs, dtype=np.int32)[order].astype(np.uint32)
    weights = np.frombuffer(view.weights, dtype=np.float64)[order]
    values = np.frombuffer(view.freqs, dtype=np.uint32)[order].astype(">u4")  # pack_uint: big-endian
    vocab = view.vocab
    for term in sorted(vocab):
        tid = vocab[term]
        start, end = int(starts[tid]), int(starts[tid + 1])
        if start == end:
            continue  # every posting of it was deleted (a merge)
        fieldwriter.start_term(term.encode("utf-8"))
        for first in range(start, end, blocklimit):
            last = min(end, first + blocklimit)
            ids, block_weights = array("I"), array("f")
            ids.frombytes(docs[first:last].tobytes())
            block_weights.frombytes(weights[first:last].astype(np.float32).tobytes())
            postwriter._ids, postwriter._weights = ids, block_weights
            _minified(postwriter, docs[first:last], block_weights)
            postwriter._values = [values[first:last].tobytes()]  # a fixed size: joined, as _mini_values joins
            top = float(max(block_weights))
            postwriter._maxweight = top if top > 0 else 0
            postwriter._minlength = postwriter._maxlength = 1
            if last < end:
                postwriter._write_block()
        fieldwriter.finish_term()


SMALL_BLOCK = 32


def _minified(postwriter, ids: np.ndarray, weights: array) -> None:
    """The block's ids and weights as W3PostingsWriter._mini_ids/_mini_weights give them, computed with numpy
    (they loop in Python): instance attributes, so its _write_block calls these."""
    if len(ids) < SMALL_BLOCK:  # most lists are a posting or two: numpy's call overhead would dominate
        plain = ids.tolist()
        minified_ids = tuple(b - a for a, b in zip([0, *plain], plain, strict=False))
        first = weights[0]
        if all(w == 1.0 for w in weights):
            minified = None
        elif all(w == first for w in weights):
            minified = first
        else:
            minified = tuple(weights)
    else:
        minified_ids = tuple(np.diff(ids.astype(np.int64), prepend=0).tolist())
        as32 = np.frombuffer(weights, dtype=np.float32)
        if (as32 == 1.0).all():
            minified = None
        elif (as32 == as32[0]).all():
            minified = weights[0]
        else:
            minified = tuple(weights)
    postwriter._mini_ids = lambda: minified_ids
    postwriter._mini_weights = lambda: minified


def _fill_block(postwriter, ids: list, weights: list, values: list) -> None:
    postwriter._ids = array("I", ids)
    postwriter._weights = array("f", weights)
    postwriter._values = [v for v in values if v]
    top = max(weights)
    postwriter._maxweight = top if top > 0 else 0
    postwriter._minlength = 1
    postwriter._maxlength = 1


_HEADER = 4  # the tag at the start of each posting list (W3's WHOOSH3_HEADER_MAGIC)
_TERMINFO = W3TermInfo._struct  # a term's entry: this header, then its inlined postings or their place
_FIELD, _LONG, _SIGNED = struct.Struct("!H").unpack, struct.Struct("!q").unpack, struct.Struct("!i").unpack


class BulkSegmentWriter(SegmentWriter):
    """Whoosh's segment writer with the pool above: the same commits, deletions and merge policies."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        self.pool.cleanup()
        self.pool = pool_for(self.schema)

    def add_document(self, **fields) -> None:
        self._check_state()
        add_document(self.schema, self.pool, self.perdocwriter, self.docnum, fields)
        self._added = True
        self.docnum += 1

    def add_postings_to_pool(self, reader, startdoc, docmap) -> None:
        add_reader_postings(self.pool, self.schema, reader, startdoc, docmap)

    def add_reader(self, reader) -> None:
        """A segment merged into this one: its per-document values copied a column at a time, its postings
        as decoded blocks (no text is analysed again), deleted documents dropped and the others renumbered."""
        self._check_state()
        if any(self.schema[name].vector for name in self.schema.names()):
            raise ValueError("term vectors are not supported by the bulk writer")
        base = self.docnum
        docmap = copy_per_doc(self, reader)
        add_reader_postings(self.pool, self.schema, reader, base, docmap)
        self._added = self._merged = True

    def _commit_toc(self, segments) -> None:
        if getattr(self, "_merged", False):  # a crash test's kill: the merged segment written, not yet listed
            failpoint.reach("merge:written")
        super()._commit_toc(segments)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        write_postings(self.pool, self.schema, self.fieldwriter, self.codec._blocklimit)
        self.fieldwriter.close()


def write_segment(folder: Path, docs: Iterable[dict], codec, indexname: str = "MAIN"):
    """One compound segment file of these documents (numbered from 0) in `folder`, outside any index: a
    rebuild's worker process writes it, and the process that owns the index adds it (`commit_segments`).
    Returns (segment, its file name), or (None, None) when there were no documents."""
    work = Path(tempfile.mkdtemp(dir=folder, prefix="writing-"))  # workers share `folder`, and Whoosh's temp names
    try:
        return _write_segment(work, folder, docs, codec, indexname)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _write_segment(work: Path, folder: Path, docs: Iterable[dict], codec, indexname: str):
    storage = FileStorage(str(work))
    schema = build_schema()
    segment = codec.new_segment(storage, indexname)
    perdoc = codec.per_document_writer(storage, segment)
    fieldwriter = codec.field_writer(storage, segment)
    pool = pool_for(schema)
    count = 0
    for fields in docs:
        add_document(schema, pool, perdoc, count, fields)
        count += 1
    perdoc.close()
    write_postings(pool, schema, fieldwriter, codec._blocklimit)
    fieldwriter.close()
    segment.set_doc_count(count)
    if not count:
        return None, None
    segment.create_compound_file(storage)
    filename = segment.make_filename(segment.COMPOUND_EXT)
    os.replace(work / filename, folder / filename)
    return segment, filename
