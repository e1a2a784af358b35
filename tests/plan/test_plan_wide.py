"""What every page of a plan says about the plan as a whole (plan/public/plan_wide.py)
is kept per process under the page cache's generation: a change shows on the next
request of a page that was read before it."""

from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from indices.models import IndexFigure
from plan.models import Agency, AgencySuccession, AreaPage, Indicator, PlanPage, Task
from reports.closing import close_year

pytestmark = pytest.mark.django_db

PLAN = "/ke-hoach/cchc-2024/"


def pages():
    task, indicator = Task.objects.order_by("code").first(), Indicator.objects.filter(live=True).first()
    area = task.area.specific
    return [PLAN, area.url, task.get_url(), indicator.get_url(), PLAN + "tien-do/", PLAN + "phu-luc/"]


def test_a_succession_entered_after_a_page_was_read_shows_on_the_next_request(client):
    urls = pages()
    assert all("Thay đổi về địa giới" not in client.get(url).content.decode() for url in urls)
    AgencySuccession.objects.create(
        predecessor=Agency.objects.get(name="Ủy ban nhân dân tỉnh Hải Dương"),
        successor=Agency.objects.create(code="ubnd-thanh-pho-hai-phong", name="Ủy ban nhân dân thành phố Hải Phòng"),
        effective_from=date(2025, 7, 1),
    )
    for url in urls:
        assert "Ủy ban nhân dân tỉnh Hải Dương sáp nhập vào" in client.get(url).content.decode(), url


def test_a_year_closed_after_a_page_was_read_shows_on_the_next_request(client):
    urls = pages()[:3] + [PLAN + "tien-do/"]  # the plan, an area, a task, the dashboard
    closed = "Năm kế hoạch 2024 đã khép lại ngày 10/01/2025"
    assert all(closed not in client.get(url).content.decode() for url in urls)
    close_year(2024, date(2025, 1, 10))
    for url in urls:
        assert closed in client.get(url).content.decode(), url


AREA = PLAN + "cai-cach-thu-tuc-hanh-chinh/"


def answerable(client):
    """The area's “Cơ quan chịu trách nhiệm” line."""
    page = client.get(AREA).content.decode()
    return page.split("Cơ quan chịu trách nhiệm (theo mục IV)</dt>")[1].split("</dd>")[0]


def test_an_agency_renamed_after_an_area_was_read_shows_on_the_next_request(client):
    agency = AreaPage.objects.get(url_path__endswith="/cai-cach-thu-tuc-hanh-chinh/").answerable_agencies.first()
    assert agency.name in answerable(client)
    agency.name = "Văn phòng Ủy ban nhân dân tỉnh (tên mới)"
    agency.save()
    assert "Văn phòng Ủy ban nhân dân tỉnh (tên mới)" in answerable(client)


def test_a_par_index_figure_published_after_an_area_was_read_shows_on_the_next_request(client):
    assert "Điểm của Hải Dương: chưa tìm thấy số liệu công bố" in client.get(AREA).content.decode()
    IndexFigure.objects.create(
        index="PAR_INDEX", year=2024, unit="Hải Dương", level="component",
        measure="Cải cách thủ tục hành chính", value=Decimal("85.25"), source_kind="portal",
        source_name="Bộ Nội vụ", source_url="https://example.org/par", quote="đạt 85.25",
        read_on=date(2025, 5, 1),
    )  # fmt: skip
    page = client.get(AREA).content.decode()
    assert "<strong>85,25</strong>" in page and "chưa tìm thấy số liệu công bố" not in page


def plan_history(client):
    page = BeautifulSoup(client.get(PLAN).content, "html.parser")
    return " ".join(page.select_one("#thay-doi").find_parent("section").get_text(" ").split())


def test_a_change_published_after_the_plan_page_was_read_shows_in_its_history(client, admin_user):
    assert "(bản cập nhật)" not in plan_history(client)
    plan = PlanPage.objects.get(slug="cchc-2024")
    plan.subtitle += " (bản cập nhật)"
    plan.save_revision(user=admin_user).publish(user=admin_user)
    history = plan_history(client)
    assert "Trích yếu" in history and "(bản cập nhật)" in history
