"""Closing a plan year, after its year report: recorded once, then every task of the
year is worked out again (plan.progress.state), showing its verdict or that it has
none."""

from django.db import transaction

from plan.progress import state
from reports.calendar import PeriodKind
from reports.models import ReportingPeriod, YearClose


def may_close(year, today):
    """None when `year` may be closed on `today`, else why not (in Vietnamese)."""
    if YearClose.objects.filter(year=year).exists():
        return f"Năm {year} đã được khép lại."
    period = ReportingPeriod.objects.filter(year=year, kind=PeriodKind.YEAR).first()
    if period is None:
        return f"Chưa có kỳ báo cáo năm {year}."
    if today <= period.deadline:
        return f"Chỉ khép lại năm sau hạn gửi báo cáo năm ({period.deadline:%d/%m/%Y})."
    return None


@transaction.atomic
def close_year(year, today, user=None, is_demo=False):
    close, _ = YearClose.objects.get_or_create(
        year=year, defaults={"closed_on": today, "closed_by": user, "is_demo": is_demo}
    )
    state.refresh_tasks()
    return close
