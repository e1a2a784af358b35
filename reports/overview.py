"""Who reports in a period and who has: the agencies that lead a task or answer for an
indicator of the period's plan, each with its report (if any) and where it stands
against the deadline (reports.calendar.report_state)."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone

from plan.models import Agency, Indicator, PlanPage, Task
from reports import calendar
from reports.models import AgencyReport


def plan_years():
    return set(PlanPage.objects.live().values_list("year", flat=True))


def plan_paths(year):
    return list(PlanPage.objects.live().filter(year=year).values_list("path", flat=True))


def under(paths, field="area__path"):
    """Rows below any of the plan pages at `paths` (none when there is none)."""
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths))


def period_tasks(period, agency=None):
    tasks = Task.objects.published().filter(under(plan_paths(period.year)), lead_agency__isnull=False)
    return tasks.filter(lead_agency=agency) if agency is not None else tasks


def period_indicators(period, agency=None):
    indicators = Indicator.objects.published().filter(under(plan_paths(period.year)), responsible_agency__isnull=False)
    return indicators.filter(responsible_agency=agency) if agency is not None else indicators


def expected_agencies(period):
    """The agencies that report in `period`: those leading a task or answering for an
    indicator of the live plan of its year."""
    tasks = period_tasks(period).values("lead_agency")
    indicators = period_indicators(period).values("responsible_agency")
    return Agency.objects.filter(Q(pk__in=tasks) | Q(pk__in=indicators)).order_by("name")


@dataclass(frozen=True)
class ReportRow:
    agency: object
    report: object  # the AgencyReport, or None
    state: str  # a key of calendar.REPORT_STATE_LABELS

    @property
    def state_label(self):
        return calendar.REPORT_STATE_LABELS[self.state]

    @property
    def sent_on(self):
        return timezone.localdate(self.report.sent_at) if self.report and self.report.sent_at else None

    @property
    def late(self):
        return self.state in ("sent_late", "missing")


def period_rows(period, today, agencies=None):
    """One ReportRow per agency expected to report in `period` (or of `agencies`)."""
    expected = expected_agencies(period)
    if agencies is not None:
        expected = expected.filter(pk__in=[agency.pk for agency in agencies])
    reports = {r.agency_id: r for r in AgencyReport.objects.filter(period=period, agency__in=expected)}
    rows = []
    for agency in expected:
        report = reports.get(agency.pk)
        sent_on = timezone.localdate(report.sent_at) if report and report.sent_at else None
        rows.append(ReportRow(agency, report, calendar.report_state(period.deadline, sent_on, today)))
    return rows


def counts(rows):
    """{state: how many} in the order of the labels."""
    found = dict.fromkeys(calendar.REPORT_STATE_LABELS, 0)
    for row in rows:
        found[row.state] += 1
    return found
