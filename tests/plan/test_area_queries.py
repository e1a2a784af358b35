"""The area page's own statements (plan/content/area_queries.py) give what the ORM
queries they stand for give."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan.content import area_queries, history, queries
from plan.content.history_data import page_contents, page_history
from plan.content.provenance_data import area_key
from plan.models import LoadRecord, PlanPage, Task, UpdatePage
from plan.progress import read_model
from tests.builders import (
    AgencyFactory,
    IndicatorFactory,
    ResultFactory,
    TaskProgressFactory,
    TopicFactory,
    area_page,
    plan_page,
    published_update,
    task,
)

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

    found = area_queries.area_facts(area, area.get_parent().pk).agencies
    expected = queries.area_agencies(area)

    def shown(agencies):
        return [(a.pk, a.code, a.name, a.get_absolute_url()) for a in agencies]

    for key in ("answerable_agencies", "supporting_agencies"):
        assert shown(found[key]) == shown(expected[key])
    assert [a.name for a in found["answerable_agencies"]] == ["Sở A", "Sở B"]
    assert [a.name for a in found["supporting_agencies"]] == ["Sở C"]


def test_an_area_without_agencies():
    area = area_page()
    assert area_queries.area_tasks(area) == []
    assert area_queries.area_facts(area, area.get_parent().pk).agencies == {
        "answerable_agencies": [],
        "supporting_agencies": [],
    }


def test_plan_year_and_what_load_plan_wrote():
    plan = plan_page(year=2031)
    area = area_page(plan=plan)
    assert area_queries.area_facts(area, plan.pk)[:3] == (2031, None, False)
    values = {"tasks": [{"id": "1.1", "text": "Nhiệm vụ có “ngoặc” và dấu"}], "number": 1}
    LoadRecord.objects.create(key=area_key(area), values=values)
    assert area_queries.area_facts(area, plan.pk)[:3] == (2031, values, False)


@pytest.mark.parametrize("linked", ["task", "indicator"])
def test_an_update_linked_to_a_task_or_an_indicator(linked):
    plan = plan_page()
    area = area_page(plan=plan)
    update = UpdatePage(title="Tin", slug="tin", summary="Tóm tắt", body="<p>Nội dung</p>", date=date(2024, 6, 1))
    plan.add_child(instance=update)
    assert area_queries.area_facts(area, plan.pk).has_updates is False
    if linked == "task":
        update.tasks.set([task(area)])
    else:
        update.indicators.set([IndicatorFactory(area=area)])
    update.save()
    assert area_queries.area_facts(area, plan.pk).has_updates is True
    assert area_queries.area_facts(area_page(plan=plan), plan.pk).has_updates is False


def test_the_area_page_reads_its_updates_only_when_linked(client):
    client.get(AREA3)  # caches filled once per process
    with CaptureQueriesContext(connection) as without:
        html = client.get(AREA3).content.decode()
    assert 'id="tin-cap-nhat"' not in html
    plan = PlanPage.objects.get()
    published_update(plan, "Tin mới về tiến độ", tasks=[Task.objects.get(code="3.4")])
    client.get(AREA3)  # the caches a publication emptied, filled again
    with CaptureQueriesContext(connection) as linked:
        html = client.get(AREA3).content.decode()
    assert "Tin mới về tiến độ" in html
    assert len(linked) == len(without) + 1


def shown_task(task, report):
    """What the area's table and a task's provenance read of a task and its latest report."""
    return (
        task.pk, task.code, task.group, task.text, task.lead_agency_derived, task.coordinating_derived,
        task.deadline_text, task.due_date, task.detail_url,
        task.lead_agency and (task.lead_agency.pk, task.lead_agency.code, task.lead_agency.name),
        [(a.pk, a.code, a.name, a.get_absolute_url()) for a in task.coordinating_agencies.all()],
        [(t.pk, t.slug, t.name, t.get_absolute_url()) for t in task.topics.all()],
        report and (report.status, report.percent, report.is_demo),
    )  # fmt: skip


def test_tasks_as_the_orm_reads_them():
    area = area_page()
    lead, first, second = (AgencyFactory(name=n) for n in ("Sở Nội vụ", "Sở Y tế", "Sở Công Thương"))
    first_topic, second_topic = TopicFactory(name="Một cửa"), TopicFactory(name="Chuyển đổi số")
    linked = task(area, lead_agency=lead, group="Nhóm <1>", deadline_text="Quý II", due_date=date(2024, 6, 30))
    linked.coordinating_agencies.set([first, second])
    linked.topics.set([first_topic, second_topic])
    linked.save()
    task(area, lead_agency_derived=True, coordinating_derived=True, text="Nhiệm vụ “không” có <b>liên kết</b>")
    reported = task(area, lead_agency=first)
    TaskProgressFactory(task=reported, reported_on=date(2024, 3, 31), status="done", percent=100)
    TaskProgressFactory(task=reported, reported_on=date(2024, 6, 30), percent=40, is_demo=True)
    TaskProgressFactory(task=linked, reported_on=date(2024, 6, 30), status="not_started")
    TaskProgressFactory(task=linked, reported_on=date(2024, 6, 30), status="in_progress", percent=10)
    task(area_page(), lead_agency=lead)  # another area's

    found = area_queries.area_tasks(area)
    area_queries.area_facts(area, area.get_parent().pk, found)
    expected = queries.area_tasks(area)
    reports = read_model.latest_progress_by_task([t.pk for t in expected], light=True)
    assert [shown_task(t, t.report) for t in found] == [shown_task(t, reports.get(t.pk)) for t in expected]
    assert [t.report and t.report.percent for t in found] == [10, None, 40]
    assert [a.name for a in found[0].coordinating_agencies.all()] == ["Sở Công Thương", "Sở Y tế"]


def shown_indicator(indicator, results):
    """What the area's table, the status rule and provenance read of an indicator and
    of its results of its own level and latest period end."""
    return (
        indicator.pk, indicator.code, indicator.original_wording, indicator.statement, indicator.metric,
        indicator.unit, indicator.comparator, indicator.target_value, indicator.target_value_max, indicator.level,
        indicator.frequency, indicator.public_source, indicator.public_source_url, indicator.live_revision_id,
        indicator.loaded_values, indicator.detail_url, indicator.target_display, indicator.get_level_display(),
        indicator.responsible_agency and (indicator.responsible_agency.pk, indicator.responsible_agency.name),
        sorted(
            (r.period, r.scope, r.value, r.source_name, r.source_url, r.captured_on, r.is_demo, r.period_label,
             r.get_scope_display()) for r in results
        ),
    )  # fmt: skip


def test_indicators_and_their_latest_results_as_the_orm_reads_them():
    area = area_page()
    agency = AgencyFactory(name="Sở <Nội vụ>")
    plain = IndicatorFactory(area=area, sort_order=1, responsible_agency=agency, target_value=Decimal("95.5"))
    between = IndicatorFactory(
        area=area, sort_order=2, comparator="between", target_value=Decimal(10), target_value_max=Decimal("12.25"),
        unit="phút", level="district", public_source="Cổng <dịch vụ>", public_source_url="https://a.vn/?x=1&y=2",
    )  # fmt: skip
    IndicatorFactory(area=area, sort_order=3, comparator="done", target_value=None, unit="")
    IndicatorFactory(area=area, sort_order=0, live=False)  # not published: not shown
    LoadRecord.objects.create(key=f"indicator:{plain.code}", values={"frequency": "yearly", "target_value": "95.5"})
    for period, value in (("2024-Q1", "80.125"), ("2024-H1", "90"), ("2024-06", "91.5")):
        ResultFactory(indicator=plain, period=period, value=Decimal(value), is_demo=True)
    ResultFactory(indicator=plain, period="2024", scope="district", value=Decimal(1))  # another level's
    ResultFactory(indicator=between, period="2024-Q3", scope="district", value=Decimal("11.5"), source_url="")
    ResultFactory(indicator=between, period="2024", scope="", value=Decimal(3))  # not the indicator's level
    ResultFactory(indicator=between, period="2024-Q2", scope="district", value=Decimal(9))

    found, results = area_queries.area_indicators(area)
    expected = queries.area_indicators(area)
    latest = read_model.results_by_indicator([i.pk for i in expected])
    assert [shown_indicator(i, results.get(i.pk, [])) for i in found] == [
        shown_indicator(i, [r for r in latest.get(i.pk, []) if r.scope == i.level]) for i in expected
    ]
    assert [len(results.get(i.pk, [])) for i in found] == [2, 1, 0]
    assert found[0].target_value == Decimal("95.50") and found[1].target_value_max == Decimal("12.25")


def test_published_versions_as_the_orm_reads_them(admin_user):
    plan = plan_page()
    area = area_page(plan=plan)
    facts = area_queries.area_facts(area, plan.pk)
    assert [when for when, _content in facts.versions] == [when for when, _ in page_contents(area)]
    assert facts.versions[0][1] is None  # one version: nothing to compare, nothing decoded
    assert area_queries.area_history(facts) == []
    area.heading_as_written = "Tiêu đề <mới>"
    area.save_revision(user=admin_user).publish(user=admin_user)
    facts = area_queries.area_facts(area, plan.pk)
    assert facts.versions == page_contents(area)
    assert len(facts.versions) == 2 and facts.versions[0][0].tzinfo is not None
    assert area_queries.area_history(facts) == page_history(area, history.AREA_FIELDS)
    assert "Tiêu đề" in [change.label for change in area_queries.area_history(facts)[0].changes]
