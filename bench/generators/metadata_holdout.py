"""A held-out set of first pages, labelled by hand under the conventions of ``bench.generators.metadata_cases``;
the cases are in ``data/metadata_holdout.json``, read here.

The extractor was written without seeing these cases: they check that its rules carry over to other
provinces and cities (Nghệ An, Thừa Thiên Huế, Cần Thơ, Thành phố Hồ Chí Minh), other bodies (Ban Dân
vận, Ban Nội chính, Đảng ủy Khối, Quận ủy, Ủy ban Kiểm tra), other date styles, long multi-line
summaries, bodies full of numbers and dates, differently worded English translations, and prose that
quotes "MẬT", "KHẨN", "URGENT" or "SECRET" in the middle of a sentence (which must not set a mark).
Two text cases in the columns layout print the mark on the same line as the number.

Every name, number and sentence is fictional test data; symbols of real documents appear only as
citations, and an invented symbol that matches a real one does so by chance.
"""

from __future__ import annotations

from bench.generators.metadata_cases import MetadataCase, cases

HOLDOUT: tuple[MetadataCase, ...] = cases("metadata_holdout.json")
