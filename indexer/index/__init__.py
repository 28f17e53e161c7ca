"""Index room: the schema, analysis chains, writing generations, searching, facets, snippets and highlights.

The only part of the project that imports `whoosh` (an import-linter contract holds it): a second search
backend is written by touching this room alone."""
