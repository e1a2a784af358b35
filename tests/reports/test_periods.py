"""The official reporting periods (581/BNV-CCHC) as data: their windows and deadlines at
the edges, what a figure is due by, and an administrator's change that moves it."""

from datetime import date

import pytest

from plan.models import Indicator
from plan.progress.periods import parse_period
from plan.progress.rules import is_late, next_figure_due
from plan.vocabulary import ReportingFrequency
from reports import calendar
from reports.calendar import PeriodKind, first_report_after, is_overdue, official_periods, report_state
from reports.models import ReportingPeriod
from reports.periods import ensure_year, periods_for
from tests.builders import IndicatorFactory, reviewer


def by_kind(year):
    return {spec.kind: spec for spec in official_periods(year)}


def test_the_official_table_as_the_letter_words_it():
    periods = by_kind(2024)
    assert (periods[PeriodKind.Q1].data_from, periods[PeriodKind.Q1].data_to) == (date(2023, 12, 15), date(2024, 3, 14))
    assert (periods[PeriodKind.H1].data_from, periods[PeriodKind.H1].data_to) == (date(2023, 12, 15), date(2024, 6, 14))
    assert (periods[PeriodKind.Q3].data_from, periods[PeriodKind.Q3].data_to) == (date(2024, 6, 15), date(2024, 9, 14))
    assert (periods[PeriodKind.YEAR].data_from, periods[PeriodKind.YEAR].data_to) == (
        date(2023, 12, 15),
        date(2024, 12, 14),
    )
    # "chậm nhất là ngày 20 của tháng cuối kỳ báo cáo"
    assert [p.deadline for p in official_periods(2024)] == [date(2024, m, 20) for m in (3, 6, 9, 12)]
    assert periods[PeriodKind.Q1].name == "Quý I/2024"
    assert periods[PeriodKind.H1].name == "6 tháng đầu năm 2024"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 3, 14), "Quý I/2024"),
        (date(2024, 3, 15), "6 tháng đầu năm 2024"),
        (date(2024, 6, 14), "6 tháng đầu năm 2024"),
        (date(2024, 6, 15), "Quý III/2024"),
        (date(2024, 12, 14), "Năm 2024"),
        (date(2024, 12, 15), "Quý I/2025"),
        (date(2024, 12, 31), "Quý I/2025"),
    ],
)
def test_the_report_that_carries_data_of_a_day(day, expected):
    assert first_report_after(day, official_periods(2024) + official_periods(2025)).name == expected


def test_no_report_when_the_table_does_not_reach_the_day():
    assert first_report_after(date(2024, 12, 31), official_periods(2024)) is None


@pytest.mark.parametrize(
    ("sent_on", "today", "overdue", "state"),
    [
        (None, date(2024, 12, 20), False, "not_due"),
        (None, date(2024, 12, 21), True, "missing"),
        (date(2024, 12, 20), date(2025, 1, 5), False, "sent"),
        (date(2024, 12, 21), date(2025, 1, 5), True, "sent_late"),
    ],
)
def test_a_report_is_late_after_the_20th_not_on_it(sent_on, today, overdue, state):
    deadline = by_kind(2024)[PeriodKind.YEAR].deadline
    assert is_overdue(deadline, sent_on, today) is overdue
    assert report_state(deadline, sent_on, today) == state
    assert calendar.REPORT_STATE_LABELS[state]


def test_a_figure_is_due_with_the_first_report_whose_cut_off_reaches_its_period():
    reports = official_periods(2024) + official_periods(2025)
    # February ends 29/2, before the Q1 cut-off of 14/3: due 20/3.
    assert next_figure_due(ReportingFrequency.MONTHLY, parse_period("2024-01"), 2024, reports) == date(2024, 3, 20)
    # March ends 31/3, after 14/3: it goes in the six-month report, due 20/6.
    assert next_figure_due(ReportingFrequency.MONTHLY, parse_period("2024-02"), 2024, reports) == date(2024, 6, 20)
    # The year's figure ends 31/12, after the year report's cut-off: next year's Q1.
    assert next_figure_due(ReportingFrequency.YEARLY, None, 2024, reports) == date(2025, 3, 20)
    due = next_figure_due(ReportingFrequency.MONTHLY, parse_period("2024-01"), 2024, reports)
    assert not is_late(due, date(2024, 3, 20))
    assert is_late(due, date(2024, 3, 21))


@pytest.mark.django_db
def test_stored_periods_are_filled_once_and_an_administrators_change_is_kept():
    ReportingPeriod.objects.filter(year=2031).delete()
    assert ensure_year(2031) == 4
    ReportingPeriod.objects.filter(year=2031, kind=PeriodKind.Q1).update(deadline=date(2031, 3, 25))
    assert ensure_year(2031) == 0
    assert ReportingPeriod.objects.get(year=2031, kind=PeriodKind.Q1).deadline == date(2031, 3, 25)
    assert [p.deadline for p in periods_for([2031])][0] == date(2031, 3, 25)
    assert periods_for([2032]) == official_periods(2032)  # none stored: the official table


@pytest.mark.django_db
def test_the_plan_years_periods_are_stored_after_migrate():
    assert ReportingPeriod.objects.filter(year=2024).count() == 4
    assert ReportingPeriod.objects.filter(year=2025).count() == 4


@pytest.mark.django_db
def test_a_changed_deadline_moves_what_is_due_and_late():
    indicator = IndicatorFactory(frequency=ReportingFrequency.YEARLY)
    indicator.refresh_from_db()
    assert indicator.next_due == date(2025, 3, 20)
    period = ReportingPeriod.objects.get(year=2025, kind=PeriodKind.Q1)
    period.deadline = date(2025, 3, 31)
    period.save()
    assert Indicator.objects.get(pk=indicator.pk).next_due == date(2025, 3, 31)


@pytest.mark.django_db
def test_only_administrators_change_the_periods(client, admin_client):
    url = "/admin/snippets/reports/reportingperiod/"
    assert admin_client.get(url).status_code == 200
    period = ReportingPeriod.objects.get(year=2024, kind=PeriodKind.Q1)
    page = admin_client.get(f"{url}edit/{period.pk}/")
    assert "Hạn gửi báo cáo" in page.content.decode() or "hạn gửi báo cáo" in page.content.decode()
    bad = admin_client.post(
        f"{url}edit/{period.pk}/",
        {"year": 2024, "kind": "q1", "data_from": "2023-12-15", "data_to": "2024-03-14", "deadline": "2024-03-01"},
    )
    assert "Hạn gửi báo cáo không thể trước ngày chốt số liệu." in bad.content.decode()
    assert ReportingPeriod.objects.get(pk=period.pk).deadline == date(2024, 3, 20)
    client.force_login(reviewer())
    assert client.get(url).status_code in (302, 403)


@pytest.mark.django_db
def test_the_progress_method_page_shows_the_periods_and_their_source(client):
    page = client.get("/cach-tinh-tien-do/").content.decode()
    assert calendar.SOURCE_URL in page
    for spec in official_periods(2024):
        assert spec.name in page
        assert spec.deadline.strftime("%d/%m/%Y") in page
