"""Each progress rule and its edges, as plain functions."""

from datetime import date
from decimal import Decimal as D

import pytest

from plan.progress import rules
from plan.progress.periods import parse_period
from plan.progress.rules import Figure, indicator_progress, meets_target, next_figure_due, rollup, task_status
from plan.vocabulary import IndicatorStatus, TaskStatus


@pytest.mark.parametrize(
    "comparator, target, target_max, value, expected",
    [
        ("at_least", D(80), None, D(80), True),
        ("at_least", D(80), None, D("79.99"), False),
        ("at_most", D(15), None, D(15), True),
        ("at_most", D(15), None, D("15.1"), False),
        ("between", D(95), D(100), D(95), True),
        ("between", D(95), D(100), D(100), True),
        ("between", D(95), D(100), D("94.9"), False),
        ("between", D(95), D(100), D("100.1"), False),
        ("done", None, None, D(1), True),
        ("done", None, None, D(0), False),
        ("at_least", D(80), None, None, None),
    ],
)
def test_meets_target(comparator, target, target_max, value, expected):
    assert meets_target(comparator, target, target_max, value) is expected


def status(comparator, target, target_max, figures, today, frequency="quarterly"):
    return indicator_progress(
        comparator, target, target_max, frequency, [Figure(p, D(v)) for p, v in figures], 2024, today
    )


def test_no_figure_is_no_data_never_zero():
    result = status("at_least", D(80), None, [], date(2024, 2, 1))
    assert result.status == IndicatorStatus.NO_DATA and result.latest is None


def test_range_target_mid_year_below_is_at_risk_and_within_is_met():
    assert status("between", D(95), D(100), [("2024-Q1", "94")], date(2024, 4, 20)).status == IndicatorStatus.AT_RISK
    assert (
        status("between", D(95), D(100), [("2024-Q1", "94"), ("2024-Q2", "96")], date(2024, 7, 20)).status
        == IndicatorStatus.MET
    )


def test_at_most_target_waiting_time():
    assert status("at_most", D(15), None, [("2024-Q1", "14")], date(2024, 4, 20)).status == IndicatorStatus.MET
    assert (
        status("at_most", D(15), None, [("2024", "17")], date(2025, 1, 20), "yearly").status == IndicatorStatus.NOT_MET
    )


def test_a_full_year_figure_below_target_is_not_met_even_during_the_year():
    assert (
        status("at_least", D(80), None, [("2024", "70")], date(2024, 12, 30), "yearly").status
        == IndicatorStatus.NOT_MET
    )


def test_after_the_plan_year_an_interim_miss_is_not_met():
    assert status("at_least", D(80), None, [("2024-Q3", "70")], date(2025, 3, 1)).status == IndicatorStatus.NOT_MET


def test_latest_period_is_the_one_that_ends_last():
    figures = [("2024-Q2", "90"), ("2024-03", "10")]
    assert status("at_least", D(80), None, figures, date(2024, 7, 1)).latest.period == "2024-Q2"


@pytest.mark.parametrize(
    "frequency, figures, today, late",
    [
        ("monthly", [("2024-01", "90")], date(2024, 3, 30), False),  # February's figure is due 30/03
        ("monthly", [("2024-01", "90")], date(2024, 3, 31), True),
        ("quarterly", [], date(2024, 4, 30), False),  # Q1's figure is due 30/04
        ("quarterly", [], date(2024, 5, 1), True),
        ("yearly", [("2024", "90")], date(2026, 1, 1), False),  # the year is complete
        ("half_yearly", [("2024-H1", "90")], date(2025, 1, 31), True),
    ],
)
def test_late_when_the_next_figure_is_overdue(frequency, figures, today, late):
    assert status("at_least", D(80), None, figures, today, frequency).late is late


def test_next_figure_due_never_goes_past_the_plan_year():
    assert next_figure_due("yearly", parse_period("2024-H1"), 2024) == date(2025, 1, 30)
    assert next_figure_due("monthly", parse_period("2024-12"), 2024) is None


@pytest.mark.parametrize(
    "due, reported, percent, today, expected",
    [
        (None, None, None, date(2024, 6, 1), IndicatorStatus.NO_DATA),
        (date(2024, 3, 31), None, None, date(2024, 4, 1), TaskStatus.OVERDUE),
        (date(2024, 3, 31), "in_progress", 50, date(2024, 3, 31), TaskStatus.IN_PROGRESS),
        (date(2024, 3, 31), "in_progress", 50, date(2024, 4, 1), TaskStatus.OVERDUE),
        (date(2024, 3, 31), "done", 100, date(2025, 1, 1), TaskStatus.DONE),
        (None, "in_progress", 100, date(2024, 6, 1), TaskStatus.DONE),
        (None, "not_started", 0, date(2024, 6, 1), TaskStatus.NOT_STARTED),
        (None, "not_started", 10, date(2024, 6, 1), TaskStatus.IN_PROGRESS),
    ],
)
def test_task_status(due, reported, percent, today, expected):
    assert task_status(due, reported, percent, today) == expected


def test_rollup_counts_missing_data_apart():
    result = rollup([IndicatorStatus.MET, IndicatorStatus.NOT_MET, IndicatorStatus.NO_DATA, IndicatorStatus.NO_DATA])
    assert result.counts == {
        IndicatorStatus.MET: 1,
        IndicatorStatus.AT_RISK: 0,
        IndicatorStatus.NOT_MET: 1,
        IndicatorStatus.NO_DATA: 2,
    }
    assert result.total == 4 and result.with_data == 2
    assert result.share_met == D("50.0")


def test_rollup_without_any_data_has_no_share():
    assert rollup([IndicatorStatus.NO_DATA, IndicatorStatus.NO_DATA]).share_met is None
    assert rollup([]).share_met is None


def test_every_status_has_words_and_an_icon():
    for code in rules.INDICATOR_STATUSES + rules.TASK_STATUSES:
        assert rules.STATUS_LABELS[code] and rules.STATUS_ICONS[code] and rules.STATUS_EXPLANATIONS[code]
