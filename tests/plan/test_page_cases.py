"""Page models and their presenters on plans built for the purpose."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from plan.models import AppendixPage, AreaPage, PlanPage, UpdatePage
from plan.models.presenting import PresentedPage
from tests import builders

pytestmark = pytest.mark.django_db


def test_every_page_class_has_its_presenter():
    from home.models import HomePage

    for page_class in (HomePage, PlanPage, AreaPage, AppendixPage, UpdatePage):
        assert issubclass(page_class, PresentedPage)
        assert page_class.presenter_class is not None, page_class


def test_an_empty_area_renders_and_says_it_has_nothing_yet(client):
    area = builders.area_page(builders.plan_page(year=2026), number=2, title="Lĩnh vực trống")
    response = client.get(area.url)
    assert response.status_code == 200
    assert "Lĩnh vực trống" in response.content.decode()
    assert response.context["task_rows"] == [] and response.context["indicator_groups"] == []


def test_a_task_page_shows_its_task_without_building_the_area(client):
    area = builders.area_page()
    one = builders.task(area, text="Nhiệm vụ cần xem.")

    def queries():
        client.get(one.get_url())
        with CaptureQueriesContext(connection) as captured:
            response = client.get(one.get_url())
        assert response.status_code == 200 and "Nhiệm vụ cần xem." in response.content.decode()
        assert "task_rows" not in response.context  # the area's own list is not gathered
        return len(captured)

    alone = queries()
    for _ in range(40):
        builders.task(area)
    assert queries() == alone


def test_an_unknown_task_code_is_a_404(client):
    area = builders.area_page()
    assert client.get(area.url + "nhiem-vu/9-999/").status_code == 404


def test_an_unpublished_area_is_not_served(client):
    area = builders.area_page()
    url = area.url
    Page.objects.get(pk=area.pk).specific.unpublish()
    assert client.get(url).status_code == 404
