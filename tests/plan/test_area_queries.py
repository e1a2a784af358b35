"""The area page's own statements (plan/content/area_queries.py) give what the ORM
queries they stand for give."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan.content import area_queries, queries
from plan.content.provenance_data import area_key
from plan.models import LoadRecord, PlanPage, Task, UpdatePage
from tests.builders import AgencyFactory, IndicatorFactory, area_page, plan_page, task

pytestmark = pytest.mark.django_db

AREA3 = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"


def test_agencies_as_the_orm_reads_them():
    answerable, both, supporting, elsewhere = (AgencyFactory(name=n) for n in ("Sở B", "Sở A", "Sở C", "Sở D"))
    area = area_page(answerable=[answerable, both])
    area.supporting_agencies.set([both, supporting])
    area.save()  # a parental relation is written with its page
    other = area_page(answerable=[elsewhere])
    other.supporting_agencies.set([answerable])
    other.save()

    found = area_queries.area_agencies(area)
    expected = queries.area_agencies(area)

    def shown(agencies):
        return [(a.pk, a.code, a.name, a.get_absolute_url()) for a in agencies]

    for key in ("answerable_agencies", "supporting_agencies"):
        assert shown(found[key]) == shown(expected[key])
    assert [a.name for a in found["answerable_agencies"]] == ["Sở A", "Sở B"]
    assert [a.name for a in found["supporting_agencies"]] == ["Sở C"]


def test_an_area_without_agencies():
    assert area_queries.area_agencies(area_page()) == {"answerable_agencies": [], "supporting_agencies": []}


def test_plan_year_and_what_load_plan_wrote():
    plan = plan_page(year=2031)
    area = area_page(plan=plan)
    assert area_queries.area_facts(area, plan.pk) == (2031, None, False)
    values = {"tasks": [{"id": "1.1", "text": "Nhiệm vụ có “ngoặc” và dấu"}], "number": 1}
    LoadRecord.objects.create(key=area_key(area), values=values)
    assert area_queries.area_facts(area, plan.pk) == (2031, values, False)


@pytest.mark.parametrize("linked", ["task", "indicator"])
def test_an_update_linked_to_a_task_or_an_indicator(linked):
    plan = plan_page()
    area = area_page(plan=plan)
    update = UpdatePage(title="Tin", slug="tin", summary="Tóm tắt", body="<p>Nội dung</p>", date=date(2024, 6, 1))
    plan.add_child(instance=update)
    assert area_queries.area_facts(area, plan.pk)[2] is False
    if linked == "task":
        update.tasks.set([task(area)])
    else:
        update.indicators.set([IndicatorFactory(area=area)])
    update.save()
    assert area_queries.area_facts(area, plan.pk)[2] is True
    assert area_queries.area_facts(area_page(plan=plan), plan.pk)[2] is False


def test_the_area_page_reads_its_updates_only_when_linked(client):
    client.get(AREA3)  # caches filled once per process
    with CaptureQueriesContext(connection) as without:
        html = client.get(AREA3).content.decode()
    assert 'id="tin-cap-nhat"' not in html
    plan = PlanPage.objects.get()
    update = UpdatePage(
        title="Tin mới về tiến độ", slug="tin-moi", summary="Tóm tắt", body="<p>Nội dung</p>", date=date(2024, 6, 1)
    )
    plan.add_child(instance=update)
    update.save_revision().publish()
    update.tasks.set([Task.objects.get(code="3.4")])
    update.save()
    client.get(AREA3)  # the caches a publication emptied, filled again
    with CaptureQueriesContext(connection) as linked:
        html = client.get(AREA3).content.decode()
    assert "Tin mới về tiến độ" in html
    assert len(linked) == len(without) + 1
