"""What the task, indicator and roll-up tables and the status chart show, read from
the markup the templates write (templates/includes/*_table.html,
plan/includes/status_chart.html) for rows as the presenters give them."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.test import RequestFactory

from plan.content.provenance import Provenance
from plan.models import Agency, AreaPage, Indicator, Task, Topic
from plan.progress import rules
from plan.progress.rows import IndicatorRow, RollupView, TaskRow, status_view
from plan.public.summary import group_bars
from plan.vocabulary import IndicatorStatus, TaskStatus
from tests.builders import unsaved_result

pytestmark = pytest.mark.django_db  # an unsaved AreaPage reads its content type

HOSTILE = "<script>alert(\"x\")</script> & 'nháy'"
DEMO_TITLE = "Số liệu giả lập để trình diễn, không phải kết quả chính thức"


def area_three():
    """The loaded plan's area 3: a row's address is its area's, read with the request."""
    return AreaPage.objects.get(number=3)


def render(template, context):
    return render_to_string(template, context, request=RequestFactory().get("/"))


def soup(html):
    return BeautifulSoup(html, "html.parser")


def indicator(n=1, agency=None, provenance=None, **fields):
    values = {"code": f"3.a.{n}", "comparator": "at_least", "target_value": Decimal(80), "unit": "%"}
    values |= {"metric": f"Tỷ lệ {n}", "statement": "Chỉ tiêu", "responsible_agency": agency}
    found = Indicator(pk=n, **{**values, **fields})
    found.area = area_three()
    found.provenance = provenance or {}
    return found


def indicator_row(n=1, figure=None, late=False, status=IndicatorStatus.MET, **fields):
    return IndicatorRow(indicator(n, **fields), status_view(status), figure, late, None)


def task(n=1, lead=None, coordinating=(), topics=(), provenance=None, **fields):
    found = Task(pk=n, lead_agency=lead, **{"code": f"3.{n}", "text": f"Nhiệm vụ {n}", **fields})
    found.coordinating_agencies, found.topics = list(coordinating), list(topics)  # in memory, as a form sets them
    found.area = area_three()
    found.provenance = provenance or {}
    return found


def task_row(n=1, report=None, status=TaskStatus.IN_PROGRESS, **fields):
    return TaskRow(task(n, **fields), status_view(status), report)


def indicator_table(rows, **context):
    return soup(render("includes/indicator_table.html", {"indicator_rows": rows, **context}))


def task_table(rows, **context):
    return soup(render("includes/task_table.html", {"task_rows": rows, **context}))


def cell(page, label):
    return page.select_one(f'td[data-label="{label}"]')


def test_what_editors_and_sources_wrote_is_shown_as_text_not_markup():
    agency = Agency(pk=3, code="so-noi-vu", name=HOSTILE)
    figure = unsaved_result(source_name=HOSTILE, source_url='https://a.vn/?a=1&b="2"')
    indicators = indicator_table([indicator_row(agency=agency, figure=figure, statement=HOSTILE)])
    tasks = task_table([task_row(lead=agency, coordinating=[agency], group=HOSTILE, deadline_text=HOSTILE)])
    tasks_with_text = task_table([task_row(text=HOSTILE, topics=[Topic(pk=1, slug="mot-cua", name=HOSTILE)])])
    for page in (indicators, tasks, tasks_with_text):
        assert not page.find("script"), "an editor's <script> became an element"
    assert HOSTILE in indicators.select_one(".cell-name").get_text()
    assert cell(indicators, "Cơ quan chịu trách nhiệm").a.get_text() == HOSTILE
    source = cell(indicators, "Số liệu mới nhất").select_one(".source a")
    assert source.get_text() == HOSTILE and source["href"] == 'https://a.vn/?a=1&b="2"'
    assert cell(tasks, "Cơ quan chủ trì").a.get_text() == HOSTILE
    assert cell(tasks, "Cơ quan phối hợp").a.get_text() == HOSTILE
    assert cell(tasks, "Thời gian hoàn thành").get_text().startswith(HOSTILE)
    assert tasks.select_one(".cell-name strong").get_text() == f"{HOSTILE}:"
    assert HOSTILE in tasks_with_text.select_one(".cell-name").get_text()
    assert tasks_with_text.select_one(".tags a").get_text() == HOSTILE


def badges(page):
    return page.select(".demo-badge")


def test_a_demo_figure_and_a_task_reported_on_demo_carry_the_badge():
    indicators = indicator_table([indicator_row(1, unsaved_result(is_demo=True)), indicator_row(2, unsaved_result())])
    demo, real = indicators.select("tbody tr")
    assert [badge["title"] for badge in badges(demo)] == [DEMO_TITLE] and not badges(real)
    tasks = task_table([task_row(1, SimpleNamespace(percent=40, is_demo=True)), task_row(2, None)])
    demo, unreported = tasks.select("tbody tr")
    assert badges(demo) and "(40%)" in cell(demo, "Tiến độ").get_text() and not badges(unreported)
    assert "%" not in cell(unreported, "Tiến độ").get_text()


def test_the_late_mark_shows_for_a_late_indicator_only():
    page = indicator_table([indicator_row(1, late=True), indicator_row(2, late=False)])
    late, on_time = page.select("tbody tr")
    assert late.select_one(".cell-status .late").get_text() == "Chậm cập nhật số liệu"
    assert not on_time.select(".late")


@pytest.mark.parametrize("count", [0, 9, 10, 11, 23])
def test_rows_past_ten_wait_in_a_details(count):
    indicators = indicator_table([indicator_row(n) for n in range(1, count + 1)])
    tasks = task_table([task_row(n) for n in range(1, count + 1)])
    for page, noun in ((indicators, "chỉ tiêu"), (tasks, "nhiệm vụ")):
        folded = page.select_one("details.more-rows")
        codes = [row.th.get_text() for row in page.select("tbody tr")]
        assert len(codes) == count == len(set(codes))
        if count <= 10:
            assert folded is None
            continue
        hidden = [row.th.get_text() for row in folded.select("tbody tr")]
        assert hidden == codes[10:]
        assert folded.summary.get_text() == f"Xem thêm {count - 10} {noun}"
        assert folded.table.caption.get_text().endswith("(tiếp theo)")
        assert len(folded.select("thead th")) == len(page.select("table")[0].select("thead th"))
    open_data = indicators.find("a", string="Dữ liệu mở")
    assert (open_data is not None) == (count > 10)


def test_facts_not_quoted_from_the_plan_are_marked_with_their_origin():
    inferred = Provenance("inferred", "theo mục IV “Tổ chức thực hiện” <b>")
    edited = Provenance("editor", "sửa trong trang quản trị", "Nguyễn Văn A", None)
    quoted = Provenance("quoted", "nguyên văn mục II.3")
    indicators = indicator_table(
        [indicator_row(provenance={"target": inferred, "responsible_agency": edited})]
        + [indicator_row(2, provenance={"target": quoted})]
    )
    marked, plain = indicators.select("tbody tr")
    marked_indicator = indicator()
    target = cell(marked, "Mục tiêu").select_one("sup a")
    assert (target.get_text(), target["title"], target["aria-label"]) == ("*", inferred.text, inferred.text)
    assert target["href"] == "#ghi-chu-nguon-goc" and indicators.select_one("#ghi-chu-nguon-goc")
    assert cell(marked, "Mục tiêu").get_text() == f"{marked_indicator.target_display}*"  # the mark right after
    agency = cell(marked, "Cơ quan chịu trách nhiệm").select_one("sup a")
    assert (agency.get_text(), agency["title"]) == ("†", edited.text)
    assert not plain.select("sup")
    tasks = task_table([task_row(provenance={"deadline": edited, "coordinating_agencies": inferred})])
    assert cell(tasks, "Thời gian hoàn thành").select_one("sup a").get_text() == "†"
    assert cell(tasks, "Cơ quan phối hợp").select_one("sup a")["title"] == inferred.text
    assert not cell(tasks, "Cơ quan chủ trì").select("sup")


def test_a_task_shows_its_agencies_topics_and_dates():
    lead, other = Agency(pk=3, code="so-noi-vu", name="Sở Nội vụ"), Agency(pk=4, code="so-tu-phap", name="Sở Tư pháp")
    row = task_row(
        lead=lead, coordinating=[lead, other], topics=[Topic(pk=1, slug="mot-cua", name="Một cửa")],
        group="Nhóm", due_date=date(2024, 6, 30),
    )  # fmt: skip
    page = task_table([row, task_row(2)], show_area=True)
    first, bare = page.select("tbody tr")
    assert cell(first, "Cơ quan phối hợp").get_text() == "Sở Nội vụ; Sở Tư pháp"  # no line break before the ";"
    assert cell(first, "Cơ quan chủ trì").a["href"] == lead.get_absolute_url()
    assert cell(first, "Thời gian hoàn thành").get_text() == "Kế hoạch không nêu (30/06/2024)"
    assert "Cải cách thủ tục hành chính" in first.select_one(".cell-name").get_text()
    assert first.th.a["href"] == "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/nhiem-vu/3-1/"
    for label in ("Cơ quan chủ trì", "Cơ quan phối hợp"):
        assert cell(bare, label).get_text() == "Kế hoạch không nêu"
    assert not bare.select(".tags")


def rollup(title, url, indicator_statuses, task_statuses, indicator_demo=0, task_demo=0):
    return RollupView(
        title,
        url,
        rules.rollup(indicator_statuses, rules.INDICATOR_STATUSES),
        rules.rollup(task_statuses, rules.TASK_STATUSES),
        indicator_demo,
        task_demo,
    )


INDICATOR_STATUSES = [IndicatorStatus.MET] * 17 + [IndicatorStatus.NOT_MET] * 14 + [IndicatorStatus.NO_DATA] * 3
TASK_STATUSES = [TaskStatus.DONE] * 3 + [TaskStatus.OVERDUE] * 1200


def rollup_tables(rollups):
    page = soup(render_to_string("includes/rollup_table.html", {"rollups": rollups, "caption": "Theo lĩnh vực"}))
    return page.select("table")


def test_a_rollup_table_counts_each_status_and_the_share_met():
    indicators, tasks = rollup_tables([rollup("Sở <Nội vụ>", "/a?b=1&c=2", INDICATOR_STATUSES, TASK_STATUSES)])
    for table, statuses, codes in (
        (indicators, INDICATOR_STATUSES, rules.INDICATOR_STATUSES),
        (tasks, TASK_STATUSES, rules.TASK_STATUSES),
    ):
        heads = [th.get_text(" ", strip=True) for th in table.select("thead th.status-head")]
        assert heads == [f"{status_view(c).icon} {status_view(c).label}" for c in codes]
        counts = {td["data-label"]: int(td.get_text()) for td in table.select("td.cell-count")}
        assert counts == {f"{status_view(c).icon} {status_view(c).label}": statuses.count(c) for c in codes}
        assert table.select_one("tbody th a")["href"] == "/a?b=1&c=2"
        assert table.select_one("tbody th").get_text() == "Sở <Nội vụ>"
    with_data = len(INDICATOR_STATUSES) - INDICATOR_STATUSES.count(IndicatorStatus.NO_DATA)
    share = f"{Decimal(17 * 100) / with_data:.1f}".replace(".", ",")
    assert cell(indicators, "Tỷ lệ đạt").get_text(" ") == f"{share}% {with_data}/{len(INDICATOR_STATUSES)} có số liệu"


def test_a_rollup_says_how_much_rests_on_demo_figures():
    demo, real = rollup("A", "", INDICATOR_STATUSES, TASK_STATUSES, 2, 1100), rollup("B", "", [], [])
    indicators, tasks = rollup_tables([demo, real])
    for table, words in (
        (indicators, f"2/{len(INDICATOR_STATUSES)} chỉ tiêu tính từ dữ liệu minh họa"),
        (tasks, f"1100/{len(TASK_STATUSES)} nhiệm vụ tính từ báo cáo minh họa"),
    ):
        with_demo, without = table.select("tbody tr")
        demo_cell = cell(with_demo, "Dữ liệu minh họa")
        assert badges(demo_cell) and words in demo_cell.get_text()
        assert not badges(without) and cell(without, "Dữ liệu minh họa").get_text() == "Không"
    assert cell(indicators.select("tbody tr")[1], "Tỷ lệ đạt").get_text() == "Chưa có số liệu"


def test_the_status_chart_draws_a_bar_per_group_and_labels_demo_groups():
    views = [rollup("Sở <Nội vụ>", "/co-quan/a/", INDICATOR_STATUSES, TASK_STATUSES, 2), rollup("Trống", "", [], [])]
    context = {"groups": [group_bars(v) for v in views], "caption": "Theo cơ quan"}
    page = soup(render_to_string("plan/includes/status_chart.html", context))
    demo, empty = page.select("li.status-group")
    assert demo.select_one(".status-group-title a").get_text() == "Sở <Nội vụ>" and badges(demo)
    assert not badges(empty)
    bars = demo.select(".stacked-bar")
    assert [bar["aria-label"].split(":")[0] for bar in bars] == ["Sở <Nội vụ>, chỉ tiêu", "Sở <Nội vụ>, nhiệm vụ"]
    segments = {seg["class"][1]: int(seg["style"].removeprefix("flex-grow:")) for seg in bars[1].select(".bar-seg")}
    assert segments == {f"seg-{code}": TASK_STATUSES.count(code) for code in set(TASK_STATUSES)}
    assert [p.get_text() for p in empty.select(".stacked-bar-empty")] == ["Không có chỉ tiêu.", "Không có nhiệm vụ."]
