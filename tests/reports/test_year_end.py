"""The year-end close: each task's reviewed verdict from its agency's year report, on
every page that shows tasks; a task without one says so; nothing is under way once the
year is closed."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from plan.models import Agency, AreaPage, PlanPage, Task
from plan.progress.rules import YEAR_END_STATUSES, task_status
from plan.vocabulary import TaskStatus, TaskVerdict
from reports.calendar import PeriodKind
from reports.closing import close_year, may_close
from reports.models import ReportingPeriod, TaskLine
from reports.starting import start_report

pytestmark = pytest.mark.django_db


def year_period():
    return ReportingPeriod.objects.get(year=2024, kind=PeriodKind.YEAR)


def test_a_closed_year_shows_the_verdict_or_its_absence_never_work_under_way():
    for reported in (None, "not_started", "in_progress", "done"):
        assert task_status(date(2024, 6, 30), reported, None, date(2025, 1, 5), closed=True) == TaskStatus.NO_VERDICT
        for verdict in TaskVerdict:
            assert task_status(None, reported, 40, date(2025, 1, 5), closed=True, verdict=verdict) == verdict
    assert task_status(None, "in_progress", None, date(2025, 1, 5)) == TaskStatus.IN_PROGRESS  # not closed


def line_of(report):
    return report.task_lines.select_related("report__period", "task").first()


def test_a_year_report_needs_a_verdict_per_task_and_a_reason_short_of_done():
    office = Agency.objects.get(code="van-phong-ubnd-tinh")
    line = line_of(start_report(office, year_period()))
    with pytest.raises(ValidationError, match="cần đánh giá cuối năm"):
        line.clean()
    line.verdict = TaskVerdict.CARRIED_OVER
    with pytest.raises(ValidationError, match="Cần nêu lý do"):
        line.clean()
    line.verdict_reason = "Chờ hướng dẫn của Bộ."
    line.clean()
    quarter = line_of(start_report(office, ReportingPeriod.objects.get(year=2024, kind=PeriodKind.Q3)))
    quarter.verdict = TaskVerdict.DONE
    with pytest.raises(ValidationError, match="chỉ ghi trong báo cáo năm"):
        quarter.clean()


def test_the_year_closes_only_after_the_year_reports_deadline():
    assert "20/12/2024" in may_close(2024, date(2024, 12, 20))
    assert may_close(2024, date(2024, 12, 21)) is None
    close_year(2024, date(2025, 1, 10))
    assert "đã được khép lại" in may_close(2024, date(2025, 1, 11))


def published_year_report(agency, verdicts):
    """The agency's year report with `verdicts` ({task code: verdict}), published."""
    report = start_report(agency, year_period())
    for line in report.task_lines.select_related("task"):
        verdict = verdicts.get(line.task.code)
        if verdict:
            TaskLine.objects.filter(pk=line.pk).update(verdict=verdict, verdict_reason="Lý do thử nghiệm.")
    report.refresh_from_db()
    report.save_revision().publish()
    return report


def test_after_the_close_every_page_shows_verdicts_and_nothing_under_way(client):
    office = Agency.objects.get(code="van-phong-ubnd-tinh")
    codes = list(Task.objects.filter(lead_agency=office).order_by("code").values_list("code", flat=True))
    verdicts = {codes[0]: TaskVerdict.PARTLY_DONE, codes[1]: TaskVerdict.CARRIED_OVER}
    published_year_report(office, verdicts)
    close_year(2024, date(2025, 1, 10))
    statuses = dict(Task.objects.values_list("code", "status"))
    assert statuses[codes[0]] == TaskStatus.PARTLY_DONE and statuses[codes[1]] == TaskStatus.CARRIED_OVER
    assert set(statuses.values()) <= set(YEAR_END_STATUSES)
    assert sum(status == TaskStatus.NO_VERDICT for status in statuses.values()) == len(statuses) - 2

    plan = PlanPage.objects.get(year=2024)
    task = Task.objects.get(code=codes[1])
    area = AreaPage.objects.get(pk=task.area_id)
    pages = {
        "plan": plan.url,
        "area": area.url,
        "task": task.get_url(),
        "dashboard": plan.url + "tien-do/",
    }
    for name, url in pages.items():
        html = client.get(url).content.decode()
        assert "Năm kế hoạch 2024 đã khép lại ngày 10/01/2025" in html, name
        assert "status-in_progress" not in html and "status-not_started" not in html, name
    task_page = client.get(pages["task"]).content.decode()
    assert "Chuyển sang năm sau" in task_page and "Lý do: Lý do thử nghiệm." in task_page
    dashboard = client.get(pages["dashboard"]).content.decode()
    assert "Chưa có đánh giá cuối năm" in dashboard and "Hoàn thành một phần" in dashboard
    area_page = client.get(pages["area"]).content.decode()
    assert "Chưa có đánh giá cuối năm" in area_page


def test_before_the_close_no_page_speaks_of_verdicts(client):
    plan = PlanPage.objects.get(year=2024)
    html = client.get(plan.url + "tien-do/").content.decode()
    assert "đã khép lại" not in html and "Chưa có đánh giá cuối năm" not in html
