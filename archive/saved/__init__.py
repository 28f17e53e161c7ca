"""Saved searches per person: `catalog` keeps them (SQL), `searches` saves, lists and runs them. A saved
search is a query and filters only; it runs under the runner's clearance, like any search."""
