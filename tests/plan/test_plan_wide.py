"""What every page of a plan says about the plan as a whole (plan/public/plan_wide.py)
is kept per process under the page cache's generation: a change shows on the next
request of a page that was read before it."""

from datetime import date

import pytest

from plan.models import Agency, AgencySuccession, Indicator, Task
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
