"""Illustrative figures stay labelled in every aggregate they enter, production refuses
them, and a command removes them."""

import io
from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.test import override_settings

from plan.models import Indicator, Result, Task, TaskProgress
from plan.vocabulary import ReportedTaskStatus

pytestmark = pytest.mark.django_db

DASHBOARD = "/ke-hoach/cchc-2024/tien-do/"


def add(code, value, demo):
    return Result.objects.create(
        indicator=Indicator.objects.get(code=code),
        period="2024",
        value=Decimal(value),
        source_name="Nguồn",
        captured_on=date(2024, 12, 20),
        is_demo=demo,
    )


def rollup_rows(client, section_id):
    page = BeautifulSoup(client.get(DASHBOARD).content, "html.parser")
    section = page.select_one(f"#{section_id}").find_parent("section")
    indicators = section.select("table")[0]  # the first table counts indicators, the second tasks
    return page, {row.th.get_text(strip=True): row.get_text(" ", strip=True) for row in indicators.select("tbody tr")}


def test_a_rate_resting_on_demo_figures_says_so_beside_it(client):
    add("3.a.2", "96", demo=True)  # area 3
    add("2.a.1", "100", demo=False)  # area 2: real
    page, areas = rollup_rows(client, "theo-linh-vuc")
    area_3 = next(text for title, text in areas.items() if title.startswith("3."))
    area_2 = next(text for title, text in areas.items() if title.startswith("2."))
    assert "Dữ liệu minh họa" in area_3 and "chỉ tiêu tính từ dữ liệu minh họa" in area_3
    assert "tính từ dữ liệu minh họa" not in area_2
    assert "Chưa có số liệu chính thức nào" not in page.get_text()


def test_a_site_with_only_demo_figures_says_so_at_the_top(client):
    add("3.a.2", "96", demo=True)
    TaskProgress.objects.create(task=Task.objects.get(code="3.4"), status=ReportedTaskStatus.DONE, is_demo=True)
    page, whole = rollup_rows(client, "toan-bo")
    assert "Chưa có số liệu chính thức nào" in page.get_text()
    assert all("minh họa" in text for text in whole.values())
    tasks = page.select_one("#toan-bo").find_parent("section").select("table")[1]
    assert "1/57 nhiệm vụ tính từ báo cáo minh họa" in tasks.get_text(" ", strip=True)


@override_settings(DEMO_DATA_ALLOWED=False)
def test_production_refuses_demo_figures():
    with pytest.raises(CommandError, match="không cho nạp số liệu minh họa"):
        call_command("load_demo_results", stdout=io.StringIO())
    assert not Result.objects.filter(is_demo=True).exists()


def test_remove_demo_results_keeps_real_figures():
    real = add("2.a.1", "100", demo=False)
    add("3.a.2", "96", demo=True)
    TaskProgress.objects.create(task=Task.objects.get(code="3.4"), status=ReportedTaskStatus.DONE, is_demo=True)
    out = io.StringIO()
    call_command("remove_demo_results", stdout=out)
    assert "Đã xóa 1 kết quả và 1 báo cáo tiến độ minh họa" in out.getvalue()
    assert list(Result.objects.all()) == [real] and not TaskProgress.objects.filter(is_demo=True).exists()


def test_a_joined_bullets_overall_status_says_when_it_rests_on_demo_figures(client):
    from collections import Counter

    wordings = Counter(Indicator.objects.filter(live=True).values_list("original_wording", flat=True))
    joined = next(wording for wording, count in wordings.items() if count > 1)
    first, *others = Indicator.objects.filter(original_wording=joined).order_by("sort_order", "code")

    def overall_line():
        page = BeautifulSoup(client.get(first.area.url).content, "html.parser")
        lines = [
            p
            for p in page.select("p.combined-status")
            if p.find_parent("li") and joined in p.find_parent("li").get_text()
        ]
        return lines[0].get_text(" ", strip=True)

    assert "Dữ liệu minh họa" not in overall_line()
    Result.objects.create(indicator=first, period="2024", scope=first.level, value=Decimal(1), source_name="Nguồn",
                          captured_on=date(2024, 12, 20), is_demo=True)  # fmt: skip
    assert "Dữ liệu minh họa" in overall_line() and "dựa cả vào số liệu minh họa" in overall_line()
