"""Illustrative periodic reports for a plan year, so that the reporting cycle can be seen
on a fresh site: each agency's report of each period (a few sent late, a few never),
verdicts in the year reports, the year closed, and the province's report pages. Every
one is flagged is_demo and labelled “Dữ liệu minh họa” wherever it appears; nothing an
editor entered is touched (an existing report or page is left as it is)."""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from plan.models import PlanPage
from plan.vocabulary import ReportedTaskStatus, TaskVerdict
from reports.calendar import PeriodKind
from reports.closing import close_year, may_close
from reports.freezing import freeze
from reports.models import AgencyReport, PeriodReportPage, ReportingPeriod, TaskLine
from reports.overview import expected_agencies
from reports.starting import start_report

DONE_TEXT = "Nội dung minh họa: cơ quan đã triển khai các phần việc của nhiệm vụ trong kỳ."
DIFFICULTY = "Nội dung minh họa: một số phần việc cần thêm thời gian phối hợp giữa các cơ quan."
PROPOSAL = "Nội dung minh họa: đề nghị Sở Nội vụ hướng dẫn thêm về biểu mẫu báo cáo."
REASONS = {
    TaskVerdict.PARTLY_DONE: "Lý do minh họa: một phần sản phẩm chưa được ban hành trong năm.",
    TaskVerdict.NOT_DONE: "Lý do minh họa: chưa bố trí được kinh phí trong năm.",
    TaskVerdict.CARRIED_OVER: "Lý do minh họa: chờ văn bản hướng dẫn của cấp trên, chuyển sang kế hoạch năm sau.",
}
PROGRESS = {PeriodKind.Q1: 0.2, PeriodKind.H1: 0.45, PeriodKind.Q3: 0.65, PeriodKind.YEAR: 0.8}


def sent_moment(period, rng):
    """Most reports arrive in the days before the deadline; about one in eight late;
    about one in twelve never."""
    draw = rng.random()
    if draw < 1 / 12:
        return None
    days = rng.randint(1, 12) if draw < 1 / 12 + 1 / 8 else -rng.randint(0, 6)
    day = period.deadline + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(9, 30)))


def line_values(line, kind, rng):
    """Status, text and (in the year report) verdict of a task line."""
    draw = rng.random()
    if draw < PROGRESS[kind]:
        status = ReportedTaskStatus.DONE
    else:
        status = ReportedTaskStatus.IN_PROGRESS if draw < 0.95 else ReportedTaskStatus.NOT_STARTED
    values = {"status": status, "done": DONE_TEXT if status != ReportedTaskStatus.NOT_STARTED else ""}
    if kind == PeriodKind.YEAR:
        if status == ReportedTaskStatus.DONE:
            values["verdict"] = TaskVerdict.DONE
        else:
            values["verdict"] = rng.choice([TaskVerdict.PARTLY_DONE, TaskVerdict.NOT_DONE, TaskVerdict.CARRIED_OVER])
            values["verdict_reason"] = REASONS[values["verdict"]]
    return values


@transaction.atomic
def agency_report(agency, period):
    """The agency's illustrative report of the period, published; None when it never
    sent one or already has a report of its own."""
    rng = random.Random(f"{agency.code}-{period.kind}-{period.year}")
    sent = sent_moment(period, rng)
    if sent is None or AgencyReport.objects.filter(agency=agency, period=period).exists():
        return None
    report = start_report(agency, period, is_demo=True)
    for line in report.task_lines.all():
        TaskLine.objects.filter(pk=line.pk).update(**line_values(line, period.kind, rng))
    report = AgencyReport.objects.get(pk=report.pk)  # with the lines as just written, not as made
    report.summary = "Nội dung minh họa: tóm tắt kết quả cải cách hành chính của cơ quan trong kỳ."
    report.difficulties = DIFFICULTY if rng.random() < 0.3 else ""
    report.proposals = PROPOSAL if rng.random() < 0.2 else ""
    report.sent_at = sent
    report.save()
    report.save_revision().publish()
    return report


def report_page(plan, period):
    """The province's illustrative report page of the period, frozen as it is published."""
    if PeriodReportPage.objects.filter(period=period, agency__isnull=True).exists():
        return None
    page = PeriodReportPage(
        title=f"Báo cáo cải cách hành chính {period.name} (minh họa)",
        slug=f"bao-cao-cchc-{period.kind}-{period.year}-minh-hoa",
        period=period,
        is_demo=True,
        introduction=(
            "Báo cáo minh họa do trang web tự tổng hợp từ dữ liệu minh họa, để trình diễn chu trình báo cáo định kỳ; "
            "không phải văn bản đã ký của Ủy ban nhân dân tỉnh."
        ),
    )
    plan.add_child(instance=page)
    page.save_revision().publish()
    return freeze(page)


def load(year, today):
    """The illustrative reports of `year`'s periods whose deadline has passed."""
    plan = PlanPage.objects.live().filter(year=year).first()
    counts = {"reports": 0, "pages": 0, "closed": False}
    if plan is None:
        return counts
    periods = ReportingPeriod.objects.filter(year=year, deadline__lt=today).order_by("deadline")
    for period in periods:
        for agency in expected_agencies(period):
            counts["reports"] += agency_report(agency, period) is not None
    if may_close(year, today) is None:
        close_year(year, today, is_demo=True)
        counts["closed"] = True
    for period in periods:
        counts["pages"] += report_page(plan, period) is not None
    return counts
