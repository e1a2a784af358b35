"""Agency scope in the admin, one mechanism everywhere (plan.editorial.access): an
agency's editor cannot reach, list, choose or write to another agency's objects."""

from datetime import date

import pytest
from django.test import Client

from plan.editorial.roles import sync_roles
from plan.models import Result, TaskProgress
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    own_agency, other_agency = builders.AgencyFactory(), builders.AgencyFactory()
    area = builders.area_page(answerable=[own_agency, other_agency])
    own_task = builders.task(area, lead_agency=own_agency)
    other_task = builders.task(area, lead_agency=other_agency)
    own_indicator = builders.IndicatorFactory(area=area, responsible_agency=own_agency)
    other_indicator = builders.IndicatorFactory(area=area, responsible_agency=other_agency, live=False)
    return {
        "editor": builders.editor(own_agency),
        "own_task": own_task,
        "other_task": other_task,
        "own_indicator": own_indicator,
        "other_indicator": other_indicator,
        "own_result": builders.ResultFactory(indicator=own_indicator),
        "other_result": builders.ResultFactory(indicator=other_indicator),
        "own_progress": builders.TaskProgressFactory(task=own_task),
        "other_progress": builders.TaskProgressFactory(task=other_task),
    }


def text_of(response):
    """The page's text; a chooser answers JSON whose HTML escapes non-ASCII letters."""
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("html", "")
    return response.content.decode()


def progress_form(task, **extra):
    return {
        "task": task.pk,
        "status": "in_progress",
        "percent": "40",
        "note": "",
        "evidence_url": "",
        "reported_on": "30/06/2024",
        **extra,
    }


def test_an_editor_cannot_point_their_progress_report_at_another_agencys_task(client, case):
    """High finding of issue 11: the edit form offered every task."""
    client.force_login(case["editor"])
    own = case["own_progress"]
    url = f"/admin/plan/taskprogress/edit/{own.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    choices = set(page.context["form"].fields["task"].queryset.values_list("pk", flat=True))
    assert case["other_task"].pk not in choices and case["own_task"].pk in choices
    response = client.post(url, progress_form(case["other_task"]))
    assert response.status_code == 200  # the form answers with an error, nothing saved
    own.refresh_from_db()
    assert own.task == case["own_task"]
    assert not TaskProgress.objects.filter(task=case["other_task"]).exclude(pk=case["other_progress"].pk).exists()


def test_the_create_form_refuses_another_agencys_task_too(client, case):
    client.force_login(case["editor"])
    before = TaskProgress.objects.count()
    client.post("/admin/plan/taskprogress/create/", progress_form(case["other_task"]))
    assert TaskProgress.objects.count() == before


def other_agency_urls(case):
    indicator, result, progress = case["other_indicator"].pk, case["other_result"].pk, case["other_progress"].pk
    snippet = "/admin/snippets/plan/indicator"
    return [
        f"{snippet}/edit/{indicator}/",
        f"{snippet}/history/{indicator}/",
        f"{snippet}/history-filter/{indicator}/",
        f"{snippet}/delete/{indicator}/",
        f"{snippet}/usage/{indicator}/",
        f"{snippet}/inspect/{indicator}/",
        f"{snippet}/revisions/{indicator}/",
        f"{snippet}/unpublish/{indicator}/",
        f"{snippet}/lock/{indicator}/",
        f"{snippet}/copy/{indicator}/",
        f"{snippet}/preview/{indicator}/",
        f"/admin/snippets/choose/plan/indicator/chosen/{indicator}/",
        f"/admin/plan/result/edit/{result}/",
        f"/admin/plan/result/delete/{result}/",
        f"/admin/plan/result/inspect/{result}/",
        f"/admin/plan/result/history/{result}/",
        f"/admin/plan/taskprogress/edit/{progress}/",
        f"/admin/plan/taskprogress/delete/{progress}/",
        f"/admin/plan/taskprogress/inspect/{progress}/",
        f"/admin/plan/taskprogress/history/{progress}/",
    ]


def test_every_admin_url_of_another_agencys_object_is_refused(client, case):
    client.force_login(case["editor"])
    for url in other_agency_urls(case):
        for method in (client.get, client.post):
            assert method(url).status_code in (403, 404, 405), url


def test_lists_search_and_chooser_show_only_the_editors_agency(client, case):
    client.force_login(case["editor"])
    other_metric = case["other_indicator"].metric
    for url in (
        "/admin/snippets/plan/indicator/",
        "/admin/snippets/plan/indicator/?q=thu+nghiem",
        "/admin/snippets/plan/indicator/?q=Tỷ lệ",
        "/admin/snippets/choose/plan/indicator/",
        "/admin/snippets/choose/plan/indicator/results/?q=thu",
        "/admin/plan/result/",
        "/admin/plan/taskprogress/",
        "/admin/plan/result/?q=9.a",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert other_metric not in text_of(response), url


def test_admin_search_of_indicators_and_topics_answers_for_everyone(admin_client, case):
    """Issue 10/11: the search answered 500 (SQLite, and for an agency editor)."""
    editor = Client()
    editor.force_login(case["editor"])
    for who in (editor, admin_client):
        assert who.get("/admin/snippets/plan/indicator/?q=tỷ lệ").status_code == 200
        assert who.get("/admin/snippets/plan/indicator/?q=ty le").status_code == 200
    assert admin_client.get("/admin/snippets/plan/topic/?q=so").status_code == 200


def test_odd_ids_in_admin_urls_answer_400(admin_client):
    for url in ("/admin/plan/result/edit/²/", "/admin/plan/taskprogress/edit/١/", "/admin/plan/result/delete/x/"):
        assert admin_client.get(url).status_code == 400, url
    # The snippets' URLs take digits only: an odd id matches no URL.
    assert admin_client.get("/admin/snippets/plan/indicator/edit/²/").status_code == 404


def test_figures_by_hand_follow_the_review_rule(client, case):
    """An agency editor's figures are reviewed before they are public: by hand they
    cannot enter or change one (files go to review); a reviewer can."""
    client.force_login(case["editor"])
    own = case["own_result"]
    assert client.get("/admin/plan/result/create/").status_code in (302, 403)
    assert client.get(f"/admin/plan/result/edit/{own.pk}/").status_code in (302, 403)
    form = {
        "indicator": own.indicator.pk,
        "period": "2025",
        "scope": "",
        "value": "99",
        "note": "",
        "source_name": "Tự nhập",
        "source_url": "",
        "captured_on": "01/01/2025",
    }
    client.post("/admin/plan/result/create/", form)
    assert not Result.objects.filter(indicator=own.indicator, period="2025").exists()
    assert client.get("/admin/plan/result/").status_code == 200

    sync_roles()
    client.force_login(builders.reviewer())
    assert client.get(f"/admin/plan/result/edit/{own.pk}/").status_code == 200
    client.post("/admin/plan/result/create/", form)
    assert Result.objects.filter(indicator=own.indicator, period="2025", captured_on=date(2025, 1, 1)).exists()


def test_the_page_chooser_hides_other_agencies_drafts(client, case):
    from plan.models import AreaPage

    sync_roles()
    area = AreaPage.objects.first()
    draft = AreaPage(title="Bản nháp của cơ quan khác", slug="ban-nhap-co-quan-khac", number=99, live=False)
    area.get_parent().add_child(instance=draft)
    client.force_login(case["editor"])
    parent = area.get_parent().pk
    for url in (f"/admin/choose-page/{parent}/", "/admin/choose-page/search/?q=nháp"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Bản nháp của cơ quan khác" not in text_of(response), url
    admin = Client()
    admin.force_login(builders.reviewer())
    assert "Bản nháp của cơ quan khác" in text_of(admin.get(f"/admin/choose-page/{parent}/"))
