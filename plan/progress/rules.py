"""Progress rules, in plain functions: how a figure is judged against its target,
what status an indicator or a task has, and how statuses roll up. The public page
“Cách tính tiến độ” explains these same rules in Vietnamese; keep the two in step.

Missing data stays missing: an indicator without a figure is “no data”, never 0%.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from plan.progress.periods import add_months, parse_period
from plan.vocabulary import (
    MONTHS_PER_REPORT,
    IndicatorStatus,
    PeriodKind,
    ReportingFrequency,
    TargetComparator,
    TaskStatus,
)

# What each status means, shown on the public page “Cách tính tiến độ”.
STATUS_EXPLANATIONS = {
    IndicatorStatus.MET: "Số liệu mới nhất đạt mục tiêu.",
    IndicatorStatus.AT_RISK: (
        "Số liệu mới nhất chưa đạt mục tiêu, nhưng đó là số liệu giữa năm và năm kế hoạch chưa kết thúc: "
        "vẫn còn thời gian để đạt."
    ),
    IndicatorStatus.NOT_MET: (
        "Số liệu cả năm chưa đạt mục tiêu, hoặc năm kế hoạch đã kết thúc mà số liệu mới nhất chưa đạt."
    ),
    IndicatorStatus.NO_DATA: (
        "Chưa có số liệu (với nhiệm vụ: chưa có báo cáo tiến độ). Trang web không bao giờ coi thiếu số liệu là 0%."
    ),
    TaskStatus.DONE: "Báo cáo tiến độ mới nhất ghi hoàn thành (hoặc 100%).",
    TaskStatus.IN_PROGRESS: "Báo cáo tiến độ mới nhất ghi đang thực hiện.",
    TaskStatus.NOT_STARTED: "Báo cáo tiến độ mới nhất ghi chưa triển khai.",
    TaskStatus.OVERDUE: "Đã qua hạn hoàn thành (khi Kế hoạch nêu thời hạn cụ thể) mà chưa hoàn thành.",
    TaskStatus.PARTLY_DONE: "Năm kế hoạch đã khép lại; đánh giá cuối năm: hoàn thành một phần.",
    TaskStatus.NOT_DONE: "Năm kế hoạch đã khép lại; đánh giá cuối năm: không hoàn thành trong năm.",
    TaskStatus.CARRIED_OVER: "Năm kế hoạch đã khép lại; nhiệm vụ được chuyển sang năm sau.",
    TaskStatus.NO_VERDICT: (
        "Năm kế hoạch đã khép lại mà cơ quan chủ trì chưa có đánh giá cuối năm được duyệt cho nhiệm vụ này."
    ),
}
STATUS_LABELS = {**dict(IndicatorStatus.choices), **dict(TaskStatus.choices)}

# Status is never shown by colour alone: each has an icon and words too.
STATUS_ICONS = {
    IndicatorStatus.MET: "✓",
    TaskStatus.DONE: "✓",
    IndicatorStatus.AT_RISK: "!",
    TaskStatus.IN_PROGRESS: "…",
    IndicatorStatus.NOT_MET: "✗",
    TaskStatus.OVERDUE: "✗",
    IndicatorStatus.NO_DATA: "–",
    TaskStatus.NOT_STARTED: "○",
    TaskStatus.PARTLY_DONE: "◐",
    TaskStatus.NOT_DONE: "✗",
    TaskStatus.CARRIED_OVER: "→",
    TaskStatus.NO_VERDICT: "?",
}
INDICATOR_STATUSES = list(IndicatorStatus)
TASK_STATUSES = [
    TaskStatus.DONE,
    TaskStatus.IN_PROGRESS,
    TaskStatus.NOT_STARTED,
    TaskStatus.OVERDUE,
    TaskStatus.NO_DATA,
]
# Once the plan year is closed a task shows its verdict, never that it is under way.
YEAR_END_STATUSES = [
    TaskStatus.DONE,
    TaskStatus.PARTLY_DONE,
    TaskStatus.NOT_DONE,
    TaskStatus.CARRIED_OVER,
    TaskStatus.NO_VERDICT,
]
ALL_TASK_STATUSES = list(dict.fromkeys(TASK_STATUSES + YEAR_END_STATUSES))


def task_order(counts):
    """The task statuses to show for `counts` ({status: n}): the year-end ones when
    some task has one (its plan year is closed), else the in-year ones."""
    closed = any(counts.get(status) for status in YEAR_END_STATUSES if status not in TASK_STATUSES)
    return YEAR_END_STATUSES if closed else TASK_STATUSES


# How long after a period ends its figure may still arrive before it counts as late, when
# no official reporting period (reports.models.ReportingPeriod) reaches that far.
REPORTING_GRACE = timedelta(days=30)


@dataclass(frozen=True)
class StatusView:
    """A status as pages show it: its words, its icon (never colour alone) and what it means."""

    code: str

    @property
    def label(self):
        return STATUS_LABELS[self.code]

    @property
    def icon(self):
        return STATUS_ICONS[self.code]

    @property
    def explanation(self):
        return STATUS_EXPLANATIONS[self.code]


STATUS_VIEWS = {code: StatusView(code) for code in STATUS_LABELS}


def status_view(code):
    """The one StatusView of a status."""
    return STATUS_VIEWS.get(code) or StatusView(code)


def meets_target(comparator, target, target_max, value):
    """True if the value meets the target, False if not, None if it cannot be judged.
    A "done" target takes 1 for done and 0 for not done."""
    if value is None:
        return None
    value = Decimal(value)
    if comparator == TargetComparator.AT_LEAST:
        return value >= Decimal(target)
    if comparator == TargetComparator.MORE_THAN:
        return value > Decimal(target)
    if comparator == TargetComparator.AT_MOST:
        return value <= Decimal(target)
    if comparator == TargetComparator.BETWEEN:
        return Decimal(target) <= value <= Decimal(target_max)
    if comparator == TargetComparator.DONE:
        return value >= 1
    return None


@dataclass(frozen=True)
class Figure:
    period: str
    value: Decimal


class IndicatorProgress(NamedTuple):  # a tuple: thousands are made for the dashboard
    status: str
    latest: object  # the Figure (or Result) the status rests on, or None
    late: bool
    next_due: date | None


def latest_figure(figures):
    dated = [(parse_period(f.period), f) for f in figures]
    dated = [(p, f) for p, f in dated if p is not None]
    if not dated:
        return None, None
    period, figure = max(dated, key=lambda item: (item[0].end, -((item[0].end - item[0].start).days)))
    return period, figure


def next_figure_due(frequency, latest_period, plan_year, reports=()):
    """The date by which the next figure should be in, or None when the plan year's
    figures are complete: the deadline of the first official report (`reports`, with
    `data_to` and `deadline`) whose data cut-off reaches the end of the figure's period;
    without one, REPORTING_GRACE after that end."""
    months = MONTHS_PER_REPORT.get(frequency, MONTHS_PER_REPORT[ReportingFrequency.YEARLY])
    year_end = date(plan_year, 12, 31)
    if latest_period is None:
        period_end = min(add_months(date(plan_year, 1, 1), months - 1), year_end)
    elif latest_period.end >= year_end:
        return None
    else:
        period_end = min(add_months(latest_period.end, months), year_end)
    return figure_deadline(period_end, reports)


def figure_deadline(period_end, reports=()):
    """The day by which a figure of a period ending on `period_end` is due."""
    reaching = [report for report in reports if report.data_to >= period_end]
    if reaching:
        return min(report.deadline for report in reaching)
    return period_end + REPORTING_GRACE


def is_late(next_due, today):
    """Whether the next figure, due by `next_due` (None: none is due), is late on `today`."""
    return next_due is not None and today > next_due


def indicator_progress(comparator, target, target_max, frequency, figures, plan_year, today, reports=()):
    """Status of an indicator from its figures (those of its own level or scope).

    - no figure: no data;
    - the latest figure meets the target: met;
    - it does not, and the plan year is over or the figure covers the whole year: not met;
    - it does not, but there is still time in the plan year: at risk.
    "late" is set when the next figure is overdue for the reporting frequency and the
    official reports (`reports`: next_figure_due)."""
    period, figure = latest_figure(figures)
    due = next_figure_due(frequency, period, plan_year, reports)
    late = is_late(due, today)
    if figure is None:
        return IndicatorProgress(IndicatorStatus.NO_DATA, None, late, due)
    if meets_target(comparator, target, target_max, figure.value):
        status = IndicatorStatus.MET
    elif period.kind == PeriodKind.YEAR or today > date(plan_year, 12, 31):
        status = IndicatorStatus.NOT_MET
    else:
        status = IndicatorStatus.AT_RISK
    return IndicatorProgress(status, figure, late, due)


def task_status(due_date, latest_status, latest_percent, today, closed=False, verdict=None):
    """Status of a task from its latest progress report.

    Done when reported done (or 100%); overdue when its normalised deadline has
    passed without that; no data when nothing was reported yet; otherwise in
    progress or not started as reported. Once its plan year is `closed`: its
    reviewed `verdict`, or “no verdict” — never in progress."""
    if closed:
        return verdict or TaskStatus.NO_VERDICT
    if latest_status == TaskStatus.DONE or (latest_percent is not None and latest_percent >= 100):
        return TaskStatus.DONE
    if due_date is not None and today > due_date:
        return TaskStatus.OVERDUE
    if latest_status is None:
        return TaskStatus.NO_DATA
    if latest_status == TaskStatus.IN_PROGRESS or (latest_percent or 0) > 0:
        return TaskStatus.IN_PROGRESS
    return TaskStatus.NOT_STARTED


def combined_status(statuses):
    """The status of a bullet of the plan that states several targets (two joined
    requirements, or one target per level): met only when every one is met. Not met
    if any is not met, at risk if any is at risk, no data while any has none."""
    statuses = list(statuses)
    for status in (IndicatorStatus.NOT_MET, IndicatorStatus.AT_RISK, IndicatorStatus.NO_DATA):
        if status in statuses:
            return status
    return IndicatorStatus.MET


@dataclass(frozen=True)
class Rollup:
    counts: dict
    total: int
    with_data: int
    share_met: Decimal | None  # met ÷ indicators with data; None when none has data


def rollup(statuses, order=INDICATOR_STATUSES):
    return rollup_counts(Counter(statuses), order)


def rollup_counts(counter, order=INDICATOR_STATUSES):
    """The Rollup of {status: how many}."""
    counts = {status: counter.get(status, 0) for status in order}
    total = sum(counter.values())
    with_data = total - counter.get(IndicatorStatus.NO_DATA, 0) - counter.get(TaskStatus.NO_VERDICT, 0)
    share = None
    if with_data:
        met = counter.get(IndicatorStatus.MET, 0) + counter.get(TaskStatus.DONE, 0)
        share = (Decimal(met) * 100 / with_data).quantize(Decimal("0.1"))
    return Rollup(counts, total, with_data, share)
