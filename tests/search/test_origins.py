"""A page of results marks the facts it shows that are not the plan's word, as the
tables do: * inferred (a lead agency read from section IV), † an editor's (a task's
wording changed in the admin), with the note that explains the marks."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from plan.models import AreaPage, Task
from tests.plan.admin_forms import area_edit_form
from tests.plan.test_edits_consistent import TASK_REASON, TEXT

pytestmark = pytest.mark.django_db


def result_of(client, query, url):
    """The result item that links to `url` on the page of results for `query`."""
    soup = BeautifulSoup(client.get("/tim-kiem/", {"q": query}).content, "html.parser")
    link = soup.select_one(f'.result h3 a[href="{url}"]')
    assert link is not None, (query, url)
    return soup, link.find_parent("li")


def fact(result, term):
    """The <dd> of the result's fact `term` ("Cơ quan chủ trì", ...)."""
    term = next(dt for dt in result.select("dl dt") if dt.get_text(strip=True) == term)
    return term.find_next_sibling("dd")


def marks(element):
    return [a["aria-label"] for a in element.select('sup a[href="#ghi-chu-nguon-goc"]')]


def words_of(task):
    return " ".join(task.text.split()[:6])


def test_an_inferred_lead_agency_is_marked_as_in_the_tables(client):
    task = Task.objects.filter(lead_agency_derived=True, lead_agency__isnull=False).select_related("area").first()
    soup, result = result_of(client, words_of(task), task.get_url())
    [mark] = marks(fact(result, "Cơ quan chủ trì"))
    assert mark.startswith("Suy ra: theo mục IV “Tổ chức thực hiện”")
    assert soup.select_one("#ghi-chu-nguon-goc") is not None  # the note the mark links to
    assert marks(result.select_one(".excerpt")) == []  # the wording is the plan's


def test_a_lead_agency_the_plan_does_not_give_is_said_so_and_not_marked(client):
    task = Task.objects.filter(lead_agency__isnull=True).select_related("area").first()
    _soup, result = result_of(client, words_of(task), task.get_url())
    assert fact(result, "Cơ quan chủ trì").get_text(strip=True) == "Kế hoạch không nêu"
    assert marks(fact(result, "Cơ quan chủ trì")) == []


def test_an_editors_wording_is_marked_with_who_and_why(client, admin_client):
    area = AreaPage.objects.get(number=3)
    edit = reverse("wagtailadmin_pages:edit", args=[area.pk])
    changes = {"3.9": {"text": TEXT, "change_reason": TASK_REASON}}
    assert admin_client.post(edit, area_edit_form(area, changes)).status_code == 302
    task = Task.objects.select_related("area").get(code="3.9")
    _soup, result = result_of(client, "danh gia cua nguoi dan doanh nghiep 100%", task.get_url())
    [mark] = marks(result.select_one(".excerpt"))
    assert mark.startswith("Do biên tập viên đặt") and "(quantri, " in mark and TASK_REASON in mark
