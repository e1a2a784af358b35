"""The same indicator in each year's plan, on one page: a row per year (the plan, its
target, the figure it rests on) and one chart of the figures against each year's
target (a step, since the target may change from one plan to the next). A year
without a figure is a gap in the line, never a guess."""

import re
from dataclasses import dataclass

import pygal
from django.utils.html import escape

from plan.progress.targets import COMPARATORS_WITH_ONE_VALUE, format_quantity
from plan.public.charts import axis_number, both_sizes, chart_style, value_range
from plan.vocabulary import TargetComparator


@dataclass(frozen=True)
class YearRow:
    year: int
    plan: object
    indicator: object
    result: object  # the stored latest result, or None


@dataclass(frozen=True)
class YearChart:
    html: str
    summary: str


def year_rows(pairs):
    """[(plan, indicator)] → [YearRow] by year."""
    return [YearRow(plan.year if plan else 0, plan, item, item.latest_result) for plan, item in pairs]


def lower_target(indicator):
    if indicator.comparator in (*COMPARATORS_WITH_ONE_VALUE, TargetComparator.BETWEEN):
        return indicator.target_value
    return None


def summary_text(rows):
    parts = []
    for row in rows:
        figure = format_quantity(row.result.value, row.indicator.unit) if row.result else "chưa có số liệu"
        demo = " (minh họa)" if row.result and row.result.is_demo else ""
        parts.append(f"năm {row.year}: mục tiêu {row.indicator.target_display}, số liệu {figure}{demo}")
    return "Chỉ tiêu qua các năm: " + "; ".join(parts) + ". Số liệu chi tiết ở bảng bên dưới."


def draw(rows, size, label):
    unit = rows[-1].indicator.unit
    figures = [float(r.result.value) if r.result else None for r in rows]
    targets = [float(t) if (t := lower_target(r.indicator)) is not None else None for r in rows]
    uppers = [
        float(r.indicator.target_value_max) if r.indicator.comparator == TargetComparator.BETWEEN else None
        for r in rows
    ]
    chart = pygal.Line(
        style=chart_style(size),
        width=size.width,
        height=size.height,
        show_dots=True,
        dots_size=4,
        js=[],
        disable_xml_declaration=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=1,
        truncate_legend=-1,
        allow_interruptions=True,
        x_title="Năm kế hoạch",
        y_title=unit or None,
        decimal_separator=",",
        value_formatter=axis_number,
    )
    chart.x_labels = [str(r.year) for r in rows]
    known = [v for v in figures + targets + uppers if v is not None]
    chart.range = value_range(known, unit)
    chart.add("Số liệu mới nhất của năm", figures)
    # Each year has its own target: marks, not a line (a line would show targets
    # between the years that no plan set).
    chart.add("Mục tiêu của từng năm", targets, stroke=False, dots_size=7)
    if any(v is not None for v in uppers):
        chart.add("Cận trên của khoảng mục tiêu", uppers, stroke=False, dots_size=7)
    svg = re.sub(r"<script.*?</script>", "", chart.render(is_unicode=True), flags=re.S)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" focusable="false" ', 1)


def year_chart(rows):
    """A YearChart of the rows, or None when there is no line to draw (one year, or a
    done-type target, or no figure and no target)."""
    if len(rows) < 2 or all(lower_target(r.indicator) is None and r.result is None for r in rows):
        return None
    if any(r.indicator.comparator == TargetComparator.DONE for r in rows):
        return None
    label = summary_text(rows)
    return YearChart(both_sizes(lambda size: draw(rows, size, label)), label)
