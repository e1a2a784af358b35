"""Which plan years are closed and the tasks' reviewed verdicts: the task lines of the
published year reports of those years."""

from reports.calendar import PeriodKind
from reports.models import TaskLine, YearClose


def closed_years():
    return set(YearClose.objects.values_list("year", flat=True))


def year_closes():
    """{year: YearClose}."""
    return {close.year: close for close in YearClose.objects.all()}


def year_verdicts(years, task_ids=None):
    """{task id: verdict} from the published year reports of `years`."""
    lines = TaskLine.objects.filter(
        report__live=True, report__period__kind=PeriodKind.YEAR, report__period__year__in=list(years)
    ).exclude(verdict="")
    if task_ids is not None:
        lines = lines.filter(task_id__in=list(task_ids))
    return dict(lines.values_list("task_id", "verdict"))


def task_verdict_line(task):
    """The published year-report line that holds `task`'s verdict, or None."""
    lines = TaskLine.objects.filter(report__live=True, report__period__kind=PeriodKind.YEAR, task=task)
    return lines.exclude(verdict="").select_related("report__period", "report__agency").first()
