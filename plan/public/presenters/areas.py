"""A reform area with its indicators and tasks, and the detail page of each task and
indicator. A detail page gathers only what it shows, not the whole area."""

from django.http import Http404

from plan.content import history, history_data, queries
from plan.content.provenance_data import attach_provenance
from plan.models import AreaPage
from plan.models.presenting import presents
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
        tasks, indicators = list(queries.area_tasks(area)), list(queries.area_indicators(area))
        attach_provenance(tasks, indicators)
        task_rows, indicator_rows = rows.task_rows(tasks), rows.indicator_rows(indicators)
        return {
            "plan": self.plan(),
            "task_rows": task_rows,
            "indicator_groups": rows.bullet_groups(indicator_rows),
            "rollups": rows.rollup_views([(area.title, "", indicator_rows, task_rows)]),
            "has_demo": rows.has_demo_figures(indicator_rows, task_rows),
            "updates": queries.updates_about(area)[:10],
            **queries.area_agencies(area),
            "history": history_data.page_history(area, history.AREA_FIELDS),
            "meta_description": f"Lĩnh vực {area.number}. {area.heading_as_written}: chỉ tiêu, nhiệm vụ và tiến độ.",
        }

    def task_page(self, code):
        task = queries.area_task(self.page, code)
        if task is None:
            raise Http404("Không tìm thấy nhiệm vụ.")
        attach_provenance(tasks=[task])
        context = {
            "task": task,
            "row": rows.task_rows([task])[0],
            "reports": task.progress_reports.order_by("-reported_on", "-created_at"),
            "plan": self.plan(),
            "updates": queries.live_updates(task.updates),
            "history": history_data.task_history(self.page, task.code),
            "meta_description": f"Nhiệm vụ {task.code}: {task.text}",
        }
        return self.render("plan/task_detail.html", context)

    def indicator_page(self, code):
        indicator = queries.area_indicator(self.page, code)
        if indicator is None:
            raise Http404("Không tìm thấy chỉ tiêu.")
        attach_provenance(indicators=[indicator])
        results = list(indicator.results.filter(scope=indicator.level).order_by("period_end", "period"))
        context = {
            "indicator": indicator,
            "row": rows.indicator_rows([indicator])[0],
            "results": results,
            "other_results": indicator.results.exclude(scope=indicator.level).order_by("period_end", "scope"),
            "chart": charts.history_chart(indicator, results),
            "has_demo": any(r.is_demo for r in results),
            "updates": queries.live_updates(indicator.updates),
            "plan": self.plan(),
            "history": history_data.indicator_history(indicator),
            "corrections": history_data.figure_corrections(indicator),
            "meta_description": f"Chỉ tiêu {indicator.code}: {indicator.statement}",
        }
        return self.render("plan/indicator_detail.html", context)
