"""What the dashboard and the home page count: the stored statuses of a plan's published
indicators and tasks, counted by the database for each area and each agency, and their
roll-ups for the whole plan. Kept in the shared cache under a key made of the page
cache's generation (plan.public.page_cache: any change to what pages show starts a new
one), the plan and today's date, so that the dashboard's filtered and paged views reuse
them. PROGRESS_SUMMARY_SECONDS bounds how long they are kept (0: counted on every
request)."""

from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from plan.content import queries
from plan.models import Agency, Indicator, Task
from plan.progress import rows
from plan.public import page_cache, summary

# Part of the cache key: a new one when what Figures holds changes shape, so that a
# new release never reads what an older one kept.
VERSION = 2


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


@dataclass(frozen=True)
class Figures:
    areas: list  # [AreaRef]
    agencies: list  # [AgencyRef], those that answer for an indicator or lead a task, by name
    whole: rows.RollupView
    area_rollups: list  # [RollupView]
    agency_rollups: list
    summary: summary.PlanSummary
    has_demo: bool
    only_demo: bool


def key(plan, today):
    return f"plan:dashboard:{VERSION}:{page_cache.generation()}:{plan.pk}:{today.isoformat()}"


def figures(plan, request=None, today=None):
    """The plan's Figures, from the cache when a request of the same generation and day
    counted them. The generation is read before the database, so that figures read
    before a change commits are kept under a generation nobody asks for any more."""
    today = today or timezone.localdate()
    seconds = settings.PROGRESS_SUMMARY_SECONDS
    if seconds <= 0:
        return count(plan, request, today)
    cache_key = key(plan, today)
    found = cache.get(cache_key)
    if found is None:
        found = count(plan, request, today)
        cache.set(cache_key, found, seconds)
    return found


def count(plan, request, today):
    """Figures from the database: the statuses counted by area and agency, in two queries."""
    areas = list(queries.live_areas(plan).only("title", "number", "url_path", "path", "depth"))
    indicator_counts = list(
        Indicator.objects.published().filter(area__in=areas).status_counts("area", "responsible_agency")
    )
    task_counts = list(Task.objects.published().filter(area__in=areas).status_counts("area", "lead_agency"))
    by_area = rows.tallies(indicator_counts, "area"), rows.tallies(task_counts, "area")
    by_agency = rows.tallies(indicator_counts, "responsible_agency"), rows.tallies(task_counts, "lead_agency")
    agencies = Agency.objects.filter(pk__in=(set(by_agency[0]) | set(by_agency[1])) - {None}).order_by("name")
    agencies = [AgencyRef(a.pk, a.code, a.name, a.get_absolute_url()) for a in agencies.only("code", "name")]
    areas = [AreaRef(a.pk, a.number, a.title, a.get_url(request)) for a in areas]
    area_rollups = [
        rows.rollup_view(
            f"{area.number}. {area.title}",
            area.url,
            by_area[0].get(area.pk, rows.EMPTY),
            by_area[1].get(area.pk, rows.EMPTY),
        )
        for area in areas
    ]
    agency_rollups = [
        rows.rollup_view(
            agency.name, agency.url, by_agency[0].get(agency.pk, rows.EMPTY), by_agency[1].get(agency.pk, rows.EMPTY)
        )
        for agency in agencies
    ]
    whole = rows.whole("Toàn bộ kế hoạch", plan.get_url(request), area_rollups)
    return Figures(
        areas=areas,
        agencies=agencies,
        whole=whole,
        area_rollups=area_rollups,
        agency_rollups=agency_rollups,
        summary=summary.summarise(plan.year, whole, area_rollups, agency_rollups, today=today),
        has_demo=rows.has_demo(whole),
        only_demo=rows.only_demo(whole),
    )
