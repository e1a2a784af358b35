"""The search page's URL parameters, read and written in plain functions. Every
choice lives in the URL (shareable, back-button safe): ?q=...&type=task&area=12
&topic=mot-cua&agency=so-noi-vu&status=overdue&deadline=2024-q1&page=2. Values
that cannot be valid are dropped, never an error; values that look valid but name
nothing (an unknown topic) are dropped by the search once it knows the names."""

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from search import facets
from search.folding import clean_query

MAX_VALUES_PER_FACET = 20
MAX_PAGE = 10_000

VALID_VALUE = {
    facets.TYPE: re.compile(r"^(?:{})$".format("|".join(facets.TYPE_LABELS))),
    facets.AREA: re.compile(r"^[1-9][0-9]{0,9}$"),
    facets.TOPIC: re.compile(r"^[-a-z0-9_]{1,80}$"),
    facets.AGENCY: re.compile(r"^[-a-z0-9_]{1,80}$"),
    facets.STATUS: re.compile(r"^[a-z_]{1,20}$"),
    facets.DEADLINE: facets.DEADLINE_CODE,
}


@dataclass(frozen=True)
class SearchParams:
    query: str = ""
    truncated: bool = False  # the query was longer than folding.MAX_QUERY_CHARS
    selected: dict = field(default_factory=dict)  # {facet: frozenset of values}
    page: int = 1

    @property
    def has_filters(self):
        return any(self.selected.values())


def parse(querydict):
    """SearchParams from request.GET (or any mapping with getlist)."""
    query, truncated = clean_query(querydict.get("q", ""))
    selected = {}
    for facet in facets.FACETS:
        values = [value for value in querydict.getlist(facet) if VALID_VALUE[facet].match(value or "")]
        if values:
            selected[facet] = frozenset(values[:MAX_VALUES_PER_FACET])
    return SearchParams(query, truncated, selected, parse_page(querydict.get("page")))


def parse_page(value):
    """A page number from 1 to MAX_PAGE; anything else is page 1 (ASCII digits only:
    str.isdigit accepts “²”, which int() refuses)."""
    if not value or not (value.isascii() and value.isdecimal()) or len(value) > 6:
        return 1
    return min(max(int(value), 1), MAX_PAGE)


def keep_known(params, known):
    """The params without values that name nothing: `known` is {facet: set of
    existing values, or None to keep any well-formed value}."""
    selected = {}
    for facet, values in params.selected.items():
        allowed = known.get(facet, frozenset())
        kept = values if allowed is None else values & allowed
        if kept:
            selected[facet] = frozenset(kept)
    return replace(params, selected=selected)


def query_string(params, page=None, without=None):
    """ "?q=...&..." for the params, on `page`, leaving out the (facet, value) pair
    `without`; values in a fixed order so that equal searches have equal URLs."""
    pairs = [("q", params.query)] if params.query else []
    for facet in facets.FACETS:
        for value in sorted(params.selected.get(facet, ())):
            if (facet, value) != without:
                pairs.append((facet, value))
    if page and page > 1:
        pairs.append(("page", str(page)))
    return "?" + urlencode(pairs) if pairs else "?"
