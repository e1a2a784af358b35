"""The state stored on indicators and tasks (plan/progress/state.py) on cases built for
the purpose (tests/builders.py): which figures an indicator is judged on, which plan
year applies, which report a task rests on, and when the state is stored again."""

import io
from datetime import date
from decimal import Decimal

import pytest

from plan.models import Indicator, Task
from plan.progress import state
from plan.vocabulary import AdministrativeLevel, IndicatorStatus, ReportedTaskStatus, ReportingFrequency, TaskStatus
from tests import builders

pytestmark = pytest.mark.django_db


def stored(indicator, today):
    state.refresh_indicators([indicator.pk], today)
    return Indicator.objects.select_related("latest_result").get(pk=indicator.pk)


def stored_task(task, today):
    state.refresh_tasks([task.pk], today)
    return Task.objects.select_related("latest_report").get(pk=task.pk)


def test_an_indicator_per_level_is_judged_on_its_own_level_only():
    indicator = builders.IndicatorFactory(level=AdministrativeLevel.DISTRICT, target_value=Decimal(75))
    builders.ResultFactory(indicator=indicator, scope=AdministrativeLevel.DISTRICT, value=Decimal(70))
    builders.ResultFactory(indicator=indicator, scope="", value=Decimal(99))  # a province-wide figure
    progress = stored(indicator, date(2025, 2, 1))
    assert progress.status == IndicatorStatus.NOT_MET
    assert progress.latest_result.value == Decimal(70)


def test_a_later_figure_of_another_level_does_not_hide_the_latest_of_its_own():
    """The refresh reads only each indicator's own level's figures ending last: the
    other level's are left out before the last end is found, not after."""
    indicator = builders.IndicatorFactory(level=AdministrativeLevel.DISTRICT, frequency=ReportingFrequency.QUARTERLY)
    builders.ResultFactory(indicator=indicator, scope=AdministrativeLevel.DISTRICT, period="2024-Q2", value=Decimal(70))
    builders.ResultFactory(indicator=indicator, scope="", period="2024-Q4", value=Decimal(99))
    progress = stored(indicator, date(2025, 2, 1))
    assert progress.latest_result is not None and progress.latest_result.period == "2024-Q2"


def test_an_indicator_is_judged_by_the_year_of_its_own_plan():
    plan = builders.plan_page(year=2025)
    indicator = builders.IndicatorFactory(area=builders.area_page(plan), frequency=ReportingFrequency.QUARTERLY)
    builders.ResultFactory(indicator=indicator, period="2025-Q1", value=Decimal(60))
    # mid-2025 the 2025 plan still has time: at risk, not "not met" as a 2024 plan would be
    assert stored(indicator, date(2025, 5, 1)).status == IndicatorStatus.AT_RISK


def test_an_indicator_without_figures_has_no_data_never_zero():
    indicator = builders.IndicatorFactory()
    progress = stored(indicator, date(2024, 6, 1))
    assert progress.status == IndicatorStatus.NO_DATA and progress.latest_result is None


def test_a_task_takes_the_status_of_its_latest_report():
    area = builders.area_page()
    task = builders.task(area, due_date=date(2024, 12, 31))
    builders.TaskProgressFactory(task=task, status=ReportedTaskStatus.IN_PROGRESS, reported_on=date(2024, 3, 1))
    builders.TaskProgressFactory(task=task, status=ReportedTaskStatus.DONE, reported_on=date(2024, 9, 1))
    task = stored_task(task, date(2025, 1, 10))
    assert task.status == TaskStatus.DONE and task.latest_report.reported_on == date(2024, 9, 1)


def test_a_task_past_its_deadline_without_a_done_report_is_overdue():
    task = builders.task(builders.area_page(), due_date=date(2024, 3, 31))
    builders.TaskProgressFactory(task=task, status=ReportedTaskStatus.IN_PROGRESS, reported_on=date(2024, 3, 1))
    assert stored_task(task, date(2024, 4, 1)).status == TaskStatus.OVERDUE


def test_the_latest_period_counts_and_a_shorter_one_wins_a_tie():
    indicator = builders.IndicatorFactory(frequency=ReportingFrequency.QUARTERLY)
    for quarter, value in ((1, 70), (2, 75), (3, 79), (4, 82)):
        builders.ResultFactory(indicator=indicator, period=f"2024-Q{quarter}", value=Decimal(value))
    builders.ResultFactory(indicator=indicator, period="2024", value=Decimal(81))  # same end as Q4
    progress = stored(indicator, date(2025, 2, 1))
    assert progress.latest_result.period == "2024-Q4" and progress.status == IndicatorStatus.MET


def test_a_figure_entered_deleted_or_corrected_stores_the_state_at_once():
    """The admin writes one Result at a time: its signals store the state again."""
    indicator = builders.IndicatorFactory(target_value=Decimal(80))
    result = builders.ResultFactory(indicator=indicator, period="2024", value=Decimal(70))
    indicator.refresh_from_db()
    assert (indicator.status, indicator.latest_result_id) == (IndicatorStatus.NOT_MET, result.pk)
    result.value = Decimal(90)
    result.save()
    indicator.refresh_from_db()
    assert indicator.status == IndicatorStatus.MET
    result.delete()
    indicator.refresh_from_db()
    assert (indicator.status, indicator.latest_result_id) == (IndicatorStatus.NO_DATA, None)


def test_a_new_report_stores_the_task_state_and_the_date_moves_it_on():
    task = builders.task(builders.area_page(), due_date=date(2099, 3, 31))
    builders.TaskProgressFactory(task=task, status=ReportedTaskStatus.IN_PROGRESS, reported_on=date(2024, 3, 1))
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS
    assert stored_task(task, date(2099, 4, 1)).status == TaskStatus.OVERDUE  # what the daily command does


def test_the_daily_command_changes_only_what_the_date_changed():
    from django.core.management import call_command

    task = builders.task(builders.area_page(), due_date=date(2024, 3, 31))
    builders.TaskProgressFactory(task=task, status=ReportedTaskStatus.IN_PROGRESS, reported_on=date(2024, 3, 1))
    Task.objects.filter(pk=task.pk).update(status=TaskStatus.IN_PROGRESS)  # as stored before the deadline passed
    out = io.StringIO()
    call_command("refresh_progress", stdout=out)
    task.refresh_from_db()
    assert task.status == TaskStatus.OVERDUE
    assert "1 nhiệm vụ" in out.getvalue()
    out = io.StringIO()
    call_command("refresh_progress", stdout=out)
    assert "0 chỉ tiêu và 0 nhiệm vụ" in out.getvalue()


def test_migrate_stores_the_state_of_an_upgraded_site():
    """A site whose tasks were stored before their state existed shows it after migrate."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    task = builders.task(builders.area_page(), due_date=date(2024, 3, 31))
    builders.TaskProgressFactory(task=task, status=ReportedTaskStatus.DONE, reported_on=date(2024, 3, 1))
    Task.objects.filter(pk=task.pk).update(status=TaskStatus.NO_DATA, latest_report=None)  # as a new column holds it
    config = apps.get_app_config("plan")
    post_migrate.send(sender=config, app_config=config, verbosity=0, interactive=False, using="default", apps=apps)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.latest_report is not None
