"""A chart does not mislead: an illustrative figure is drawn unlike a real one, a
percentage axis starts at zero (a cut axis magnifies 69 → 81 % into a climb), and the
SVG is titled and described, not "Pygal"."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from plan.models import Indicator
from plan.public import charts
from tests import builders


def test_a_percentage_axis_runs_from_zero_to_a_hundred():
    assert charts.value_range([69.0, 81.0, 80.0], "%") == (0, 100)
    low, high = charts.value_range([12.0, 15.0], "phút")
    assert 0 < low < 12 and high > 15, "other units keep a range around their figures"


@pytest.mark.django_db
def test_illustrative_points_are_hollow_and_the_chart_has_a_title(client):
    indicator = Indicator.objects.get(code="3.a.4.1")
    indicator.results.all().delete()
    for month, value, demo in [(1, 69, True), (2, 75, True), (3, 81, False)]:
        builders.ResultFactory(indicator=indicator, period=f"2024-{month:02d}", value=Decimal(value), is_demo=demo,
                               scope=indicator.level)  # fmt: skip
    page = BeautifulSoup(client.get(indicator.get_url()).content, "html.parser")
    figure = page.select_one("figure.chart")
    for svg in figure.select("svg"):
        assert svg.title.get_text() == "Kết quả chỉ tiêu 3.a.4.1 qua các kỳ" and "Pygal" not in str(svg)
        assert "minh họa" in svg.desc.get_text()
        styles = [g.get("style", "") for g in svg.select("g.series.serie-0 g.dots")]
        assert [charts.DEMO_DOT in style for style in styles] == [True, True, False]
        assert re.search(r"<text[^>]*>0</text>", str(svg)), "the axis starts at zero"
    assert "chấm rỗng, to hơn: số liệu minh họa" in figure.figcaption.get_text()
