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

import os
import shutil
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

from indexer.schema import ViewText, build_schema

SMALL = 1024  # term frequencies whose weight and value objects are made once and shared
_WEIGHTS = [float(n) for n in range(SMALL)]
_VALUES = [pack_uint(n) for n in range(SMALL)]


class TermPool:
    """Postings by field and term, in document order; the stand-in for Whoosh's sorting pool.

    Text fields indexed from a view (`ViewText`) are keyed by the term's str (encoded once, when written);
    the others by the bytes Whoosh gives."""

    def __init__(self) -> None:
        self.fields: dict[str, dict] = {}
        self._by_str: dict[str, bool] = {}  # field → keyed by str (a view field)

    def terms(self, fieldname: str) -> dict:
        found = self.fields.get(fieldname)
        if found is None:
            found = self.fields[fieldname] = {}
        return found

    def add(self, item) -> None:
        """One posting as Whoosh's pool takes it: (fieldname, term bytes, docnum, weight, value bytes)."""
        fieldname, tbytes, docnum, weight, vbytes = item
        terms = self.terms(fieldname)
        key = tbytes.decode("utf-8") if self._by_str.get(fieldname) else tbytes
        found = terms.get(key)
        if found is None:
            terms[key] = [docnum, weight, vbytes]
        else:
            found += (docnum, weight, vbytes)

    def cleanup(self) -> None:  # Whoosh's writer calls this on its pool when it closes
        self.fields.clear()


def pool_for(schema) -> TermPool:
    pool = TermPool()
    pool._by_str = {name: isinstance(schema[name], ViewText) for name in schema.names()}
    for name in schema.names():
        if schema[name].separate_spelling():
            raise ValueError(f"field {name}: separate spelling words are not supported by the bulk writer")
    return pool


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
                if isinstance(field, ViewText) and isinstance(value, str) and boost == 1.0:
                    length = _add_view(pool.terms(name), field, value, docnum)
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


def _add_view(terms: dict, field: ViewText, value: str, docnum: int) -> int:
    counts = Counter(field.view(value))
    for term, n in counts.items():
        if n < SMALL:
            weight, vbytes = _WEIGHTS[n], _VALUES[n]
        else:
            weight, vbytes = float(n), pack_uint(n)
        found = terms.get(term)
        if found is None:
            terms[term] = [docnum, weight, vbytes]
        else:
            found += (docnum, weight, vbytes)
    return sum(counts.values()) if field.scorable else 0


def add_reader_postings(pool: TermPool, schema, reader, startdoc: int, docmap: dict | None) -> None:
    """A segment's postings, renumbered (`docmap` when it has deletions, else `startdoc` + docnum), into
    the pool a block at a time: a merge concatenates decoded postings rather than analysing texts again."""
    terms_reader = reader._terms
    for fieldname, btext in reader.all_terms():
        if fieldname not in schema:
            continue
        fieldobj = schema[fieldname]
        terms = pool.terms(fieldname)
        key = btext.decode("utf-8") if pool._by_str.get(fieldname) else btext
        out = terms.get(key)
        if out is None:
            out = terms[key] = []
        matcher = terms_reader.matcher(fieldname, btext, fieldobj.format)
        for ids, weights, values in _blocks(matcher):
            for docnum, weight, vbytes in zip(ids, weights, values, strict=True):
                if docmap is None:
                    out += (startdoc + docnum, weight, vbytes)
                elif docnum in docmap:
                    out += (docmap[docnum], weight, vbytes)
        if not out:
            del terms[key]


def _blocks(matcher):
    if type(matcher) is not W3LeafMatcher:  # inlined postings: the general way
        ids, weights, values = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value())
            matcher.next()
        yield ids, weights, values
        return
    while True:
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        yield matcher._ids, matcher._weights, matcher._values
        if matcher._lastblock:
            return
        matcher._goto(matcher._nextoffset)


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
        by_str = pool._by_str.get(fieldname)
        for key in sorted(terms):
            flat = terms[key]
            fieldwriter.start_term(key.encode("utf-8") if by_str else key)
            ids, weights, values = flat[0::3], flat[1::3], flat[2::3]
            for start in range(0, len(ids), blocklimit):
                _fill_block(postwriter, ids[start : start + blocklimit], weights[start : start + blocklimit],
                            values[start : start + blocklimit])  # fmt: skip
                if start + blocklimit < len(ids):
                    postwriter._write_block()  # the last block is left for finish_term, as Whoosh does
            fieldwriter.finish_term()
        fieldwriter.finish_field()
        terms.clear()  # memory back as each field is written


def _fill_block(postwriter, ids: list, weights: list, values: list) -> None:
    postwriter._ids = array("I", ids)
    postwriter._weights = array("f", weights)
    postwriter._values = [v for v in values if v]
    top = max(weights)
    postwriter._maxweight = top if top > 0 else 0
    postwriter._minlength = 1
    postwriter._maxlength = 1


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
