"""Derived side of the archive: text extraction, text analysis, the Whoosh index and search.

Only this package imports `whoosh`, so that the search backend can be replaced in one place.
"""
