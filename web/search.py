"""Search: the search page (`/`) and `GET /api/search`, and the one request type both read their parameters
with (`SearchRequest`: sorts and their aliases, filter names, page bounds). A page's search lives in its URL,
so it can be bookmarked and shared; every search is cut to the caller's clearance and logged
(`archive.records.search`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from flask import Blueprint, g, jsonify, render_template, request
from werkzeug.datastructures import MultiDict

from archive import records
from archive.errors import ArchiveError, QueryError
from archive.messages import Message
from archive.search import start_page, with_accents
from indexer import FILTER_NAMES
from indexer.normalize import fold
from web.auth import role_for
from web.context import catalog, clearance, search_index
from web.formats import parse_date
from web.highlighting import exact_snippet
from web.labels import levels_up_to
from web.parsing import int_arg

search = Blueprint("search", __name__)
role_for(search, "reader")

# The sorts a search takes, and the other names each is also known by (the command line's and the API's).
SORT_NAMES = ("relevance", "issued_desc", "issued_asc", "added")
SORT_ALIASES = {"newest": "issued_desc", "oldest": "issued_asc"}
# Every spelling, each sort followed by its aliases: what the API accepts and its refusal lists.
SORT_SPELLINGS = tuple(n for s in SORT_NAMES for n in (s, *(a for a, to in SORT_ALIASES.items() if to == s)))
# The filters the page's form and facet links set (canonical names); the API also takes every other
# spelling `indexer.FILTER_NAMES` knows (loai=, nam= …).
FILTERS = ("type", "year", "issuer", "issuer_exact", "lang", "classification", "number", "issued", "hoso")
DATE_RANGE = ("from", "to")  # the date-range control beside sort: dd/mm/yyyy, kept in the URL as typed
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
PAGE_MAX = 10_000  # the last page a search may ask for: the cost of a page grows with its number
PAGE_SIZE = 20  # results on a page of the search page
API_LIMIT, API_LIMIT_MAX = 10, 100  # results an API answer gives, by default and at most
SEARCH_ARGS = ("q", "sort", "page", *FILTERS, *DATE_RANGE)  # a search's parameters, as its URL carries them
# Sections other features add to the start page, each a template of its own included when it exists and
# given `user`: saved searches (a later feature) and this year's files (hồ sơ). Each checks what it shows.
START_HOOKS = ("partials/start_saved_searches.html", "partials/start_year_files.html")


@dataclass
class SearchRequest:
    """One search as a request asks for it: read from a page's URL (`from_page`), an API call's
    (`from_api`) or a form that carries a search (`from_form`), and written back into a URL (`url`)."""

    query: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    browse: bool = False  # the search form was sent empty: list everything, newest first
    limit: int = PAGE_SIZE

    @classmethod
    def from_page(cls, args: MultiDict | None = None) -> SearchRequest:
        """The search page's URL: aliases of sorts become their names; an empty query lists everything."""
        args = request.args if args is None else args
        sort = args.get("sort") or "relevance"
        sort = SORT_ALIASES.get(sort, sort)
        if sort not in SORT_NAMES:
            raise QueryError(Message("sort must be one of %(sorts)s", sorts=", ".join(SORT_NAMES)))
        raw_page = args.get("page") or "1"
        if not raw_page.isdigit() or not 1 <= int(raw_page) <= PAGE_MAX:
            raise QueryError(Message("page must be a whole number from 1 to %(max)s", max=PAGE_MAX))
        filters = {name: args[name].strip() for name in FILTERS + DATE_RANGE if (args.get(name) or "").strip()}
        browse = "q" in args and not args["q"].strip() and not filters
        if browse and "sort" not in args:
            sort = "issued_desc"
        return cls(args.get("q", ""), filters, sort, int(raw_page), browse, PAGE_SIZE)

    @classmethod
    def from_api(cls) -> SearchRequest:
        """`GET /api/search`'s parameters: a query or a filter (under any of its names) is required; the
        sort is given as sent (its aliases too), for the search to answer with."""
        args = request.args
        query = args.get("q") or ""
        if not query and not any(args.get(name) for name in FILTER_NAMES):
            raise QueryError(Message("parameter q (the query) or a filter (type, year, issuer …) is required"))
        page = int_arg("page", 1, 1, PAGE_MAX)
        limit = int_arg("limit", API_LIMIT, 1, API_LIMIT_MAX)
        filters = {name: args[name] for name in FILTER_NAMES if args.get(name)}
        sort = args.get("sort") or "relevance"
        if sort not in SORT_SPELLINGS:
            raise QueryError(Message("sort must be one of %(sorts)s", sorts=", ".join(SORT_SPELLINGS)))
        return cls(query, filters, sort, page, False, limit)

    @classmethod
    def from_form(cls, form: MultiDict, names: tuple[str, ...] = FILTERS) -> SearchRequest:
        """The search a form carries beside its own fields (the batch form, "Lưu tìm kiếm"): the query and
        the filters `names` with the date range."""
        return cls(form.get("q", ""), {k: form[k] for k in (*names, *DATE_RANGE) if form.get(k)})

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


def run_search(asked: SearchRequest, filters: dict, *, browse: bool) -> dict:
    """A search cut to the caller's clearance, logged with its query text and result count (`browse`: an
    empty query lists every visible record)."""
    return records.search(
        catalog(),
        search_index(),
        asked.query,
        filters=filters,
        page=asked.page,
        limit=asked.limit,
        sort=asked.sort,
        clearance=clearance(),
        browse=browse,
    )


@search.get("/")
def home():
    result, error, state, start = None, None, SearchRequest(request.args.get("q", "")), None
    try:
        state = SearchRequest.from_page()
        if state.active:
            result = run_search(state, state.search_filters(), browse=True)
        for hit in result["hits"] if result else ():
            hit["snippet"] = exact_snippet(hit["snippet"], state.query)
        if result and result["suggestion"] and fold(state.query) != state.query:
            # Typed with accents: the correction is offered with them too, as the records write it.
            result["suggestion_text"] = with_accents(catalog(), search_index(), result["suggestion"], clearance())
    except ArchiveError as exc:
        error = exc.message  # said in the reader's language by the page
    if result is None:
        start = start_page(catalog(), search_index(), clearance())
    last = max(1, -(-result["total"] // PAGE_SIZE)) if result else 1
    return render_template(
        "search.html",
        state=state,
        result=result,
        start=start,
        error=error,
        sorts=SORT_NAMES,
        pages=page_numbers(state.page, last) if result else [],
        last_page=last,
        levels=levels_up_to(g.user.clearance),
        start_hooks=START_HOOKS,
    )


@search.get("/api/search")
def api_search():
    asked = SearchRequest.from_api()
    return jsonify(run_search(asked, asked.filters, browse=False))
