"""What the site adds to the document is marked as the site's: the national motto and
the issuing body (the published draft has neither), the indicators' short names; the
method page does not describe a done-type target by a number."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from plan.models import Indicator, PlanPage

pytestmark = pytest.mark.django_db
SOURCE = "plan/data/source/ke-hoach-cchc-hai-duong-2024.txt"


def soup(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_the_motto_and_issuing_body_are_marked_as_the_sites(client):
    published = open(SOURCE, encoding="utf-8").read()
    plan = PlanPage.objects.get()
    assert "Độc lập" not in published and plan.issuing_body not in published.split("KẾ HOẠCH")[0]
    page = soup(client, plan.url)
    for selector in (".motto", ".issuer"):
        mark = page.select_one(f"{selector} sup a")
        assert mark is not None and mark["href"] == "#ghi-chu-the-thuc", selector
    assert "do trang này thêm" in page.select_one("#ghi-chu-the-thuc").get_text()


def test_indicator_names_are_said_to_be_the_sites(client):
    indicator = Indicator.objects.get(code="3.a.2")
    assert indicator.metric not in indicator.original_wording
    detail = soup(client, indicator.get_url()).get_text(" ")
    assert "Tên chỉ tiêu là cách gọi ngắn do trang này đặt" in detail
    area = soup(client, indicator.area.url).get_text(" ")
    assert "Tên chỉ tiêu in đậm là cách gọi ngắn do trang này đặt" in area


def test_the_method_page_gives_no_number_for_done(client):
    text = soup(client, reverse("plan:method")).get_text(" ")
    assert "“hoàn thành”" in text and "giá trị 1" not in text
