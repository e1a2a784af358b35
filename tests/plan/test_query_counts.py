"""The public pages issue the same number of queries at 1× and 10× the number of
tasks and indicators, with the demo figures, and no more than their ceiling (the count
measured: one more fails). Six of an area's, task's or indicator's queries are
Wagtail's routing (the site, its root page, the child at each level of the address,
then the ancestors with their view restrictions);
benchmarks/pages.py counts them with production's database cache, where each cache
read is a query too."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan.models import AreaPage, Indicator, Task

pytestmark = pytest.mark.django_db

PLAN_URL = "/ke-hoach/cchc-2024/"


def count_queries(client, url):
    client.get(url)  # warm caches that are filled once per process (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def multiply_content(factor, only_first=False):
    """Add (factor − 1) copies of every task and indicator (of the first of each, with
    `only_first`), spread over the areas."""
    for area in AreaPage.objects.all():
        tasks = list(area.tasks.all())[: 1 if only_first else None]
        indicators = list(Indicator.objects.filter(area=area))[: 1 if only_first else None]
        for copy_number in range(1, factor):
            for task in tasks:
                clone = Task.objects.create(
                    area=area,
                    code=f"{task.code}.{copy_number}{'e' if only_first else ''}",
                    text=task.text,
                    lead_agency=task.lead_agency,
                    sort_order=task.sort_order + 100 * copy_number,
                )
                clone.topics.set(task.topics.all())
                clone.coordinating_agencies.set(task.coordinating_agencies.all())
            for indicator in indicators:
                clone = Indicator.objects.create(
                    area=area,
                    code=f"{indicator.code}.x{copy_number}{'e' if only_first else ''}",
                    bullet=indicator.bullet,
                    original_wording=indicator.original_wording,
                    statement=indicator.statement,
                    metric=indicator.metric,
                    unit=indicator.unit,
                    comparator=indicator.comparator,
                    target_value=indicator.target_value,
                    target_value_max=indicator.target_value_max,
                    responsible_agency=indicator.responsible_agency,
                    live=True,
                )
                clone.topics.set(indicator.topics.all())


AREA_URL = PLAN_URL + "cai-cach-thu-tuc-hanh-chinh/"


@pytest.mark.parametrize(
    ("url", "ceiling"),
    [
        # The counts measured (benchmarks/pages.py counts one more per cache read: production's
        # cache is the database). Routing reads each level's child with its own fields in one
        # query (plan/models/child_pages.py) and the ancestors with their view restrictions in
        # one more; what every page of a plan says about the plan (the plan that follows, the
        # issuer's succession, the closed years, its reports) and what an area counts are kept
        # per page cache generation (plan/public/plan_wide.py); a task or an indicator reads the same one in
        # the plans before and after; an area its PAR INDEX component's latest score.
        ("/", 11),  # the real figures that changed last, beside the rate
        (PLAN_URL, 12),
        (AREA_URL, 13),
        (AREA_URL + "chi-tieu/3-a-2/", 10),
        (AREA_URL + "nhiem-vu/3-4/", 11),
        (PLAN_URL + "tien-do/", 11),
        (PLAN_URL + "tien-do/?linh_vuc=3&trang=2", 12),
        (PLAN_URL + "chinh-quyen-dien-tu-chinh-quyen-so/", 13),
        (PLAN_URL + "phu-luc/", 13),
        ("/co-quan/so-noi-vu/", 20),
        ("/chu-de/so-hoa/", 9),
    ],
)
def test_query_count_does_not_grow_with_content(client, url, ceiling):
    call_command("load_demo_results", stdout=io.StringIO())
    # One task and one indicator entered by an editor (no LoadRecord) from the start,
    # so that both counts include the one query that reads who published them.
    multiply_content(2, only_first=True)
    before = count_queries(client, url)
    tasks = Task.objects.count()
    multiply_content(10)
    assert Task.objects.count() > 9 * tasks
    assert count_queries(client, url) == before
    assert before <= ceiling, f"{url} issues {before} queries"
