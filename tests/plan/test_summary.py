"""The figures the home page and the dashboard lead with (plan.public.summary): they are
the progress rules' counts, say what the plan's year means, and count illustrative
figures wherever they enter."""

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from django.test import RequestFactory

from plan.progress import rules, state
from plan.public import dashboard_figures, summary
from plan.vocabulary import IndicatorStatus, ReportedTaskStatus, TaskStatus
from tests import builders

DURING = date(2024, 9, 1)  # the plan's year is running
AFTER = date(2025, 2, 1)  # it has ended


@pytest.fixture
def case(db):
    """A plan of two areas: in the first, one indicator of each status (as of DURING)
    and one task of each; the second holds one met indicator only."""
    plan = builders.plan_page(year=2024)
    first = builders.area_page(plan, number=1)
    second = builders.area_page(plan, number=2)
    make = builders.IndicatorFactory
    met = make(area=first)
    builders.ResultFactory(indicator=met, period="2024", value=Decimal(90), is_demo=True)
    not_met = make(area=first)
    builders.ResultFactory(indicator=not_met, period="2024", value=Decimal(50))
    at_risk = make(area=first)
    builders.ResultFactory(indicator=at_risk, period="2024-06", value=Decimal(50))
    make(area=first)  # no data
    builders.ResultFactory(indicator=make(area=second), period="2024", value=Decimal(99))
    done = builders.task(first)
    builders.TaskProgressFactory(task=done, status=ReportedTaskStatus.DONE, is_demo=True)
    in_progress = builders.task(first)
    builders.TaskProgressFactory(task=in_progress, status=ReportedTaskStatus.IN_PROGRESS)
    builders.task(first, due_date=date(2024, 6, 30))  # overdue: no report, deadline passed
    builders.task(first)  # no report yet
    return plan


def home_figures(plan, today):
    """What the home page shows: the dashboard's figures' summary, area roll-ups and
    whether every figure is illustrative."""
    state.refresh_all(today)  # the stored statuses as of `today`, as the daily command stores them
    figures = dashboard_figures.count(plan, RequestFactory().get("/"), today)
    return figures.summary, figures.area_rollups, figures.only_demo


def bar_counts(bar):
    return {segment.status.code: segment.count for segment in bar.segments}


def rule_counts(plan, today):
    """The statuses the rules give, one indicator at a time, without the read model."""
    from plan.models import Indicator, Task

    indicators = Counter(
        rules.indicator_progress(
            i.comparator, i.target_value, i.target_value_max, i.frequency, list(i.results.all()), 2024, today
        ).status
        for i in Indicator.objects.filter(area__path__startswith=plan.path)
    )
    tasks = Counter()
    for task in Task.objects.filter(area__path__startswith=plan.path):
        report = task.progress_reports.first()  # newest first (the model's ordering)
        tasks[
            rules.task_status(task.due_date, report.status if report else None, getattr(report, "percent", None), today)
        ] += 1
    return indicators, tasks


def test_the_whole_plans_bars_are_the_rules_counts(case):
    plan_summary, areas, only_demo = home_figures(case, today=DURING)
    indicators, tasks = rule_counts(case, DURING)
    assert bar_counts(plan_summary.whole.indicators) == dict(indicators)
    assert bar_counts(plan_summary.whole.indicators) == {
        IndicatorStatus.MET: 2,
        IndicatorStatus.AT_RISK: 1,
        IndicatorStatus.NOT_MET: 1,
        IndicatorStatus.NO_DATA: 1,
    }
    assert bar_counts(plan_summary.whole.tasks) == {
        TaskStatus.DONE: 1,
        TaskStatus.IN_PROGRESS: 1,
        TaskStatus.OVERDUE: 1,
        TaskStatus.NO_DATA: 1,
    }
    assert plan_summary.whole.indicators.total == 5 and plan_summary.whole.tasks.total == 4
    assert not only_demo


def test_each_area_has_its_own_bars_in_order(case):
    plan_summary, areas, _ = home_figures(case, today=DURING)
    assert [group.title.split(".")[0] for group in plan_summary.areas] == ["1", "2"]
    first, second = plan_summary.areas
    assert first.indicators.total == 4 and first.tasks.total == 4
    assert bar_counts(second.indicators) == {IndicatorStatus.MET: 1}
    assert second.tasks.total == 0 and second.tasks.segments == []
    assert [view.title for view in areas] == [group.title for group in plan_summary.areas]


def test_sentences_say_the_headline_figures_in_words(case):
    plan_summary, _, _ = home_figures(case, today=DURING)
    # 2 met of the 4 with a figure (50%); 1 of 5 has none.
    assert plan_summary.indicator_sentence == (
        "2 trên 4 chỉ tiêu đã có số liệu đạt mục tiêu (50,0%); 1 không đạt, 1 có nguy cơ không đạt. "
        "1 trên 5 chỉ tiêu chưa có số liệu."
    )
    assert plan_summary.task_sentence == (
        "1 trên 4 nhiệm vụ đã hoàn thành (25,0%); 1 đang thực hiện, 1 quá hạn, 1 chưa có báo cáo tiến độ."
    )


def test_after_the_year_shortfalls_are_final_and_nothing_is_at_risk(case):
    running, _, _ = home_figures(case, today=DURING)
    ended, _, _ = home_figures(case, today=AFTER)
    assert not running.year_ended and "kết thúc ngày 31/12/2024" in running.year_note
    assert ended.year_ended and "đã kết thúc" in ended.year_note and "kết quả đã chốt" in ended.year_note
    counts = bar_counts(ended.whole.indicators)
    assert IndicatorStatus.AT_RISK not in counts and counts[IndicatorStatus.NOT_MET] == 2
    assert bar_counts(ended.whole.indicators) == dict(rule_counts(case, AFTER)[0])


def test_illustrative_figures_are_counted_in_every_bar_they_enter(case):
    plan_summary, _, _ = home_figures(case, today=DURING)
    assert plan_summary.whole.indicators.demo == 1 and plan_summary.whole.tasks.demo == 1
    assert plan_summary.has_demo
    first, second = plan_summary.areas
    assert first.indicators.demo == 1 and second.indicators.demo == 0
    assert "1 trên 4 trạng thái tính từ dữ liệu minh họa" in first.indicators.description
    assert "minh họa" not in second.indicators.description


def test_only_illustrative_figures_are_flagged_as_such(db):
    area = builders.area_page(builders.plan_page(year=2024))
    builders.ResultFactory(indicator=builders.IndicatorFactory(area=area), is_demo=True)
    _, _, only_demo = home_figures(area.get_parent().specific, today=DURING)
    assert only_demo


def test_an_empty_plan_says_so_and_divides_by_nothing(db):
    plan = builders.plan_page(year=2024)
    plan_summary, areas, only_demo = home_figures(plan, today=DURING)
    assert plan_summary.indicator_sentence == "Kế hoạch chưa có chỉ tiêu nào được công bố."
    assert plan_summary.whole.indicators.description == "Không có chỉ tiêu."
    assert areas == [] and not only_demo


def test_percent_text_uses_a_decimal_comma():
    assert summary.percent_text(17, 31) == "54,8"
    assert summary.percent_text(1, 0) is None


@pytest.mark.django_db
def test_an_ended_year_does_not_leave_unfinished_tasks_looking_on_course(client):
    from bs4 import BeautifulSoup

    from plan.models import PlanPage, Task, TaskProgress
    from plan.vocabulary import ReportedTaskStatus

    plan = PlanPage.objects.get()
    task = Task.objects.filter(due_date__isnull=True).first()
    TaskProgress.objects.create(task=task, status=ReportedTaskStatus.IN_PROGRESS, reported_on=date(plan.year, 11, 30))
    note = BeautifulSoup(client.get(task.get_url()).content, "html.parser").select_one(".year-ended-note")
    if date.today().year > plan.year:
        assert note is not None and f"Năm Kế hoạch {plan.year} đã kết thúc" in note.get_text()
    else:
        assert note is None
    ended = summary.year_note(plan.year, date(plan.year + 1, 1, 2))
    assert "“Đang thực hiện”" in ended and "chưa có báo cáo nào" in ended
