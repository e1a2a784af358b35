"""Indicator charts a person can read (plan.public.charts): short period labels, a
target unlike the grid, a shaded range, text large enough on a phone, and a row of
labelled periods for a done-type target."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from plan.public import charts
from plan.vocabulary import TargetComparator
from tests import builders

PHONE_COLUMN = 358  # a 390 px screen less the page's 16 px margins


def test_period_labels_are_short_and_the_year_is_said_once():
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    assert charts.period_labels(months) == ([f"T{m}" for m in range(1, 13)], "Năm 2024")
    assert charts.period_labels(months, compact=True) == ([str(m) for m in range(1, 13)], "Tháng, năm 2024")
    assert charts.period_labels(["2024-Q1", "2024-Q2"], compact=True) == (["Quý I", "Quý II"], "Năm 2024")
    assert charts.period_labels(["2024-H2", "2024"]) == (["6 tháng cuối", "Cả năm"], "Năm 2024")
    assert charts.period_labels(["2023-12", "2024-01"], compact=True) == (["T12/2023", "T1/2024"], "Kỳ")


def results_for(indicator, values, periods=None):
    periods = periods or [f"2024-{m:02d}" for m in range(1, len(values) + 1)]
    return [
        builders.ResultFactory(indicator=indicator, period=period, value=Decimal(value))
        for period, value in zip(periods, values, strict=True)
    ]


def svg_of(chart, size):
    return re.search(rf'<div class="chart-{size}">(<svg.*?</svg>)</div>', chart.html, re.S).group(1)


@pytest.mark.django_db
def test_a_range_is_a_shaded_band_between_two_bold_dashed_lines_unlike_the_grid():
    indicator = builders.IndicatorFactory(
        comparator=TargetComparator.BETWEEN, target_value=Decimal(95), target_value_max=Decimal(100)
    )
    chart = charts.history_chart(indicator, results_for(indicator, [90, 93, 96, 97]))
    svg = svg_of(chart, "wide")
    band = re.search(r'<rect class="target-band" x="0" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"', svg)
    lines = [float(y) for y in re.findall(r'<path class="target-line" d="M0 ([\d.]+) H', svg)]
    assert band and len(lines) == 2
    assert float(band.group(1)) == pytest.approx(min(lines), abs=0.01)
    assert float(band.group(1)) + float(band.group(2)) == pytest.approx(max(lines), abs=0.01)
    assert all(
        'stroke-width="3" stroke-dasharray="10,6"' in line
        for line in re.findall(r"<path class=.target-line[^>]*>", svg)
    )
    assert re.search(r"\.guide\.line\{stroke-dasharray:none", svg)  # the grid is solid and faint
    assert "Khoảng mục tiêu: 95% – 100%" in svg
    assert svg.count('<text x="17.0"') == 2  # two legend entries: the results and the range
    assert "Vùng tô" in chart.caption


@pytest.mark.django_db
def test_a_single_figure_still_shows_its_target_across_the_plot():
    indicator = builders.IndicatorFactory(target_value=Decimal(100))
    svg = svg_of(charts.history_chart(indicator, results_for(indicator, [100], ["2024"])), "wide")
    width = re.search(r'class="plot"><rect x="0" y="0" width="([\d.]+)"', svg).group(1)
    assert re.search(rf'<path class="target-line" d="M0 [\d.]+ H{width}"', svg)


@pytest.mark.django_db
@pytest.mark.parametrize(("size", "shown_at"), [(charts.NARROW, PHONE_COLUMN), (charts.WIDE, 736)])
def test_no_text_is_under_12_px_where_each_drawing_is_shown(size, shown_at):
    """The narrow drawing fills a phone's column; the wide one is shown from a 768 px
    screen (736 px column) and never above 800 px (static/css/site.css)."""
    indicator = builders.IndicatorFactory()
    svg = svg_of(charts.history_chart(indicator, results_for(indicator, range(80, 92))), size.name)
    view_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    sizes = [float(px) for px in re.findall(r"font-size:([\d.]+)px", svg)]
    assert sizes and min(sizes) * shown_at / view_width >= 12


@pytest.mark.django_db
def test_the_chart_has_a_text_summary_and_no_script():
    indicator = builders.IndicatorFactory(code="9.a.900")
    chart = charts.history_chart(indicator, results_for(indicator, [70, 85, 82]))
    svg = svg_of(chart, "narrow")
    label = re.search(r'aria-label="([^"]+)"', svg).group(1)
    assert label.startswith("Biểu đồ kết quả chỉ tiêu 9.a.900 qua 3 kỳ: mới nhất 82% (T3)")
    assert "thấp nhất 70% (T1), cao nhất 85% (T2)" in label and "đạt ở 2 trên 3 kỳ" in label
    assert 'role="img"' in svg and "<script" not in chart.html
    y_labels = re.findall(r"<title>([^<]+)</title>", svg)[1:]  # the first is the chart's title
    assert y_labels and not any("." in text for text in y_labels)


@pytest.mark.django_db
def test_a_done_type_target_is_a_row_of_labelled_periods(client):
    indicator = builders.IndicatorFactory(comparator=TargetComparator.DONE, target_value=None, unit="")
    results_for(indicator, [0, 0, 1])
    indicator.results.filter(period="2024-03").update(is_demo=True)
    page = BeautifulSoup(client.get(indicator.get_url()).content, "html.parser")
    assert page.select_one("figure.chart") is None  # no one-dot line chart
    cells = [cell.get_text(" ", strip=True) for cell in page.select("figure.done-timeline .done-cell")]
    assert cells == ["T1 ✗ Chưa hoàn thành", "T2 ✗ Chưa hoàn thành", "T3 ✓ Hoàn thành minh họa"]
    caption = page.select_one("figure.done-timeline figcaption").get_text(" ", strip=True)
    assert "Năm 2024: hoàn thành ở 1 trên 3 kỳ có số liệu." in caption and "Dữ liệu minh họa" in caption
