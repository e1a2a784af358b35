"""The dashboard's counts are kept (plan/public/dashboard_figures.py) until what pages
show changes or the day ends: a change is counted on the next request, and a request
that finds them kept reads only the list's own rows."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from plan.models import AreaPage, Indicator, PlanPage, Result
from plan.progress import state
from plan.public import dashboard_figures, page_cache
from plan.vocabulary import IndicatorStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kept")]

DASHBOARD = "/ke-hoach/cchc-2024/tien-do/"


@pytest.fixture
def kept():
    with override_settings(PROGRESS_SUMMARY_SECONDS=600):
        yield


def with_data(client, url=DASHBOARD):
    """(indicators with a figure, indicators) of the whole plan's row."""
    html = client.get(url).content.decode()
    found = re.search(r"(\d+)/(\d+) có số liệu", html)
    if found is None:
        return 0, int(re.search(r"Chưa chỉ tiêu nào trong (\d+) chỉ tiêu", html)[1])
    return int(found[1]), int(found[2])


def counted(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def without_figure():
    return Indicator.objects.filter(live=True).exclude(results__isnull=False).first()


def test_a_new_result_is_counted_on_the_next_request(client):
    before, total = with_data(client)
    assert with_data(client) == (before, total)  # kept
    Result.objects.create(
        indicator=without_figure(), period="2024", value=Decimal(1), source_name="Nguồn", captured_on=date(2024, 12, 31)
    )
    assert with_data(client) == (before + 1, total)


def test_a_published_indicator_is_counted_and_listed_on_the_next_request(client):
    _, total = with_data(client)
    model = Indicator.objects.filter(live=True).first()
    draft = Indicator.objects.create(
        area=model.area, code="3.a.99", bullet=99, sort_order=999, original_wording="Chỉ tiêu mới.",
        statement="Chỉ tiêu mới", metric="Thước đo mới", comparator=model.comparator,
        target_value=model.target_value, live=False,
    )  # fmt: skip
    assert with_data(client)[1] == total  # a draft is not counted
    draft.save_revision().publish()
    assert with_data(client)[1] == total + 1
    page = client.get(DASHBOARD + f"?linh_vuc={model.area.number}&trang_thai=no_data").content.decode()
    assert "3.a.99" in page


def test_kept_counts_spare_their_queries_and_serve_every_view(client):
    call_command("load_demo_results", stdout=io.StringIO())
    cold = counted(client, DASHBOARD)
    warm = counted(client, DASHBOARD)
    assert warm <= cold - 4  # areas, indicator counts, task counts, agencies
    assert counted(client, DASHBOARD + "?linh_vuc=3&trang=2") <= warm + 1  # the same figures; the list counts its rows
    assert counted(client, DASHBOARD + "?trang_thai=met") <= warm + 1


def test_the_figures_are_those_of_the_day(client):
    """The daily refresh stores the statuses of the day; the dashboard counts them."""
    plan = PlanPage.objects.get(slug="cchc-2024")
    area = AreaPage.objects.get(number=3)
    indicator = Indicator.objects.filter(area=area, live=True, frequency="quarterly").first() or without_figure()
    indicator.frequency = "quarterly"
    indicator.save()
    Result.objects.create(
        indicator=indicator, period="2024-Q1", value=Decimal(-1), source_name="Nguồn", captured_on=date(2024, 4, 1)
    )
    request = RequestFactory().get(DASHBOARD)
    counted_statuses = {}
    for day in (date(2024, 6, 1), date(2025, 1, 10)):
        state.refresh_all(day)
        indicator.refresh_from_db()
        figures = dashboard_figures.figures(plan, request, today=day)
        counted_statuses[day] = (indicator.status, figures.whole.indicators.counts[indicator.status])
    (during, during_count), (after, after_count) = counted_statuses.values()
    assert (during, after) == (IndicatorStatus.AT_RISK, IndicatorStatus.NOT_MET)
    assert during_count >= 1 and after_count >= 1


def test_an_indicator_saved_directly_is_counted_on_the_next_request(client):
    """Not published through the admin: written by a command or a shell."""
    _, total = with_data(client)
    model = Indicator.objects.filter(live=True).first()
    Indicator.objects.create(
        area=model.area, code="3.a.98", bullet=98, sort_order=998, original_wording="Chỉ tiêu mới.",
        statement="Chỉ tiêu mới", metric="Thước đo mới", comparator=model.comparator,
        target_value=model.target_value, live=True,
    )  # fmt: skip
    assert with_data(client)[1] == total + 1


def test_an_indicator_deleted_since_is_left_out_of_the_list(client):
    """Kept figures that still count an indicator deleted since (a change that reached
    the database without the signals that start a new generation) never list it."""
    client.get(DASHBOARD)
    gone = without_figure()
    code = gone.code
    kept_generation = page_cache.generation()
    gone.delete()
    page_cache.store().set(page_cache.GENERATION_KEY, kept_generation, None)
    page = client.get(DASHBOARD + f"?linh_vuc={AreaPage.objects.get(pk=gone.area_id).number}")
    assert page.status_code == 200 and f">{code}<" not in page.content.decode()
