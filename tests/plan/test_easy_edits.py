"""Tasks and indicators easy to find and open (issue 23): the admin's task list
(searchable by code and text, scoped by agency) opens a task's panel in its area page,
each panel titled by its code; public task and indicator pages show an "edit" link to
a signed-in editor who may edit them, never in the page kept for anonymous visitors."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from plan.editorial.roles import EDITING_KINDS, sync_roles
from plan.models import Agency, AreaPage, Indicator, Task
from tests.builders import editor, reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def roles():
    sync_roles()


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def listed_codes(client, query=""):
    return [
        a.get_text(strip=True) for a in soup(client.get(f"/admin/nhiem-vu/{query}")).select("tbody tr td:first-child")
    ]


def test_the_task_list_finds_tasks_by_code_and_text_and_opens_their_panel(client):
    client.force_login(reviewer())
    every = listed_codes(client)
    assert len(every) == Task.objects.count()
    assert listed_codes(client, "?q=3.4") == sorted(
        Task.objects.filter(code__startswith="3.4").values_list("code", flat=True), key=every.index
    )
    task = Task.objects.get(code="3.4")
    words = " ".join(task.text.split()[2:5])
    assert "3.4" in listed_codes(client, "?q=" + words)
    link = soup(client.get("/admin/nhiem-vu/?q=3.4")).find("a", string="3.4")["href"]
    assert link == reverse("wagtailadmin_pages:edit", args=[task.area_id]) + "#nhiem-vu-3-4"
    # The anchor is the heading of the task's panel in the area's editor, titled by code.
    editor_page = soup(client.get(link.split("#")[0]))
    anchor = editor_page.find(id="nhiem-vu-3-4")
    assert anchor is not None and anchor.get_text(" ", strip=True) == "Nhiệm vụ 3.4"
    headings = [a.get_text(" ", strip=True) for a in editor_page.select(".task-panel-anchor")]
    assert headings == [
        f"Nhiệm vụ {code}" for code in task.area.tasks.order_by("sort_order").values_list("code", flat=True)
    ]


def test_an_agency_editor_lists_the_tasks_it_leads_only(client):
    office = Agency.objects.get(code="van-phong-ubnd-tinh")
    client.force_login(editor(office))
    codes = listed_codes(client)
    assert codes and set(codes) == set(Task.objects.filter(lead_agency=office).values_list("code", flat=True))
    other = Task.objects.exclude(lead_agency=office).exclude(lead_agency=None).first()
    assert other.code not in listed_codes(client, f"?q={other.code}")
    # Another agency in the filter is refused in Vietnamese, and nothing is filtered.
    page = client.get(f"/admin/nhiem-vu/?agency={other.lead_agency_id}")
    assert "cơ quan không hợp lệ" in page.content.decode()
    assert listed_codes(client, "?q=" + "x" * 500)  # too long: a message, the whole list


def task_url(code):
    return Task.objects.get(code=code).get_url()


def edit_link(response):
    return soup(response).select_one(".edit-link a")


def test_the_edit_link_shows_to_an_editor_who_may_edit_only():
    task = Task.objects.filter(area__number=3).first()
    area = AreaPage.objects.get(number=3)
    indicator = Indicator.objects.filter(area=area, live=True).first()
    may = editor(area.answerable_agencies.first())
    # An agency that answers for no area of the plan (a bank, say) may edit nothing here.
    may_not = editor(
        Agency.objects.exclude(answerable_areas=area)
        .exclude(indicators=indicator)
        .filter(kind__in=EDITING_KINDS)
        .first()
    )
    client = Client()
    client.force_login(may)
    link = edit_link(client.get(task.get_url()))
    assert (
        link is not None
        and link["href"] == reverse("wagtailadmin_pages:edit", args=[area.pk]) + f"#nhiem-vu-{task.url_code}"
    )
    client.force_login(may_not)
    assert edit_link(client.get(task.get_url())) is None
    client.force_login(reviewer())
    assert edit_link(client.get(indicator.get_url()))["href"] == reverse(
        "wagtailsnippets_plan_indicator:edit", args=[indicator.pk]
    )
    assert edit_link(Client().get(task.get_url())) is None


def test_the_edit_link_never_reaches_the_cached_anonymous_page(settings):
    task = Task.objects.filter(area__number=3).first()
    area = AreaPage.objects.get(number=3)
    with override_settings(PAGE_CACHE_SECONDS=600):
        caches["default"].clear()
        signed_in = Client()
        signed_in.force_login(editor(area.answerable_agencies.first()))
        first = signed_in.get(task.get_url())  # the editor first: nothing is kept
        assert edit_link(first) is not None
        assert "private" in first["Cache-Control"] and "public" not in first["Cache-Control"]
        anonymous = Client()
        kept = anonymous.get(task.get_url())
        assert edit_link(kept) is None and "public" in kept["Cache-Control"]
        again = anonymous.get(task.get_url())  # from the cache
        assert again.content == kept.content and edit_link(again) is None
        assert edit_link(signed_in.get(task.get_url())) is not None  # never served the cached page
