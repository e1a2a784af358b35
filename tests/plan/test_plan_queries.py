"""What the plan page reads besides its areas (plan.content.queries): the newest
updates, the publications and the sections' duties; nothing from a private section,
no draft."""

from datetime import date

import pytest
from wagtail.models import PageLogEntry, PageViewRestriction

from plan.content import queries
from plan.models import AreaPage, PlanPage, UpdatePage

pytestmark = pytest.mark.django_db


def add_update(parent, title, day, publish=True):
    page = UpdatePage(
        title=title, slug=f"tin-{day}", summary=f"Tóm tắt {title}", body="<p>x</p>", date=date(2024, 6, day)
    )
    page.live = publish
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def test_updates_under_the_plan_are_those_updates_about_lists():
    plan = PlanPage.objects.get()
    for day in range(1, 13):
        add_update(plan, f"Tin {day}", day)
    add_update(plan, "Bản nháp", 28, publish=False)
    secret = add_update(plan, "Tin nội bộ", 27)
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    area = AreaPage.objects.live().order_by("number").first()
    PageViewRestriction.objects.create(page=area, restriction_type="password", password="bi-mat")

    found = list(queries.updates_about(plan)[:10])

    assert [u.title for u in found] == [f"Tin {day}" for day in range(12, 2, -1)]  # no draft, nothing private


def test_publication_log_leaves_out_private_sections():
    plan = PlanPage.objects.get()
    areas = list(AreaPage.objects.live().order_by("number")[:2])
    for page in (plan, *areas):
        page.save_revision().publish()
    PageViewRestriction.objects.create(page=areas[1], restriction_type="login")

    titles = [entry["page_title"] for entry in queries.publication_log(plan)]

    assert plan.title in titles and areas[0].title in titles
    assert areas[1].title not in titles
    entries = PageLogEntry.objects.filter(action="wagtail.publish", page__path__startswith=plan.path)
    public = entries.exclude(page__path__startswith=areas[1].path).order_by("-timestamp")[:30]
    assert [e["timestamp"] for e in queries.publication_log(plan)] == [e.timestamp for e in public]


def test_sections_keep_their_duties_and_agencies_in_order():
    plan = PlanPage.objects.get()
    rows = list(queries.implementation_sections(plan))
    assert [r.number for r in rows] == sorted(r.number for r in rows)
    assert [[a.name for a in r.agencies.all()] for r in rows] == [
        sorted(a.name for a in r.agencies.all()) for r in rows
    ]
    assert any(r.agencies.all() for r in rows) and any(len(r.duties) > 1 for r in rows)
