"""The table rows written in Python (plan/templatetags/table_rows.py) give the markup of
the includes a detail page uses for the same value, and the rows of the old templates."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string

from plan.content.provenance import Provenance
from plan.models import Agency, AreaPage, Indicator, Task, Topic
from plan.progress import rules
from plan.progress.rows import IndicatorRow, TaskRow, status_view
from plan.templatetags import table_rows
from tests.builders import unsaved_result as result

FACTS = [
    None,
    Provenance(None),
    Provenance("quoted", "nguyên văn nhiệm vụ 3.4, mục II.3"),
    Provenance("inferred", "theo mục IV “Tổ chức thực hiện” <b>"),
    Provenance("editor", "sửa trong trang quản trị", "Nguyễn Văn A", None),
]


def squeeze(html):
    return " ".join(str(html).split()).replace("> <", "><")


def indicator(**changes):
    values = {
        "pk": 7,
        "code": "3.a.2",
        "comparator": "at_least",
        "target_value": Decimal("80"),
        "unit": "%",
        "metric": "Tỷ lệ",
    }
    return Indicator(**{**values, **changes})


@pytest.mark.parametrize("fact", FACTS)
def test_origin_mark_is_the_include(fact):
    expected = render_to_string("includes/origin_mark.html", {"fact": fact})
    assert squeeze(table_rows.origin_mark(fact)) == squeeze(expected)


@pytest.mark.parametrize("code", [*rules.INDICATOR_STATUSES, *rules.TASK_STATUSES])
def test_status_is_the_include(code):
    status = status_view(code)
    assert squeeze(table_rows.status_badge(status)) == squeeze(
        render_to_string("includes/status.html", {"status": status})
    )


@pytest.mark.parametrize("agency", [None, Agency(pk=3, code="so-noi-vu", name="Sở Nội vụ")])
def test_agency_name_is_the_include(agency):
    written = table_rows.agency_name(agency, table_rows.Links())
    assert squeeze(written) == squeeze(render_to_string("includes/agency_name.html", {"agency": agency}))


@pytest.mark.parametrize(
    "figure",
    [
        None,
        result(),
        result(is_demo=True, source_url="https://example.vn/a?b=1&c=2"),
        result(scope="district", value=Decimal("1"), captured_on=None),
    ],
)
@pytest.mark.parametrize("comparator", ["at_least", "done"])
def test_figure_is_the_include(figure, comparator):
    measured = indicator(comparator=comparator)
    expected = render_to_string("includes/figure.html", {"result": figure, "indicator": measured})
    assert squeeze(table_rows.figure(figure, measured)) == squeeze(expected)
    if figure is not None and figure.is_demo:
        assert "Dữ liệu minh họa" in str(table_rows.figure(figure, measured))


def test_rows_escape_what_editors_write():
    agency = Agency(pk=3, code="so-noi-vu", name="<script>x</script>")
    written = indicator(statement="<b>đậm</b>", responsible_agency=agency)
    written.detail_url = "/chi-tieu/3-a-2/"
    row = IndicatorRow(written, status_view(rules.INDICATOR_STATUSES[0]), None, True, None)
    html = Template("{% load table_rows %}{% indicator_row row %}").render(Context({"row": row}))
    assert "<b>" not in html and "<script>" not in html
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html and "Chậm cập nhật số liệu" in html


@pytest.mark.django_db
def test_task_row_shows_every_fact_and_links_each_agency_once_worked_out(django_assert_num_queries):
    lead = Agency(pk=3, code="so-noi-vu", name="Sở Nội vụ")
    task = Task(pk=9, code="3.4", lead_agency=lead, group="Nhóm", text="Rà soát thủ tục", due_date=date(2024, 6, 30))
    task._prefetched_objects_cache = {
        "coordinating_agencies": [lead, Agency(pk=4, code="so-tu-phap", name="Sở Tư pháp")],
        "topics": [Topic(pk=1, slug="mot-cua", name="Một cửa")],
    }
    task.area = AreaPage(title="Cải cách thủ tục hành chính")
    task.detail_url = "/nhiem-vu/3-4/"
    task.provenance = {"lead_agency": FACTS[3], "coordinating_agencies": FACTS[4], "deadline": FACTS[2]}
    report = SimpleNamespace(percent=40, is_demo=True)
    row = TaskRow(task, status_view(rules.TASK_STATUSES[1]), report)
    with django_assert_num_queries(0):
        html = Template("{% load table_rows %}{% task_row row True %}").render(Context({"row": row}))
    assert html.count('href="/co-quan/so-noi-vu/"') == 2
    for text in ("Cải cách thủ tục hành chính", "<strong>Nhóm:</strong>", "Một cửa", "Sở Tư pháp", "(40%)"):
        assert text in html
    assert "Kế hoạch không nêu (30/06/2024)" in html
    assert "Dữ liệu minh họa" in html and ">*</a>" in html and ">†</a>" in html
