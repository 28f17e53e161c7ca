"""Manifests read as spreadsheets write them: quotes doubled inside quoted cells, line breaks inside cells,
`;` as the delimiter; and names that the web had to change on the way in."""

from __future__ import annotations

import pytest

from archive.pipeline.manifest import load_manifest
from tests.conftest import write


@pytest.fixture
def folder(tmp_path):
    for name in ('Báo cáo "quý I".txt', 'a"b.txt', "plain.txt"):
        write(tmp_path / "in" / name, "x")
    return tmp_path / "in"


def check(tmp_path, folder, text: str, **kwargs):
    return load_manifest(write(tmp_path / "m.csv", text), folder, **kwargs)


def test_quotes_in_file_names_as_excel_writes_them(tmp_path, folder):
    manifest = check(
        tmp_path,
        folder,
        'file,title\n"Báo cáo ""quý I"".txt",Quý I\n"a""b.txt",AB\nplain.txt,"Tên có ""ngoặc kép"""\n',
    )
    assert manifest.problems == []
    assert manifest.rows == {
        'Báo cáo "quý I".txt': {"title": "Quý I"},
        'a"b.txt': {"title": "AB"},
        "plain.txt": {"title": 'Tên có "ngoặc kép"'},
    }


def test_an_unquoted_quote_inside_a_name_is_kept(tmp_path, folder):
    manifest = check(tmp_path, folder, 'file;title\na"b.txt;AB\nplain.txt;P\n"Báo cáo ""quý I"".txt";Q\n')
    assert manifest.ok and manifest.rows['a"b.txt'] == {"title": "AB"}
    assert manifest.rows['Báo cáo "quý I".txt'] == {"title": "Q"}, "semicolons, as Excel writes in some locales"


def test_line_breaks_inside_a_cell_keep_the_row_and_the_line_numbers(tmp_path, folder):
    text = 'file,notes,issued\nplain.txt,"dòng một\ndòng hai",\n"a""b.txt",,not-a-date\n'
    manifest = check(tmp_path, folder, text)
    assert manifest.rows["plain.txt"] == {"notes": "dòng một dòng hai"}, "one row, its cell whole"
    assert [(p.line, p.message.split(":")[0]) for p in manifest.problems if p.error] == [(4, 'a"b.txt')]


def test_aliases_reach_files_kept_under_another_name(tmp_path, folder):
    manifest = check(
        tmp_path, folder, "file,title\n.hidden.txt,H\nplain.txt,P\n", aliases={".hidden.txt": 'a"b.txt'}, where="X"
    )
    assert manifest.rows == {'a"b.txt': {"title": "H"}, "plain.txt": {"title": "P"}}
    missing = check(tmp_path, folder, "file,title\nnone.txt,N\n", where="this upload").problems[0]
    assert missing.message == "none.txt: no such file in this upload"
