"""Upload forms whose part headers are not all UTF-8: a file name sent in a legacy 8-bit code page (an old
Windows tool, a Vietnamese file name in Windows-1258) would make Werkzeug's parser fail the whole request.
Here such a header line is read as Windows-1258 (Latin-1 where that cannot read it), so that file keeps a
readable name and the other files of the upload go on as ever.

The form is parsed with Werkzeug's own incremental decoder (`werkzeug.sansio.multipart`): only the reading
of a part's header lines differs; files still stream to the request's `stream_factory` (disk)."""

from __future__ import annotations

from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser, MultiPartParser
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData

LEGACY = ("cp1258", "latin-1")  # the Vietnamese Windows code page first; Latin-1 reads any byte


def as_utf8(head: bytes) -> bytes:
    """A part's header lines, each that is not UTF-8 read in a legacy code page and written as UTF-8."""
    lines = []
    for line in bytes(head).split(b"\r\n"):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            for code_page in LEGACY:
                try:
                    line = line.decode(code_page).encode("utf-8")
                    break
                except UnicodeDecodeError:
                    continue
        lines.append(line)
    return b"\r\n".join(lines)


class _Decoder(MultipartDecoder):
    def _parse_headers(self, data):
        return super()._parse_headers(as_utf8(data))


class _Parser(MultiPartParser):
    def parse(self, stream, boundary: bytes, content_length: int | None):
        decoder = _Decoder(boundary, max_form_memory_size=self.max_form_memory_size, max_parts=self.max_form_parts)
        fields, files = [], []
        part = sink = None
        size: int | None = None  # bytes of a text field so far (files are not held in memory)
        while True:
            chunk = stream.read(self.buffer_size)
            decoder.receive_data(chunk or None)  # None: the body has ended
            event = decoder.next_event()
            while not isinstance(event, (Epilogue, NeedData)):
                if isinstance(event, Field):
                    part, sink, size = event, [], 0
                elif isinstance(event, File):
                    part, sink, size = event, self.start_file_streaming(event, content_length), None
                elif isinstance(event, Data):
                    if size is None:
                        sink.write(event.data)
                    else:
                        size += len(event.data)
                        if self.max_form_memory_size is not None and size > self.max_form_memory_size:
                            raise RequestEntityTooLarge()
                        sink.append(event.data)
                    if not event.more_data:
                        if isinstance(part, Field):
                            text = b"".join(sink).decode(self.get_part_charset(part.headers), "replace")
                            fields.append((part.name, text))
                        else:
                            sink.seek(0)
                            files.append((part.name, FileStorage(sink, part.filename, part.name, headers=part.headers)))
                event = decoder.next_event()
            if not chunk:
                return self.cls(fields), self.cls(files)


class FormParser(FormDataParser):
    """Werkzeug's form parser, multipart forms read by `_Parser`."""

    def _parse_multipart(self, stream, mimetype, content_length, options):
        boundary = options.get("boundary", "").encode("ascii")
        if not boundary:
            raise ValueError("Missing boundary")
        parser = _Parser(
            stream_factory=self.stream_factory,
            max_form_memory_size=self.max_form_memory_size,
            max_form_parts=self.max_form_parts,
            cls=self.cls,
        )
        form, files = parser.parse(stream, boundary, content_length)
        return stream, form, files
