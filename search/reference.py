"""The small lists every search needs, loaded once per search: live public plan
pages, areas and appendices, progress updates, topics and agencies. Only published
content: pages that are live and not in a private section."""

from dataclasses import dataclass, field

from wagtail.models import Page

from plan.models import Agency, AppendixPage, AreaPage, PlanPage, Topic, UpdatePage


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
