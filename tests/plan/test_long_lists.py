"""The tables of an agency's and a topic's page show LIST_SIZE rows a page, with links
to the other pages that keep the other tables' pages, and the totals; the first page
of a short table has no page links."""

import pytest
from bs4 import BeautifulSoup

from plan.models import AreaPage, Task, Topic
from plan.public.views import LIST_SIZE
from tests.builders import AgencyFactory, task

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def rows_of(page, section_id):
    return page.find(id=section_id).find_parent("section").select("tbody tr")


def test_an_agencys_long_table_is_paged_and_its_total_shown(client):
    lead = AgencyFactory()
    area = AreaPage.objects.live().order_by("number").first()
    texts = [f"Nhiệm vụ số {n:03d}" for n in range(LIST_SIZE + 7)]
    for n, text in enumerate(texts):
        task(area, lead_agency=lead, text=text, sort_order=n)

    first = html(client, lead.get_absolute_url())
    assert len(rows_of(first, "chu-tri")) == LIST_SIZE
    assert f"Nhiệm vụ chủ trì</a> ({LIST_SIZE + 7})" in str(first.select_one("nav.page-toc"))
    pages = first.find("nav", attrs={"aria-label": "Các trang nhiệm vụ chủ trì"})
    assert pages.find("a", rel="next")["href"] == "?trang_chu_tri=2#chu-tri"
    assert f"Dòng 1–{LIST_SIZE} trong {LIST_SIZE + 7}" in first.get_text()
    assert not first.find("nav", attrs={"aria-label": "Các trang chỉ tiêu chịu trách nhiệm"})

    second = html(client, lead.get_absolute_url() + "?trang_chu_tri=2&trang_chi_tieu=1")
    shown = [row.get_text() for row in rows_of(second, "chu-tri")]
    assert len(shown) == 7 and all(text in "".join(shown) for text in texts[LIST_SIZE:])
    back = second.find("nav", attrs={"aria-label": "Các trang nhiệm vụ chủ trì"}).find("a", rel="prev")
    assert back["href"] == "?trang_chu_tri=1&trang_chi_tieu=1#chu-tri"  # the other table's page kept


def test_a_topics_task_table_is_paged(client):
    topic = Topic.objects.create(slug="chu-de-dai", name="Chủ đề dài")
    area = AreaPage.objects.live().order_by("number").first()
    for n in range(LIST_SIZE + 1):
        Task.topics.through.objects.create(task=task(area, sort_order=n), topic=topic)
    assert len(rows_of(html(client, topic.get_absolute_url()), "nhiem-vu")) == LIST_SIZE
    assert len(rows_of(html(client, topic.get_absolute_url() + "?trang_nhiem_vu=9"), "nhiem-vu")) == 1  # the last
