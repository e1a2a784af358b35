"""A reform area with its indicators and tasks, and the detail page of each task and
indicator. A detail page gathers only what it shows, not the whole area."""

import functools

from django.http import Http404

from plan.content import area_queries, detail_queries, history, history_data, queries
from plan.content.provenance_data import area_key, attach_provenance
from plan.models import AreaPage
from plan.models.presenting import presents
from plan.progress import read_model, rows
from plan.public import charts
from plan.public.presenters.base import Presenter
from plan.public.presenters.updates import UpdateListing


@presents(AreaPage)
class AreaPresenter(UpdateListing, Presenter):
    def plan(self):
        return self.parent()

    def plan_facts(self, indicators):
        """({area pk: the plan's year} (the progress rules' deadline), {LoadRecord key:
        values} of the area and `indicators` (what load_plan wrote, for provenance), whether
        an update is linked to the area's tasks or indicators). The ancestors come from
        the routing; these from a statement of their own."""
        year, area_loaded, has_updates = area_queries.area_facts(self.page, self.plan().pk)
        loaded = {f"indicator:{i.code}": i.loaded_values for i in indicators if i.loaded_values is not None}
        if area_loaded is not None:
            loaded[area_key(self.page)] = area_loaded
        return {self.page.pk: year}, loaded, has_updates

    def context(self):
        area = self.page
        self.ancestors  # noqa: B018 (the area's URL, which every row's link starts with, shared first)
        tasks, indicators = queries.area_tasks(area), queries.area_indicators(area)
        years, loaded, has_updates = self.plan_facts(indicators)
        attach_provenance(tasks, indicators, loaded=loaded)
        task_rows = rows.task_rows(tasks, latest=read_model.reports_of(tasks))
        indicator_rows = rows.indicator_rows(indicators, years=years)
        return {
            "plan": self.plan(),
            "task_rows": task_rows,
            "indicator_groups": rows.bullet_groups(indicator_rows),
            "rollups": rows.rollup_views([(area.title, "", indicator_rows, task_rows)]),
            "has_demo": rows.has_demo_figures(indicator_rows, task_rows),
            "updates": self.linked(queries.updates_about(area)[:10]) if has_updates else [],
            **area_queries.area_agencies(area),
            "history": history_data.page_history(area, history.AREA_FIELDS),
            "meta_description": f"Lĩnh vực {area.number}. {area.heading_as_written}: chỉ tiêu, nhiệm vụ và tiến độ.",
        }

    def task_page(self, code):
        self.ancestors  # noqa: B018 (the area's URL shared first)
        task = detail_queries.detail_task(self.page, code)
        if task is None:
            raise Http404("Không tìm thấy nhiệm vụ.")
        loaded = {area_key(self.page): task.area_loaded} if task.area_loaded is not None else {}
        attach_provenance(tasks=[task], loaded=loaded)
        reports = detail_queries.detail_reports(task)
        context = {
            "task": task,
            "row": rows.task_rows([task], latest={task.pk: reports[0]} if reports else {})[0],
            "reports": reports,
            "plan": self.plan(),
            "updates": self.linked(queries.live_updates(task.updates)) if task.has_updates else [],
            "history": history_data.task_history(self.page, task.code),
            "meta_description": f"Nhiệm vụ {task.code}: {task.text}",
        }
        return self.render("plan/task_detail.html", context)

    def indicator_page(self, code):
        self.ancestors  # noqa: B018 (the area's URL shared first)
        indicator = detail_queries.detail_indicator(self.page, code, self.plan().pk)
        if indicator is None:
            raise Http404("Không tìm thấy chỉ tiêu.")
        loaded = {f"indicator:{indicator.code}": indicator.loaded_values} if indicator.loaded_values is not None else {}
        attach_provenance(indicators=[indicator], loaded=loaded)
        results = detail_queries.detail_results(indicator)
        years = {self.page.pk: indicator.plan_year}
        context = {
            "indicator": indicator,
            "row": rows.indicator_rows([indicator], results={indicator.pk: results}, years=years)[0],
            "results": results,
            "chart": history_chart(indicator, results),
            "has_demo": any(r.is_demo for r in results),
            "updates": self.linked(queries.live_updates(indicator.updates)) if indicator.has_updates else [],
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
