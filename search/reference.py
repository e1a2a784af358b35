"""The small lists every search needs: live public plan pages, areas and appendices,
progress updates, topics and agencies. Only published content: pages that are live
and not in a private section. They are kept in the default cache (shared by every
worker in production) and dropped when they may change: a page published,
unpublished or deleted, a private section set or lifted, a topic or agency saved or
deleted; REFERENCE_CACHE_SECONDS bounds them otherwise."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from plan.models import Agency, AppendixPage, AreaPage, PlanPage, Topic, UpdatePage

CACHE_KEY = "search:reference"
REFERENCE_CACHE_SECONDS = 600


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
    reference = cache.get(CACHE_KEY)
    if reference is None:
        reference = read_reference()
        cache.set(CACHE_KEY, reference, REFERENCE_CACHE_SECONDS)
    return reference


def forget_reference(**kwargs):
    cache.delete(CACHE_KEY)


for signal in (page_published, page_unpublished):
    signal.connect(forget_reference, dispatch_uid=f"search-reference-{id(signal)}")
for model in (Page, PageViewRestriction, Topic, Agency):
    post_save.connect(forget_reference, sender=model, dispatch_uid=f"search-reference-save-{model.__name__}")
    post_delete.connect(forget_reference, sender=model, dispatch_uid=f"search-reference-delete-{model.__name__}")


def read_reference():
    plans = list(PlanPage.objects.published().order_by("-year", "path"))
    areas = AreaPage.objects.published().order_by("path").prefetch_related("answerable_agencies")
    return Reference(
        plans=plans,
        areas={area.pk: area for area in areas},
        appendices=list(AppendixPage.objects.published().order_by("path")),
        updates=list(UpdatePage.objects.published().order_by("-date", "path")),
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
