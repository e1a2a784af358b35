"""Search candidates as plain items: what the ranking, the facets and the results list
need of a task, an indicator, a page, an agency or a topic, whatever the backend returned it
as (a model object through Wagtail's search API, a plain row on PostgreSQL).

Only published content is ever a candidate (search.reference, search.candidates)."""

from dataclasses import dataclass, field

from plan.progress.rules import STATUS_LABELS
from search import facets, indexing


@dataclass(eq=False)
class Item:
    kind: str  # facets.TASK, INDICATOR, PAGE, AGENCY_ITEM or TOPIC_ITEM
    obj: object
    label: str  # "Nhiệm vụ", "Chỉ tiêu", "Lĩnh vực", ...
    title: str
    name: str  # for ranking: the item's own name ("" for tasks)
    body: str  # for ranking: its other texts
    passages: list  # the texts the excerpt may come from, the main one first
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
    # A topic, an area or an agency: listed before tasks and indicators when its
    # name holds every word of the query (search.ranking.names_first).
    leads: bool = False
    # Where the facts shown come from (search.origins): {fact: Provenance}, for the
    # facts of the agencies shown, of each passage ("" for none) and of the deadline.
    origins: dict = field(default_factory=dict)
    agency_fact: str = ""
    passage_facts: tuple = ()
    excerpt_fact: str = ""  # the fact of the passage the excerpt comes from

    @property
    def agency_origin(self):
        return self.origins.get(self.agency_fact)

    @property
    def excerpt_origin(self):
        return self.origins.get(self.excerpt_fact)

    @property
    def deadline_origin(self):
        return self.origins.get("deadline")

    @property
    def marks_origin(self):
        """Whether a fact shown is marked: inferred or an editor's."""
        shown = (self.agency_origin, self.excerpt_origin, self.deadline_origin if self.deadline else None)
        return any(origin is not None and origin.marked for origin in shown)

    @property
    def status_label(self):
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
        if self.kind in (facets.AGENCY_ITEM, facets.TOPIC_ITEM):
            return self.obj.get_absolute_url()
        return self.obj.url


def texts_of(body):
    """The other texts of an item, one per line of its ranking body."""
    return body.split("\n")


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
        facets.TASK,
        task,
        "Nhiệm vụ",
        f"Nhiệm vụ {task.code}",
        name,
        body,
        [task.text, task.output, task.group],
        area=task.area,
        agencies=[task.lead_agency] if task.lead_agency else [],
        agency_role="Cơ quan chủ trì",
        deadline=facets.deadline_bucket(task.due_date, task.deadline_text),
        agency_fact="lead_agency",
        passage_facts=("text", "output", ""),  # a group is a heading, no fact of its own
    )


def indicator_item(indicator, ref):
    indicator.area = ref.areas[indicator.area_id]
    indicator.responsible_agency = agency = ref.agencies.get(indicator.responsible_agency_id)
    name, body = named(indexing.indicator_texts(indicator))
    return Item(
        facets.INDICATOR,
        indicator,
        "Chỉ tiêu",
        f"Chỉ tiêu {indicator.code}: {indicator.metric}",
        name,
        body,
        [indicator.statement, indicator.metric],
        area=indicator.area,
        agencies=[agency] if agency else [],
        agency_role="Cơ quan chịu trách nhiệm",
        agency_fact="responsible_agency",
        passage_facts=("statement", ""),  # the metric: the name the title gives
    )


def area_item(area, ref):
    name, body = named(indexing.area_page_texts(area))
    return Item(
        facets.PAGE,
        area,
        "Lĩnh vực",
        ref.area_labels[area.pk],
        name,
        body,
        [area.heading_as_written, area.par_component, *indexing.stream_texts(area.notes)],
        area=area,
        agencies=list(area.answerable_agencies.all()),
        agency_role="Cơ quan chịu trách nhiệm",
        leads=True,
    )


def plan_item(page, ref):
    name, body = named(indexing.plan_page_texts(page))
    return Item(facets.PAGE, page, "Kế hoạch", page.title, name, body, [page.preamble, *texts_of(body)])


def appendix_item(page, ref):
    name, body = named(indexing.appendix_page_texts(page))
    return Item(facets.PAGE, page, "Phụ lục", page.title, name, body, [page.intro])


def update_item(page, ref):
    name, body = named(indexing.update_page_texts(page))
    return Item(facets.PAGE, page, "Tin cập nhật", page.title, name, body, [page.summary, *texts_of(body)])


def agency_item(agency, ref):
    name, body = named(indexing.agency_texts(agency))
    return Item(facets.AGENCY_ITEM, agency, "Cơ quan", agency.name, name, body, [agency.get_kind_display()], leads=True)


def topic_item(topic, ref):
    name, body = named(indexing.topic_texts(topic))
    return Item(facets.TOPIC_ITEM, topic, "Chủ đề", topic.name, name, body, [topic.description], leads=True)
