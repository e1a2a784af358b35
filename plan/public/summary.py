"""How a plan is going, gathered once for the home page and the dashboard: a stacked
status bar per group (the whole plan, each area, each agency) and a plain Vietnamese
sentence per headline figure. Built from the roll-ups of plan.progress.rows; loading a
plan's rows for the home page takes a fixed number of queries, whatever its size."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.utils import timezone

from plan.progress import rows, rules
from plan.vocabulary import IndicatorStatus, TaskStatus


def percent_text(part, whole):
    """ "54,8" (one decimal, decimal comma) or None when there is nothing to divide by."""
    if not whole:
        return None
    return str((Decimal(part) * 100 / whole).quantize(Decimal("0.1"))).replace(".", ",")


@dataclass(frozen=True)
class Segment:
    status: rows.StatusView
    count: int


@dataclass(frozen=True)
class StatusBar:
    """One stacked bar: the statuses of a group's indicators or tasks, in display order."""

    noun: str  # "chỉ tiêu" or "nhiệm vụ"
    total: int
    segments: list  # [Segment] with a count above 0
    demo: int  # how many of the statuses rest on an illustrative figure

    @cached_property  # read twice: the bar's label and its tooltip
    def description(self):
        """The bar in words, for screen readers and as its tooltip."""
        if not self.total:
            return f"Không có {self.noun}."
        parts = "; ".join(f"{s.status.label}: {s.count}" for s in self.segments)
        text = f"{self.total} {self.noun}. {parts}."
        if self.demo:
            text += f" {self.demo} trên {self.total} trạng thái tính từ dữ liệu minh họa."
        return text


def status_bar(rollup, noun, demo=0):
    segments = [Segment(rows.status_view(code), count) for code, count in rollup.counts.items() if count]
    return StatusBar(noun, rollup.total, segments, demo)


@dataclass(frozen=True)
class GroupBars:
    title: str
    url: str
    indicators: StatusBar
    tasks: StatusBar


def group_bars(rollup_view):
    """The two bars (indicators, tasks) of a RollupView."""
    return GroupBars(
        rollup_view.title,
        rollup_view.url,
        status_bar(rollup_view.indicators, "chỉ tiêu", rollup_view.indicator_demo),
        status_bar(rollup_view.tasks, "nhiệm vụ", rollup_view.task_demo),
    )


def indicator_sentence(rollup):
    counts, total = rollup.counts, rollup.total
    if not total:
        return "Kế hoạch chưa có chỉ tiêu nào được công bố."
    if not rollup.with_data:
        return f"Chưa chỉ tiêu nào trong {total} chỉ tiêu có số liệu."
    met = counts[IndicatorStatus.MET]
    text = (
        f"{met} trên {rollup.with_data} chỉ tiêu đã có số liệu đạt mục tiêu "
        f"({percent_text(met, rollup.with_data)}%); {counts[IndicatorStatus.NOT_MET]} không đạt, "
        f"{counts[IndicatorStatus.AT_RISK]} có nguy cơ không đạt."
    )
    if counts[IndicatorStatus.NO_DATA]:
        text += f" {counts[IndicatorStatus.NO_DATA]} trên {total} chỉ tiêu chưa có số liệu."
    return text


def task_sentence(rollup):
    counts, total = rollup.counts, rollup.total
    if not total:
        return "Kế hoạch chưa có nhiệm vụ nào được công bố."
    done = counts.get(TaskStatus.DONE, 0)
    others = [
        f"{counts[status]} {label}"
        for status, label in (
            (TaskStatus.IN_PROGRESS, "đang thực hiện"),
            (TaskStatus.NOT_STARTED, "chưa triển khai"),
            (TaskStatus.OVERDUE, "quá hạn"),
            (TaskStatus.NO_DATA, "chưa có báo cáo tiến độ"),
            (TaskStatus.PARTLY_DONE, "hoàn thành một phần"),
            (TaskStatus.NOT_DONE, "không hoàn thành trong năm"),
            (TaskStatus.CARRIED_OVER, "chuyển sang năm sau"),
            (TaskStatus.NO_VERDICT, "chưa có đánh giá cuối năm"),
        )
        if counts.get(status)
    ]
    text = f"{done} trên {total} nhiệm vụ đã hoàn thành ({percent_text(done, total)}%)"
    return f"{text}; {', '.join(others)}." if others else f"{text}."


def year_note(year, today):
    """What the plan's year means for the statuses, before and after it ends."""
    if today > date(year, 12, 31):
        return (
            f"Năm kế hoạch {year} đã kết thúc: kết quả đã chốt. Chỉ tiêu chưa đạt là “không đạt”, "
            "không còn chỉ tiêu nào “có nguy cơ không đạt”, vì trạng thái đó chỉ dùng khi năm kế hoạch "
            "còn thời gian để đạt. Nhiệm vụ “Đang thực hiện” hay “Chưa triển khai” là tình trạng theo báo cáo "
            "gần nhất; Kế hoạch không nêu thời hạn cho phần lớn nhiệm vụ nên trang không tính chúng là quá hạn, "
            "và chưa có báo cáo nào cho biết các nhiệm vụ này đã ra sao khi năm kế hoạch kết thúc."
        )
    return (
        f"Năm kế hoạch {year} kết thúc ngày 31/12/{year}. Chỉ tiêu có số liệu giữa năm chưa đạt là "
        "“có nguy cơ không đạt”: vẫn còn thời gian để đạt."
    )


@dataclass(frozen=True)
class PlanSummary:
    year: int
    year_ended: bool
    year_note: str
    whole: GroupBars
    whole_rollup: rows.RollupView
    indicator_sentence: str
    task_sentence: str
    areas: list  # [GroupBars]
    agencies: list  # [GroupBars]

    @property
    def legend(self):
        return {
            "indicators": [rows.status_view(code) for code in rules.INDICATOR_STATUSES],
            "tasks": [rows.status_view(code) for code in rules.task_order(self.whole_rollup.tasks.counts)],
        }

    @property
    def has_demo(self):
        return bool(self.whole.indicators.demo or self.whole.tasks.demo)


def summarise(year, whole, area_rollups, agency_rollups=(), today=None):
    """PlanSummary from RollupViews: the whole plan's, the areas' and the agencies'."""
    today = today or timezone.localdate()
    return PlanSummary(
        year=year,
        year_ended=today > date(year, 12, 31),
        year_note=year_note(year, today),
        whole=group_bars(whole),
        whole_rollup=whole,
        indicator_sentence=indicator_sentence(whole.indicators),
        task_sentence=task_sentence(whole.tasks),
        areas=[group_bars(view) for view in area_rollups],
        agencies=[group_bars(view) for view in agency_rollups],
    )
