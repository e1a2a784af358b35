"""Querysets for the public pages, each with a fixed number of queries whatever the
number of tasks and indicators (select_related / prefetch_related, no per-row query).
Published content only: live pages, tasks of live areas, indicators marked live.
Progress updates are listed and fed only when public: a private or password-protected
update (a Wagtail view restriction on it or above it) is never listed or fed."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page, PageLogEntry

from plan.models import Agency, AppendixPage, AreaPage, ImplementationSection, Indicator, PlanPage, Task, UpdatePage


def tasks_for_display(tasks):
    return (
        tasks.select_related("lead_agency", "area")
        .prefetch_related("coordinating_agencies", "topics")
        .order_by("area__path", "sort_order")
    )


def indicators_for_display(indicators):
    return (
        indicators.select_related("responsible_agency", "area")
        .prefetch_related("topics")
        .order_by("area__path", "sort_order", "code")
    )


def live_plans(parent):
    return PlanPage.objects.live().descendant_of(parent).order_by("-year")


def live_areas(plan):
    return AreaPage.objects.child_of(plan).live().order_by("number")


def live_appendix(plan):
    return AppendixPage.objects.child_of(plan).live().first()


def count_of(queryset):
    """A correlated COUNT(*) subquery: joining both relations and counting DISTINCT
    multiplies their rows (tasks × indicators per area)."""
    counted = queryset.order_by().values("area").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def areas_with_counts(plan):
    return live_areas(plan).annotate(
        task_count=count_of(Task.objects.filter(area=OuterRef("pk"))),
        indicator_count=count_of(Indicator.objects.filter(area=OuterRef("pk"), live=True)),
    )


def implementation_sections(plan):
    return plan.implementation_sections.prefetch_related("agencies").order_by("sort_order")


def appendix_rows(plan):
    """Areas in order, each with its tasks, for the appendix framework table."""
    tasks = Task.objects.select_related("lead_agency").prefetch_related("coordinating_agencies").order_by("sort_order")
    return live_areas(plan).prefetch_related(Prefetch("tasks", queryset=tasks, to_attr="appendix_tasks"))


def area_agencies(area):
    """{"answerable_agencies": [...], "supporting_agencies": [...]} of an area, in one query."""
    through = AreaPage.answerable_agencies.through
    answerable = through.objects.filter(areapage_id=area.pk, agency_id=OuterRef("pk"))
    agencies = (
        Agency.objects.filter(Q(answerable_areas=area) | Q(supported_areas=area))
        .annotate(answerable=Exists(answerable))
        .distinct()
        .order_by("name")
    )
    found = list(agencies)
    return {
        "answerable_agencies": [a for a in found if a.answerable],
        "supporting_agencies": [a for a in found if not a.answerable],
    }


def public_tasks():
    return Task.objects.filter(area__live=True)


def public_indicators():
    return Indicator.objects.filter(live=True, area__live=True)


def area_tasks(area):
    return tasks_for_display(area.tasks.all())


def area_indicators(area):
    return indicators_for_display(area.indicators.filter(live=True))


def area_task(area, code):
    return tasks_for_display(area.tasks.filter(code=code)).first()


def area_indicator(area, code):
    return indicators_for_display(area.indicators.filter(live=True, code=code)).first()


def agency_detail(agency):
    live_tasks = public_tasks()
    return {
        "led_tasks": tasks_for_display(live_tasks.filter(lead_agency=agency)),
        "coordinated_tasks": tasks_for_display(live_tasks.filter(coordinating_agencies=agency)),
        "indicators": list(indicators_for_display(public_indicators().filter(responsible_agency=agency))),
        "answerable_areas": AreaPage.objects.live().filter(answerable_agencies=agency).order_by("path"),
        "supported_areas": AreaPage.objects.live().filter(supporting_agencies=agency).order_by("path"),
        "sections": ImplementationSection.objects.filter(page__live=True, agencies=agency)
        .select_related("page")
        .order_by("page__path", "sort_order"),
        "collective_sections": ImplementationSection.objects.filter(page__live=True, addressed_agencies=agency)
        .select_related("page")
        .order_by("page__path", "sort_order"),
    }


def topic_detail(topic):
    return {
        "tasks": list(tasks_for_display(public_tasks().filter(topics=topic))),
        "indicators": list(indicators_for_display(public_indicators().filter(topics=topic))),
    }


def published_revisions(plan, limit=30):
    """Publication log of the plan document (the plan page and its areas/appendix),
    without the pages of private sections."""
    return (
        PageLogEntry.objects.filter(action="wagtail.publish", page__path__startswith=plan.path)
        .exclude(page__in=Page.objects.not_public())
        .select_related("page")
        .order_by("-timestamp")[:limit]
    )


def updates_about(page):
    """Live, public updates under a plan page, or those about an area's tasks or
    indicators, newest first."""
    updates = UpdatePage.objects.live().public()
    if isinstance(page, AreaPage):
        parent_path = page.path[: -page.steplen]
        updates = (
            updates.filter(path__startswith=parent_path)
            .filter(Q(tasks__area=page) | Q(indicators__area=page))
            .distinct()
        )
    else:
        updates = updates.descendant_of(page)
    return updates.order_by("-date", "-first_published_at")


def live_updates(updates, limit=10):
    """The live, public ones of `updates` (a task's or an indicator's), newest first."""
    return updates.live().public().order_by("-date", "-first_published_at")[:limit]


def update_related(update):
    """(tasks, indicators) an update reports on, published ones only."""
    tasks = update.tasks.filter(area__live=True).select_related("area")
    indicators = update.indicators.filter(live=True, area__live=True).select_related("area")
    return tasks, indicators
