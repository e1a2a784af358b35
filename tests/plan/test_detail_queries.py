"""A task's or an indicator's page reads its updates (and an indicator's page its
corrected figures) only when some are linked to it: one query more then, and they show."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan.models import Indicator, PlanPage, Task, UpdatePage

pytestmark = pytest.mark.django_db

AREA3 = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"


def page_queries(client, url):
    client.get(url)  # caches filled once per process
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize(
    ("url", "link"),
    [
        (AREA3 + "nhiem-vu/3-4/", lambda page: page.tasks.set([Task.objects.get(code="3.4")])),
        (AREA3 + "chi-tieu/3-a-2/", lambda page: page.indicators.set([Indicator.objects.get(code="3.a.2")])),
    ],
)
def test_updates_are_read_only_when_linked(client, url, link):
    without, html = page_queries(client, url)
    assert 'id="tin-cap-nhat"' not in html  # the section of updates ("Tin cập nhật" is also in the menu)
    plan = PlanPage.objects.get()
    update = UpdatePage(
        title="Tin mới về tiến độ", slug="tin-moi", summary="Tóm tắt", body="<p>Nội dung</p>", date=date(2024, 6, 1)
    )
    plan.add_child(instance=update)
    link(update)
    update.save_revision().publish()
    with_update, html = page_queries(client, url)
    assert "Tin mới về tiến độ" in html
    assert with_update == without + 1


def fields(obj):
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}
