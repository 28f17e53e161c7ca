"""An index written before the index room existed still opens: its pickled schema names the old modules."""

import pickle
import subprocess
import sys

from indexer.index.schema import build_schema

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def test_a_schema_pickled_under_the_old_module_names_loads():
    # Protocol 0 names classes as text ("c<module>\\n<name>\\n"), so the old names can be written in exactly as
    # the indexes of the flat layout hold them.
    data = pickle.dumps(build_schema(), protocol=0)
    assert b"indexer.index.schema" in data or b"indexer.index.analysis" in data
    old = data.replace(b"indexer.index.schema", b"indexer.schema").replace(
        b"indexer.index.analysis", b"indexer.analysis"
    )
    assert b"indexer.index." not in old
    # A fresh interpreter that imports only the front door, as `archive search` does before opening an index.
    code = (
        "import pickle, sys, indexer\n"
        "schema = pickle.loads(sys.stdin.buffer.read())\n"
        "print(','.join(sorted(schema.names())))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], input=old, capture_output=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == ",".join(sorted(build_schema().names()))
