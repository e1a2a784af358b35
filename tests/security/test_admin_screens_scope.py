"""Agency scope on Wagtail's own screens that name objects: the reports (site
history, workflows, page types), move and bulk-action confirmations, editing
sessions, choosers and the admin's page search. An agency's editor never reads
another agency's unpublished title there; a reviewer reads every one."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from wagtail.log_actions import log
from wagtail.models import Workflow

from plan.editorial.roles import WORKFLOW_NAME, sync_roles
from tests import builders

pytestmark = pytest.mark.django_db

PAGE_DRAFT = "Tiêu đề nháp của lĩnh vực cơ quan khác"
INDICATOR_DRAFT = "Chỉ tiêu nháp của cơ quan khác"


@pytest.fixture
def case():
    sync_roles()
    own_agency, other_agency = builders.AgencyFactory(), builders.AgencyFactory()
    plan = builders.plan_page()
    own_area = builders.area_page(plan=plan, number=1, answerable=[own_agency])
    other_area = builders.area_page(plan=plan, number=2, answerable=[other_agency])
    other_area.title = PAGE_DRAFT
    other_area.save_revision(log_action=True)  # a draft: the live title stays
    other_indicator = builders.IndicatorFactory(
        area=other_area, responsible_agency=other_agency, live=False, metric=INDICATOR_DRAFT
    )
    own_indicator = builders.IndicatorFactory(area=own_area, responsible_agency=own_agency)
    reviewer = builders.reviewer()
    for obj in (other_indicator, own_indicator, other_area):
        log(obj, "wagtail.edit", user=reviewer)
    other_indicator.save_revision(user=reviewer)
    Workflow.objects.get(name=WORKFLOW_NAME).start(other_indicator, reviewer)
    editor = Client()
    editor.force_login(builders.editor(own_agency))
    reviewing = Client()
    reviewing.force_login(reviewer)
    return {
        "editor": editor,
        "reviewer": reviewing,
        "plan": plan,
        "own_area": own_area,
        "other_area": other_area,
        "own_indicator": own_indicator,
        "other_indicator": other_indicator,
    }


def text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


def html(response):
    """The page; a chooser answers JSON whose HTML escapes non-ASCII letters."""
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("html", "")
    return text(response)


def shows_a_draft(response):
    page = html(response)
    return PAGE_DRAFT in page or INDICATOR_DRAFT in page


REPORTS = [
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/site-history/?export=csv",
    "/admin/reports/workflow/",
    "/admin/reports/workflow/results/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/page-types-usage/",
]


@pytest.mark.parametrize("url", REPORTS)
def test_wagtails_reports_keep_to_the_editors_agency(case, url):
    response = case["editor"].get(url)
    assert response.status_code == 200
    assert not shows_a_draft(response)


def test_the_site_history_still_lists_the_editors_own_objects(case):
    page = text(case["editor"].get("/admin/reports/site-history/"))
    assert case["own_indicator"].metric in page


@pytest.mark.parametrize("url", ["/admin/reports/site-history/", "/admin/reports/workflow/"])
def test_a_reviewer_reads_every_agencys_entries(case, url):
    assert INDICATOR_DRAFT in text(case["reviewer"].get(url))


def bulk_urls(case):
    area, indicator = case["other_area"].pk, case["other_indicator"].pk
    actions = ("delete", "move", "publish", "unpublish")
    pages = [f"/admin/bulk/wagtailcore/page/{action}/?id={area}" for action in actions]
    return pages + [f"/admin/bulk/plan/indicator/delete/?id={indicator}"]


def test_bulk_action_confirmations_do_not_name_another_agencys_objects(case):
    for url in bulk_urls(case):
        response = case["editor"].get(url)
        assert response.status_code in (200, 404), url
        assert not shows_a_draft(response), url


def test_a_reviewer_still_confirms_bulk_actions_on_every_agencys_objects(case):
    assert INDICATOR_DRAFT in text(case["reviewer"].get(bulk_urls(case)[-1]))
    assert PAGE_DRAFT in text(case["reviewer"].get(bulk_urls(case)[2]))


def test_the_bulk_move_accepts_no_hidden_destination(case):
    url = f"/admin/bulk/wagtailcore/page/move/?id={case['own_area'].pk}"
    response = case["editor"].post(url, {"chooser": case["other_area"].pk})
    assert not shows_a_draft(response)


def test_the_move_confirmation_answers_only_for_a_move_the_user_may_make(case):
    other, own, plan = case["other_area"].pk, case["own_area"].pk, case["plan"].pk
    for url in (f"/admin/pages/{other}/move/{plan}/confirm/", f"/admin/pages/{own}/move/{other}/confirm/"):
        response = case["editor"].get(url)
        assert response.status_code == 403, url
        assert not shows_a_draft(response), url
    assert case["editor"].post(f"/admin/pages/{other}/move/{plan}/confirm/").status_code == 403


def test_editing_sessions_of_another_agencys_objects_answer_404(case):
    """Wagtail asks the page permissions and the registered policy (AgencyScopedPolicy)."""
    for obj in (case["other_indicator"], case["other_area"]):
        content_type = ContentType.objects.get_for_model(obj)
        url = f"/admin/editing-sessions/ping/{content_type.app_label}/{content_type.model}/{obj.pk}/0/"
        assert case["editor"].post(url).status_code == 404, url
    own = case["own_indicator"]
    assert case["editor"].post(f"/admin/editing-sessions/ping/plan/indicator/{own.pk}/0/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/?q=nháp",
        "/admin/choose-page/search/?q=nháp",
        "/admin/snippets/choose/plan/indicator/results/?q=nháp",
        "/admin/snippets/choose/plan/indicator/",
        "/admin/snippets/plan/indicator/?q=nháp",
    ],
)
def test_choosers_and_admin_search_keep_to_the_editors_agency(case, url):
    response = case["editor"].get(url)
    assert response.status_code == 200
    assert not shows_a_draft(response)


def test_the_page_chooser_names_no_other_agencys_draft_title(case):
    """Browsing into another agency's area, choosing it by id, or listing its plan:
    the area is live, but its pending draft renames it."""
    area, plan = case["other_area"].pk, case["plan"].pk
    for url in (f"/admin/choose-page/{area}/", f"/admin/choose-page/chosen-multiple/?id={area}"):
        assert case["editor"].get(url).status_code == 404, url
    for url in (f"/admin/choose-page/{plan}/", "/admin/choose-page/search/?q=lĩnh+vực"):
        response = case["editor"].get(url)
        assert response.status_code == 200, url
        assert not shows_a_draft(response), url
    own = case["own_area"]
    assert own.title in case["editor"].get(f"/admin/choose-page/{plan}/").json()["html"]
    assert case["editor"].get(f"/admin/choose-page/chosen-multiple/?id={own.pk}").status_code == 200
    assert PAGE_DRAFT in case["reviewer"].get(f"/admin/choose-page/{plan}/").json()["html"]
