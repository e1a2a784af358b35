"""The page-level reads the public pages, the API and the feeds share, in the ORM, each
in a fixed number of queries whatever the number of tasks and indicators. Tasks and
indicators are read through their own QuerySet methods (plan/models/querysets.py).
Published content only, as `published()` of plan/models/querysets.py says: live pages,
live indicators and the tasks of live areas, none in a private section (a Wagtail view
restriction on the page or above it), so that a private area's title, tasks, indicators
and figures appear on no public page, count or list. An area's own page, and its task
and indicator pages, read what is below it: Wagtail's routing has checked its
restrictions already."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import Cast, Coalesce, RowNumber
from wagtail.models import ModelLogEntry, PageLogEntry

from plan.content.codes import INDICATOR_KEY
from plan.content.provenance_data import area_key, loaded_record
from plan.models import (
    Agency,
    AppendixPage,
    AreaPage,
    ImplementationSection,
    Indicator,
    LoadRecord,
    PlanPage,
    Task,
    UpdatePage,
)
from plan.models.querysets import counted, in_public_section, tally
from plan.progress import rules

PUBLISH = "wagtail.publish"


def live_plans(parent):
    """The published plans below `parent`, newest first."""
    return PlanPage.objects.published().descendant_of(parent).order_by("-year")


def live_areas(plan):
    """The plan's published areas (none in a private section), in order."""
    return AreaPage.objects.child_of(plan).published().order_by("number")


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


def first_appendix(plan):
    return AppendixPage.objects.child_of(plan).published().order_by("path").first()


def implementation_sections(plan):
    agencies = Prefetch("agencies", queryset=Agency.objects.only("code", "name").order_by("name"))
    return plan.implementation_sections.prefetch_related(agencies).order_by("sort_order")


def official_appendix_rows(page):
    """The appendix rows editors entered, but those of a task that is not published (its
    area private or unpublished)."""
    published = Task.objects.published().values_list("pk", flat=True)
    return page.rows.filter(Q(task__isnull=True) | Q(task__in=published)).select_related("task")


def appendix_rows(areas, limit=None):
    """The `areas` (a queryset), each with its number of tasks (`task_count`) and its
    tasks in order, the first `limit` of them when given (`appendix_tasks`), with their
    agencies."""
    areas = list(areas.annotate(task_count=count_of(Task.objects.filter(area=OuterRef("pk")))))
    area_by_pk = {area.pk: area for area in areas}
    tasks = Task.objects.filter(area__in=areas).for_appendix().order_by("area_id", "sort_order", "pk")
    if limit is not None and any(area.task_count > limit for area in areas):
        place = Window(RowNumber(), partition_by=[F("area_id")], order_by=[F("sort_order").asc(), F("pk").asc()])
        tasks = tasks.annotate(place=place).filter(place__lte=limit)
    by_area = {}
    for task in tasks:
        task.area = area_by_pk[task.area_id]
        by_area.setdefault(task.area_id, []).append(task)
    for area in areas:
        area.appendix_tasks = by_area.get(area.pk, [])
    return areas


def area_facts(area):
    """What an area's page counts, in one statement ({name: value}): its live indicators
    and its tasks by stored status (`indicator_counts`, `task_counts`: the counts of
    plan.models.querysets.tally), its target bullets, whether an update is linked to
    one of its tasks or indicators, how many times it was published (its history
    compares two or more), and what load_plan wrote for it (`loaded`); how many times
    its live indicators were published (`indicator_publications`) and how many there
    are (`live_indicators`): more publications than indicators means one was published
    again."""
    updated_tasks = UpdatePage.tasks.through.objects.filter(task__area=OuterRef("pk"))
    updated_indicators = UpdatePage.indicators.through.objects.filter(indicator__area=OuterRef("pk"))
    indicators = Indicator.objects.filter(live=True)
    more = {"bullets": Count("bullet", distinct=True), "live_indicators": Count("pk")}
    annotations = {
        "indicator_counts": tally(indicators, "area", rules.INDICATOR_STATUSES, "latest_result", **more),
        "task_counts": tally(Task.objects.all(), "area", rules.ALL_TASK_STATUSES, "latest_report"),
        "has_updates": Exists(updated_tasks) | Exists(updated_indicators),
        "publications": counted(PageLogEntry.objects.filter(action=PUBLISH), "page"),
        "indicator_publications": indicator_publications(),
        "loaded": Subquery(LoadRecord.objects.filter(key=area_key(area)).values("values")[:1]),
    }
    facts = AreaPage.objects.filter(pk=area.pk).annotate(**annotations).values(*annotations).get()
    facts["indicator_counts"] = facts["indicator_counts"] or {}  # None: no rows
    facts["task_counts"] = facts["task_counts"] or {}
    facts["bullets"] = facts["indicator_counts"].get("bullets", 0)
    facts["live_indicators"] = facts["indicator_counts"].get("live_indicators", 0)
    return facts


def indicator_publications():
    """An annotation of an area: how many times its live indicators were published."""
    keys = Indicator.objects.filter(area=OuterRef(OuterRef("pk")), live=True).annotate(key=Cast("pk", CharField()))
    published = ModelLogEntry.objects.filter(
        action=PUBLISH, content_type=ContentType.objects.get_for_model(Indicator), object_id__in=keys.values("key")
    )
    return counted_rows(published)


def indicator_for_page(area, code):
    """The area's live indicator `code` for its own page (for_detail), with what load_plan
    wrote for it (`loaded_values`) and how many times it was published (its history
    compares two or more), or None."""
    published = ModelLogEntry.objects.filter(
        action=PUBLISH,
        content_type=ContentType.objects.get_for_model(Indicator),
        object_id=Cast(OuterRef("pk"), CharField()),
    )
    indicators = Indicator.objects.filter(area=area, live=True, code=code).for_detail()
    indicators = indicators.annotate(
        loaded_values=loaded_record(INDICATOR_KEY, "code"), publications=counted_rows(published)
    )
    return indicators.first()


def task_for_page(area, code):
    """The area's task `code` for its own page (for_detail), with what load_plan wrote for
    its area (`area_loaded`) and how many times the area was published (`publications`),
    or None."""
    tasks = Task.objects.filter(area=area, code=code).for_detail()
    return tasks.annotate(
        area_loaded=Subquery(LoadRecord.objects.filter(key=area_key(area)).values("values")[:1]),
        publications=counted_rows(PageLogEntry.objects.filter(action=PUBLISH, page=area)),
    ).first()


def counted_rows(queryset):
    """A subquery counting the rows of `queryset` (correlated or not)."""
    rows = queryset.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


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


def agency_detail(agency):
    tasks, indicators = Task.objects.published(), Indicator.objects.published()
    sections = (
        ImplementationSection.objects.filter(page__in=PlanPage.objects.published())
        .select_related("page")
        .order_by("page__path", "sort_order")
    )
    return {
        "led_tasks": tasks.filter(lead_agency=agency).for_table().order_by("area__path", "sort_order"),
        "coordinated_tasks": tasks.filter(coordinating_agencies=agency)
        .for_table()
        .order_by("area__path", "sort_order"),
        "indicators": indicators.filter(responsible_agency=agency).for_table(),
        "concerning_indicators": indicators.filter(concerned_agencies=agency).for_table(),
        "answerable_areas": AreaPage.objects.published().filter(answerable_agencies=agency).order_by("path"),
        "supported_areas": AreaPage.objects.published().filter(supporting_agencies=agency).order_by("path"),
        "sections": sections.filter(agencies=agency),
        "collective_sections": sections.filter(addressed_agencies=agency),
    }


def topic_detail(topic):
    return {
        "tasks": Task.objects.published().filter(topics=topic).for_table().order_by("area__path", "sort_order"),
        "indicators": Indicator.objects.published().filter(topics=topic).for_table(),
    }


def updates_about(page):
    """Live, public updates under a plan page, or those about an area's tasks or
    indicators, newest first."""
    updates = UpdatePage.objects.published()
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
    """The published ones of `updates` (a task's or an indicator's), newest first."""
    return updates.published().order_by("-date", "-first_published_at")[:limit]


def update_related(update):
    """(tasks, indicators) an update reports on, published ones only (an update may be
    about a task of an area that is private now). Filtered by key, so that a preview's
    unsaved choices are filtered too."""
    tasks = update.tasks.filter(pk__in=Task.objects.published().values_list("pk", flat=True))
    indicators = update.indicators.filter(pk__in=Indicator.objects.published().values_list("pk", flat=True))
    return tasks.select_related("area"), indicators.select_related("area")


def publication_log(plan, limit=30):
    """The plan's publications, newest first: of its page and the pages below it, but
    none in a private section; log entries with `timestamp` and the page's title."""
    entries = PageLogEntry.objects.filter(action=PUBLISH, page__path__startswith=plan.path)
    entries = entries.filter(in_public_section("page__path")).order_by("-timestamp")
    return entries.values("timestamp", "page_id", "revision_id", page_title=F("page__title"))[:limit]
