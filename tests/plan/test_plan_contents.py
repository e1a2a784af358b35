"""The plan page's areas table, appendix link and section agencies, read in one
query each (plan.content.queries): the same facts
as the models give."""

import pytest
from bs4 import BeautifulSoup

from plan.models import AppendixPage, AreaPage, Indicator, PlanPage

pytestmark = pytest.mark.django_db

PLAN_URL = "/ke-hoach/cchc-2024/"


def plan_html(client):
    response = client.get(PLAN_URL)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def table_rows(html):
    rows = html.select("#chi-tieu-nhiem-vu tbody tr")
    return [(row.a["href"], *(int(td.text) for td in row.find_all("td"))) for row in rows]


def test_area_table_counts_live_areas_their_tasks_and_live_indicators(client):
    first = AreaPage.objects.live().order_by("number").first()
    hidden = Indicator.objects.filter(area=first, live=True).first() or Indicator.objects.filter(live=True).first()
    hidden.live = False
    hidden.save(update_fields=["live"])
    unpublished = AreaPage.objects.live().order_by("number").last()
    unpublished.unpublish()

    expected = [
        (area.url, area.indicators.filter(live=True).count(), area.tasks.count())
        for area in AreaPage.objects.live().order_by("number")
    ]
    assert table_rows(plan_html(client)) == expected
    assert unpublished.url not in [url for url, *_ in expected]
    assert (
        sum(indicators for _, indicators, _ in expected)
        == Indicator.objects.filter(live=True).exclude(area=unpublished).count()
    )


def test_contents_link_the_live_appendix_only(client):
    appendix = AppendixPage.objects.live().get()
    toc = plan_html(client).select_one("nav.toc")
    assert toc.find("a", href=appendix.url).text == appendix.title
    appendix.unpublish()
    assert not plan_html(client).select_one("nav.toc").find("a", href=appendix.url)


def test_sections_link_their_agencies_by_name(client):
    html = plan_html(client)
    for section in PlanPage.objects.get().implementation_sections.all():
        heading = html.find(id=f"muc-iv-{section.number}")
        agencies = list(section.agencies.all())  # by name, as the database sorts them
        links = heading.find_next_sibling("p", class_="muted") if agencies else None
        found = [(a["href"], a.text) for a in links.find_all("a")] if links else []
        assert found == [(agency.get_absolute_url(), agency.name) for agency in agencies]
