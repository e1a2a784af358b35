"""What every page of a plan says about the plan as a whole: the plan that follows it
and what became of the body that issued it (plan.content.continuity.plan_notices),
which plan years are closed (reports.verdicts.year_closes) and the plan's published
periodic reports; and what an area's page counts, its agencies and its PAR INDEX
component's latest figure, what load_plan wrote for the appendix's areas, and a plan
page's history. The same on every request until
something changes, so read once per process under the page cache's generation
(plan.public.page_cache: publishing a page, saving a task, an indicator, a figure or a
succession, closing a year start a new one, and every worker reads the generation from
the shared cache) and for at most PLAN_WIDE_SECONDS from when each was read (an entry's
own time, so that a page's queries do not depend on the clock): a page reads them only
on its first request after a change.

Templates reach them through `plan_wide`, which the context processor below gives
every request's template."""

from cachetools.func import ttl_cache
from django.utils.functional import SimpleLazyObject

from indices.queries import latest_component_figures
from plan.content import continuity, history_data, provenance_data, queries
from plan.public import page_cache
from reports import periods, verdicts

# A bound for what no signal reports (a change made in a shell): pages are kept as long.
PLAN_WIDE_SECONDS = 300


class PlanWide:
    """The plan-wide notices of one generation."""

    def __init__(self, generation):
        self.generation = generation

    def notices(self, plan_pk):
        """(the published plan that follows it, the successions of its issuing body)."""
        return notices(self.generation, plan_pk)

    def year_close(self, year):
        """The YearClose of `year`, or None."""
        return year_closes(self.generation).get(year)

    def area_facts(self, area):
        """What the area's page counts (plan.content.queries.area_facts): its counts by
        status, bullets, publications and load record change only with what renews the
        generation (a task, an indicator or a figure saved, a page published)."""
        return area_facts(self.generation, area)

    def area_agencies(self, area):
        """The agencies answerable for the area and those supporting it
        (plan.content.queries.area_agencies): an agency or an area saved renews the generation."""
        return area_agencies(self.generation, area)

    def component_figure(self, component):
        """The latest published PAR INDEX figure of the component, or None (a figure
        saved renews the generation)."""
        return component_figure(self.generation, component)

    def plan_history(self, plan):
        """(the plan page's own changes, the changes below it, its publication log with
        what each publication changed): plan.content.history_data.plan_histories, read
        from every published version; only a publication changes it."""
        return plan_history(self.generation, plan)

    def loaded_records(self, keys):
        """What load_plan wrote for `keys` (plan.content.provenance_data.loaded_records)."""
        return loaded_records(self.generation, tuple(keys))

    def reports(self, plan):
        """The plan's published periodic reports, newest period first."""
        return reports(self.generation, plan.path)


@ttl_cache(maxsize=32, ttl=PLAN_WIDE_SECONDS)
def notices(generation, plan_pk):
    return continuity.plan_notices(plan_pk)


@ttl_cache(maxsize=64, ttl=PLAN_WIDE_SECONDS)
def area_facts(generation, area):
    return queries.area_facts(area)


@ttl_cache(maxsize=64, ttl=PLAN_WIDE_SECONDS)
def area_agencies(generation, area):
    return queries.area_agencies(area)


@ttl_cache(maxsize=16, ttl=PLAN_WIDE_SECONDS)
def component_figure(generation, component):
    return latest_component_figures([component]).get(component)


@ttl_cache(maxsize=16, ttl=PLAN_WIDE_SECONDS)
def plan_history(generation, plan):
    own, below, labels = history_data.plan_histories(plan)
    return own, below, history_data.log_with_changes(queries.publication_log(plan), labels)


@ttl_cache(maxsize=16, ttl=PLAN_WIDE_SECONDS)
def loaded_records(generation, keys):
    return provenance_data.loaded_records(keys)


@ttl_cache(maxsize=4, ttl=PLAN_WIDE_SECONDS)
def year_closes(generation):
    return verdicts.year_closes()


@ttl_cache(maxsize=32, ttl=PLAN_WIDE_SECONDS)
def reports(generation, plan_path):
    return tuple(periods.plan_reports(plan_path))


def current():
    return PlanWide(page_cache.generation())


def plan_wide(request):
    """Context processor: `plan_wide` (a PlanWide), made only when a template asks."""
    return {"plan_wide": SimpleLazyObject(current)}
