"""The one writer of each indicator's and task's stored state: its status, the figure
or report the status rests on, and for an indicator whether its next figure is late and
when it is due. Worked out by the rules of plan.progress.rules from what is stored, and
written only where it changed. Called after every change the state rests on (results
written by an import, a sync, the demo load, or by hand; a progress report; a published
area, plan or indicator: plan/progress/triggers.py) and daily (`refresh_progress`), for
what depends on the date alone. Pages, roll-ups and files read the stored state."""

from django.db.models import F, Max, Window
from django.utils import timezone
from wagtail.models import Page

from plan.models import Indicator, PlanPage, Result, Task, TaskProgress
from plan.progress import rules
from plan.results.bulk import update_rows
from reports.periods import periods_for
from reports.verdicts import closed_years, year_verdicts

INDICATOR_STATE = ("status", "latest_result", "late", "next_due")
TASK_STATE = ("status", "latest_report")


def plan_years():
    """{plan page path: its year}: an area's plan is the page above it (plan_year)."""
    return dict(PlanPage.objects.values_list("path", "year"))


def plan_year(area_path, years):
    """The year of the plan that holds the area at `area_path`, or None."""
    return years.get(area_path[: -Page.steplen])


def refresh_indicators(pks=None, today=None):
    """Store the state of the indicators `pks` (all when None); return how many changed."""
    today = today or timezone.localdate()
    indicators = Indicator.objects.all() if pks is None else Indicator.objects.filter(pk__in=list(pks))
    rows = list(
        indicators.order_by().values_list(
            "pk", "area__path", "comparator", "target_value", "target_value_max", "frequency", "level",
            *("status", "latest_result_id", "late", "next_due"), named=True,
        )
    )  # fmt: skip
    if not rows:
        return 0
    results = Result.objects.all() if pks is None else Result.objects.filter(indicator_id__in=[r.pk for r in rows])
    figures = {}
    # An import may touch thousands of indicators and 100,000 figures: read only those the
    # status can rest on, each indicator's own level's ending last (latest_figure picks
    # the shortest of them), in chunks.
    own = results.filter(scope=F("indicator__level")).annotate(
        last_end=Window(Max("period_end"), partition_by=F("indicator_id"))
    )
    figures_read = own.filter(period_end=F("last_end")).order_by()
    for figure in figures_read.values_list("pk", "indicator_id", "period", "value", named=True).iterator(5000):
        figures.setdefault(figure.indicator_id, []).append(figure)
    years, changed = plan_years(), []
    # A figure of the plan year's last months goes in the next year's first report.
    reports = periods_for({today.year, *years.values(), *(year + 1 for year in years.values())})
    for row in rows:
        progress = rules.indicator_progress(
            row.comparator,
            row.target_value,
            row.target_value_max,
            row.frequency,
            figures.get(row.pk, ()),
            plan_year(row.area__path, years) or today.year,
            today,
            reports,
        )
        state = (progress.status, progress.latest.pk if progress.latest else None, progress.late, progress.next_due)
        if state != (row.status, row.latest_result_id, row.late, row.next_due):
            changed.append((row.pk, *state))
    # An import may touch thousands of indicators: bulk_update would take seconds to compile.
    update_rows(Indicator, INDICATOR_STATE, changed)
    return len(changed)


def refresh_tasks(pks=None, today=None):
    """Store the state of the tasks `pks` (all when None); return how many changed."""
    today = today or timezone.localdate()
    tasks = Task.objects.all() if pks is None else Task.objects.filter(pk__in=list(pks))
    rows = list(tasks.order_by().values_list("pk", "area__path", "due_date", "status", "latest_report_id", named=True))
    if not rows:
        return 0
    years, closed = plan_years(), closed_years()
    verdicts = year_verdicts(closed, None if pks is None else [r.pk for r in rows]) if closed else {}
    reports = TaskProgress.objects.filter(task__isnull=False)
    if pks is not None:
        reports = reports.filter(task_id__in=[r.pk for r in rows])
    latest = {}
    newest_first = reports.order_by("task_id", "-reported_on", "-created_at", "-pk")
    for report in newest_first.values_list("pk", "task_id", "status", "percent", named=True):
        latest.setdefault(report.task_id, report)
    changed = []
    for row in rows:
        report = latest.get(row.pk)
        status = rules.task_status(
            row.due_date,
            report.status if report else None,
            report.percent if report else None,
            today,
            closed=plan_year(row.area__path, years) in closed,
            verdict=verdicts.get(row.pk),
        )
        state = (status, report.pk if report else None)
        if state != (row.status, row.latest_report_id):
            changed.append(Task(pk=row.pk, status=status, latest_report_id=state[1]))
    Task.objects.bulk_update(changed, TASK_STATE, batch_size=500)
    return len(changed)


def refresh_under(page, today=None):
    """The tasks and indicators of a plan or an area page (its own, or those below it)."""
    indicators = Indicator.objects.filter(area__path__startswith=page.path).values_list("pk", flat=True)
    tasks = Task.objects.filter(area__path__startswith=page.path).values_list("pk", flat=True)
    return refresh_indicators(list(indicators), today) + refresh_tasks(list(tasks), today)


def refresh_all(today=None):
    """Every indicator and task: (indicators changed, tasks changed)."""
    return refresh_indicators(None, today), refresh_tasks(None, today)
