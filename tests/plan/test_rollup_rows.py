"""The roll-up rows and status bars written in Python (plan/templatetags/rollup_rows.py)
give the markup of the templates they replaced (kept as they were in replaced_templates/)."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils.html import escape

from plan.content.provenance import Provenance
from plan.models import Indicator
from plan.progress import rules
from plan.progress.rows import IndicatorRow, RollupView, status_view
from plan.public.summary import group_bars, status_bar
from plan.templatetags import rollup_rows
from plan.vocabulary import AdministrativeLevel, IndicatorStatus, TaskStatus
from tests.builders import unsaved_result as figure

OLD = Path(__file__).parent / "replaced_templates"
OLD_TABLE = (OLD / "rollup_table.html").read_text()

OLD_BAR = (OLD / "status_bar.html").read_text()


def squeeze(html):
    return " ".join(str(html).split()).replace("> <", "><").replace(">\n<", "><")


def view(title, url, indicator_statuses, task_statuses, indicator_demo=0, task_demo=0):
    return RollupView(
        title,
        url,
        rules.rollup(indicator_statuses, rules.INDICATOR_STATUSES),
        rules.rollup(task_statuses, rules.TASK_STATUSES),
        indicator_demo,
        task_demo,
    )


VIEWS = [
    view(
        "Toàn bộ kế hoạch",
        "/ke-hoach/",
        [IndicatorStatus.MET] * 17 + [IndicatorStatus.NOT_MET] * 14,
        [TaskStatus.DONE] * 3,
    ),
    view("Sở <Nội vụ> & “Văn phòng”", "", [IndicatorStatus.NO_DATA] * 2, [], 0, 0),
    view(
        "1. Cải cách thể chế",
        "/a?b=1&c=2",
        [IndicatorStatus.AT_RISK, IndicatorStatus.MET],
        [TaskStatus.OVERDUE] * 1200,
        2,
        1100,
    ),
    view("Trống", None, [], []),
]


@pytest.mark.parametrize("rollups", [VIEWS, VIEWS[:1], VIEWS[1:2], VIEWS[2:], []])
def test_rollup_table_is_the_old_template(rollups):
    context = {"rollups": rollups, "caption": "Theo lĩnh vực"}
    old = Template(OLD_TABLE).render(Context(context))
    assert squeeze(render_to_string("includes/rollup_table.html", context)) == squeeze(old)


def test_rollup_rows_write_demo_and_share_in_words():
    html = str(rollup_rows.rollup_rows(VIEWS, "indicators"))
    assert "54,8%" in html  # 17 of 31, with the decimal comma
    assert "2/2 chỉ tiêu tính từ dữ liệu minh họa" in html
    assert "Sở &lt;Nội vụ&gt; &amp;" in html
    assert "1100/1200 nhiệm vụ tính từ báo cáo minh họa" in str(rollup_rows.rollup_rows(VIEWS, "tasks"))


BARS = [
    (status_bar(VIEWS[0].indicators, "chỉ tiêu", 3), "Toàn bộ kế hoạch, chỉ tiêu"),
    (status_bar(VIEWS[2].tasks, "nhiệm vụ", 1100), "Sở <Nội vụ> & “Văn phòng”, nhiệm vụ"),
    (status_bar(VIEWS[3].tasks, "nhiệm vụ"), "Trống, nhiệm vụ"),
]


@pytest.mark.parametrize(("bar", "label"), BARS)
def test_status_bar_is_the_old_template(bar, label):
    old = Template(OLD_BAR).render(Context({"bar": bar, "label": label}))
    assert squeeze(rollup_rows.status_bar(bar, label)) == squeeze(old)


OLD_ROW = (OLD / "dashboard_row.html").read_text()


def list_row(level="", provenance=None, figure=None, late=False, status=rules.INDICATOR_STATUSES[0]):
    measured = Indicator(
        pk=7,
        code="3.a.2",
        comparator="at_least",
        target_value=Decimal("80"),
        unit="%",
        metric="Tỷ lệ <hồ sơ> & “đúng hạn”",
        level=level,
    )
    measured.detail_url = "/ke-hoach/a?b=1&c=2"
    if provenance is not None:
        measured.provenance = provenance
    return IndicatorRow(measured, status_view(status), figure, late, None)


LIST_ROWS = [
    list_row(),
    list_row(level=AdministrativeLevel.choices[-1][0], late=True, status=rules.INDICATOR_STATUSES[-1]),
    list_row(provenance={"target": Provenance("inferred", "theo mục IV <b>")}, figure=figure(is_demo=True)),
    list_row(
        provenance={"target": Provenance("editor", "sửa trong trang quản trị", "Nguyễn Văn A", None)},
        figure=figure(scope=AdministrativeLevel.choices[0][0], source_url="https://example.vn/a?b=1&c=2"),
    ),
    list_row(provenance={"target": Provenance("quoted", "nguyên văn")}, figure=figure(value=Decimal("1"))),
]


@pytest.mark.parametrize("row", LIST_ROWS)
def test_dashboard_list_row_is_the_old_template(row):
    old = Template(OLD_ROW).render(Context({"row": row}))
    written = str(rollup_rows.indicator_list_row(row))
    assert squeeze(written) == squeeze(old)
    assert "Tỷ lệ &lt;hồ sơ&gt; &amp;" in written and row.status.label in written
    assert ("Dữ liệu minh họa" in written) == bool(row.latest and row.latest.is_demo)


OLD_CHART = (OLD / "status_chart.html").read_text()


@pytest.mark.parametrize("views", [VIEWS, VIEWS[1:2], []])
def test_status_chart_is_the_old_template(views):
    context = {"groups": [group_bars(v) for v in views], "caption": "Theo lĩnh vực"}
    old = Template(OLD_CHART).render(Context(context))
    written = render_to_string("plan/includes/status_chart.html", context)
    assert squeeze(written) == squeeze(old)
    assert all(escape(v.title) in written for v in views)


@pytest.mark.parametrize(
    "data", [{}, {"linh_vuc": "2", "co_quan": "so-<noi>-vu", "trang_thai": "met"}, {"linh_vuc": "99", "co_quan": "x"}]
)
def test_dashboard_filters_are_the_old_template(data):
    from types import SimpleNamespace

    from plan.public.dashboard import DashboardFilter

    areas = [SimpleNamespace(number=1, title="Cải cách thể chế"), SimpleNamespace(number=2, title="A & “B”")]
    agencies = [SimpleNamespace(code="so-<noi>-vu", name="Sở <Nội vụ>"), SimpleNamespace(code="ubnd", name="UBND")]
    form = DashboardFilter(data, areas, agencies)
    form.is_valid()
    old = Template((OLD / "dashboard_filters.html").read_text()).render(Context({"form": form}))
    new = str(rollup_rows.filter_selects(form))
    assert new == old.strip()
    assert ("aria-invalid" in new) == bool(form.errors)
