"""The official CCHC reporting periods (Bộ Nội vụ, letter 581/BNV-CCHC: source in
docs/reporting-periods.md): each report's data cut-off window and the day by which it
is sent. Pure functions; the periods a site uses are data (reports.models), filled
from this default table and editable by an administrator."""

from dataclasses import dataclass
from datetime import date

from django.db import models


class PeriodKind(models.TextChoices):
    Q1 = "q1", "Quý I"
    H1 = "h1", "6 tháng đầu năm"
    Q3 = "q3", "Quý III"
    YEAR = "year", "Năm"


# (kind, first day of the window as (month, day, years back), last day (month, day)).
# The deadline is DEADLINE_DAY of the window's last month.
OFFICIAL_TABLE = [
    (PeriodKind.Q1, (12, 15, 1), (3, 14)),
    (PeriodKind.H1, (12, 15, 1), (6, 14)),
    (PeriodKind.Q3, (6, 15, 0), (9, 14)),
    (PeriodKind.YEAR, (12, 15, 1), (12, 14)),
]
DEADLINE_DAY = 20
SOURCE_URL = (
    "https://sonoivu.namdinh.gov.vn/cai-cach-hanh-chinh/"
    "bo-noi-vu-huong-dan-thuc-hien-che-do-bao-cao-cai-cach-hanh-chinh-dinh-ky-2627"
)
SOURCE_QUOTE = "thời hạn gửi chậm nhất là ngày 20 của tháng cuối kỳ báo cáo"


@dataclass(frozen=True)
class PeriodSpec:
    year: int
    kind: str
    data_from: date
    data_to: date
    deadline: date

    @property
    def name(self):
        return period_name(self.kind, self.year)


def period_name(kind, year):
    """“Quý I/2024”, “6 tháng đầu năm 2024”, “Quý III/2024”, “Năm 2024”."""
    if kind in (PeriodKind.Q1, PeriodKind.Q3):
        return f"{PeriodKind(kind).label}/{year}"
    return f"{PeriodKind(kind).label} {year}"


def official_periods(year):
    """The default periods of `year`, in the order of their deadlines."""
    specs = []
    for kind, (from_month, from_day, back), (to_month, to_day) in OFFICIAL_TABLE:
        specs.append(
            PeriodSpec(
                year,
                kind,
                date(year - back, from_month, from_day),
                date(year, to_month, to_day),
                date(year, to_month, DEADLINE_DAY),
            )
        )
    return specs


def first_report_after(day, periods):
    """The first report (by deadline) whose data cut-off is on or after `day`: the
    report that must carry a figure of a period ending on `day`. None when no period
    given reaches that far."""
    reaching = [p for p in periods if p.data_to >= day]
    return min(reaching, key=lambda p: (p.deadline, p.data_to), default=None)


def is_overdue(deadline, sent_on, today):
    """Whether a report due by `deadline` is late: sent after it, or not sent and the
    deadline is past. The deadline day itself is in time."""
    if sent_on is not None:
        return sent_on > deadline
    return today > deadline


def report_state(deadline, sent_on, today):
    """What the overview shows for one agency's report of a period."""
    if sent_on is not None:
        return "sent_late" if sent_on > deadline else "sent"
    return "missing" if today > deadline else "not_due"


REPORT_STATE_LABELS = {
    "sent": "Đã gửi đúng hạn",
    "sent_late": "Gửi muộn",
    "missing": "Chưa gửi – quá hạn",
    "not_due": "Chưa gửi – chưa đến hạn",
}
