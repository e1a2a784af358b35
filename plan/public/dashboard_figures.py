"""What the dashboard counts, worked out once per change rather than per request: the
status of every published indicator and task of a plan (the rules of
plan.progress.rules, which also depend on today's date), their roll-ups for the whole
plan, each area and each agency, and what the list and its filters need of each
indicator. Kept in the shared cache under a key made of the page cache's generation
(plan.public.page_cache: any change to what pages show starts a new one), the plan and
today's date, so that filtered and paged views, and the views after a cached page
expires, reuse it, while the first request after a change works it out again.
PROGRESS_SUMMARY_SECONDS bounds how long it is kept (0: worked out on every request)."""

from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from plan.content import queries
from plan.models import Agency, AreaPage
from plan.progress import read_model, rows
from plan.public import page_cache, summary

# Part of the cache key: a new one when what Figures holds changes shape, so that a
# new release never reads what an older one kept.
VERSION = 1


class AreaRef(NamedTuple):
    pk: int
    number: int
    title: str
    url: str


class AgencyRef(NamedTuple):
    pk: int
    code: str
    name: str
    url: str


# An indicator as the list and its filters need it (the 25 rows shown are read in full:
# dashboard.full_rows), as a plain tuple: thousands are kept and read on each request,
# and a named tuple takes twice as long to unpickle. Its items:
PK, AREA, AGENCY, STATUS, RESULT, LATE = range(6)  # RESULT: the Result its status rests on


@dataclass(frozen=True)
class Figures:
    areas: list  # [AreaRef]
    # {pk: AreaPage with only its number}: where a listed indicator's facts come from
    # names its area's number (attach_provenance); made once, as a page costs to make.
    area_pages: dict
    agencies: list  # [AgencyRef], those that answer for an indicator or lead a task, by name
    listed: list  # [(PK, AREA, AGENCY, STATUS, RESULT, LATE)] in the list's order
    whole: rows.RollupView
    area_rollups: list  # [RollupView]
    agency_rollups: list
    summary: summary.PlanSummary
    has_demo: bool
    only_demo: bool


def key(plan, today):
    return f"plan:dashboard:{VERSION}:{page_cache.generation()}:{plan.pk}:{today.isoformat()}"


def figures(request, plan, today=None):
    """The plan's Figures, from the cache when a request of the same generation and day
    worked them out. The generation is read before the database, so that figures read
    before a change commits are kept under a generation nobody asks for any more."""
    today = today or timezone.localdate()
    seconds = settings.PROGRESS_SUMMARY_SECONDS
    if seconds <= 0:
        return work_out(request, plan, today)
    cache_key = key(plan, today)
    found = cache.get(cache_key)
    if found is None:
        found = work_out(request, plan, today)
        cache.set(cache_key, found, seconds)
    return found


def work_out(request, plan, today):
    """Figures from the database: the counts read only what the status rules need (one
    light row per indicator and its latest figures; the tasks counted by their latest
    report in one statement)."""
    areas = list(queries.live_areas(plan))
    queries.share_site_root_paths(request, [plan, *areas])
    indicator_set = queries.public_indicators().filter(area__in=areas).order_by("area__path", "sort_order", "code")
    task_set = queries.public_tasks().filter(area__in=areas)
    indicator_rows = rows.indicator_rows(
        read_model.indicator_facts(indicator_set),
        today,
        results=read_model.results_by_indicator(indicator_set.values("pk"), light=True),
        years={area.pk: plan.year for area in areas},
    )
    task_rows = rows.counted_task_rows(read_model.task_groups(task_set), today)
    agency_ids = {r.indicator.responsible_agency_id for r in indicator_rows}
    agency_ids |= {r.task.lead_agency_id for r in task_rows}
    agencies = Agency.objects.filter(pk__in=agency_ids - {None}).order_by("name").values_list("pk", "code", "name")
    agencies = [AgencyRef(pk, code, name, Agency(code=code).get_absolute_url()) for pk, code, name in agencies]
    areas = [AreaRef(area.pk, area.number, area.title, area.url) for area in areas]

    indicators_of_area = grouped(indicator_rows, lambda r: r.indicator.area_id)
    tasks_of_area = grouped(task_rows, lambda r: r.task.area_id)
    indicators_of_agency = grouped(indicator_rows, lambda r: r.indicator.responsible_agency_id)
    tasks_of_agency = grouped(task_rows, lambda r: r.task.lead_agency_id)
    whole = rows.rollup_views([("Toàn bộ kế hoạch", plan.url, indicator_rows, task_rows)])[0]
    area_rollups = rows.rollup_views(
        [
            (
                f"{area.number}. {area.title}",
                area.url,
                indicators_of_area.get(area.pk, []),
                tasks_of_area.get(area.pk, []),
            )
            for area in areas
        ]
    )
    agency_rollups = rows.rollup_views(
        [
            (agency.name, agency.url, indicators_of_agency.get(agency.pk, []), tasks_of_agency.get(agency.pk, []))
            for agency in agencies
        ]
    )
    listed = [
        (
            r.indicator.pk,
            r.indicator.area_id,
            r.indicator.responsible_agency_id,
            str(r.status.code),
            r.latest.id if r.latest else None,
            r.late,
        )
        for r in indicator_rows
    ]
    return Figures(
        areas=areas,
        area_pages={area.pk: AreaPage(pk=area.pk, number=area.number) for area in areas},
        agencies=agencies,
        listed=listed,
        whole=whole,
        area_rollups=area_rollups,
        agency_rollups=agency_rollups,
        summary=summary.summarise(plan.year, whole, area_rollups, agency_rollups, today=today),
        has_demo=rows.has_demo_figures(indicator_rows, task_rows),
        only_demo=rows.only_demo_figures(indicator_rows, task_rows),
    )


def grouped(items, key):
    """{key(item): [items]}, in one pass."""
    groups = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
