"""Finding the candidates of a search: tasks and indicators, the collections that
grow, from the search backend through Wagtail's search API (its database backend, or
Elasticsearch); plan pages, areas, appendices,
progress updates, agencies and topics, which are few and loaded anyway (search.reference),
matched here by the same rule on the same folded words. Then each candidate gets its
facet values and status, in a fixed number of queries whatever their number.

Only published content: tasks and indicators of the live, public area pages;
indicators whose own `live` flag is set. The backend receives these restrictions as
filters, and every hit is loaded through the same filtered queryset."""

from itertools import combinations

from wagtail.search.query import Or, PlainText

from plan.models import Indicator, Task
from search import facets
from search.items import (
    agency_item,
    appendix_item,
    area_item,
    indicator_item,
    plan_item,
    task_item,
    topic_item,
    update_item,
)
from search.ranking import analyse

# At most this many tasks, and as many indicators, are re-ranked and counted: the
# backend's best ones (the 2024 plan has 57 tasks; its broadest word, "tỉnh", is in
# 40). The page says so when there are more.
CANDIDATE_LIMIT = 50

# The columns the results need: fewer columns, faster rows (benchmarks/search_latency.py).
TASK_FIELDS = ["id", "area_id", "code", "group", "text", "output", "lead_agency_id", "deadline_text", "due_date"]
INDICATOR_FIELDS = [
    "id",
    "area_id",
    "code",
    "metric",
    "statement",
    "responsible_agency_id",
    "level",
    "comparator",
    "target_value",
    "target_value_max",
    "unit",
    "frequency",
]


def matches(item, words, minimum):
    """The backends' rule, for the items matched here: at least `minimum` of the
    folded query words among the item's folded words."""
    joined = analyse(item.name).joined + analyse(item.body).joined
    return sum(f" {word} " in joined for word in words) >= minimum


def local_candidates(ref, words, minimum):
    """Plan pages, area pages, appendices, progress updates, agencies and topics
    that match."""
    local = [
        *(plan_item(page, ref) for page in ref.plans),
        *(area_item(area, ref) for area in ref.areas.values()),
        *(appendix_item(page, ref) for page in ref.appendices),
        *(update_item(page, ref) for page in ref.updates),
        *(agency_item(agency, ref) for agency in ref.agencies.values()),
        *(topic_item(topic, ref) for topic in ref.topics.values()),
    ]
    return [item for item in local if matches(item, words, minimum)]


def backend_query(words, minimum):
    """What the search backend is asked: every word (a plain string), or any
    `minimum` of them (an "or" of "and"s, which every backend understands)."""
    if minimum >= len(words):
        return " ".join(words)
    return Or([PlainText(" ".join(subset), operator="and") for subset in combinations(words, minimum)])


def backend_sources(ref):
    return [
        (
            facets.INDICATOR,
            Indicator.objects.filter(live=True, area_id__in=ref.area_ids),
            INDICATOR_FIELDS,
            indicator_item,
        ),
        (facets.TASK, Task.objects.filter(area_id__in=ref.area_ids), TASK_FIELDS, task_item),
    ]


def backend_hits(backend, queryset, fields, words, minimum, limit, ranked):
    """The objects of `queryset` with at least `minimum` of the words, at most `limit`,
    best first when `ranked`, through Wagtail's search API, with `fields` loaded."""
    query = backend_query(words, minimum)
    return list(backend.search(query, queryset.only(*fields), operator="and", order_by_relevance=ranked)[:limit])


def retrieve(backend, words, minimum, ref, limit=CANDIDATE_LIMIT):
    """(items, kinds that had more than `limit` candidates) with at least `minimum`
    of the (distinct) folded query words."""
    candidates, capped = local_candidates(ref, words, minimum), set()
    # The backend ranks the full matches (to keep the best when there are too many);
    # the near matches are few and ranked here only (ranking an "or" of "and"s costs
    # the backend one rank per word and per group).
    ranked = minimum >= len(words)
    for kind, queryset, fields, to_item in backend_sources(ref):
        hits = backend_hits(backend, queryset, fields, words, minimum, limit + 1, ranked)
        if len(hits) > limit:
            capped.add(kind)
        for position, obj in enumerate(hits[:limit]):
            item = to_item(obj, ref)
            item.backend_position = position
            candidates.append(item)
    return candidates, capped


# -- facet values and statuses ---------------------------------------------------


def attach_facets(items, ref):
    """Give every item its facet values (and tasks and indicators their status), in
    a fixed number of queries: the many-to-many choices and what the progress rules
    (plan.progress.rules) need."""
    tasks = [item.obj for item in items if item.kind == facets.TASK]
    indicators = [item.obj for item in items if item.kind == facets.INDICATOR]
    task_topics = pairs(Task.topics.through, "task_id", "topic_id", tasks)
    task_partners = pairs(Task.coordinating_agencies.through, "task_id", "agency_id", tasks)
    indicator_topics = pairs(Indicator.topics.through, "indicator_id", "topic_id", indicators)
    progress_by_kind = {
        facets.TASK: stored_states(Task, "latest_report", tasks),
        facets.INDICATOR: stored_states(Indicator, "latest_result", indicators),
    }
    topic_slugs = {pk: topic.slug for pk, topic in ref.topics.items()}
    agency_codes = {pk: agency.code for pk, agency in ref.agencies.items()}

    for item in items:
        obj = item.obj
        topics, agencies = (), [agency.pk for agency in item.agencies]
        if item.kind == facets.TASK:
            topics = task_topics.get(obj.pk, ())
            agencies += task_partners.get(obj.pk, [])
        elif item.kind == facets.INDICATOR:
            topics = indicator_topics.get(obj.pk, ())
        elif item.kind == facets.AGENCY_ITEM:
            agencies = [obj.pk]
        elif item.kind == facets.TOPIC_ITEM:
            topics = [obj.pk]
        item.status, demo = progress_by_kind.get(item.kind, {}).get(obj.pk, ("", False))
        item.status_is_demo = bool(demo)
        item.facet_values = {
            facets.TYPE: frozenset([item.kind]),
            facets.AREA: frozenset([str(item.area.pk)] if item.area else ()),
            facets.TOPIC: frozenset(topic_slugs[pk] for pk in topics if pk in topic_slugs),
            facets.AGENCY: frozenset(agency_codes[pk] for pk in agencies if pk in agency_codes),
            facets.STATUS: frozenset([item.status] if item.status else ()),
            facets.DEADLINE: frozenset([item.deadline] if item.deadline else ()),
        }
    return items


def stored_states(model, evidence, objects):
    """{pk: (stored status, whether it rests on an illustrative figure)} of the objects,
    in one query (none when there is no object)."""
    if not objects:
        return {}
    found = model.objects.filter(pk__in=[obj.pk for obj in objects]).values_list("pk", "status", f"{evidence}__is_demo")
    return {pk: (status, demo) for pk, status, demo in found}


def pairs(through, owner, target, objects):
    """{owner pk: [target pk]} from a many-to-many table, in one query (none when
    there is no object)."""
    if not objects:
        return {}
    grouped = {}
    rows = through.objects.filter(**{f"{owner}__in": [obj.pk for obj in objects]}).values_list(owner, target)
    for owner_pk, target_pk in rows:
        grouped.setdefault(owner_pk, []).append(target_pk)
    return grouped
