"""The bottom of the house: the types, errors, messages and vocabulary that both `indexer` and `archive` use.

Nothing here imports `archive` or `web`; `archive.errors`, `archive.messages`, `archive.models` and
`archive.vocabulary` re-export these names for the code above."""
