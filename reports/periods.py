"""The reporting periods a site works to: those stored (reports.models), with the
official default table for a year none is stored for. Nothing here overwrites a
period an administrator changed."""

from django.db import transaction

from plan.models import PlanPage
from reports import calendar
from reports.models import PeriodReportPage, ReportingPeriod


def ensure_year(year):
    """Store the official periods of `year` that are not stored yet; return how many."""
    present = set(ReportingPeriod.objects.filter(year=year).values_list("kind", flat=True))
    missing = [
        ReportingPeriod(
            year=spec.year, kind=spec.kind, data_from=spec.data_from, data_to=spec.data_to, deadline=spec.deadline
        )
        for spec in calendar.official_periods(year)
        if spec.kind not in present
    ]
    with transaction.atomic():
        ReportingPeriod.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def periods_for(years):
    """The PeriodSpecs of `years`: stored ones, or the official table for a year
    with none stored."""
    years = sorted(set(years))
    stored = {}
    for period in ReportingPeriod.objects.filter(year__in=years):
        stored.setdefault(period.year, []).append(
            calendar.PeriodSpec(period.year, period.kind, period.data_from, period.data_to, period.deadline)
        )
    specs = []
    for year in years:
        specs.extend(stored.get(year) or calendar.official_periods(year))
    return sorted(specs, key=lambda p: (p.deadline, p.data_to))


def report_for_figure(period_end):
    """The periodic report that must carry a figure whose period ends on `period_end`."""
    return calendar.first_report_after(period_end, periods_for([period_end.year, period_end.year + 1]))


def report_names_by_deadline(years):
    """{deadline: the names of the reports due that day} for `years`: what a reminder
    names beside a figure's due date."""
    names = {}
    for spec in periods_for(years):
        names.setdefault(spec.deadline, []).append(spec.name)
    return {day: ", ".join(found) for day, found in names.items()}


def plan_periods():
    """The periods of the live plans' years, for the page that explains the rules."""
    return periods_for(PlanPage.objects.live().values_list("year", flat=True))


def plan_reports(plan_path):
    """The published periodic reports of the plan at `plan_path` (its tree path), newest
    period first, with their period and agency."""
    depth = len(plan_path) // PlanPage.steplen + 1
    pages = PeriodReportPage.objects.live().filter(path__startswith=plan_path, depth=depth)
    return pages.select_related("period", "agency").order_by("-period__deadline", "agency__name")
