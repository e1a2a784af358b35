"""What the page of one task or one indicator reads about it, each in as few statements
as it can: what the area page reads with its ancestors (the plan's year, what load_plan
wrote) comes here with the task or indicator, and so does whether it has updates or
corrected figures, whose own queries then run only when there are some."""

from django.db.models import Exists, OuterRef, Subquery

from plan.content.provenance_data import area_key
from plan.content.queries import with_area, with_links
from plan.models import LoadRecord, PlanPage, ResultHistory, UpdatePage


def detail_task(area, code):
    """The area's task `code` for its page (with_links), with what load_plan wrote for
    the area (`area_loaded`, or None) and whether an update is linked to it
    (`has_updates`: most tasks have none, which then costs no query of its own)."""
    area_loaded = LoadRecord.objects.filter(key=area_key(area)).values("values")[:1]
    tasks = area.tasks.filter(code=code).select_related("lead_agency")
    tasks = tasks.annotate(area_loaded=Subquery(area_loaded), has_updates=has_updates("task"))
    return next(iter(with_links(with_area(tasks[:1], area))), None)


def detail_indicator(area, code, plan_pk):
    """The area's live indicator `code` for its page, with its topics, what load_plan
    wrote for it (`loaded_values`), the year of the plan `plan_pk` (`plan_year`), and
    whether it has linked updates and corrected figures (`has_updates`, `has_corrections`:
    most have none, which then cost no query of their own), read in its own statement."""
    plan_year = PlanPage.objects.filter(page_ptr_id=plan_pk).values("year")[:1]
    loaded = LoadRecord.objects.filter(key=f"indicator:{code}").values("values")[:1]
    # No ordering (the model's joins the area's page for its path): the code is unique.
    indicators = area.indicators.filter(live=True, code=code).select_related("responsible_agency").order_by()
    indicators = indicators.annotate(
        loaded_values=Subquery(loaded),
        plan_year=Subquery(plan_year),
        has_updates=has_updates("indicator"),
        has_corrections=Exists(
            ResultHistory.objects.filter(result__indicator=OuterRef("pk"), previous_value__isnull=False)
        ),
    )
    return next(iter(with_area(indicators.prefetch_related("topics")[:1], area)), None)


def has_updates(relation):
    """An annotation for a task or an indicator: whether some update is linked to it
    (`relation`: "task", "indicator"). Only then may live_updates find one; reading
    only the link table here costs a fraction of live_updates' own conditions."""
    links = UpdatePage.tasks.through if relation == "task" else UpdatePage.indicators.through
    return Exists(links.objects.filter(**{f"{relation}_id": OuterRef("pk")}))
