"""The 2024 plan (loaded once per session) and a smaller 2025 plan made by
`import_plan_text` from a text written for the tests (carried, changed, new and
dropped tasks and targets), linked to 2024 and then published as an editor would."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from plan.models import AreaPage, Indicator, PlanPage

TEXT_2025 = Path(__file__).resolve().parents[1] / "plan" / "data" / "ke-hoach-cchc-2025-thu-nghiem.txt"


def publish_draft_plan(plan):
    plan.get_latest_revision().publish()
    for area in AreaPage.objects.child_of(plan):
        area.get_latest_revision().publish()
        for indicator in Indicator.objects.filter(area=area):
            indicator.latest_revision.publish()


@pytest.fixture
def import_report(db):
    out = io.StringIO()
    call_command("import_plan_text", str(TEXT_2025), "--follows", "cchc-2024", stdout=out)
    return out.getvalue()


@pytest.fixture
def plan_2025(import_report):
    plan = PlanPage.objects.get(slug="cchc-2025")
    publish_draft_plan(plan)
    plan.refresh_from_db()
    return plan
