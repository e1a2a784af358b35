"""Search candidates as plain items: what matches a query, with what the ranking,
the facets and the results list need, loaded in a fixed number of queries whatever
the number of candidates.

Tasks and indicators, the collections that grow, are found by the search backend
(Wagtail's database backend, or Elasticsearch). Plan pages, area pages, appendices,
progress updates and agencies are few (tens), and are loaded on every search anyway for the facets
and their labels: they are matched here, by the same rule on the same folded words.

Only published content is ever a candidate: pages that are live and not in a
private section; tasks and indicators of such area pages; indicators whose own
`live` flag is set. The backend receives these restrictions as filters, and every
hit is loaded through the same filtered queryset.

A task or indicator found by the backend (`Item.obj`) has the columns of
TASK_FIELDS or INDICATOR_FIELDS: a model object through Wagtail's search API, a
plain row on PostgreSQL (search.postgres)."""

from dataclasses import dataclass, field
from itertools import combinations

from search import facets, indexing, postgres
from search.ranking import analyse

# At most this many tasks, and as many indicators, are re-ranked and counted: the
# backend's best ones (the 2024 plan has 57 tasks; its broadest word, "tỉnh", is in
# 40). The page says so when there are more.
CANDIDATE_LIMIT = 50

# The columns the results need: fewer columns, faster rows (benchmarks/search_latency.py).
TASK_FIELDS = ["id", "area_id", "code", "group", "text", "output", "lead_agency_id", "deadline_text", "due_date"]
INDICATOR_FIELDS = [
    "id", "area_id", "code", "metric", "statement", "responsible_agency_id", "level",
    "comparator", "target_value", "target_value_max", "unit", "frequency",
]


@dataclass(eq=False)
class Item:
    kind: str  # facets.TASK, INDICATOR, PAGE or AGENCY_ITEM
    obj: object
    label: str  # "Nhiệm vụ", "Chỉ tiêu", "Lĩnh vực", ...
    title: str
    name: str  # for ranking: the item's own name ("" for tasks)
    body: str  # for ranking: its other texts
    main_text: str  # the text the excerpt is taken from
    backend_position: int = 0
    area: object = None  # the AreaPage the item belongs to (or is)
    agencies: list = field(default_factory=list)  # lead or responsible agencies
    agency_role: str = ""
    deadline: str = ""  # deadline facet value (tasks)
    status: str = ""  # progress status code (tasks, indicators)
    status_is_demo: bool = False  # the status rests on an illustrative figure
    facet_values: dict = field(default_factory=dict)
    score: object = None
    excerpt: list = field(default_factory=list)

    @property
    def status_label(self):
        from plan.progress import STATUS_LABELS

        return STATUS_LABELS.get(self.status, "")

    @property
    def deadline_label(self):
        if not self.deadline:
            return ""
        return self.obj.deadline_text or facets.deadline_label(self.deadline)

    def url(self):
        if self.kind == facets.TASK:
            return self.area.task_url(self.obj.code)
        if self.kind == facets.INDICATOR:
            return self.area.indicator_url(self.obj.code)
        if self.kind == facets.AGENCY_ITEM:
            return self.obj.get_absolute_url()
        return self.obj.url


@dataclass
class Reference:
    """The small lists every search needs: live public plan pages, areas and
    appendices; topics; agencies."""

    plans: list
    areas: dict  # pk → AreaPage
    appendices: list
    updates: list
    topics: dict  # pk → Topic
    agencies: dict  # pk → Agency
    area_labels: dict = field(default_factory=dict)  # pk → "3. Cải cách thủ tục hành chính"

    @property
    def area_ids(self):
        return list(self.areas)


def load_reference():
    from wagtail.models import Page

    from plan.models import Agency, AppendixPage, AreaPage, PlanPage, Topic, UpdatePage

    private = Page.objects.all().private_q()
    plans = list(PlanPage.objects.live().exclude(private).order_by("-year", "path"))
    areas = AreaPage.objects.live().exclude(private).order_by("path").prefetch_related("answerable_agencies")
    return Reference(
        plans=plans,
        areas={area.pk: area for area in areas},
        appendices=list(AppendixPage.objects.live().exclude(private).order_by("path")),
        updates=list(UpdatePage.objects.live().exclude(private).order_by("-date", "path")),
        topics={topic.pk: topic for topic in Topic.objects.order_by("name")},
        agencies={agency.pk: agency for agency in Agency.objects.order_by("name")},
        area_labels=area_labels(areas, plans),
    )


def area_labels(areas, plans):
    """{area pk: "3. Cải cách thủ tục hành chính"}, with the plan's year added when
    there are several plans, whose areas share their titles."""
    years = {plan.path: plan.year for plan in plans} if len(plans) > 1 else {}
    labels = {}
    for area in areas:
        year = years.get(area.path[: -area.steplen])
        labels[area.pk] = f"{area.number}. {area.title}" + (f" ({year})" if year else "")
    return labels


def named(texts):
    """(name, body) for ranking, from an item's (name, [other texts])."""
    name, others = texts
    return name, indexing.item_body(others)


# -- the kinds of item -----------------------------------------------------------


def task_item(task, ref):
    task.area = ref.areas[task.area_id]
    task.lead_agency = ref.agencies.get(task.lead_agency_id)
    name, body = named(indexing.task_texts(task))
    return Item(
        facets.TASK, task, "Nhiệm vụ", f"Nhiệm vụ {task.code}", name, body, task.text,
        area=task.area, agencies=[task.lead_agency] if task.lead_agency else [], agency_role="Cơ quan chủ trì",
        deadline=facets.deadline_bucket(task.due_date, task.deadline_text),
    )


def indicator_item(indicator, ref):
    indicator.area = ref.areas[indicator.area_id]
    indicator.responsible_agency = agency = ref.agencies.get(indicator.responsible_agency_id)
    name, body = named(indexing.indicator_texts(indicator))
    return Item(
        facets.INDICATOR, indicator, "Chỉ tiêu", f"Chỉ tiêu {indicator.code}: {indicator.metric}", name, body,
        indicator.statement, area=indicator.area, agencies=[agency] if agency else [],
        agency_role="Cơ quan chịu trách nhiệm",
    )


def area_item(area, ref):
    name, body = named(indexing.area_page_texts(area))
    return Item(
        facets.PAGE, area, "Lĩnh vực", ref.area_labels[area.pk], name, body, area.heading_as_written,
        area=area, agencies=list(area.answerable_agencies.all()), agency_role="Cơ quan chịu trách nhiệm",
    )


def plan_item(page, ref):
    name, body = named(indexing.plan_page_texts(page))
    return Item(facets.PAGE, page, "Kế hoạch", page.title, name, body, page.preamble)


def appendix_item(page, ref):
    name, body = named(indexing.appendix_page_texts(page))
    return Item(facets.PAGE, page, "Phụ lục", page.title, name, body, page.intro)


def update_item(page, ref):
    name, body = named(indexing.update_page_texts(page))
    return Item(facets.PAGE, page, "Tin cập nhật", page.title, name, body, page.summary)


def agency_item(agency, ref):
    name, body = named(indexing.agency_texts(agency))
    return Item(facets.AGENCY_ITEM, agency, "Cơ quan", agency.name, name, body, agency.get_kind_display())


# -- finding candidates ----------------------------------------------------------


def matches(item, words, minimum):
    """The backends' rule, for the items matched here: at least `minimum` of the
    folded query words among the item's folded words."""
    joined = analyse(item.name).joined + analyse(item.body).joined
    return sum(f" {word} " in joined for word in words) >= minimum


def local_candidates(ref, words, minimum):
    """Plan pages, area pages, appendices, progress updates and agencies that match."""
    local = [
        *(plan_item(page, ref) for page in ref.plans),
        *(area_item(area, ref) for area in ref.areas.values()),
        *(appendix_item(page, ref) for page in ref.appendices),
        *(update_item(page, ref) for page in ref.updates),
        *(agency_item(agency, ref) for agency in ref.agencies.values()),
    ]
    return [item for item in local if matches(item, words, minimum)]


def backend_query(words, minimum):
    """What the search backend is asked: every word (a plain string), or any
    `minimum` of them (an "or" of "and"s, which every backend understands)."""
    from wagtail.search.query import Or, PlainText

    if minimum >= len(words):
        return " ".join(words)
    return Or([PlainText(" ".join(subset), operator="and") for subset in combinations(words, minimum)])


def backend_sources(ref):
    from plan.models import Indicator, Task

    return [
        (facets.INDICATOR, Indicator.objects.filter(live=True, area_id__in=ref.area_ids), INDICATOR_FIELDS, indicator_item),
        (facets.TASK, Task.objects.filter(area_id__in=ref.area_ids), TASK_FIELDS, task_item),
    ]


def backend_hits(backend, queryset, fields, words, minimum, limit, ranked):
    """The objects of `queryset` with at least `minimum` of the words, at most
    `limit`, best first when `ranked`. On PostgreSQL, through one plain statement
    (search.postgres); elsewhere, through Wagtail's search API."""
    if postgres.handles(backend):
        return postgres.search(queryset, fields, words, minimum, limit, ranked, backend.config)
    return wagtail_hits(backend, queryset, fields, words, minimum, limit, ranked)


def wagtail_hits(backend, queryset, fields, words, minimum, limit, ranked):
    """backend_hits through Wagtail's search API, as model objects with `fields` loaded."""
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
    (plan.progress) need."""
    from plan.models import Indicator, Task
    from plan.progress_data import indicator_progress_map, task_progress_map

    tasks = [item.obj for item in items if item.kind == facets.TASK]
    indicators = [item.obj for item in items if item.kind == facets.INDICATOR]
    task_topics = pairs(Task.topics.through, "task_id", "topic_id", tasks)
    task_partners = pairs(Task.coordinating_agencies.through, "task_id", "agency_id", tasks)
    indicator_topics = pairs(Indicator.topics.through, "indicator_id", "topic_id", indicators)
    task_progress = task_progress_map(tasks) if tasks else {}  # {pk: (status, latest report)}
    indicator_progress = {pk: (p.status, p.latest) for pk, p in (indicator_progress_map(indicators) if indicators else {}).items()}
    progress_by_kind = {facets.TASK: task_progress, facets.INDICATOR: indicator_progress}
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
        item.status, evidence = progress_by_kind.get(item.kind, {}).get(obj.pk, ("", None))
        item.status_is_demo = bool(getattr(evidence, "is_demo", False))
        item.facet_values = {
            facets.TYPE: frozenset([item.kind]),
            facets.AREA: frozenset([str(item.area.pk)] if item.area else ()),
            facets.TOPIC: frozenset(topic_slugs[pk] for pk in topics if pk in topic_slugs),
            facets.AGENCY: frozenset(agency_codes[pk] for pk in agencies if pk in agency_codes),
            facets.STATUS: frozenset([item.status] if item.status else ()),
            facets.DEADLINE: frozenset([item.deadline] if item.deadline else ()),
        }
    return items


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
