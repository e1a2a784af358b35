"""Feed the progress rules (plan.progress.rules) from the database, for many
indicators or tasks at once, in a fixed number of queries."""

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from plan.models import PlanPage, Result, TaskProgress
from plan.progress import rules


def plan_years_by_area(areas):
    """{area pk: the year of the plan that holds the area}, in one query."""
    parent_paths = {area.pk: area.path[: -area.steplen] for area in areas}
    years = dict(PlanPage.objects.filter(path__in=set(parent_paths.values())).values_list("path", "year"))
    return {pk: years.get(path) for pk, path in parent_paths.items()}


def results_by_indicator(indicator_pks):
    """{indicator pk: [its results of the latest period end, per scope]}: a status rests
    on the latest figure (plan.progress.rules.latest_figure), so older ones are not read."""
    latest_end = (
        Result.objects.filter(indicator=OuterRef("indicator"), scope=OuterRef("scope"))
        .order_by("-period_end")
        .values("period_end")[:1]
    )
    latest = Result.objects.filter(indicator_id__in=indicator_pks, period_end=Subquery(latest_end))
    grouped = {}
    for result in latest.order_by("period_end"):
        grouped.setdefault(result.indicator_id, []).append(result)
    return grouped


def indicator_progress_map(indicators, today=None):
    """{indicator pk: IndicatorProgress}; `latest` is the Result the status rests on."""
    today = today or timezone.localdate()
    indicators = list(indicators)
    results = results_by_indicator([i.pk for i in indicators])
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


def latest_progress_by_task(task_pks):
    latest = {}
    reports = TaskProgress.objects.filter(task_id__in=task_pks).order_by("task_id", "-reported_on", "-created_at")
    for report in reports:
        latest.setdefault(report.task_id, report)
    return latest


def task_progress_map(tasks, today=None):
    """{task pk: (status, latest progress report or None)}."""
    today = today or timezone.localdate()
    tasks = list(tasks)
    latest = latest_progress_by_task([t.pk for t in tasks])
    mapping = {}
    for task in tasks:
        report = latest.get(task.pk)
        status = rules.task_status(
            task.due_date, report.status if report else None, report.percent if report else None, today
        )
        mapping[task.pk] = (status, report)
    return mapping
