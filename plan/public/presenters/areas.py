"""A reform area with its indicators and tasks, and the detail page of each task and
indicator. A table reads the page of rows it shows; the roll-ups count the stored
statuses in the database."""

import functools

from django.http import Http404

from plan.content import history, history_data, queries
from plan.content.provenance_data import attach_provenance
from plan.models import AreaPage, Indicator, Task
from plan.models.presenting import presents
from plan.paging import table_page
from plan.progress import rows
from plan.public import charts
from plan.public.presenters.base import Presenter
from plan.public.presenters.updates import UpdateListing


@presents(AreaPage)
class AreaPresenter(UpdateListing, Presenter):
    def plan(self):
        return self.parent()

    def context(self):
        area = self.page
        indicators = Indicator.objects.filter(area=area, live=True)
        tasks = Task.objects.filter(area=area)
        indicator_counts = list(indicators.status_counts("bullet"))  # by bullet too: the table of contents counts them
        indicator_tally = rows.tallies(indicator_counts).get(None, rows.EMPTY)
        task_tally = rows.tallies(tasks.status_counts()).get(None, rows.EMPTY)
        rollup = rows.rollup_view(area.title, "", indicator_tally, task_tally)
        tasks_page = table_page(
            self.request, tasks.for_table().order_by("sort_order", "pk"), "trang_nhiem_vu", "nhiem-vu",
            rollup.tasks.total,
        )  # fmt: skip
        indicators_page = table_page(
            self.request, indicators.for_table().order_by("sort_order", "code"), "trang_chi_tieu", "chi-tieu",
            rollup.indicators.total,
        )  # fmt: skip
        attach_provenance(tasks_page.object_list, indicators_page.object_list)
        return {
            "plan": self.plan(),
            "task_rows": rows.task_rows(tasks_page.object_list),
            "tasks_page": tasks_page,
            "indicator_groups": rows.bullet_groups(rows.indicator_rows(indicators_page.object_list)),
            "indicators_page": indicators_page,
            "bullet_count": len({row["bullet"] for row in indicator_counts}),
            "rollups": [rollup],
            "has_demo": rows.has_demo(rollup),
            "updates": queries.updates_about(area)[:10],
            **queries.area_agencies(area),
            "history": history_data.page_history(area, history.AREA_FIELDS),
            "meta_description": f"Lĩnh vực {area.number}. {area.heading_as_written}: chỉ tiêu, nhiệm vụ và tiến độ.",
        }

    def task_page(self, code):
        task = Task.objects.filter(area=self.page, code=code).for_detail().first()
        if task is None:
            raise Http404("Không tìm thấy nhiệm vụ.")
        attach_provenance(tasks=[task])
        context = {
            "task": task,
            "row": rows.task_rows([task])[0],
            "reports": task.progress_reports.order_by("-reported_on", "-created_at"),
            "plan": self.plan(),
            "updates": queries.live_updates(task.updates) if task.has_updates else [],
            "history": history_data.task_history(self.page, task.code),
            "meta_description": f"Nhiệm vụ {task.code}: {task.text}",
        }
        return self.render("plan/task_detail.html", context)

    def indicator_page(self, code):
        indicators = Indicator.objects.filter(area=self.page, live=True, code=code)
        indicator = indicators.for_detail().first()
        if indicator is None:
            raise Http404("Không tìm thấy chỉ tiêu.")
        attach_provenance(indicators=[indicator])
        results = list(indicator.results.filter(scope=indicator.level).order_by("period_end", "period"))
        context = {
            "indicator": indicator,
            "row": rows.indicator_rows([indicator])[0],
            "results": results,
            "chart": history_chart(indicator, results),
            "has_demo": any(r.is_demo for r in results),
            "updates": queries.live_updates(indicator.updates) if indicator.has_updates else [],
            "plan": self.plan(),
            "history": history_data.indicator_history(indicator),
            "corrections": history_data.figure_corrections(indicator) if indicator.has_corrections else [],
            "meta_description": f"Chỉ tiêu {indicator.code}: {indicator.statement}",
        }
        return self.render("plan/indicator_detail.html", context)


class ChartInputs:
    """An indicator and its results, equal to another when every field of each is:
    the key of the drawn charts' cache."""

    def __init__(self, indicator, results):
        self.indicator, self.results = indicator, results
        self.key = repr([field_values(indicator), *map(field_values, results)])

    def __eq__(self, other):
        return self.key == other.key

    def __hash__(self):
        return hash(self.key)


def field_values(obj):
    return [getattr(obj, field.attname) for field in obj._meta.concrete_fields]


@functools.lru_cache(maxsize=64)
def drawn_chart(inputs):
    return charts.history_chart(inputs.indicator, inputs.results)


def history_chart(indicator, results):
    """charts.history_chart, drawn once per process for the same figures: pygal takes
    about a third of the indicator page's time. The key holds every field of the
    indicator and of its results, so a changed figure or target draws anew."""
    return drawn_chart(ChartInputs(indicator, results))
