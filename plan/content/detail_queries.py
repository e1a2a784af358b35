"""What the page of one task or one indicator reads about it, each in as few statements
as it can: what the area page reads with its ancestors (the plan's year, what load_plan
wrote) comes here with the task or indicator, and so does whether it has updates or
corrected figures, whose own queries then run only when there are some."""

from django.db import connection
from modelcluster.queryset import FakeQuerySet

from plan.content.codes import indicator_key
from plan.content.provenance_data import area_key
from plan.content.queries import with_area, with_links
from plan.content.raw_values import QUOTE, columns, read_rows, table, value_converter
from plan.models import (
    Agency,
    Indicator,
    LoadRecord,
    PlanPage,
    Result,
    ResultHistory,
    Task,
    TaskProgress,
    Topic,
    UpdatePage,
)


def detail_task(area, code):
    """The area's task `code` for its page (with_links), with what load_plan wrote for
    the area (`area_loaded`, or None) and whether an update is linked to it
    (`has_updates`: most tasks have none, which then costs no query of their own)."""
    loads, links = table(LoadRecord), table(UpdatePage.tasks.through)
    extra = {
        "area_loaded": (f"(SELECT l.{VALUES} FROM {loads} l WHERE l.{KEY} = %s)", value_converter(LOADED)),
        "has_updates": (f"EXISTS (SELECT 1 FROM {links} u WHERE u.task_id = o.id)", bool),
    }
    task = with_agency(Task, "lead_agency", extra, "o.area_id = %s AND o.code = %s", [area_key(area), area.pk, code])
    return None if task is None else with_links(with_area([task], area))[0]


def detail_indicator(area, code, plan_pk):
    """The area's live indicator `code` for its page, with its responsible agency and
    topics, what load_plan wrote for it (`loaded_values`), the year of the plan `plan_pk`
    (`plan_year`), and whether it has linked updates and corrected figures
    (`has_updates`, `has_corrections`: most have none, which then cost no query of their
    own)."""
    loads, plans, links = table(LoadRecord), table(PlanPage), table(UpdatePage.indicators.through)
    extra = {
        "loaded_values": (f"(SELECT l.{VALUES} FROM {loads} l WHERE l.{KEY} = %s)", value_converter(LOADED)),
        "plan_year": (f"(SELECT p.year FROM {plans} p WHERE p.page_ptr_id = %s)", int),
        "has_updates": (f"EXISTS (SELECT 1 FROM {links} u WHERE u.indicator_id = o.id)", bool),
        "has_corrections": (
            f"EXISTS (SELECT 1 FROM {table(ResultHistory)} h JOIN {table(Result)} r ON r.id = h.result_id "
            "WHERE r.indicator_id = o.id AND h.previous_value IS NOT NULL)",
            bool,
        ),
    }
    where, params = "o.area_id = %s AND o.live AND o.code = %s", [indicator_key(code), plan_pk, area.pk, code]
    indicator = with_agency(Indicator, "responsible_agency", extra, where, params)
    if indicator is None:
        return None
    links = table(Indicator.topics.through)
    sql = (
        f"SELECT t.id, t.slug, t.name FROM {links} l JOIN {table(Topic)} t ON t.id = l.topic_id "
        "WHERE l.indicator_id = %s ORDER BY t.name"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [indicator.pk])
        topics = [Topic(pk=pk, slug=slug, name=name) for pk, slug, name in cursor.fetchall()]
    indicator._prefetched_objects_cache = {"topics": FakeQuerySet(Topic, topics)}  # as prefetch_related would
    return with_area([indicator], area)[0]


def detail_reports(task):
    """The task's progress reports, newest first."""
    sql = f"SELECT * FROM {table(TaskProgress)} WHERE task_id = %s ORDER BY reported_on DESC, created_at DESC"
    return list(TaskProgress.objects.raw(sql, [task.pk]))


def detail_results(indicator):
    """The indicator's results at its own level, oldest period first."""
    sql = f"SELECT * FROM {table(Result)} WHERE indicator_id = %s AND scope = %s ORDER BY period_end, period"
    return list(Result.objects.raw(sql, [indicator.pk, indicator.level]))


def with_agency(model, agency_field, extra, where, params):
    """The one `model` object (alias `o`) that `where` finds, or None, with its agency
    `agency_field` (as select_related gives it) and the `extra` attributes ({name: (SQL,
    function converting its value)}), in one plain statement: the ORM took longer to
    build it, with its subqueries, than the database to run it."""
    item, agency = columns(model, "o"), columns(Agency, "a")
    selected = ", ".join([item.sql, agency.sql, *(column for column, _convert in extra.values())])
    sql = (
        f"SELECT {selected} FROM {table(model)} o "
        f"LEFT JOIN {table(Agency)} a ON a.id = o.{QUOTE(agency_field + '_id')} WHERE {where}"
    )
    rows = read_rows(sql, params, [item, agency, *(convert for _column, convert in extra.values())])
    if not rows:
        return None
    found, agency_found, *values = rows[0]
    if agency_found is not None:
        model._meta.get_field(agency_field).set_cached_value(found, agency_found)
    for name, value in zip(extra, values, strict=True):
        setattr(found, name, value)
    return found


VALUES, KEY = QUOTE("values"), QUOTE("key")
LOADED = LoadRecord._meta.get_field("values")  # what load_plan wrote, as JSON
