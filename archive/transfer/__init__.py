"""Handing files on: BagIt transfer packages (create, verify, import) and transfer records."""
