"""The home page's rate moves with the real figures; beside it the reader finds which
figure changed last, when, from which source, and, for a correction, the old value and
the reason, with the way to every change (the feed) and every figure (the open data)."""

from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from plan.models import Indicator, Result
from plan.results.importer import import_rows

pytestmark = pytest.mark.django_db
REASON = "Cổng Dịch vụ công đính chính số liệu năm."


def home(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def trace_of(soup):
    heading = soup.select_one("#so-lieu-moi")
    return heading and heading.find_parent(class_="recent-figures")


def headline(soup):
    return soup.select(".headline p")[0].get_text(" ", strip=True)


def figure(code, value, demo=False):
    indicator = Indicator.objects.get(code=code)
    Result.objects.create(indicator=indicator, period="2024", value=Decimal(value), source_name="Báo cáo của Sở",
                          captured_on=date(2024, 12, 20), is_demo=demo)  # fmt: skip
    return Indicator.objects.get(code=code)


def test_no_trace_before_the_first_real_figure(client):
    figure("3.a.2", "96", demo=True)
    assert trace_of(home(client)) is None


def test_the_first_real_figure_and_its_correction_are_traced_beside_the_rate(client):
    before = headline(home(client))
    indicator = figure("3.a.2", "90")
    soup = home(client)
    trace = trace_of(soup)
    assert headline(soup) != before, "the rate moved"
    item = trace.select_one("li")
    text = " ".join(item.get_text(" ").split())
    assert item.select_one("a")["href"] == indicator.get_url() and "Chỉ tiêu 3.a.2" in text
    assert "Năm 2024: 90%" in text and "Báo cáo của Sở" in text and "đã sửa" not in text

    moved = headline(soup)
    row = {"ma_chi_tieu": "3.a.2", "ky": "2024", "gia_tri": "97", "nguon": "Báo cáo của Sở",
           "ngay_thu_thap": "20/12/2024", "ly_do_sua": REASON}  # fmt: skip
    assert import_rows(lambda: iter([(2, row)]), today=date(2025, 1, 5)).written
    soup = home(client)
    assert headline(soup) != moved, "the correction moved the rate"
    text = " ".join(trace_of(soup).select_one("li").get_text(" ").split())
    assert "Năm 2024: 97%" in text and "90% → 97%" in text and REASON in text
    links = {a["href"] for a in trace_of(soup).select("a")}
    assert {"/du-lieu/thay-doi/rss/", "/du-lieu/thay-doi/atom/", "/du-lieu/"} <= links


def test_only_the_figures_the_rate_counts_newest_first(client):
    figure("3.a.2", "96")
    figure("3.a.5", "70")
    indicator = Indicator.objects.get(code="3.a.2")
    Result.objects.create(indicator=indicator, period="2024-Q1", value=Decimal(12), source_name="Báo cáo quý",
                          captured_on=date(2024, 4, 15))  # fmt: skip  # newest, but not what the status rests on
    items = trace_of(home(client)).select("li")
    assert [li.select_one("a").get_text(strip=True) for li in items] == ["Chỉ tiêu 3.a.5", "Chỉ tiêu 3.a.2"]
    assert "Báo cáo quý" not in " ".join(li.get_text(" ") for li in items)
