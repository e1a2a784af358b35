"""Which addresses the caching proxy is told to drop (plan/public/proxy.py): the pages
that show what changed, and no page of another area."""

import pytest

from plan.models import AreaPage, Indicator, Task
from plan.public import proxy

pytestmark = pytest.mark.django_db

PLAN = "/ke-hoach/cchc-2024/"
AREA = PLAN + "cai-cach-thu-tuc-hanh-chinh/"


def test_an_indicator_purges_the_pages_that_show_it():
    indicator = Indicator.objects.for_table().prefetch_related("topics").get(code="3.a.2")
    paths = proxy.item_paths(indicators=[indicator])
    assert {AREA + "chi-tieu/3-a-2/", AREA, PLAN, PLAN + "tien-do/", PLAN + "phu-luc/", "/"} <= paths
    assert {"/du-lieu/chi-tieu.csv", "/du-lieu/ket-qua.json", "/du-lieu/datapackage.json", "/sitemap.xml"} <= paths
    assert f"/co-quan/{indicator.responsible_agency.code}/" in paths
    assert {f"/chu-de/{topic.slug}/" for topic in indicator.topics.all()} <= paths
    other_areas = {area.get_url() for area in AreaPage.objects.exclude(pk=indicator.area_id)}
    assert other_areas and not other_areas & paths


def test_a_task_purges_its_page_its_agencies_and_its_topics():
    task = Task.objects.for_table().get(code="3.4")
    paths = proxy.item_paths(tasks=[task])
    assert {AREA + "nhiem-vu/3-4/", AREA, PLAN + "tien-do/"} <= paths
    agencies = {task.lead_agency, *task.coordinating_agencies.all()}
    assert {f"/co-quan/{agency.code}/" for agency in agencies} <= paths


def test_an_area_published_purges_the_pages_of_its_tasks_and_indicators():
    area = AreaPage.objects.get(slug="cai-cach-thu-tuc-hanh-chinh")
    paths = proxy.page_paths(area)
    assert {task.get_url() for task in Task.objects.filter(area=area)} <= paths
    assert {indicator.get_url() for indicator in Indicator.objects.filter(area=area)} <= paths
    assert {PLAN, PLAN + "tien-do/", "/"} <= paths
