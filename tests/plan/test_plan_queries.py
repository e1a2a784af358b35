"""The plan page's hand-written reads (plan.content.plan_queries) give what the ORM's
rules give: the same updates as queries.updates_about, the same publications, the
same sections' duties; nothing from a private section, no draft."""

from datetime import date

import pytest
from wagtail.models import PageLogEntry, PageViewRestriction

from plan.content import plan_queries, queries
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

    found = plan_queries.updates_under(plan, 10)

    expected = list(queries.updates_about(plan)[:10])
    assert [u.pk for u in found] == [u.pk for u in expected]
    assert [u.title for u in found] == [f"Tin {day}" for day in range(12, 2, -1)]
    assert [(u.date, u.summary, u.url_path) for u in found] == [(u.date, u.summary, u.url_path) for u in expected]


def test_publication_log_leaves_out_private_sections():
    plan = PlanPage.objects.get()
    areas = list(AreaPage.objects.live().order_by("number")[:2])
    for page in (plan, *areas):
        page.save_revision().publish()
    PageViewRestriction.objects.create(page=areas[1], restriction_type="login")

    titles = [entry.page_title for entry in plan_queries.publication_log(plan)]

    assert plan.title in titles and areas[0].title in titles
    assert areas[1].title not in titles
    entries = PageLogEntry.objects.filter(action="wagtail.publish", page__path__startswith=plan.path)
    public = entries.exclude(page__path__startswith=areas[1].path).order_by("-timestamp")[:30]
    assert [e.timestamp for e in plan_queries.publication_log(plan)] == [e.timestamp for e in public]


def test_sections_keep_their_duties_and_agencies_in_order():
    plan = PlanPage.objects.get()
    rows = plan_queries.section_rows(plan)
    sections = list(plan.implementation_sections.order_by("sort_order"))
    assert [(r["number"], r["heading"]) for r in rows] == [(s.number, s.heading) for s in sections]
    assert [[b.value for b in r["duties"]] for r in rows] == [[b.value for b in s.duties] for s in sections]
    assert [[a["name"] for a in r["agencies"]] for r in rows] == [
        [a.name for a in s.agencies.order_by("name")] for s in sections
    ]
    assert any(r["agencies"] for r in rows) and any(len(r["duties"]) > 1 for r in rows)
