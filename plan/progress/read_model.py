"""Feed the progress rules (plan.progress.rules) from the database, for many
indicators or tasks at once, in a fixed number of queries."""

from collections import Counter
from typing import NamedTuple

from django.db.models import F, Max, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from plan.content.codes import INDICATOR_KEY
from plan.content.raw_values import QUOTE, columns, read_rows, table, value_converter
from plan.models import Agency, Indicator, LoadRecord, PlanPage, Result, TaskProgress
from plan.progress import rules


def plan_years_by_area(areas):
    """{area pk: the year of the plan that holds the area}, in one query."""
    parent_paths = {area.pk: area.path[: -area.steplen] for area in areas}
    years = dict(PlanPage.objects.filter(path__in=set(parent_paths.values())).values_list("path", "year"))
    return {pk: years.get(path) for pk, path in parent_paths.items()}


# What the status rule and the roll-ups read of a result (the rest is read only for the
# rows a page shows).
LIGHT_RESULT_FIELDS = ("id", "indicator_id", "period", "scope", "value", "is_demo")
INDICATOR_FACTS = ("pk", "area_id", "responsible_agency_id", "comparator", "target_value", "target_value_max")


def light_rows(queryset, fields):
    """Rows of a queryset with only `fields` as attributes (named tuples): no model
    object, for lists that are counted rather than shown (Result(**row._asdict()) makes
    one when needed). Thousands on the dashboard: a tuple costs less than a dict."""
    return list(queryset.values_list(*fields, named=True))


def indicator_facts(indicators):
    return light_rows(indicators, (*INDICATOR_FACTS, "frequency", "level"))


def task_groups(tasks):
    """Tasks counted by what their status rests on (area, lead agency, deadline, and the
    status, percent and demo flag of their latest report, None without one): light rows
    with those attributes and `count`, for roll-ups over many tasks. One statement
    reads each task with its latest report (a window over the tasks joined to their
    reports: no subquery per task); the rows are counted here."""
    latest_first = [F("progress_reports__reported_on").desc(nulls_last=True)]
    latest_first.append(F("progress_reports__created_at").desc(nulls_last=True))
    rank = Window(RowNumber(), partition_by=[F("pk")], order_by=latest_first)
    fields = ("area_id", "lead_agency_id", "due_date", *(f"progress_reports__{f}" for f in TASK_REPORT_FIELDS))
    latest = tasks.annotate(rank=rank).filter(rank=1).values_list(*fields).order_by()
    return [TaskGroup(*key, count) for key, count in Counter(latest).items()]


TASK_REPORT_FIELDS = ("status", "percent", "is_demo")


class TaskGroup(NamedTuple):
    area_id: int
    lead_agency_id: int | None
    due_date: object
    status: str | None  # of the latest report; None without one
    percent: int | None
    is_demo: bool | None
    count: int


def results_by_indicator(indicator_pks, light=False):
    """{indicator pk: [its results of the latest period end, per scope]}: a status rests
    on the latest figure (plan.progress.rules.latest_figure), so older ones are not read.
    `indicator_pks` may be a queryset of pks; with `light`, rows of LIGHT_RESULT_FIELDS
    rather than Results."""
    # The latest end per indicator and scope by a window over the rows read, rather
    # than a correlated subquery per row.
    latest_end = Window(Max("period_end"), partition_by=[F("indicator_id"), F("scope")])
    latest = Result.objects.filter(indicator_id__in=indicator_pks).annotate(latest_end=latest_end)
    # No ORDER BY: the rule picks the latest figure itself, and sorting thousands of
    # wide rows spilled to disk at 100× the data.
    latest = latest.filter(period_end=F("latest_end")).order_by()
    grouped = {}
    for result in light_rows(latest, LIGHT_RESULT_FIELDS) if light else latest:
        grouped.setdefault(result.indicator_id, []).append(result)
    return grouped


def indicator_progress_map(indicators, today=None, results=None, years=None):
    """{indicator pk: IndicatorProgress}; `latest` is the Result the status rests on.
    `results` ({pk: [Result]}) and `years` ({area pk: plan year}) when already known."""
    today = today or timezone.localdate()
    indicators = list(indicators)
    if results is None:
        results = results_by_indicator([i.pk for i in indicators])
    if years is None:
        years = plan_years_by_area({i.area for i in indicators})
    return {
        indicator.pk: rules.indicator_progress(
            indicator.comparator,
            indicator.target_value,
            indicator.target_value_max,
            indicator.frequency,
            [r for r in results.get(indicator.pk, []) if r.scope == indicator.level],
            years.get(indicator.area_id) or today.year,
            today,
        )
        for indicator in indicators
    }


def latest_progress_by_task(task_pks, light=False):
    """{task pk: its latest report}; `task_pks` may be a queryset; with `light`, rows
    with the report's status, percent and demo flag rather than TaskProgress objects."""
    latest = {}
    reports = TaskProgress.objects.filter(task_id__in=task_pks).order_by("task_id", "-reported_on", "-created_at")
    if light:
        reports = light_rows(reports, ("task_id", "status", "percent", "is_demo"))
    for report in reports:
        latest.setdefault(report.task_id, report)
    return latest


def task_progress_map(tasks, today=None, latest=None):
    """{task pk: (status, latest progress report or None)}; `latest` when already read."""
    today = today or timezone.localdate()
    tasks = list(tasks)
    if latest is None:
        latest = latest_progress_by_task([t.pk for t in tasks])
    mapping = {}
    for task in tasks:
        report = latest.get(task.pk)
        status = rules.task_status(
            task.due_date, report.status if report else None, report.percent if report else None, today
        )
        mapping[task.pk] = (status, report)
    return mapping


def shown_indicators(pks, result_ids, fields):
    """{pk: Indicator} of a page of a list, each with its responsible agency,
    `loaded_values` (what load_plan wrote of it, or None) and `shown_result` (its Result
    among `result_ids`, or None): one hand-written statement, where the ORM would spend
    longer building two than the database answering them. `fields`: the indicator's
    fields read (the others are deferred)."""
    if not pks:
        return {}
    indicator = columns(Indicator, "i", tuple(Indicator._meta.get_field(name).attname for name in ("id", *fields)))
    agency, result = columns(Agency, "a", shared=True), columns(Result, "r")
    loaded = LoadRecord._meta.get_field("values")
    pk_list, result_list = ", ".join(["%s"] * len(pks)), ", ".join(["%s"] * max(len(result_ids), 1))
    sql = (
        f"SELECT {indicator.sql}, {agency.sql}, {result.sql}, l.{QUOTE(loaded.column)} "
        f"FROM {table(Indicator)} i "  # noqa: S608 (quoted names, parameters)
        f"LEFT JOIN {table(Agency)} a ON a.id = i.{QUOTE('responsible_agency_id')} "
        f"LEFT JOIN {table(Result)} r ON r.{QUOTE('indicator_id')} = i.id AND r.id IN ({result_list}) "
        f"LEFT JOIN {table(LoadRecord)} l ON l.{QUOTE('key')} = %s || i.{QUOTE('code')} "
        f"WHERE i.id IN ({pk_list})"
    )
    params = [*(result_ids or [None]), INDICATOR_KEY, *pks]
    found = {}
    parts = [indicator, agency, result, value_converter(loaded)]
    for item, responsible, shown, values in read_rows(sql, params, parts):
        item.responsible_agency, item.shown_result, item.loaded_values = responsible, shown, values
        found[item.pk] = item
    return found
