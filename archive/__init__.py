"""The system of record: original bytes, the SQLite catalog, and the commands that change them."""
