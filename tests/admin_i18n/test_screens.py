"""Every admin screen an agency's editor and a reviewer use speaks Vietnamese: no
visible text, button, placeholder, label or menu item equals an English message of
Wagtail's, wagtail-modeladmin's or Django admin/auth's catalogues, nor English no
catalogue holds ("True", "Root", a label made from a field's name: english_anywhere)
(tests/admin_i18n/visible.py says what counts as visible)."""

import json

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import WorkflowState

from plan.models import AreaPage, Indicator, PlanPage, Topic
from tests.admin_i18n.conftest import PASSWORD
from tests.admin_i18n.visible import english_anywhere, english_in
from tests.plan.test_roles_workflow import area_edit_data

pytestmark = pytest.mark.django_db


def screen_html(response):
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content).get("html", "")
    return response.content.decode()


def visit(client, urls, english):
    """GET every screen (each must answer 200) and note the English it shows."""
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        assert not response.redirect_chain or url.rstrip("/") == "/admin/pages", f"{url} → {response.redirect_chain}"
        found = english_anywhere(screen_html(response))
        if found:
            english[url] = found


def follow(client, response, english, label):
    """The screen a form's POST leads to (with its success message)."""
    assert response.status_code == 302, label
    page = client.get(response["Location"])
    found = english_anywhere(page.content.decode())
    if found:
        english[label] = found
    return page


def submit_area_for_review(client, area, english):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[area.pk]), area_edit_data(area, " (sửa)", "action-submit")
    )
    return follow(client, response, english, "POST gửi duyệt trang")


def explorer_and_editor_urls(area, indicator):
    return [
        "/admin/",
        "/admin/pages/",  # an agency's editor lands on its own area
        f"/admin/pages/{area.pk}/",
        f"/admin/pages/{area.pk}/edit/",
        f"/admin/pages/{area.pk}/history/",
        "/admin/pages/search/?q=th%E1%BB%A7+t%E1%BB%A5c",
        "/admin/snippets/plan/indicator/",
        reverse("wagtailsnippets_plan_indicator:edit", args=[indicator.pk]),
        reverse("wagtailsnippets_plan_indicator:history", args=[indicator.pk]),
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/aging-pages/",
        "/admin/account/",
        "/admin/ket-qua/nhap/",
        "/admin/bao-cao/viec-can-cap-nhat/",
        "/admin/plan/result/",
        "/admin/plan/taskprogress/",
        "/admin/huong-dan-bien-tap/",  # the editors' guide, from the help menu
    ]


def test_the_agency_editors_screens_are_vietnamese(client, roles):
    area = AreaPage.objects.get(number=3)
    indicator = Indicator.objects.get(code="3.a.2")
    client.force_login(roles["editor"])
    english = {}
    visit(client, explorer_and_editor_urls(area, indicator), english)
    # A draft, then the submission for review, and the screens that follow them.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[area.pk]), area_edit_data(area, " (nháp)", "action-save")
    )
    follow(client, response, english, "POST lưu bản nháp")
    submit_area_for_review(client, area, english)
    visit(
        client,
        [
            "/admin/",
            f"/admin/pages/{area.pk}/",
            f"/admin/pages/{area.pk}/edit/",
            f"/admin/pages/{area.pk}/history/",
            f"/admin/pages/{area.pk}/workflow_history/",
            "/admin/reports/workflow/",
        ],
        english,
    )
    assert english == {}


def test_the_reviewers_screens_are_vietnamese(client, roles):
    area = AreaPage.objects.get(number=3)
    indicator = Indicator.objects.get(code="3.a.2")
    english = {}
    client.force_login(roles["editor"])
    submit_area_for_review(client, area, english)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(area.pk))
    task_state = state.current_task_state

    client.force_login(roles["reviewer"])
    topic = Topic.objects.first()
    revision = area.latest_revision
    visit(
        client,
        explorer_and_editor_urls(area, indicator)
        + [
            f"/admin/pages/{PlanPage.objects.get().pk}/",
            f"/admin/pages/{area.pk}/workflow_history/",
            f"/admin/pages/{area.pk}/workflow_history/detail/{state.pk}/",
            f"/admin/pages/{area.pk}/revisions/compare/live...{revision.pk}/",
            reverse("wagtailadmin_pages:workflow_action", args=[area.pk, "approve", task_state.pk]),
            reverse("wagtailadmin_pages:workflow_action", args=[area.pk, "reject", task_state.pk]),
            "/admin/snippets/plan/indicator/add/",
            "/admin/snippets/plan/topic/",
            reverse("wagtailsnippets_plan_topic:edit", args=[topic.pk]),
            "/admin/ket-qua/cho-duyet/",
            "/admin/plan/resultsource/",
            "/admin/plan/result/create/",  # only reviewers enter figures by hand (docs/editorial.md)
        ],
        english,
    )
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[area.pk, "reject", task_state.pk]),
        {"comment": "Cần bổ sung nguồn"},
    )
    follow(client, response, english, "POST yêu cầu sửa đổi")
    visit(client, [f"/admin/pages/{area.pk}/history/"], english)
    assert english == {}


def test_login_and_password_screens_are_vietnamese(roles):
    client = Client()
    english = {}
    visit(client, ["/admin/login/", "/admin/password_reset/"], english)
    response = client.post("/admin/login/", {"username": "vanphong", "password": "sai-mat-khau"})
    found = english_in(response.content.decode())
    if found:
        english["POST đăng nhập sai"] = found
    assert english == {}
    page = client.get("/admin/login/").content.decode()
    assert "Nhập tên đăng nhập của bạn" in page  # not "Nhập Tên đăng nhậpcủa bạn"
    response = client.post("/admin/login/", {"username": "vanphong", "password": PASSWORD})
    assert response.status_code == 302


def test_the_check_fails_on_wagtails_own_catalogue(client, roles):
    """Without the project's catalogue (LOCALE_PATHS empty: Wagtail's, modeladmin's and
    Django's own vi catalogues only) the same screens show English, and the check
    names it: it can fail."""
    client.force_login(roles["editor"])
    area = AreaPage.objects.get(number=3)
    with override_settings(LOCALE_PATHS=[]):
        found = english_in(client.get(f"/admin/pages/{area.pk}/edit/").content.decode())
        dashboard = english_in(client.get("/admin/").content.decode())
    assert {"Save draft", "Content", "Promote"} <= set(found)
    assert dashboard
