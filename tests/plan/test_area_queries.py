"""The area page's own statements (plan/content/area_queries.py) give what the ORM
queries they stand for give."""

import pytest

from plan.content import area_queries, queries
from plan.content.provenance_data import area_key
from plan.models import LoadRecord
from tests.builders import AgencyFactory, area_page, plan_page

pytestmark = pytest.mark.django_db


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
    assert area_queries.plan_year_and_loaded(area, plan.pk) == (2031, None)
    values = {"tasks": [{"id": "1.1", "text": "Nhiệm vụ có “ngoặc” và dấu"}], "number": 1}
    LoadRecord.objects.create(key=area_key(area), values=values)
    assert area_queries.plan_year_and_loaded(area, plan.pk) == (2031, values)
