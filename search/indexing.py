"""What each kind of searchable item says, for the index and for ranking: its
name (the title a visitor sees, empty for tasks, which have none) and its other
texts. The models' ``folded_search_text()`` (an extra search field) and the
re-ranking (search.ranking) both read these, so what is matched and what is
ranked are the same words.

Only the item's own row is used (and its lead agency's name): Wagtail re-indexes
an item when its row is saved, before any many-to-many choice is written, so
topics and coordinating agencies are facets, not indexed words."""

from django.utils.html import strip_tags

from search.abbreviations import expansions
from search.folding import folded_words


def task_texts(task):
    lead = task.lead_agency.name if task.lead_agency_id else ""
    return "", [task.code, task.group, task.text, task.output, task.deadline_text, lead]


def indicator_texts(indicator):
    agency = indicator.responsible_agency.name if indicator.responsible_agency_id else ""
    return indicator.metric, [indicator.code, indicator.statement, agency]


def stream_texts(value):
    return [str(block.value) for block in value or ()]


def plan_page_texts(page):
    texts = [page.subtitle, page.number, page.issuing_body, page.preamble]
    for stream in (page.legal_basis, page.purpose, page.requirements, page.funding):
        texts.extend(stream_texts(stream))
    return page.title, texts


def area_page_texts(page):
    return page.title, [page.heading_as_written, page.par_component, *stream_texts(page.notes)]


def appendix_page_texts(page):
    return page.title, [page.intro]


def update_page_texts(page):
    return page.title, [page.summary, strip_tags(str(page.body))]


def agency_texts(agency):
    return agency.name, []


def topic_texts(topic):
    return topic.name, [topic.description]


TEXTS = {
    "plan.Task": task_texts,
    "plan.Indicator": indicator_texts,
    "plan.PlanPage": plan_page_texts,
    "plan.AreaPage": area_page_texts,
    "plan.AppendixPage": appendix_page_texts,
    "plan.UpdatePage": update_page_texts,
    "plan.Agency": agency_texts,
    "plan.Topic": topic_texts,
}


def item_texts(obj):
    """(name, [other texts]) of a searchable object."""
    return TEXTS[obj._meta.label](obj)


def item_body(texts):
    """The other texts as one, for ranking."""
    return "\n".join(text for text in texts if text)


def folded_search_text(obj):
    """All of an object's searchable words folded (no diacritics, "đ" → "d", lower
    case), for the search field that makes every backend accent-insensitive; then
    the other form of each abbreviation it uses (search.abbreviations)."""
    name, texts = item_texts(obj)
    folded = folded_words(name, *texts)
    extra = expansions(folded)
    return f"{folded} {extra}" if extra else folded


class FoldedSearchText:
    """Mixin for a searchable model: `folded_search_text` is the search field that
    makes every backend accent-insensitive (list it in the model's search_fields).

    The method is set on each model class itself, not inherited from here: Wagtail's
    Elasticsearch backend names a field after the model class that defines it, and
    this mixin is not a model."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.folded_search_text = folded_search_text
