"""The history of an indicator as a server-side SVG line chart (pygal), with the
target drawn as a line, or two lines for a range. The page always shows the same
figures as a table beside it."""

import re

import pygal
from pygal.style import Style

from plan.progress.targets import describe_target
from plan.vocabulary import TargetComparator

CHART_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1b1b1b",
    foreground_strong="#1b1b1b",
    foreground_subtle="#4a4a4a",
    colors=("#0b4f9c", "#8a1414", "#8a1414"),
    font_family="Noto Sans, Segoe UI, Roboto, Arial, sans-serif",
)


def history_chart(indicator, results):
    """SVG text, or "" when there is nothing to draw. A done-type target has no line
    to draw: its results read "Hoàn thành" / "Chưa hoàn thành" in the table."""
    if not results or indicator.comparator == TargetComparator.DONE:
        return ""
    chart = pygal.Line(
        style=CHART_STYLE,
        width=720,
        height=320,
        show_dots=True,
        dots_size=4,
        x_label_rotation=0,
        js=[],
        disable_xml_declaration=True,
        legend_at_bottom=True,
        truncate_legend=-1,
        title=None,
        show_y_guides=True,
        print_values=False,
        decimal_separator=",",
        thousands_separator=".",
    )
    chart.x_labels = [r.period_label for r in results]
    chart.add("Kết quả", [float(r.value) for r in results])
    if indicator.comparator in (TargetComparator.AT_LEAST, TargetComparator.AT_MOST):
        chart.add(
            f"Mục tiêu ({describe_target(indicator.comparator, indicator.target_value, None, indicator.unit)})",
            [float(indicator.target_value)] * len(results),
            show_dots=False,
            stroke_style={"dasharray": "6,4"},
        )
    elif indicator.comparator == TargetComparator.BETWEEN:
        chart.add(
            "Cận dưới mục tiêu",
            [float(indicator.target_value)] * len(results),
            show_dots=False,
            stroke_style={"dasharray": "6,4"},
        )
        chart.add(
            "Cận trên mục tiêu",
            [float(indicator.target_value_max)] * len(results),
            show_dots=False,
            stroke_style={"dasharray": "6,4"},
        )
    # pygal embeds a configuration <script> for its optional tooltips; the page must
    # not depend on JavaScript, so the chart is kept as plain SVG.
    svg = re.sub(r"<script.*?</script>", "", chart.render(is_unicode=True), flags=re.S)
    label = f"Biểu đồ kết quả chỉ tiêu {indicator.code} qua các kỳ; số liệu chi tiết ở bảng bên dưới."
    if any(result.is_demo for result in results):
        label += " Có số liệu minh họa, không phải kết quả chính thức."
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)
