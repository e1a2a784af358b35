"""Reminders of the periodic reports: to each agency that has not sent its report of a
period, before the deadline and after it, by e-mail to its contact address and its
editors."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse

from plan.editorial.links import absolute_url
from reports.models import ReportingPeriod
from reports.overview import period_rows

# Run daily, a reminder goes on these days only (days before the deadline; negative:
# after it): a week and a day before, then weekly for a month after.
REMIND_DAYS = (7, 1, -1, -8, -15, -22, -29)


def recipients(agency):
    """The agency's contact address and its active editors' addresses."""
    users = (
        get_user_model().objects.filter(is_active=True, groups=agency.editor_group).exclude(email="")
        if agency.editor_group_id
        else []
    )
    return sorted({agency.contact_email, *(user.email for user in users)} - {""})


def reminder_text(period, row):
    late = row.state == "missing"
    opening = "đã quá hạn gửi" if late else "sắp đến hạn gửi"
    return (
        f"Kính gửi {row.agency.name},\n\n"
        f"Báo cáo cải cách hành chính {period.name} (chốt số liệu từ {period.data_from:%d/%m/%Y} "
        f"đến {period.data_to:%d/%m/%Y}) {opening}: hạn gửi là ngày {period.deadline:%d/%m/%Y}. "
        f"Cơ quan chưa gửi báo cáo của kỳ này.\n\n"
        f"Lập và gửi báo cáo: {absolute_url(reverse('reports_period', args=[period.pk]))}\n"
    )


def remind(period, rows):
    """Mail each row's agency that has not sent its report; return the agencies reached."""
    reached = []
    for row in rows:
        if row.state not in ("not_due", "missing"):
            continue
        to = recipients(row.agency)
        if not to:
            continue
        subject = f"[CCHC] Báo cáo {period.name}: hạn gửi {period.deadline:%d/%m/%Y}"
        send_mail(subject, reminder_text(period, row), None, to)
        reached.append(row.agency)
    return reached


def periods_to_remind(today, days=REMIND_DAYS):
    """Periods whose deadline is one of `days` away from `today`."""
    return ReportingPeriod.objects.filter(deadline__in=[today + timedelta(days=n) for n in days])


def remind_all(today, days=REMIND_DAYS):
    """{period: [agencies reminded]} for the periods to remind of on `today`."""
    return {period: remind(period, period_rows(period, today)) for period in periods_to_remind(today, days)}
