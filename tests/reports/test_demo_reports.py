"""Illustrative reports of the 2024 periods: the whole cycle on a fresh site, labelled
wherever it appears, never over an editor's report, refused where demo data is."""

from datetime import date

import pytest
import time_machine
from django.core.management import CommandError, call_command

from plan.models import Agency, PlanPage, Task
from plan.progress.rules import YEAR_END_STATUSES
from reports.calendar import PeriodKind
from reports.models import AgencyReport, PeriodReportPage, ReportingPeriod, YearClose
from reports.overview import period_rows
from reports.starting import start_report

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2025, 2, 1), tick=False)
def test_the_demo_reports_show_the_cycle_labelled_and_leave_editors_reports_alone(client, settings):
    settings.DEMO_DATA_ALLOWED = True
    q1 = ReportingPeriod.objects.get(year=2024, kind=PeriodKind.Q1)
    own = start_report(Agency.objects.get(code="so-tu-phap"), q1)  # an editor's draft
    call_command("load_demo_reports")
    reports = AgencyReport.objects.exclude(pk=own.pk)
    assert reports.exists() and not reports.filter(is_demo=False).exists()
    assert not AgencyReport.objects.get(pk=own.pk).is_demo and not AgencyReport.objects.get(pk=own.pk).live
    states = {row.state for p in ReportingPeriod.objects.filter(year=2024) for row in period_rows(p, date(2025, 2, 1))}
    assert {"sent", "sent_late", "missing"} <= states
    close = YearClose.objects.get(year=2024)
    assert close.is_demo
    assert set(Task.objects.values_list("status", flat=True)) <= set(YEAR_END_STATUSES)
    pages = PeriodReportPage.objects.filter(period__year=2024, live=True)
    assert pages.count() == 4 and all(page.is_demo and page.snapshot.data["demo"] for page in pages)
    year_page = pages.get(period__kind=PeriodKind.YEAR)
    html = client.get(year_page.url).content.decode()
    assert "Dữ liệu minh họa" in html and "Thay đổi so với Quý III/2024" in html
    dashboard = client.get(PlanPage.objects.get(year=2024).url + "tien-do/").content.decode()
    assert "đã khép lại" in dashboard and "Dữ liệu minh họa" in dashboard
    counts = AgencyReport.objects.count(), PeriodReportPage.objects.count()
    call_command("load_demo_reports")  # again: nothing new
    assert (AgencyReport.objects.count(), PeriodReportPage.objects.count()) == counts


def test_production_refuses_demo_reports(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="DEMO_DATA_ALLOWED"):
        call_command("load_demo_reports")
    assert not AgencyReport.objects.exists() and not YearClose.objects.exists()
