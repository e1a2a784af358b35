"""The progress read model on cases built for the purpose (tests/builders.py): which
figures an indicator is judged on, and which plan year applies."""

from datetime import date
from decimal import Decimal

import pytest

from plan.progress.read_model import indicator_progress_map, task_progress_map
from plan.vocabulary import AdministrativeLevel, IndicatorStatus, ReportedTaskStatus, ReportingFrequency, TaskStatus
from tests import builders

pytestmark = pytest.mark.django_db


def test_an_indicator_per_level_is_judged_on_its_own_level_only():
    indicator = builders.IndicatorFactory(level=AdministrativeLevel.DISTRICT, target_value=Decimal(75))
    builders.ResultFactory(indicator=indicator, scope=AdministrativeLevel.DISTRICT, value=Decimal(70))
    builders.ResultFactory(indicator=indicator, scope="", value=Decimal(99))  # a province-wide figure
    progress = indicator_progress_map([indicator], today=date(2025, 2, 1))[indicator.pk]
    assert progress.status == IndicatorStatus.NOT_MET
    assert progress.latest.value == Decimal(70)


def test_an_indicator_is_judged_by_the_year_of_its_own_plan():
    plan = builders.plan_page(year=2025)
    indicator = builders.IndicatorFactory(area=builders.area_page(plan), frequency=ReportingFrequency.QUARTERLY)
    builders.ResultFactory(indicator=indicator, period="2025-Q1", value=Decimal(60))
    # mid-2025 the 2025 plan still has time: at risk, not "not met" as a 2024 plan would be
    progress = indicator_progress_map([indicator], today=date(2025, 5, 1))[indicator.pk]
    assert progress.status == IndicatorStatus.AT_RISK


def test_an_indicator_without_figures_has_no_data_never_zero():
    indicator = builders.IndicatorFactory()
    progress = indicator_progress_map([indicator], today=date(2024, 6, 1))[indicator.pk]
    assert progress.status == IndicatorStatus.NO_DATA and progress.latest is None


def test_a_task_takes_the_status_of_its_latest_report():
    area = builders.area_page()
    task = builders.task(area, due_date=date(2024, 12, 31))
    builders.TaskProgressFactory(task=task, status=ReportedTaskStatus.IN_PROGRESS, reported_on=date(2024, 3, 1))
    builders.TaskProgressFactory(task=task, status=ReportedTaskStatus.DONE, reported_on=date(2024, 9, 1))
    status, report = task_progress_map([task], today=date(2025, 1, 10))[task.pk]
    assert status == TaskStatus.DONE and report.reported_on == date(2024, 9, 1)


def test_a_task_past_its_deadline_without_a_done_report_is_overdue():
    task = builders.task(builders.area_page(), due_date=date(2024, 3, 31))
    builders.TaskProgressFactory(task=task, status=ReportedTaskStatus.IN_PROGRESS, reported_on=date(2024, 3, 1))
    status, _report = task_progress_map([task], today=date(2024, 4, 1))[task.pk]
    assert status == TaskStatus.OVERDUE


def test_only_the_latest_figures_are_read():
    from plan.progress.read_model import results_by_indicator

    indicator = builders.IndicatorFactory(frequency=ReportingFrequency.QUARTERLY)
    for quarter, value in ((1, 70), (2, 75), (3, 79), (4, 82)):
        builders.ResultFactory(indicator=indicator, period=f"2024-Q{quarter}", value=Decimal(value))
    builders.ResultFactory(indicator=indicator, period="2024", value=Decimal(81))  # same end as Q4
    latest = results_by_indicator([indicator.pk])[indicator.pk]
    assert sorted(r.period for r in latest) == ["2024", "2024-Q4"]
    progress = indicator_progress_map([indicator], today=date(2025, 2, 1))[indicator.pk]
    assert progress.latest.period == "2024-Q4" and progress.status == IndicatorStatus.MET


def test_tasks_are_counted_by_their_latest_report_once_each():
    """task_groups (the dashboard's counts): one window over the tasks and their reports
    picks each task's latest report (by date, then by entry time); a task without a
    report is counted too, without a status."""
    from plan.models import Task
    from plan.progress.read_model import task_groups
    from plan.progress.rows import counted_task_rows, task_rollup

    area = builders.area_page()
    late = builders.task(area, due_date=date(2024, 3, 31))
    builders.TaskProgressFactory(task=late, status=ReportedTaskStatus.DONE, reported_on=date(2024, 2, 1))
    builders.TaskProgressFactory(task=late, status=ReportedTaskStatus.IN_PROGRESS, reported_on=date(2024, 3, 1))
    done = builders.task(area)
    builders.TaskProgressFactory(task=done, status=ReportedTaskStatus.IN_PROGRESS, reported_on=date(2024, 5, 1))
    builders.TaskProgressFactory(
        task=done, status=ReportedTaskStatus.DONE, reported_on=date(2024, 5, 1)
    )  # same day, later
    for _ in range(2):
        builders.task(area)  # no report
    groups = task_groups(Task.objects.filter(area=area))
    assert sum(group.count for group in groups) == 4
    assert sorted((g.status or "", g.count) for g in groups) == [("", 2), ("done", 1), ("in_progress", 1)]
    rollup = task_rollup(counted_task_rows(groups, today=date(2024, 6, 1)))
    assert rollup.total == 4
    counts = rollup.counts
    assert (counts[TaskStatus.DONE], counts[TaskStatus.OVERDUE], counts[TaskStatus.NO_DATA]) == (1, 1, 2)
