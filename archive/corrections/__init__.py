"""Correcting many records at once: one set of values for chosen records (`batch`), the records a search
finds (`selection`), or a spreadsheet of corrections by id or checksum (`sheet`). All or nothing."""
