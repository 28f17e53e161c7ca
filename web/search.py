"""The search page's state: everything a search is, read from and written back into the URL, so a search
can be bookmarked and shared."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from flask import request

from archive.errors import QueryError
from archive.messages import Message
from web.formats import parse_date

FILTERS = ("type", "year", "issuer", "issuer_exact", "lang", "classification", "number", "issued", "hoso")
# The URL parameter each facet's links set: one that selects exactly the records the facet counted. An issuer
# is counted by its whole name, so its link filters on the whole name, not on `issuer` (its words).
FACET_FILTER = {
    "type": "type",
    "year": "year",
    "issuer": "issuer_exact",
    "language": "lang",
    "classification": "classification",
    "file": "hoso",  # a file by its reference, FONDS/YEAR/CODE
}
SORT_NAMES = ("relevance", "issued_desc", "issued_asc", "added")
DATE_RANGE = ("from", "to")  # the date-range control beside sort: dd/mm/yyyy, kept in the URL as typed
PAGE_SIZE = 20


@dataclass
class SearchState:
    query: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    browse: bool = False  # the search form was sent empty: list everything, newest first

    @classmethod
    def from_request(cls) -> SearchState:
        args = request.args
        sort = args.get("sort") or "relevance"
        sort = {"newest": "issued_desc", "oldest": "issued_asc"}.get(sort, sort)
        if sort not in SORT_NAMES:
            raise QueryError(Message("sort must be one of %(sorts)s", sorts=", ".join(SORT_NAMES)))
        raw_page = args.get("page") or "1"
        if not raw_page.isdigit() or not 1 <= int(raw_page) <= 10_000:
            raise QueryError(Message("page must be a whole number from 1 to %(max)s", max=10_000))
        filters = {name: args[name].strip() for name in FILTERS + DATE_RANGE if (args.get(name) or "").strip()}
        browse = "q" in args and not args["q"].strip() and not filters
        if browse and "sort" not in args:
            sort = "issued_desc"
        return cls(args.get("q", ""), filters, sort, int(raw_page), browse)

    @property
    def active(self) -> bool:
        return bool(self.query.strip() or self.filters or self.browse)

    def search_filters(self) -> dict[str, str]:
        """The filters to search with: the date range (dd/mm/yyyy) becomes the `issued` filter's ISO range."""
        filters = {k: v for k, v in self.filters.items() if k not in DATE_RANGE}
        low, high = (self._iso(name) for name in DATE_RANGE)
        if low or high:
            filters["issued"] = f"{low}..{high}"
        return filters

    def _iso(self, name: str) -> str:
        try:
            return parse_date(self.filters.get(name, ""))
        except ValueError:
            raise QueryError(Message("not a date: %(value)r (use dd/mm/yyyy)", value=self.filters[name])) from None

    def params(self, **changes) -> dict[str, str]:
        """This search's URL parameters with `changes` applied (None removes one); a change of anything
        but the page goes back to page 1."""
        values: dict[str, object] = {"q": self.query, **self.filters, "sort": self.sort, "page": self.page}
        if "page" not in changes:
            values["page"] = 1
        values.update(changes)
        if values.get("sort") == ("issued_desc" if self.browse else "relevance"):
            values.pop("sort")
        if values.get("page") == 1:
            values.pop("page")
        keep_q = self.browse and "q" not in changes  # an empty search stays a listing of everything
        return {k: str(v) for k, v in values.items() if v not in (None, "") or (k == "q" and keep_q)}

    def url(self, **changes) -> str:
        return "/?" + urlencode(self.params(**changes))

    def facet_url(self, facet: str, value) -> str:
        name = FACET_FILTER[facet]
        return self.url(**{name: None if self.filters.get(name) == str(value) else value})

    def is_selected(self, facet: str, value) -> bool:
        return self.filters.get(FACET_FILTER[facet]) == str(value)


def page_numbers(current: int, last: int, around: int = 2) -> list[int | None]:
    """Page links to show: first, last and a few around the current one; None marks a gap."""
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and number - out[-1] > 1:
            out.append(None)
        out.append(number)
    return out
