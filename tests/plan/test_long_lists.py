"""The tables of an area's, an agency's and a topic's page show LIST_SIZE rows a page,
with links to the other pages that keep the other tables' pages, and the totals; the
first page of a short table has no page links. The appendix shows at most
TASKS_PER_AREA tasks an area and says where the others are."""

import pytest
from bs4 import BeautifulSoup

from plan.models import AreaPage, Indicator, Task, Topic
from plan.paging import LIST_SIZE
from plan.public.presenters.appendix import TASKS_PER_AREA
from tests.builders import AgencyFactory, IndicatorFactory, task

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


def test_an_areas_tables_are_paged_and_its_progress_counts_every_row(client):
    area = AreaPage.objects.live().order_by("number").first()
    before = Task.objects.filter(area=area).count()
    for n in range(LIST_SIZE + 5 - before):
        task(area, text=f"Nhiệm vụ thêm {n:03d}", sort_order=1000 + n)
    extra = LIST_SIZE + 2 - Indicator.objects.filter(area=area).count()  # area 1 holds task 1.3's target
    for n in range(extra):
        IndicatorFactory(area=area, code=f"{area.number}.z.{n}", sort_order=1000 + n, bullet=50 + n // 10,
                         original_wording=f"Ý {n // 10}")  # fmt: skip

    first = html(client, area.url)
    assert len(rows_of(first, "nhiem-vu")) == LIST_SIZE
    assert f"Nhiệm vụ</a> ({LIST_SIZE + 5})" in str(first.select_one("nav.page-toc"))
    assert f"Dòng 1–{LIST_SIZE} trong {LIST_SIZE + 5}" in first.get_text()
    pages = first.find("nav", attrs={"aria-label": "Các trang nhiệm vụ của lĩnh vực"})
    assert pages.find("a", rel="next")["href"] == "?trang_nhiem_vu=2#nhiem-vu"
    rollup = first.find(id="tong-hop").find_parent("section").get_text()
    assert str(LIST_SIZE + 5) in rollup and str(LIST_SIZE + 2) in rollup  # every task and indicator counted
    indicator_pages = first.find("nav", attrs={"aria-label": "Các trang chỉ tiêu của lĩnh vực"})
    assert indicator_pages.find("a", rel="next")["href"] == "?trang_chi_tieu=2#chi-tieu"

    second = html(client, area.url + "?trang_nhiem_vu=2&trang_chi_tieu=2")
    shown = "".join(row.get_text() for row in rows_of(second, "nhiem-vu"))
    assert len(rows_of(second, "nhiem-vu")) == 5 and "Nhiệm vụ thêm" in shown
    indicators = second.find(id="chi-tieu").find_parent("section").get_text()
    assert f"{area.number}.z.{extra - 1}" in indicators and f"{area.number}.z.0 " not in indicators
    assert html(client, area.url + "?trang_nhiem_vu=abc").find(id="nhiem-vu")  # not a number: the first page
    context = client.get(area.url + "?trang_nhiem_vu=2&trang_chi_tieu=2").context
    shown = [row.task for row in context["task_rows"]] + [
        row.indicator for g in context["indicator_groups"] for row in g.rows
    ]
    assert shown and all(item.provenance for item in shown)  # worked out for the rows shown, on any page


def test_the_appendix_shows_at_most_tasks_per_area_and_says_where_the_rest_are(client):
    area = AreaPage.objects.live().order_by("number").first()
    total = TASKS_PER_AREA + 3
    for n in range(total - Task.objects.filter(area=area).count()):
        task(area, text=f"Nhiệm vụ thêm {n:03d}", sort_order=1000 + n)
    page = html(client, "/ke-hoach/cchc-2024/phu-luc/")
    section = page.find(id=f"linh-vuc-{area.number}")
    assert len(section.select("tbody tr")) == TASKS_PER_AREA
    assert f"({total} nhiệm vụ)" in section.find("summary").get_text()
    note = section.find(string=lambda text: text and "Bảng chỉ hiện" in text).parent
    assert f"Bảng chỉ hiện {TASKS_PER_AREA} nhiệm vụ đầu trong {total}" in note.get_text()
    assert note.find("a", href=area.url) and note.find("a", string="Dữ liệu mở")
    other = page.find(id=f"linh-vuc-{area.number + 1}")
    assert "Bảng chỉ hiện" not in other.get_text()
