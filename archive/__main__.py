"""`python -m archive …` is the same as the `archive` command."""

from archive.cli import main

main()
