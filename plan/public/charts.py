"""The history of an indicator as a server-side SVG line chart (pygal), with the same
figures as a table on the page and a text summary for screen readers.

- The target is a bold dashed red line across the whole plot, unlike the faint solid
  grid; a target range (BETWEEN) is a shaded band between its two bounds.
- The chart is drawn twice, for wide screens and at a phone's width (the page's CSS
  shows one), so that no text is smaller than 12 px on either once the SVG is scaled.
- Periods get short labels ("T1", "Quý II", the year once, in the axis title).
- A done-type target has no line to draw: its results are a row of labelled period
  cells ("Hoàn thành" / "Chưa hoàn thành"), not a one-dot chart.
- An illustrative figure is a hollow dot, a real one a filled dot; a percentage axis
  runs from 0 to 100, so that small changes look as small as they are."""

import re
from dataclasses import dataclass

import pygal
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from pygal.style import Style

from plan.progress.rules import meets_target
from plan.progress.targets import COMPARATORS_WITH_ONE_VALUE, describe_target, format_result
from plan.public.chart_labels import period_labels
from plan.vocabulary import TargetComparator

RESULT_COLOUR = "#0b4f9c"
TARGET_COLOUR = "#8a1414"


@dataclass(frozen=True)
class Size:
    name: str  # "wide" or "narrow": the CSS class that shows it
    width: int  # of the viewBox
    height: int
    font: int  # axis labels, in viewBox units
    legend_font: int


# The wide chart is shown at most 800 px wide and from a 768 px screen (site.css), so
# its 14-unit text never falls below 12 px; the narrow one is drawn for a 360 px
# column (a 390 px phone less the page's margins), where 13 units read as ≈ 13 px.
WIDE = Size("wide", 720, 340, 14, 15)
NARROW = Size("narrow", 360, 320, 13, 13)


def chart_style(size):
    return Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1b1b1b",
        foreground_strong="#1b1b1b",
        foreground_subtle="#4a4a4a",
        colors=(RESULT_COLOUR, TARGET_COLOUR, TARGET_COLOUR),
        font_family="Noto Sans, Segoe UI, Roboto, Arial, sans-serif",
        label_font_size=size.font,
        major_label_font_size=size.font,
        legend_font_size=size.legend_font,
        title_font_size=size.legend_font,
        value_font_size=size.font,
        value_label_font_size=size.font,
        tooltip_font_size=size.font,
        no_data_font_size=size.legend_font,
        stroke_width=3,
        stroke_opacity=1,
        # The grid: faint and solid, so that only the target is dashed.
        guide_stroke_color="#d6d6d6",
        major_guide_stroke_color="#d6d6d6",
        guide_stroke_dasharray="none",
        major_guide_stroke_dasharray="none",
    )


def target_series(indicator):
    """[(legend, value)] of the lines that mark the target: one, or a range's two bounds."""
    unit = indicator.unit
    if indicator.comparator in COMPARATORS_WITH_ONE_VALUE:
        words = describe_target(indicator.comparator, indicator.target_value, None, unit)
        return [(f"Mục tiêu: {words}", indicator.target_value)]
    if indicator.comparator == TargetComparator.BETWEEN:
        words = describe_target(indicator.comparator, indicator.target_value, indicator.target_value_max, unit)
        return [(f"Khoảng mục tiêu: {words}", indicator.target_value), (None, indicator.target_value_max)]
    return []


PLOT_WIDTH = re.compile(r'class="plot"><rect x="0" y="0" width="([\d.]+)"')
Y_GUIDE = re.compile(
    r'<path d="M0\.0+ ([\d.]+) h[\d.]+" class="[^"]*guide line" ?/><text[^>]*>[^<]*</text><title>([^<]+)</title>'
)
TARGET_PATH = re.compile(r'(<g class="series serie-[12] color-[12]"><path d=")[^"]*(")')


def y_scale(svg):
    """value → y in the plot, read from the y axis' labelled guides; None if unreadable."""
    guides = [(float(value.replace(",", ".")), float(y)) for y, value in Y_GUIDE.findall(svg)]
    if len(guides) < 2:
        return None
    (v1, y1), (v2, y2) = min(guides), max(guides)
    if v1 == v2:
        return None
    return lambda value: y1 + (value - v1) * (y2 - y1) / (v2 - v1)


def draw_targets(svg, values):
    """The target as bold dashed lines across the whole plot, a range shaded between its
    bounds, under the results' line. pygal's own target lines span only the first to the
    last period (a single period leaves nothing), so they are removed."""
    plot, scale = PLOT_WIDTH.search(svg), y_scale(svg)
    if plot is None or scale is None or not values:
        return svg
    width = plot.group(1)
    ys = sorted(scale(value) for value in values)
    marks = "".join(
        f'<path class="target-line" d="M0 {y:.2f} H{width}" fill="none" stroke="{TARGET_COLOUR}" '
        'stroke-width="3" stroke-dasharray="10,6" />'
        for y in ys
    )
    if len(ys) == 2:
        marks = (
            f'<rect class="target-band" x="0" y="{ys[0]:.2f}" width="{width}" height="{max(ys[1] - ys[0], 1):.2f}" '
            f'fill="{TARGET_COLOUR}" fill-opacity="0.14" stroke="none" />'
        ) + marks
    svg = TARGET_PATH.sub(r"\g<1>M0 0\g<2>", svg)
    return svg.replace('<g class="series serie-0 color-0">', marks + '<g class="series serie-0 color-0">', 1)


def value_range(values, unit):
    """(low, high) of the y axis: every figure and target, with a little room; a
    percentage from 0 to 100 (past them only when a figure is), never a cut axis that
    magnifies a small change."""
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or max(abs(high) * 0.05, 1)
    low, high = low - pad, high + pad
    if unit == "%":
        low = 0 if min(values) >= 0 else low
        high = 100 if max(values) <= 100 else high
    return low, high


DEMO_DOT = f"fill: #ffffff; stroke: {RESULT_COLOUR}; stroke-width: 3"


def result_point(result):
    """A figure for pygal: an illustrative one as a larger hollow dot."""
    if not result.is_demo:
        return float(result.value)
    return {"value": float(result.value), "style": DEMO_DOT, "node": {"r": 6}, "label": "Dữ liệu minh họa"}


def axis_number(value):
    """A y-axis label in the Vietnamese form: 18,8 rather than 18.8."""
    return f"{value:.10g}".replace(".", ",")


def draw(indicator, results, size, label):
    labels, axis_title = period_labels([r.period for r in results], compact=size is NARROW)
    chart = pygal.Line(
        style=chart_style(size),
        width=size.width,
        height=size.height,
        show_dots=True,
        dots_size=4,
        x_label_rotation=0,
        js=[],
        disable_xml_declaration=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=1,
        truncate_legend=-1,
        truncate_label=-1,
        show_y_guides=True,
        show_x_guides=False,
        x_title=axis_title,
        y_title=indicator.unit or None,
        print_values=False,
        decimal_separator=",",
        thousands_separator=".",
        margin_right=size.font,
        value_formatter=axis_number,
    )
    chart.x_labels = labels
    chart.add("Kết quả", [result_point(r) for r in results])
    targets = target_series(indicator)
    chart.range = value_range([float(r.value) for r in results] + [float(v) for _, v in targets], indicator.unit)
    for legend, value in targets:
        chart.add(
            legend or "",
            [float(value)] * len(results),
            show_dots=False,
            stroke_style={"width": 3, "dasharray": "10,6"},
        )
    # pygal embeds a configuration <script> for its optional tooltips; the page must
    # not depend on JavaScript, so the chart is kept as plain SVG.
    svg = re.sub(r"<script.*?</script>", "", chart.render(is_unicode=True), flags=re.S)
    if len(targets) == 2:
        # The range's upper bound shares the band's legend entry.
        svg = re.sub(r'<g id="activate-serie-2" class="legend[^"]*"><rect[^>]*/><text[^>]*(?:/>|></text>)</g>', "", svg)
    svg = draw_targets(svg, [float(value) for _, value in targets])
    title = f"<title>Kết quả chỉ tiêu {escape(indicator.code)} qua các kỳ</title><desc>{escape(label)}</desc>"
    svg = svg.replace("<title>Pygal</title>", title, 1)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" focusable="false" ', 1)


def text_summary(indicator, results):
    """The chart in words: how many periods, lowest, highest and latest figure, the
    target and how often it was met."""
    labels, _ = period_labels([r.period for r in results])
    pairs = list(zip(labels, results, strict=True))

    def words(pair):
        return f"{format_result(pair[1].value, indicator.comparator, indicator.unit)} ({pair[0]})"

    low = min(pairs, key=lambda pair: pair[1].value)
    high = max(pairs, key=lambda pair: pair[1].value)
    met = sum(
        1
        for r in results
        if meets_target(indicator.comparator, indicator.target_value, indicator.target_value_max, r.value)
    )
    target = describe_target(indicator.comparator, indicator.target_value, indicator.target_value_max, indicator.unit)
    text = (
        f"Biểu đồ kết quả chỉ tiêu {indicator.code} qua {len(results)} kỳ: mới nhất {words(pairs[-1])}, "
        f"thấp nhất {words(low)}, cao nhất {words(high)}; mục tiêu {target}, đạt ở {met} trên {len(results)} kỳ."
    )
    if any(result.is_demo for result in results):
        text += " Có số liệu minh họa, không phải kết quả chính thức."
    return text + " Số liệu chi tiết ở bảng bên dưới."


@dataclass(frozen=True)
class Timeline:
    """A done-type target's results, one cell per period."""

    cells: list  # [(short label, full label, done, is_demo)]
    summary: str


def done_timeline(indicator, results):
    labels, axis_title = period_labels([r.period for r in results])
    cells = [
        (label, r.period_label, meets_target(TargetComparator.DONE, None, None, r.value), r.is_demo)
        for label, r in zip(labels, results, strict=True)
    ]
    done = sum(1 for cell in cells if cell[2])
    summary = f"{axis_title}: hoàn thành ở {done} trên {len(cells)} kỳ có số liệu."
    return Timeline(cells, summary)


def both_sizes(draw_at):
    """The chart drawn at each size (`draw_at(size)` gives pygal's SVG), as one piece of
    safe markup: pygal escapes what it writes and the labels are escaped where drawn."""
    svgs = "".join(f'<div class="chart-{size.name}">{draw_at(size)}</div>' for size in (WIDE, NARROW))
    return mark_safe(svgs)  # noqa: S308 (pygal's SVG: it escapes what it writes)


@dataclass(frozen=True)
class Chart:
    css_class: str  # "chart" (a line chart) or "done-timeline"
    html: str  # safe markup
    caption: str  # how to read it


def history_chart(indicator, results):
    """The Chart of an indicator's results (both sizes of the line chart, or a done-type
    target's timeline); None when there is nothing to draw."""
    if not results:
        return None
    if indicator.comparator == TargetComparator.DONE:
        timeline = done_timeline(indicator, results)
        html = render_to_string("plan/includes/done_timeline.html", {"timeline": timeline})
        return Chart("done-timeline", html, f"Kết quả từng kỳ. {timeline.summary}")
    label = text_summary(indicator, results)
    caption = "Đường xanh có chấm: kết quả. Đường đỏ nét đứt đậm: mục tiêu."
    if indicator.comparator == TargetComparator.BETWEEN:
        caption = "Đường xanh có chấm: kết quả. Vùng tô đỏ nhạt giữa hai đường đỏ nét đứt: khoảng mục tiêu."
    if any(r.is_demo for r in results):
        caption += " Chấm đặc: số liệu thật; chấm rỗng, to hơn: số liệu minh họa."
    return Chart("chart", both_sizes(lambda size: draw(indicator, results, size, label)), caption)
