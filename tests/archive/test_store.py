import hashlib
import os
import stat

import pytest

from archive.store import Store
from tests.conftest import write


def test_put_file_stores_bytes_under_their_sha256(store: Store, tmp_path):
    data = b"Nghi quyet 57-NQ/TW \x00\xff binary-safe"
    blob = store.put_file(write(tmp_path / "a.bin", data))
    assert blob.sha256 == hashlib.sha256(data).hexdigest()
    assert blob.size == len(data) and blob.created
    path = store.path(blob.sha256)
    assert path.read_bytes() == data
    assert path.parent.name == blob.sha256[:2]
    assert not stat.S_IMODE(os.stat(path).st_mode) & 0o222, "stored originals are read-only"


def test_identical_content_is_stored_once(store: Store, tmp_path):
    first = store.put_file(write(tmp_path / "a.txt", "same"))
    second = store.put_file(write(tmp_path / "b.txt", "same"))
    assert first.sha256 == second.sha256 and not second.created
    assert list(store.iter_digests()) == [first.sha256]
    assert list(store.tmp.iterdir()) == [], "no temporary file is left behind"


def test_hash_of_detects_changed_bytes(store: Store, tmp_path):
    blob = store.put_file(write(tmp_path / "a.txt", "original"))
    path = store.path(blob.sha256)
    os.chmod(path, 0o644)
    path.write_bytes(b"tampered")
    assert store.hash_of(blob.sha256) != blob.sha256


def test_clear_tmp_and_remove(store: Store, tmp_path):
    write(store.tmp / "in-leftover", "partial")
    assert store.clear_tmp() == 1
    blob = store.put_file(write(tmp_path / "a.txt", "x"))
    assert store.remove(blob.sha256) and not store.exists(blob.sha256)
    assert not store.remove(blob.sha256)


def test_path_rejects_non_digests(store: Store):
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")
