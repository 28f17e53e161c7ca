"""Hồ sơ: fonds, the yearly file plan, files and the documents filed in them, closing, file retention and
disposal, filing suggestions, contents lists and meeting packages. Each module holds one use case; all SQL is in
`archive.filing.store`. Front ends call these functions with the reader's clearance (None: the command line).

The use-case API others build on (transfer packages, registers):
- `archive.filing.access.visible_file(catalog, ref, clearance)`: a file the reader may see, else not found;
- `archive.filing.filing.file_documents(catalog, ref, clearance)`: the file and the documents the reader may
  see in it, in contents order.
"""
