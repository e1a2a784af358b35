"""A reform area with its indicators and tasks, and the detail page of each task and
indicator. A detail page gathers only what it shows, not the whole area."""

import functools

from django.http import Http404

from plan.content import area_queries, detail_queries, history_data, queries
from plan.content.codes import indicator_key
from plan.content.provenance_data import area_key, attach_provenance
from plan.models import AreaPage
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
        """The area's tasks and indicators come as light rows from plain statements
        (area_queries): the ORM took longer to build its statements and objects than
        the database to answer."""
        area = self.page
        self.ancestors  # noqa: B018 (the area's URL, which every row's link starts with, shared first)
        tasks = area_queries.area_tasks(area)
        indicators, results = area_queries.area_indicators(area)
        facts = area_queries.area_facts(area, self.plan().pk, tasks)
        task_rows = rows.task_rows(tasks, latest={t.pk: t.report for t in tasks if t.report is not None})
        indicator_rows = rows.indicator_rows(indicators, results=results, years={area.pk: facts.year})
        # Both tables show a page of rows, whose provenance is worked out; the roll-ups count them all.
        tasks_page = table_page(self.request, task_rows, "trang_nhiem_vu", "nhiem-vu")
        indicators_page = table_page(self.request, indicator_rows, "trang_chi_tieu", "chi-tieu")
        shown_indicators = [row.indicator for row in indicators_page.object_list]
        attach_provenance(
            [row.task for row in tasks_page.object_list],
            shown_indicators,
            loaded=self.loaded(facts, shown_indicators),
        )
        return {
            "plan": self.plan(),
            "task_rows": tasks_page.object_list,
            "tasks_page": tasks_page,
            "indicator_groups": rows.bullet_groups(indicators_page.object_list),
            "indicators_page": indicators_page,
            "bullet_count": len(rows.bullet_groups(indicator_rows)),
            "rollups": rows.rollup_views([(area.title, "", indicator_rows, task_rows)]),
            "has_demo": rows.has_demo_figures(indicator_rows, task_rows),
            "updates": self.linked(queries.updates_about(area)[:10]) if facts.has_updates else [],
            **facts.agencies,
            "history": area_queries.area_history(facts),
            "meta_description": f"Lĩnh vực {area.number}. {area.heading_as_written}: chỉ tiêu, nhiệm vụ và tiến độ.",
        }

    def loaded(self, facts, indicators):
        """{LoadRecord key: values} of the area and its indicators: what load_plan wrote,
        which provenance compares with what they are now."""
        loaded = {indicator_key(i.code): i.loaded_values for i in indicators if i.loaded_values is not None}
        if facts.loaded is not None:
            loaded[area_key(self.page)] = facts.loaded
        return loaded

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
        loaded = {indicator_key(indicator.code): indicator.loaded_values} if indicator.loaded_values is not None else {}
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
