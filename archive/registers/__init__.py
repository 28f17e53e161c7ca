"""Registers of incoming and outgoing documents (sổ đăng ký văn bản đến / đi, Decree 30's appendix):
documents numbered 1..n per register and year, listed in the register's columns, and checked for gaps.

- `books`: which registers there are and which one a record goes in.
- `catalog`: the SQL over `register_entries` (and the record columns registration writes).
- `numbering`: registering documents (the use case, audited).
- `listing`: a register's rows as one reader may see them; CSV.
- `checking`: duplicates and gaps in a register's numbers and in outgoing symbols.
- `counts`: documents received and sent per period, cut to a reader (for reports).
"""
