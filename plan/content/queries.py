"""Querysets for the public pages, each with a fixed number of queries whatever the
number of tasks and indicators (select_related / prefetch_related, no per-row query).
Published content only: live pages, tasks of live areas, indicators marked live.
Progress updates are listed and fed only when public: a private or password-protected
update (a Wagtail view restriction on it or above it) is never listed or fed."""

from django.db import connection
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, Length, RowNumber, Substr
from modelcluster.queryset import FakeQuerySet
from wagtail.models import Page, PageViewRestriction, Site

from plan.content.codes import INDICATOR_KEY
from plan.content.provenance_data import loaded_record
from plan.content.raw_values import table
from plan.models import (
    Agency,
    AppendixPage,
    AreaPage,
    ImplementationSection,
    Indicator,
    PlanPage,
    Task,
    Topic,
    UpdatePage,
)


def tasks_for_display(tasks, links=True):
    """Tasks for tables, with their area and lead agency and, with `links`, their
    coordinating agencies and topics (without: with_links reads them in one query)."""
    tasks = tasks.select_related("lead_agency", "area").order_by("area__path", "sort_order")
    return tasks.prefetch_related("coordinating_agencies", "topics") if links else tasks


def indicators_for_display(indicators):
    """Indicators for tables (which show no topics: the detail page reads them)."""
    return indicators.select_related("responsible_agency", "area").order_by("area__path", "sort_order", "code")


def share_site_root_paths(request, pages):
    """Wagtail works a page's URL out from the sites' root paths, which it reads from
    the cache once per page object (Page._get_site_root_paths): with production's
    database cache, a query for each page and area a template links to. The pages of
    one request share one copy, kept on the request as Wagtail itself does."""
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    for page in pages:
        page._wagtail_cached_site_root_paths = request._wagtail_cached_site_root_paths
    return pages


def with_area(objects, area):
    """Tasks or indicators of one area, each given the area page itself (no copy of
    the page per row) and `detail_url`, its page's address from the area's address
    worked out once (what get_url gives, which works the area's out again per row)."""
    objects = list(objects)
    base = area.url if objects else None
    for obj in objects:
        obj.area = area
        obj.detail_url = detail_url(base, obj)
    return objects


def detail_url(area_url, item):
    """The address of a task's or an indicator's page, given its area's address."""
    return area_url + AreaPage.item_path(
        "indicator_detail" if isinstance(item, Indicator) else "task_detail", item.code
    )


def live_plans(parent):
    return PlanPage.objects.live().descendant_of(parent).order_by("-year")


def live_areas(plan):
    return AreaPage.objects.child_of(plan).live().order_by("number")


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


def appendix_rows(areas, links=True, limit=None):
    """The `areas` (a queryset), each with its number of tasks (`task_count`) and its
    tasks in order, the first `limit` of them when given (`appendix_tasks`), with, with
    `links`, their coordinating agencies (without: with_links may read them for every
    area at once)."""
    areas = list(areas.annotate(task_count=count_of(Task.objects.filter(area=OuterRef("pk")))))
    tasks = Task.objects.filter(area__in=areas).select_related("lead_agency").order_by("area_id", "sort_order", "pk")
    if links:
        tasks = tasks.prefetch_related("coordinating_agencies")
    if limit is not None:
        place = Window(RowNumber(), partition_by=[F("area_id")], order_by=[F("sort_order").asc(), F("pk").asc()])
        tasks = tasks.annotate(place=place).filter(place__lte=limit)
    by_area = {}
    for task in tasks:
        by_area.setdefault(task.area_id, []).append(task)
    for area in areas:
        area.appendix_tasks = by_area.get(area.pk, [])
        for task in area.appendix_tasks:
            task.area = area  # what a prefetch would set: no query for it per task
    return areas


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
    """The area's tasks, each with its coordinating agencies and topics (with_links)."""
    tasks = area.tasks.select_related("lead_agency")
    return with_links(with_area(tasks.order_by("sort_order"), area))


def with_links(tasks):
    """Tasks with their coordinating agencies and topics as prefetch_related would give
    them (code or slug and name: what pages show), from one plain statement over both
    link tables rather than one query each, and no related manager built per task."""
    tasks = {task.pk: task for task in tasks}
    if not tasks:
        return []
    found = {pk: ([], []) for pk in tasks}
    marks = ", ".join(["%s"] * len(tasks))
    agencies, topics = Task.coordinating_agencies.through, Task.topics.through
    sql = (
        f"SELECT l.task_id, 0, a.id, a.code, a.name FROM {table(agencies)} l "
        f"JOIN {table(Agency)} a ON a.id = l.agency_id WHERE l.task_id IN ({marks}) UNION ALL "
        f"SELECT l.task_id, 1, t.id, t.slug, t.name FROM {table(topics)} l "
        f"JOIN {table(Topic)} t ON t.id = l.topic_id WHERE l.task_id IN ({marks}) ORDER BY 5, 3"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*tasks, *tasks])
        for task_id, kind, pk, key, name in cursor.fetchall():
            found[task_id][kind].append(
                Agency(pk=pk, code=key, name=name) if kind == 0 else Topic(pk=pk, slug=key, name=name)
            )
    for pk, (task_agencies, task_topics) in found.items():
        tasks[pk]._prefetched_objects_cache = {
            "coordinating_agencies": FakeQuerySet(Agency, task_agencies),
            "topics": FakeQuerySet(Topic, task_topics),
        }
    return list(tasks.values())


def area_indicators(area):
    """The area's live indicators, each with what load_plan wrote (`loaded_values`)."""
    indicators = area.indicators.filter(live=True).select_related("responsible_agency")
    indicators = indicators.annotate(loaded_values=loaded_record(INDICATOR_KEY, "code"))
    return with_area(indicators.order_by("sort_order", "code"), area)


def area_task(area, code):
    tasks = area.tasks.filter(code=code).select_related("lead_agency")
    return next(iter(with_links(with_area(tasks[:1], area))), None)


def area_indicator(area, code):
    # No ordering (the model's joins the area's page for its path): the code is unique.
    indicators = area.indicators.filter(live=True, code=code).select_related("responsible_agency").order_by()
    indicators = indicators.annotate(loaded_values=loaded_record(INDICATOR_KEY, "code"))
    return next(iter(with_area(indicators.prefetch_related("topics")[:1], area)), None)


def agency_detail(agency):
    live_tasks = public_tasks()
    return {
        "led_tasks": with_links(tasks_for_display(live_tasks.filter(lead_agency=agency), links=False)),
        "coordinated_tasks": with_links(
            tasks_for_display(live_tasks.filter(coordinating_agencies=agency), links=False)
        ),
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
        "tasks": with_links(tasks_for_display(public_tasks().filter(topics=topic), links=False)),
        "indicators": list(indicators_for_display(public_indicators().filter(topics=topic))),
    }


def in_public_section(path="path"):
    """A filter: the page (whose tree path is the field `path`) has no view restriction
    on it or above it. One statement, where Wagtail's .public() first reads the
    restrictions in a query of its own."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef(path), 1, Length("page__path")))
    return ~Exists(restricted)


def updates_about(page):
    """Live, public updates under a plan page, or those about an area's tasks or
    indicators, newest first."""
    updates = UpdatePage.objects.live().filter(in_public_section())
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
    return updates.live().filter(in_public_section()).order_by("-date", "-first_published_at")[:limit]


def update_related(update):
    """(tasks, indicators) an update reports on, published ones only."""
    tasks = update.tasks.filter(area__live=True).select_related("area")
    indicators = update.indicators.filter(live=True, area__live=True).select_related("area")
    return tasks, indicators


def plan_contents(plan, plan_url):
    """(areas, appendix) of a plan in one statement (the ORM takes longer to build it than the
    database to run it): its live areas as rows (number, title, heading_as_written, slug, url and
    the counts, correlated COUNT(*) on the indexed area column) and its first live appendix
    ({"title", "slug", "url"}) or None."""
    page, area, appendix, task, indicator = (table(m) for m in (Page, AreaPage, AppendixPage, Task, Indicator))
    sql = (
        f"SELECT p.title, p.slug, a.number, a.heading_as_written, x.page_ptr_id IS NOT NULL, "
        f"(SELECT COUNT(*) FROM {task} t WHERE t.area_id = a.page_ptr_id), "
        f"(SELECT COUNT(*) FROM {indicator} i WHERE i.area_id = a.page_ptr_id AND i.live) "
        f"FROM {page} p LEFT JOIN {area} a ON a.page_ptr_id = p.id LEFT JOIN {appendix} x ON x.page_ptr_id = p.id "
        "WHERE p.path LIKE %s AND p.depth = %s AND p.live AND (a.page_ptr_id IS NOT NULL OR x.page_ptr_id IS NOT NULL) "
        "ORDER BY a.number, p.path"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [plan.path + "%", plan.depth + 1])
        rows = [({"title": r[0], "slug": r[1], "url": f"{plan_url}{r[1]}/"}, r) for r in cursor.fetchall()]
    keys = ("number", "heading_as_written", "is_appendix", "task_count", "indicator_count")
    areas = [{**row, **dict(zip(keys, r[2:], strict=True))} for row, r in rows if not r[4]]
    return areas, next((row for row, r in rows if r[4]), None)
