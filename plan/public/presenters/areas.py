"""A reform area with its indicators and tasks, and the detail page of each task and
indicator. A table reads the page of rows it shows; the roll-ups count the stored
statuses in the database."""

import functools
from datetime import date

from django.http import Http404
from django.utils import timezone

from plan.content import continuity, history_data, queries
from plan.content.codes import INDICATOR_KEY, indicator_key
from plan.content.provenance_data import area_key, attach_provenance, loaded_record
from plan.models import AreaPage
from plan.models.presenting import presents
from plan.paging import table_page
from plan.progress import rows, rules
from plan.public import charts, edit_links, plan_wide, year_chart
from plan.public.presenters.base import Presenter
from plan.public.presenters.updates import UpdateListing
from reports.verdicts import task_verdict_line


def open_after_year_end(rollup, year, today=None):
    """How many tasks still show “in progress” or “not started” once the plan year has
    ended (0 before): they must not read as still on course."""
    if (today or timezone.localdate()) <= date(year, 12, 31):
        return 0
    counts = rollup.tasks.counts
    return counts.get(rules.TaskStatus.IN_PROGRESS, 0) + counts.get(rules.TaskStatus.NOT_STARTED, 0)


def year_end(task, year):
    """The close of the task's plan year and the task's verdict (asked only once closed)."""
    close = plan_wide.current().year_close(year)
    return {"year_close": close, "verdict_line": task_verdict_line(task) if close else None}


@presents(AreaPage)
class AreaPresenter(UpdateListing, Presenter):
    def plan(self):
        return self.parent()

    def context(self):
        area, plan, kept = self.page, self.plan(), plan_wide.current()  # kept per page cache generation
        facts = kept.area_facts(area)
        rollup = rows.rollup_view(
            area.title,
            "",
            rows.tally_of(facts["indicator_counts"], rules.INDICATOR_STATUSES),
            rows.tally_of(facts["task_counts"], rules.ALL_TASK_STATUSES),
        )
        # Read through the area's own managers: each row gets this page as its area, no join.
        tasks = area.tasks.for_rows().order_by("sort_order", "pk")
        indicators = area.indicators.filter(live=True).for_rows().order_by("sort_order", "code")
        indicators = indicators.annotate(loaded_values=loaded_record(INDICATOR_KEY, "code"))
        tasks_page = table_page(self.request, tasks, "trang_nhiem_vu", "nhiem-vu", rollup.tasks.total)
        indicators_page = table_page(self.request, indicators, "trang_chi_tieu", "chi-tieu", rollup.indicators.total)
        loaded = {indicator_key(i.code): i.loaded_values for i in indicators_page.object_list}
        if facts["loaded"]:  # an area load_plan never wrote (made in the admin) has no record
            loaded[area_key(area)] = facts["loaded"]
        attach_provenance(tasks_page.object_list, indicators_page.object_list, loaded)
        groups = rows.bullet_groups(rows.indicator_rows(indicators_page.object_list))
        task_texts = {task.text for task in tasks_page.object_list}
        return {
            "plan": plan,
            "task_rows": rows.task_rows(tasks_page.object_list),
            "tasks_page": tasks_page,
            "indicator_groups": groups,
            # Section II.1 has no "a) Chỉ tiêu": its target is taken from a task's words.
            "has_target_part": any(group.wording not in task_texts for group in groups),
            "indicators_page": indicators_page,
            "bullet_count": facts["bullets"],
            "rollups": [rollup],
            "open_after_year_end": open_after_year_end(rollup, plan.year),
            "has_demo": rows.has_demo(rollup),
            "updates": queries.updates_about(area)[:10] if facts["has_updates"] else [],
            **kept.area_agencies(area),
            "history": history_data.area_history(area)
            if facts["publications"] > 1 or facts["indicator_publications"] > facts["live_indicators"]
            else [],
            "meta_description": f"Lĩnh vực {area.number}. {area.heading_as_written}: chỉ tiêu, nhiệm vụ và tiến độ.",
            "par_figure": kept.component_figure(area.par_component) if area.par_component else None,
        }

    def task_page(self, code):
        task = queries.task_for_page(self.page, code)
        if task is None:
            raise Http404("Không tìm thấy nhiệm vụ.")
        attach_provenance(tasks=[task], loaded={area_key(self.page): task.area_loaded} if task.area_loaded else {})
        context = {
            "task": task,
            "row": rows.task_rows([task])[0],
            "reports": task.progress_reports.order_by("-reported_on", "-created_at"),
            **year_end(task, self.plan().year),
            "plan": self.plan(),
            "updates": queries.live_updates(task.updates) if task.has_updates else [],
            "history": history_data.task_history(self.page, task.code) if task.publications > 1 else [],
            "meta_description": f"Nhiệm vụ {task.code}: {task.text}",
            "years": continuity.task_years(task),
            "edit_url": edit_links.task_edit_url(self.request, task),
        }
        return edit_links.private_if(self.render("plan/task_detail.html", context), context["edit_url"])

    def indicator_page(self, code):
        indicator = queries.indicator_for_page(self.page, code)
        if indicator is None:
            raise Http404("Không tìm thấy chỉ tiêu.")
        loaded = indicator.loaded_values
        attach_provenance(indicators=[indicator], loaded={indicator_key(indicator.code): loaded} if loaded else {})
        results = list(indicator.results.filter(scope=indicator.level).order_by("period_end", "period"))
        years = year_chart.year_rows(continuity.indicator_years(indicator))
        context = {
            "indicator": indicator,
            "row": rows.indicator_rows([indicator])[0],
            "results": results,
            "chart": history_chart(indicator, results),
            "has_demo": any(r.is_demo for r in results),
            "updates": queries.live_updates(indicator.updates) if indicator.has_updates else [],
            "plan": self.plan(),
            "history": history_data.indicator_history(indicator) if indicator.publications > 1 else [],
            "corrections": history_data.figure_corrections(indicator) if indicator.has_corrections else [],
            "meta_description": f"Chỉ tiêu {indicator.code}: {indicator.statement}",
            "years": years if len(years) > 1 else [],
            "year_chart": year_chart.year_chart(years),
            "years_have_demo": any(row.result and row.result.is_demo for row in years),
            "edit_url": edit_links.indicator_url_for_editor(self.request, indicator),
        }
        return edit_links.private_if(self.render("plan/indicator_detail.html", context), context["edit_url"])


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
