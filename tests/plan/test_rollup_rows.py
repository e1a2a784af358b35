"""The roll-up rows and status bars written in Python (plan/templatetags/rollup_rows.py)
give the markup of the templates they replaced (kept as they were in replaced_templates/)."""

from pathlib import Path

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string

from plan.progress import rules
from plan.progress.rows import RollupView
from plan.public.summary import status_bar
from plan.templatetags import rollup_rows
from plan.vocabulary import IndicatorStatus, TaskStatus

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


@pytest.mark.parametrize("rollups", [VIEWS, VIEWS[:1], VIEWS[1:2], VIEWS[2:]])
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
