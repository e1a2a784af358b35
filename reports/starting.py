"""A new agency report, made ready to fill in: a line per task the agency leads and per
indicator it answers for in the period's plan, as a draft. An existing report is
returned as it is."""

from django.db import transaction

from reports.models import AgencyReport, FigureLine, TaskLine
from reports.overview import period_indicators, period_tasks


@transaction.atomic
def start_report(agency, period, is_demo=False):
    report = AgencyReport.objects.filter(agency=agency, period=period).first()
    if report is not None:
        return report
    report = AgencyReport(agency=agency, period=period, live=False, is_demo=is_demo)
    tasks = period_tasks(period, agency).order_by("area__path", "sort_order")
    indicators = period_indicators(period, agency).order_by("code")
    report.task_lines = [
        TaskLine(task=task, status=task.latest_report.status if task.latest_report else "not_started", sort_order=i)
        for i, task in enumerate(tasks.select_related("latest_report"))
    ]
    report.figure_lines = [FigureLine(indicator=indicator, sort_order=i) for i, indicator in enumerate(indicators)]
    report.save()
    report.save_revision()
    return report
