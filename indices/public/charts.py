"""An index's results by year as a server-side SVG line chart (pygal) on the scale's
full range (from 0 to the scale's top, as the sources state it), the province's line
beside Hải Phòng's (context, dashed). A year with no published figure is a gap in the
line, never joined by a guess. Drawn twice, wide and at a phone's width (the page's
CSS shows one), as the indicator charts are (plan/public/charts.py)."""

import re
from decimal import Decimal

import pygal
from django.utils.html import escape
from django.utils.safestring import mark_safe
from pygal.style import Style

from indices.catalogue import HOME_UNIT, MERGED_INTO, Level

HOME_COLOUR = "#0b4f9c"
CONTEXT_COLOUR = "#6b4a00"
SIZES = [("wide", 720, 340, 14), ("narrow", 360, 320, 13)]


def style(font):
    return Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1b1b1b",
        foreground_strong="#1b1b1b",
        foreground_subtle="#4a4a4a",
        colors=(HOME_COLOUR, CONTEXT_COLOUR),
        font_family="Noto Sans, Segoe UI, Roboto, Arial, sans-serif",
        label_font_size=font,
        major_label_font_size=font,
        legend_font_size=font,
        title_font_size=font,
        value_font_size=font,
        tooltip_font_size=font,
        stroke_width=3,
        guide_stroke_color="#d6d6d6",
        major_guide_stroke_color="#d6d6d6",
        guide_stroke_dasharray="none",
        major_guide_stroke_dasharray="none",
    )


def number_text(value):
    return format(Decimal(str(value)).normalize(), "f").replace(".", ",")


def series(figures, unit, years):
    by_year = {}
    for figure in figures:
        if figure.unit == unit and figure.level == Level.TOTAL and figure.value is not None:
            by_year.setdefault(figure.year, figure.value)  # the first source of a year (in_order)
    return [float(by_year[year]) if year in by_year else None for year in years]


def scale_top(figures):
    tops = [f.scale_max for f in figures if f.level == Level.TOTAL and f.scale_max is not None]
    values = [f.value for f in figures if f.level == Level.TOTAL and f.value is not None]
    return float(max(tops)) if tops else float(max(values))


def summary(info, years, home, merged):
    def words(values):
        shown = [f"{number_text(v)} ({year})" for year, v in zip(years, values, strict=True) if v is not None]
        return ", ".join(shown) if shown else "chưa tìm thấy số liệu công bố"

    return (
        f"Biểu đồ {info.short_name} theo năm, {years[0]}–{years[-1]}. {HOME_UNIT}: {words(home)}. "
        f"{MERGED_INTO} (tham chiếu): {words(merged)}. Số liệu và nguồn ở các bảng bên dưới."
    )


def draw(info, figures, years, home, merged, size):
    name, width, height, font = size
    unit = next((f.value_unit for f in figures if f.level == Level.TOTAL and f.value_unit), "")
    chart = pygal.Line(
        style=style(font),
        width=width,
        height=height,
        js=[],
        disable_xml_declaration=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=1,
        truncate_legend=-1,
        show_x_guides=False,
        allow_interruptions=True,
        range=(0, scale_top(figures)),
        x_title="Năm",
        y_title=unit or None,
        decimal_separator=",",
        value_formatter=number_text,
        dots_size=5,
    )
    chart.x_labels = [str(year) for year in years]
    chart.add(HOME_UNIT, home)
    if any(v is not None for v in merged):
        chart.add(f"{MERGED_INTO} (tham chiếu)", merged, stroke_style={"width": 3, "dasharray": "8,5"})
    svg = re.sub(r"<script.*?</script>", "", chart.render(is_unicode=True), flags=re.S)
    label = escape(summary(info, years, home, merged))
    # pygal escapes what it writes; the label is escaped above.
    return name, mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308


def index_chart(info, figures, years):
    """([(size name, safe SVG)], text summary), or None when no year has a total to draw."""
    home, merged = series(figures, HOME_UNIT, years), series(figures, MERGED_INTO, years)
    if not years or all(v is None for v in home + merged):
        return None
    svgs = [draw(info, figures, years, home, merged, size) for size in SIZES]
    return svgs, summary(info, years, home, merged)
