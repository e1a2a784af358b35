"""The area page's bullets and task table written in Python (plan/templatetags/area_rows.py)
give the markup of the rows of table_rows.py and of the templates they replaced (kept as
they were in replaced_templates/), and the whole area page is the one the ORM's objects
and the old templates gave, in fewer queries."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from plan.content import history, queries
from plan.content.history_data import page_history
from plan.content.provenance_data import attach_provenance
from plan.models import Agency, AreaPage, Indicator, PlanPage, Result, Task, Topic
from plan.progress import rows, rules
from plan.progress.rows import BulletGroup, IndicatorRow, TaskRow, status_view
from plan.templatetags import area_rows, table_rows
from tests.builders import published_update
from tests.plan.test_table_rows import FACTS, indicator, result

OLD = Path(__file__).parent / "replaced_templates"
OLD_BULLETS = (
    "{% for group in shown %}{% include 'plan/includes/bullet_group.html' %}{% endfor %}",
    "{% for group in rest %}{% include 'plan/includes/bullet_group.html' %}{% endfor %}",
)
AREA3 = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"


def squeeze(html):
    return " ".join(str(html).split()).replace("> <", "><")


def old_templates():
    """The templates as they were before area_rows.py, found before today's."""
    engines = [dict(engine) for engine in settings.TEMPLATES]
    engines[0]["DIRS"] = [OLD, *engines[0]["DIRS"]]
    return override_settings(TEMPLATES=engines)


def old_bullet_list(groups):
    """The bullet loop of the old area_page.html."""
    page = (OLD / "plan" / "area_page.html").read_text()
    start, end = page.index("{% with shown="), page.index("{% endwith %}") + len("{% endwith %}")
    with old_templates():
        return Template(page[start:end]).render(Context({"indicator_groups": groups}))


def indicator_rows():
    """Indicator rows with every kind of value a cell shows, editors' text to escape."""
    agency = Agency(pk=3, code="so-noi-vu", name="Sở <Nội vụ> & “Văn phòng”")
    figures = [None, result(), result(is_demo=True, source_url="https://a.vn/?b=1&c=2"), result(scope="district")]
    found = []
    for n in range(13):
        measured = indicator(
            pk=n + 1,
            code=f"3.a.{n}",
            metric="Tỷ lệ <b>hồ sơ</b>",
            statement="Chỉ tiêu <script>x</script> & “ngoặc”",
            responsible_agency=agency if n % 3 else None,
            level=["", "district", "province"][n % 3],
            comparator=["at_least", "done", "between"][n % 3],
            target_value_max=Decimal("99.5"),
        )
        measured.detail_url = f"/chi-tieu/3-a-{n}/?x=1&y=2"
        measured.provenance = {"target": FACTS[n % 5], "responsible_agency": FACTS[(n + 2) % 5]}
        status = status_view(rules.INDICATOR_STATUSES[n % 4])
        found.append(IndicatorRow(measured, status, figures[n % 4], n % 2 == 0, None))
    return found


def task_rows():
    agencies = [Agency(pk=n, code=f"so-{n}", name=f"Sở <{n}> & “{n}”") for n in range(1, 4)]
    topic = Topic(pk=1, slug="mot-cua", name="Một <cửa>")
    found = []
    for n in range(12):
        task = Task(
            pk=n + 1,
            code=f"3.{n}",
            group="Nhóm <a>" if n % 2 else "",
            text=f"Rà soát <b>thủ tục</b> & “{n}”",
            deadline_text="" if n % 3 else "Quý <II>",
            due_date=date(2024, 6, 30) if n % 2 else None,
            lead_agency=agencies[n % 3] if n % 4 else None,
        )
        task._prefetched_objects_cache = {"coordinating_agencies": agencies[: n % 3], "topics": [topic][: n % 2]}
        task.detail_url = f"/nhiem-vu/3-{n}/?x=1&y=2"
        task.provenance = {"lead_agency": FACTS[n % 5], "coordinating_agencies": FACTS[(n + 1) % 5]}
        task.provenance["deadline"] = FACTS[(n + 3) % 5]
        report = [None, SimpleNamespace(percent=40, is_demo=True), SimpleNamespace(percent=None, is_demo=False)][n % 3]
        found.append(TaskRow(task, status_view(rules.TASK_STATUSES[n % 5]), report))
    return found


def test_rows_escape_what_editors_write():
    html = table_rows.indicator_row_html(indicator_rows()[1], table_rows.Links())
    html += table_rows.task_row_html(task_rows()[1], table_rows.Links())
    assert "<script>" not in html and "<b>" not in html and "<Nội vụ>" not in html and "<a>" not in html
    assert "&lt;script&gt;x&lt;/script&gt; &amp; “ngoặc”" in html and "Sở &lt;Nội vụ&gt; &amp;" in html
    assert 'href="/chi-tieu/3-a-1/?x=1&amp;y=2"' in html and "Nhóm &lt;a&gt;:" in html


@pytest.mark.parametrize("count", [0, 1, 5, 6, 8])
def test_the_bullet_list_is_the_old_templates(count):
    found = indicator_rows()
    sizes = [1, 2, 13, 3, 1, 1, 2, 1][:count]  # one bullet of 13 rows: its table folds after ten
    groups = [BulletGroup(f"Ý <{n}> & “{n}”", [found[i % 13] for i in range(size)]) for n, size in enumerate(sizes)]
    written = area_rows.bullet_list(groups)
    assert squeeze(written) == squeeze(old_bullet_list(groups))
    assert ("Xem thêm 3 chỉ tiêu" in written) == (count >= 3)
    assert ("Xem thêm 3 ý chỉ tiêu" in written) == (count == 8)
    assert ("Ý này nêu 2 mục tiêu" in written) == (count >= 2)
    assert ("Ý &lt;0&gt; &amp; “0”" in written) == (count > 0)


@pytest.mark.parametrize("count", [0, 3, 10, 12])
def test_the_task_table_is_the_include(count):
    found = task_rows()[:count]
    expected = render_to_string(
        "includes/task_table.html", {"task_rows": found, "caption": "Nhiệm vụ của lĩnh vực", "no_origin_note": True}
    )
    assert squeeze(area_rows.task_table(found)) == squeeze(expected)


def old_context(area):
    """What the area's presenter gave before area_queries.py: ORM objects and the read
    model's queries (still used elsewhere)."""
    plan = PlanPage.objects.get(pk=area.get_parent().pk)
    tasks, indicators = queries.area_tasks(area), queries.area_indicators(area)
    attach_provenance(tasks, indicators)
    task_rows = rows.task_rows(tasks)
    indicator_rows = rows.indicator_rows(indicators, years={area.pk: plan.year})
    return {
        "task_rows": task_rows,
        "indicator_groups": rows.bullet_groups(indicator_rows),
        "rollups": rows.rollup_views([(area.title, "", indicator_rows, task_rows)]),
        "has_demo": rows.has_demo_figures(indicator_rows, task_rows),
        "updates": list(queries.updates_about(area)[:10]),
        **queries.area_agencies(area),
        "history": page_history(area, history.AREA_FIELDS),
    }


def edit_the_plan(admin_user):
    """An editor's changes (provenance marks, history), a long bullet of indicators with
    editors' text and figures, and an update linked to a task."""
    call_command("load_demo_results", verbosity=0)
    area = AreaPage.objects.get(url_path__endswith="/cai-cach-thu-tuc-hanh-chinh/")
    area_tasks = list(area.tasks.all())
    area_tasks[0].deadline_text, area_tasks[1].text = "Quý <III> & “cuối năm”", "Nhiệm vụ <script>x</script>"
    area.tasks = area_tasks
    area.heading_as_written += " (sửa)"
    area.save_revision(user=admin_user).publish(user=admin_user)
    edited = Indicator.objects.get(code="3.a.2")
    edited.target_value = Decimal(96)
    edited.save_revision(user=admin_user).publish(user=admin_user)
    for n in range(12):
        added = Indicator.objects.create(
            area=area, code=f"3.a.90.{n}", bullet=90, sort_order=90 + n, original_wording="Ý <mới> & “dài”",
            statement=f"Chỉ tiêu <b>{n}</b>", metric="Tỷ lệ & số", unit="%", comparator="at_least",
            target_value=Decimal("80.5"), level=["", "district", "commune"][n % 3], live=True,
        )  # fmt: skip
        if n % 2:
            Result.objects.create(
                indicator=added, period="2024-Q2", scope=added.level, value=Decimal("81.25"),
                source_name="Nguồn <x>", source_url="https://a.vn/?p=1&q=2", captured_on=date(2024, 7, 1),
            )  # fmt: skip
    plan = PlanPage.objects.get(slug="cchc-2024")
    published_update(plan, "Tin <mới>", tasks=[Task.objects.get(code="3.4")])


@pytest.mark.django_db
def test_every_area_page_is_the_one_the_orm_and_the_old_templates_gave(client, admin_user):
    edit_the_plan(admin_user)
    for area in AreaPage.objects.live().order_by("path"):
        client.get(area.url)  # caches filled once per process
        with CaptureQueriesContext(connection) as new_queries:
            response = client.get(area.url)
        context = {key: response.context[key] for key in response.context.keys()}
        with CaptureQueriesContext(connection) as old_queries, old_templates():
            old = render_to_string("plan/area_page.html", {**context, **old_context(area)}, response.wsgi_request)
        new = response.content.decode()
        assert squeeze(new) == squeeze(old), area.url
        # Four of the routing and the site, three of the page's own (area_queries.py); on
        # the edited area, the linked updates, who published the changes and the agencies'
        # names its history reads. The old context alone took more.
        assert len(new_queries) == (10 if area.url == AREA3 else 7), area.url
        assert len(old_queries) > len(new_queries), area.url
        if area.url == AREA3:
            assert "Nhiệm vụ &lt;script&gt;x&lt;/script&gt;" in new and "<script>x" not in new
            assert "Quý &lt;III&gt; &amp; “cuối năm”" in new and "Xem thêm 2 chỉ tiêu" in new
            assert "Tin &lt;mới&gt;" in new and "(sửa)" in new and "†" in new and "Dữ liệu minh họa" in new
