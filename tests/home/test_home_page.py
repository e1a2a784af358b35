"""The home page answers "how is the plan going?": status counts for the whole plan and
by area as bars and as a table, the latest public updates, and the ways into the site."""

from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from plan.models import Indicator, PlanPage, Result, Task, TaskProgress, UpdatePage
from plan.vocabulary import ReportedTaskStatus
from tests.plan.test_query_counts import multiply_content

pytestmark = pytest.mark.django_db


def add_result(code, value, demo=False):
    Result.objects.create(
        indicator=Indicator.objects.get(code=code),
        period="2024",
        value=Decimal(value),
        source_name="Nguồn",
        captured_on=date(2024, 12, 20),
        is_demo=demo,
    )


def home(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def add_update(title, private=False):
    plan = PlanPage.objects.get(slug="cchc-2024")
    update = UpdatePage(
        title=title, slug=f"tin-{abs(hash(title))}", summary="Tóm tắt", body="<p>Nội dung</p>", date=date(2024, 5, 1)
    )
    plan.add_child(instance=update)
    update.save_revision().publish()
    if private:
        PageViewRestriction.objects.create(page=update, restriction_type=PageViewRestriction.LOGIN)
    return update


def test_the_home_page_shows_the_plans_status_in_words_bars_and_a_table(client):
    add_result("3.a.2", "96")  # 95–100%: met
    add_result("3.a.1", "50")  # ≥ 100%: a yearly figure short of it, not met
    TaskProgress.objects.create(task=Task.objects.get(code="3.4"), status=ReportedTaskStatus.DONE)
    page = home(client)
    status = page.select_one("#tinh-hinh").find_parent("section")
    text = status.get_text(" ", strip=True)
    assert "1 trên 2 chỉ tiêu đã có số liệu đạt mục tiêu (50,0%)" in text
    assert "1 trên 57 nhiệm vụ đã hoàn thành" in text
    assert "Năm kế hoạch 2024 đã kết thúc" in text  # the tests run after 2024
    bars = status.select(".status-groups .stacked-bar")
    assert len(status.select(".status-group")) == 8
    labels = [bar["aria-label"] for bar in status.select(".stacked-bar[role=img]")]
    assert any(
        label.startswith("3. Cải cách thủ tục hành chính, chỉ tiêu:") and "Đạt: 1; Không đạt: 1" in label
        for label in labels
    )
    assert bars and all(bar.select(".bar-seg-label") for bar in bars)  # every segment says its count
    # The same figures as a table: the whole plan's row, then one per area.
    table = status.select_one("details table")
    rows = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")]
        for row in table.select("tbody tr")
    }
    assert rows["Toàn bộ kế hoạch"][:4] == ["1", "0", "1", str(Indicator.objects.filter(live=True).count() - 2)]
    assert next(cells for title, cells in rows.items() if title.startswith("3."))[:3] == ["1", "0", "1"]


def test_the_home_page_leads_to_the_plan_the_dashboard_search_open_data_and_the_method(client):
    links = {a["href"] for a in home(client).select("main a[href]")}
    expected = {
        "/ke-hoach/cchc-2024/",
        "/ke-hoach/cchc-2024/tien-do/",
        "/chu-de/",
        "/co-quan/",
        "/tim-kiem/",
        "/du-lieu/",
        "/cach-tinh-tien-do/",
    }
    assert expected <= links


def test_only_public_updates_are_listed(client):
    add_update("Tin công khai về tiến độ")
    add_update("Tin nội bộ chưa công bố", private=True)
    text = home(client).get_text(" ", strip=True)
    assert "Tin công khai về tiến độ" in text and "Tin nội bộ chưa công bố" not in text


def test_figures_resting_on_demo_data_are_labelled_where_they_count(client):
    add_result("3.a.2", "96", demo=True)
    add_result("2.a.1", "100")
    status = home(client).select_one("#tinh-hinh").find_parent("section")
    groups = {g.select_one(".status-group-title").get_text(" ", strip=True): g for g in status.select(".status-group")}
    area_3 = next(title for title in groups if title.startswith("3."))
    area_2 = next(title for title in groups if title.startswith("2."))
    assert area_3.endswith("Dữ liệu minh họa") and not area_2.endswith("Dữ liệu minh họa")
    headline = status.select(".headline")[0].get_text(" ", strip=True)
    assert "Dữ liệu minh họa" in headline
    assert "Chưa có số liệu chính thức nào" not in status.get_text()


def test_a_site_with_only_demo_figures_says_so_at_the_top(client):
    add_result("3.a.2", "96", demo=True)
    assert "Chưa có số liệu chính thức nào" in home(client).select_one("#tinh-hinh").find_parent("section").get_text()


def test_the_home_page_query_count_does_not_grow_with_content(client):
    def count():
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    multiply_content(2, only_first=True)
    before = count()
    multiply_content(10)
    assert count() == before
    assert before <= 25, f"the home page issues {before} queries"
