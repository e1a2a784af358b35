"""A task's or an indicator's page reads its updates (and an indicator's page its
corrected figures) only when some are linked to it: one query more then, and they show."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan.content import detail_queries
from plan.models import Indicator, LoadRecord, PlanPage, Result, ResultHistory, Task, TaskProgress, UpdatePage
from plan.vocabulary import ResultOrigin

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
    assert "Tin cập nhật" not in html
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


def test_the_plain_statements_read_what_the_orm_reads():
    """detail_task and detail_indicator (one plain statement each) against the ORM, for
    every task and live indicator of the plan: every field, the agency as select_related
    gives it, topics and coordinating agencies, what load_plan wrote, the plan's year,
    and the results at the indicator's level."""
    plan = PlanPage.objects.get()
    corrected = Indicator.objects.get(code="3.a.2")
    source = {"source_name": "Nguồn", "captured_on": date(2024, 7, 1)}
    for period, value in (("2024-Q2", 97), ("2024-Q1", 95)):
        Result.objects.create(indicator=corrected, period=period, scope=corrected.level, value=Decimal(value), **source)
    other_level = "commune" if corrected.level != "commune" else "district"
    Result.objects.create(indicator=corrected, period="2024-Q1", scope=other_level, value=1, **source)
    ResultHistory.objects.create(
        result=corrected.results.first(), origin=ResultOrigin.MANUAL, previous_value=Decimal(90), new_value=Decimal(95)
    )
    seen_agency = seen_topics = seen_corrections = seen_results = False
    for indicator in Indicator.objects.filter(live=True).select_related("area", "responsible_agency"):
        found = detail_queries.detail_indicator(indicator.area, indicator.code, plan.pk)
        assert fields(found) == fields(indicator)
        assert found.responsible_agency == indicator.responsible_agency
        if found.responsible_agency:
            assert fields(found.responsible_agency) == fields(indicator.responsible_agency)
            seen_agency = True
        assert [t.slug for t in found.topics.all()] == [t.slug for t in indicator.topics.order_by("name")]
        seen_topics |= bool(found.topics.all())
        record = LoadRecord.objects.filter(key=f"indicator:{indicator.code}").first()
        assert found.loaded_values == (record.values if record else None)
        assert found.plan_year == plan.year and found.has_updates is False
        has_corrections = ResultHistory.objects.filter(result__indicator=indicator, previous_value__isnull=False)
        assert found.has_corrections is has_corrections.exists()
        seen_corrections |= found.has_corrections
        expected = indicator.results.filter(scope=indicator.level).order_by("period_end", "period")
        assert [fields(r) for r in detail_queries.detail_results(found)] == [fields(r) for r in expected]
        seen_results = seen_results or len(expected) == 2
    assert seen_agency and seen_results and seen_topics and seen_corrections
    assert detail_queries.detail_indicator(corrected.area, "không-có", plan.pk) is None
    reported = Task.objects.get(code="3.4")
    for day, percent in ((3, 20), (9, 60), (9, 70)):  # the same day: the later report first
        TaskProgress.objects.create(
            task=reported, status="in_progress", percent=percent, reported_on=date(2024, 6, day)
        )
    assert [r.percent for r in detail_queries.detail_reports(reported)] == [70, 60, 20]
    for task in Task.objects.select_related("area", "lead_agency"):
        found = detail_queries.detail_task(task.area, task.code)
        assert fields(found) == fields(task) and found.lead_agency == task.lead_agency
        assert [a.code for a in found.coordinating_agencies.all()] == [
            a.code for a in task.coordinating_agencies.order_by("name", "pk")
        ]
        assert [t.slug for t in found.topics.all()] == [t.slug for t in task.topics.order_by("name", "pk")]
        record = LoadRecord.objects.filter(key=f"areapage:{task.area.url_path}").first()
        assert found.area_loaded == (record.values if record else None) and found.has_updates is False
        expected = task.progress_reports.order_by("-reported_on", "-created_at")
        assert [fields(r) for r in detail_queries.detail_reports(found)] == [fields(r) for r in expected]
