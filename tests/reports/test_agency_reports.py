"""Agencies' periodic reports: in their agency's scope, through Sở Nội vụ's review,
counted sent, late or missing against the period's deadline, and reminded before it."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from plan.editorial.roles import REVIEWERS, editor_group_name, sync_roles
from plan.models import Agency, Task, TaskProgress
from reports.calendar import PeriodKind
from reports.models import AgencyReport, ReportingPeriod
from reports.overview import expected_agencies, period_rows
from reports.reminders import remind_all
from reports.starting import start_report

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def roles(django_user_model):
    sync_roles()

    def make(username, group_name):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "mat-khau-dai-123")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return {
        "reviewer": make("nguoiduyet", REVIEWERS),
        "office": make("vanphong", editor_group_name(Agency.objects.get(code="van-phong-ubnd-tinh"))),
        "justice": make("tuphap", editor_group_name(Agency.objects.get(code="so-tu-phap"))),
    }


def q1():
    return ReportingPeriod.objects.get(year=2024, kind=PeriodKind.Q1)


def office():
    return Agency.objects.get(code="van-phong-ubnd-tinh")


def form_data(report, action, **changes):
    tasks = [
        {"id": line.pk, "task": line.task_id, "status": line.status, "done": line.done, "difficulties": "",
         "proposals": "", "evidence": line.evidence, "ORDER": i}
        for i, line in enumerate(report.task_lines.all())
    ]  # fmt: skip
    figures = [
        {"id": line.pk, "indicator": line.indicator_id, "value": "", "source": "", "note": "", "ORDER": i}
        for i, line in enumerate(report.figure_lines.all())
    ]
    for index, values in changes.pop("task_changes", {}).items():
        tasks[index].update(values)
    values = {
        "agency": report.agency_id,
        "period": report.period_id,
        "summary": "Tóm tắt kết quả.",
        "difficulties": "",
        "proposals": "",
        "task_lines": inline_formset(tasks, initial=len(tasks)),
        "figure_lines": inline_formset(figures, initial=len(figures)),
        **changes,
    }
    return {**nested_form_data(values), action: "1"}


def test_the_agencies_that_report_are_those_with_tasks_or_indicators_of_the_year():
    agencies = set(expected_agencies(q1()).values_list("code", flat=True))
    assert "van-phong-ubnd-tinh" in agencies
    led = set(Task.objects.filter(lead_agency__isnull=False).values_list("lead_agency__code", flat=True))
    assert led <= agencies
    assert not expected_agencies(ReportingPeriod.objects.get(year=2025, kind=PeriodKind.Q1)).exists()


def test_a_started_report_has_a_line_per_task_and_indicator_of_the_agency():
    report = start_report(office(), q1())
    assert set(report.task_lines.values_list("task_id", flat=True)) == set(
        Task.objects.filter(lead_agency=office()).values_list("pk", flat=True)
    )
    assert report.figure_lines.count() == office().indicators.filter(live=True).count()
    assert not report.live and report.sent_at is None
    assert start_report(office(), q1()) == report  # never a second one


def test_an_editor_reaches_only_their_agencys_reports(client, roles):
    own = start_report(office(), q1())
    other = start_report(Agency.objects.get(code="so-tu-phap"), q1())
    client.force_login(roles["office"])
    listing = client.get("/admin/snippets/reports/agencyreport/").content.decode()
    edit = "wagtailsnippets_reports_agencyreport:edit"
    assert reverse(edit, args=[own.pk]) in listing and reverse(edit, args=[other.pk]) not in listing
    assert client.get(reverse("wagtailsnippets_reports_agencyreport:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_reports_agencyreport:edit", args=[other.pk])).status_code == 403
    # The start button for another agency is refused; for their own it opens the report.
    refused = client.post(reverse("reports_start", args=[q1().pk]), {"co_quan": "so-tu-phap"})
    assert refused.status_code == 403
    opened = client.post(reverse("reports_start", args=[q1().pk]), {"co_quan": "van-phong-ubnd-tinh"})
    assert opened.url == reverse("wagtailsnippets_reports_agencyreport:edit", args=[own.pk])
    # The overview shows their own agency only and offers no reminder button.
    page = client.get(reverse("reports_period", args=[q1().pk])).content.decode()
    assert office().name in page and "Sở Tư pháp" not in page and "Gửi thư nhắc" not in page


def test_a_line_for_another_agencys_task_is_refused_and_nothing_changes(client, roles):
    report = start_report(office(), q1())
    foreign = Task.objects.exclude(lead_agency=office()).filter(lead_agency__isnull=False).first()
    client.force_login(roles["reviewer"])  # even a reviewer cannot put it in this agency's report
    edit = reverse("wagtailsnippets_reports_agencyreport:edit", args=[report.pk])
    response = client.post(edit, form_data(report, "action-publish", task_changes={0: {"task": foreign.pk}}))
    assert response.status_code == 200
    assert "Nhiệm vụ này không do cơ quan của báo cáo chủ trì." in response.content.decode()
    assert not AgencyReport.objects.get(pk=report.pk).live
    assert foreign.pk not in report.task_lines.values_list("task_id", flat=True)


def test_bad_evidence_links_are_refused(client, roles):
    report = start_report(office(), q1())
    client.force_login(roles["office"])
    edit = reverse("wagtailsnippets_reports_agencyreport:edit", args=[report.pk])
    data = form_data(report, "action-submit", task_changes={0: {"evidence": "javascript:alert(1)"}})
    response = client.post(edit, data)
    assert "Đường dẫn không hợp lệ" in response.content.decode()
    assert AgencyReport.objects.get(pk=report.pk).sent_at is None


def test_a_report_sent_for_review_counts_from_that_day_and_becomes_progress_when_approved(client, roles):
    report = start_report(office(), q1())
    line = report.task_lines.first()
    client.force_login(roles["office"])
    edit = reverse("wagtailsnippets_reports_agencyreport:edit", args=[report.pk])
    with time_machine.travel(datetime(2024, 3, 21, 9, tzinfo=HANOI), tick=False):
        data = form_data(report, "action-submit", task_changes={0: {"status": "done", "done": "Đã ban hành."}})
        assert client.post(edit, data).status_code == 302
    report.refresh_from_db()
    assert report.sent_at is not None and not report.live
    assert report.current_workflow_state.status == "in_progress"
    assert not TaskProgress.objects.filter(task=line.task, note="Đã ban hành.").exists()  # not before review
    with time_machine.travel(datetime(2024, 3, 25, 9, tzinfo=HANOI), tick=False):
        client.force_login(roles["reviewer"])
        state = report.current_workflow_state
        action = reverse(
            "wagtailsnippets_reports_agencyreport:workflow_action",
            args=[report.pk, "approve", state.current_task_state.pk],
        )
        client.post(action, {"comment": ""})
        report.refresh_from_db()
        assert report.live
        progress = TaskProgress.objects.get(task=line.task, note="Đã ban hành.")
        assert progress.reported_on == date(2024, 3, 14)  # the period's cut-off
        assert Task.objects.get(pk=line.task_id).status == "done"
        (row,) = period_rows(q1(), date(2024, 3, 25), [office()])
        assert row.state == "sent_late" and row.sent_on == date(2024, 3, 21)  # sent the 21st: late


def test_reports_are_sent_missing_or_not_due_at_the_deadline():
    report = start_report(office(), q1())
    (row,) = period_rows(q1(), date(2024, 3, 20), [office()])
    assert row.state == "not_due"
    (row,) = period_rows(q1(), date(2024, 3, 21), [office()])
    assert row.state == "missing" and row.late
    AgencyReport.objects.filter(pk=report.pk).update(sent_at=datetime(2024, 3, 20, 23, 30, tzinfo=HANOI))
    (row,) = period_rows(q1(), date(2024, 4, 1), [office()])
    assert row.state == "sent" and not row.late


def test_reminders_go_before_the_deadline_to_agencies_that_have_not_sent(roles):
    office_agency = office()
    office_agency.contact_email = "vp@haiduong.gov.vn"
    office_agency.save()
    sent = start_report(Agency.objects.get(code="so-tu-phap"), q1())
    AgencyReport.objects.filter(pk=sent.pk).update(sent_at=datetime(2024, 3, 10, tzinfo=HANOI))
    assert remind_all(date(2024, 3, 1)) == {}  # 19 days before: not yet
    assert remind_all(date(2024, 3, 14)) == {}  # daily, but only a week and a day before, then weekly
    reminded = remind_all(date(2024, 3, 13))
    agencies = reminded[q1()]
    assert office_agency in agencies
    assert Agency.objects.get(code="so-tu-phap") not in agencies
    office_mail = next(m for m in mail.outbox if "vp@haiduong.gov.vn" in m.to)
    assert "vanphong@example.org" in office_mail.to
    assert "Quý I/2024" in office_mail.subject and "20/03/2024" in office_mail.body
    assert "sắp đến hạn gửi" in office_mail.body
    mail.outbox.clear()
    call_command("remind_reports", "--date", "2024-03-21", stdout=io.StringIO())  # the day after: late
    assert "đã quá hạn gửi" in next(m for m in mail.outbox if "vp@haiduong.gov.vn" in m.to).body


def test_sở_nội_vụ_sees_who_reported_and_reminds(client, roles):
    client.force_login(roles["reviewer"])
    overview = client.get(reverse("reports_periods")).content.decode()
    assert "Quý I/2024" in overview and "Chưa gửi – quá hạn" in overview
    page = client.get(reverse("reports_period", args=[q1().pk])).content.decode()
    assert office().name in page and "Sở Tư pháp" in page and "Gửi thư nhắc" in page
    response = client.post(reverse("reports_remind", args=[q1().pk]), {"co_quan": "van-phong-ubnd-tinh"})
    assert response.status_code == 302
    assert any("vanphong@example.org" in m.to for m in mail.outbox)
    client.force_login(roles["office"])
    assert client.post(reverse("reports_remind", args=[q1().pk])).status_code == 403
    assert client.get(reverse("reports_period", args=["x1"])).status_code == 400
