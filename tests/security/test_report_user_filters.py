"""The user filters of Wagtail's reports list only users within the editor's agency
scope (issue 21, finding 11): an agency's editor never reads the user name of
another agency's editor in the filters of the site history, the workflow report or
the locked pages report, while the rows' own users stay listed; a reviewer's filters
list everyone."""

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Workflow

from plan.editorial.roles import WORKFLOW_NAME, sync_roles
from tests import builders

pytestmark = pytest.mark.django_db

OTHER = "bien-tap-so-khac"
OWN_PEER = "bien-tap-cung-so"


@pytest.fixture
def case():
    sync_roles()
    own_agency, other_agency = builders.AgencyFactory(), builders.AgencyFactory()
    plan = builders.plan_page()
    own_area = builders.area_page(plan=plan, number=1, answerable=[own_agency])
    other_area = builders.area_page(plan=plan, number=2, answerable=[other_agency])
    own_indicator = builders.IndicatorFactory(area=own_area, responsible_agency=own_agency)
    other_indicator = builders.IndicatorFactory(area=other_area, responsible_agency=other_agency)
    other_editor, peer = builders.editor(other_agency, OTHER), builders.editor(own_agency, OWN_PEER)
    log(other_indicator, "wagtail.edit", user=other_editor)
    log(other_area, "wagtail.edit", user=other_editor)
    log(own_indicator, "wagtail.edit", user=peer)
    for area, user in ((other_area, other_editor), (own_area, peer)):
        area.locked, area.locked_by, area.locked_at = True, user, timezone.now()
        area.save(update_fields=["locked", "locked_by", "locked_at"])
    for indicator, user in ((other_indicator, other_editor), (own_indicator, peer)):
        indicator.save_revision(user=user)
        Workflow.objects.get(name=WORKFLOW_NAME).start(indicator, user)
    editor, reviewer = Client(), Client()
    editor.force_login(builders.editor(own_agency))
    reviewer.force_login(builders.reviewer())
    return {"editor": editor, "reviewer": reviewer}


REPORTS = ["/admin/reports/site-history/", "/admin/reports/workflow/", "/admin/reports/locked/"]


@pytest.mark.parametrize("url", REPORTS)
def test_an_agency_editor_reads_no_other_agencys_user_in_the_filters(case, url):
    page = case["editor"].get(url).content.decode()
    assert OTHER not in page
    assert OWN_PEER in page  # the filter is still there, with the scope's own users


@pytest.mark.parametrize("url", REPORTS)
def test_a_reviewer_filters_by_every_user(case, url):
    page = case["reviewer"].get(url).content.decode()
    assert OTHER in page and OWN_PEER in page
