"""One search, from URL parameters to the page of results: fold the query, ask
the search backend for candidates of each kind, re-rank them (search.ranking),
narrow and count them by facet (search.facets), cut the page and mark the
excerpts (search.highlight). No request object in sight: the view passes the
parsed parameters in and renders what comes out."""

import logging
from dataclasses import dataclass, field, replace

from django.db import DatabaseError
from wagtail.search.backends import get_search_backend

from plan.paging import page_of
from plan.progress.rules import ALL_TASK_STATUSES, INDICATOR_STATUSES, STATUS_LABELS
from search import candidates, facets, ranking, reference
from search import params as search_params
from search.folding import query_terms
from search.highlight import best_passage, excerpt_of
from search.origins import attach_origins

logger = logging.getLogger(__name__)

PER_PAGE = 20


class SearchUnavailable(Exception):
    """The search backend could not answer (server down, index missing)."""


@dataclass
class Facet:
    name: str
    label: str
    options: list


@dataclass
class Outcome:
    params: object
    searched: bool = False  # False when there was no query to search for
    partial: bool = False  # no item had every word: items that lack one
    capped: list = field(default_factory=list)  # kind labels with more candidates than were ranked
    total: int = 0
    page: object = None  # django Page of Items
    marked: bool = False  # some fact shown is marked as not the plan's word (* or †)
    facets: list = field(default_factory=list)
    active_filters: list = field(default_factory=list)  # [(label, url without it)]
    areas: list = field(default_factory=list)  # for browsing when nothing matches
    topics: list = field(default_factory=list)
    without_filters_url: str = ""


def backend_errors():
    """The exceptions that mean "the search service is unavailable"."""
    errors = [DatabaseError]
    try:
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        errors += [TransportError, ApiError]
    except ImportError:  # pragma: no cover - the client is pinned in requirements.txt
        pass
    return tuple(errors)


def get_backend():
    return get_search_backend()


def search(params, backend=None):
    """The Outcome of a search for SearchParams."""
    try:
        return run(params, backend or get_backend())
    except backend_errors() as error:
        logger.exception("Search backend error")
        raise SearchUnavailable(str(error)) from error


def run(params, backend):
    ref = reference.load_reference()
    params = search_params.keep_known(params, known_values(ref))
    outcome = Outcome(
        params, areas=[(ref.area_labels[pk], area) for pk, area in ref.areas.items()], topics=list(ref.topics.values())
    )
    terms = query_terms(params.query)
    if not terms:
        return outcome
    words = list(dict.fromkeys(word for word, _key in terms))
    found, capped = candidates.retrieve(backend, words, len(words), ref)
    # Nothing has every word: look for items that lack only one, leaving out words
    # of one letter or digit (too common alone: "3.4" must not find every "3").
    longer = [word for word in words if len(word) > 1]
    if not found and len(words) > 1 and longer:
        found, capped = candidates.retrieve(backend, longer, max(1, len(longer) - 1), ref)
        outcome.partial = bool(found)
    candidates.attach_facets(found, ref)
    ranked = ranking.names_first(ranking.rank(found, terms))
    results = facets.apply(ranked, params.selected)

    outcome.searched = True
    outcome.capped = [facets.TYPE_LABELS[kind] for kind in facets.TYPE_LABELS if kind in capped]
    outcome.total = len(results)
    outcome.page = paginate(results, params)
    for item in outcome.page.object_list:
        index, words = best_passage(item.passages, terms)
        item.excerpt = excerpt_of(words, terms)
        item.excerpt_fact = item.passage_facts[index] if index is not None and item.passage_facts else ""
    attach_origins(outcome.page.object_list)
    outcome.marked = any(item.marks_origin for item in outcome.page.object_list)
    demo = facets.demo_statuses(ranked, params.selected)
    outcome.facets = facet_lists(facets.counts(ranked, params.selected), params.selected, ref, demo)
    outcome.active_filters = active_filters(params, outcome.facets)
    outcome.without_filters_url = search_params.query_string(replace(params, selected={}))
    return outcome


def paginate(results, params):
    """The page of results asked for (the last one when the number is past the end),
    with the links the template shows: previous, next, and page numbers (None for
    the gaps of a long range)."""
    return page_of(results, PER_PAGE, params.page, lambda number: search_params.query_string(params, page=number))


def known_values(ref):
    return {
        facets.TYPE: set(facets.TYPE_LABELS),
        facets.AREA: {str(pk) for pk in ref.areas},
        facets.TOPIC: {topic.slug for topic in ref.topics.values()},
        facets.AGENCY: {agency.code for agency in ref.agencies.values()},
        facets.STATUS: set(STATUS_LABELS),
        facets.DEADLINE: None,  # any well-formed code (see params.VALID_VALUE)
    }


def facet_lists(counts, selected, ref, demo_statuses=None):
    statuses = list(dict.fromkeys([*INDICATOR_STATUSES, *ALL_TASK_STATUSES, *STATUS_LABELS]))
    deadlines = set(counts[facets.DEADLINE]) | set(selected.get(facets.DEADLINE, ()))
    labels = {
        facets.TYPE: facets.TYPE_LABELS,
        facets.AREA: {str(pk): label for pk, label in ref.area_labels.items()},
        facets.TOPIC: {topic.slug: topic.name for topic in ref.topics.values()},
        facets.AGENCY: {agency.code: agency.name for agency in ref.agencies.values()},
        facets.STATUS: {code: STATUS_LABELS[code] for code in statuses},
        facets.DEADLINE: {
            code: facets.deadline_label(code) for code in sorted(deadlines, key=facets.deadline_sort_key)
        },
    }
    by_count = {facets.TOPIC, facets.AGENCY}
    lists = []
    for name in facets.FACETS:
        counter, chosen = counts[name], selected.get(name, frozenset())
        sort_key = None
        if name in by_count:
            sort_key = lambda value, c=counter, names=labels[name]: (-c.get(value, 0), names[value])  # noqa: E731
        demo = demo_statuses if name == facets.STATUS else None
        options = facets.options(counter, chosen, labels[name], sort_key, demo)
        if options:
            lists.append(Facet(name, facets.FACET_LABELS[name], options))
    return lists


def active_filters(params, facet_lists):
    chosen = []
    for facet in facet_lists:
        for option in facet.options:
            if option.selected:
                url = search_params.query_string(params, without=(facet.name, option.value))
                chosen.append((f"{facet.label}: {option.label}", url))
    return chosen
