"""Plans across years and agencies across reorganisations, as the public pages read
them: a plan's successor, the same task or indicator in each year's plan, what became
of an agency, and which agency answers for one today."""

from datetime import date

from django.db.models import Exists, OuterRef, Subquery

from plan.content.provenance import succession_provenance
from plan.content.provenance_data import user_name
from plan.models import Agency, AgencySuccession, AreaPage, Indicator, PlanPage, Task

MAX_YEARS = 30  # a chain of plans is walked at most this far


def successor_plan(plan):
    """The published plan that follows `plan`, or None."""
    return PlanPage.objects.live().filter(predecessor=plan).order_by("year", "pk").first()


def plans_by_year(index):
    """The published plans under the index, newest first, each with `has_successor`
    (a later published plan follows it) and its predecessor."""
    following = PlanPage.objects.live().filter(predecessor=OuterRef("pk"))
    return (
        PlanPage.objects.live()
        .descendant_of(index)
        .annotate(has_successor=Exists(following))
        .select_related("predecessor")
        .order_by("-year", "issuing_body", "title")
    )


def plan_of(area):
    return PlanPage.objects.ancestor_of(area).first()


def across_years(item, model, published):
    """[item of each year], oldest first: `item`, its predecessors, and its published
    successors. `published(qs)` keeps what the public may see."""
    chain, seen = [item], {item.pk}
    current = item
    while current.predecessor_id and len(chain) < MAX_YEARS:
        before = published(model.objects.filter(pk=current.predecessor_id)).select_related("area").first()
        if before is None or before.pk in seen:
            break
        chain.insert(0, before)
        seen.add(before.pk)
        current = before
    current = item
    while len(chain) < MAX_YEARS:
        after = published(model.objects.filter(predecessor=current)).select_related("area").order_by("pk").first()
        if after is None or after.pk in seen:
            break
        chain.append(after)
        seen.add(after.pk)
        current = after
    return chain


def indicator_years(indicator):
    """[(plan, indicator)] oldest first, or [] when the indicator is in one plan only;
    the figure each year's indicator rests on is its stored latest result."""
    chain = across_years(indicator, Indicator, lambda qs: qs.published().select_related("latest_result"))
    return [(plan_of(item.area), item) for item in chain] if len(chain) > 1 else []


def task_years(task):
    """[(plan, task)] oldest first, or [] when the task is in one plan only."""
    chain = across_years(task, Task, lambda qs: qs.published())
    return [(plan_of(item.area), item) for item in chain] if len(chain) > 1 else []


def successions_of(agency):
    """What became of the agency (it is the predecessor), and whom it succeeded."""
    related = ("predecessor", "successor", "entered_by")
    became = AgencySuccession.objects.filter(predecessor=agency).select_related(*related)
    succeeded = AgencySuccession.objects.filter(successor=agency).select_related(*related)
    return with_provenance(became), with_provenance(succeeded)


def with_provenance(successions):
    """The successions, each with `.provenance` (where the fact comes from)."""
    successions = list(successions)
    for item in successions:
        item.provenance = succession_provenance(
            item.decision_number,
            item.decision_date,
            item.decision_issuer,
            item.decision_url,
            user_name(item.entered_by),
            item.entered_at,
        )
    return successions


def agencies_with_successor():
    """Every agency by name, each with the name of the agency that succeeded it (or None)."""
    latest = AgencySuccession.objects.filter(predecessor=OuterRef("pk")).order_by("-effective_from", "-pk")
    return Agency.objects.annotate(successor_name=Subquery(latest.values("successor__name")[:1])).order_by("name")


def answering_agency(agency, on=None):
    """The agency that answers today for `agency`: its successor in force (followed
    through several reorganisations), or the agency itself."""
    return answering_agencies(on)(agency)


def answering_agencies(on=None):
    """A function agency → the agency that answers for it on `on`, from the successions
    in force read once (one query however many agencies are asked about)."""
    on = on or date.today()
    steps = (
        AgencySuccession.objects.filter(effective_from__lte=on)
        .select_related("successor")
        .order_by("predecessor_id", "-effective_from", "pk")
    )
    successor = {}
    for step in steps:
        successor.setdefault(step.predecessor_id, step.successor)

    def answering(agency):
        current, seen = agency, {agency.pk}
        while (step := successor.get(current.pk)) is not None and step.pk not in seen:
            current = step
            seen.add(step.pk)
        return current

    return answering


def answered_for(agencies, on=None):
    """The agencies `agencies` answer for today: themselves and every predecessor
    whose successor in force they are (through several reorganisations)."""
    on = on or date.today()
    found = {a.pk for a in agencies}
    frontier = set(found)
    while frontier:
        before = set(
            AgencySuccession.objects.filter(successor__in=frontier, effective_from__lte=on).values_list(
                "predecessor", flat=True
            )
        )
        frontier = before - found
        found |= frontier
    return found


def plan_notices(plan_pk):
    """(the published plan that follows it, the successions of the body that issued
    it: a province that joined another), shown on every page of the plan."""
    issuer = PlanPage.objects.filter(pk=plan_pk).values("issuing_body")[:1]
    successions = AgencySuccession.objects.filter(predecessor__name=Subquery(issuer)).select_related(
        "predecessor", "successor", "entered_by"
    )
    following = PlanPage.objects.live().filter(predecessor_id=plan_pk).order_by("year", "pk").first()
    return following, with_provenance(successions)


def plans_by_area():
    """{area pk: its published plan}, in two queries (an area's plan is its parent)."""
    plans = {plan.path: plan for plan in PlanPage.objects.published().select_related("predecessor")}
    step = PlanPage.steplen
    return {
        area.pk: plans[area.path[:-step]]
        for area in AreaPage.objects.live().only("pk", "path")
        if area.path[:-step] in plans
    }


def public_plans():
    """The published, public plans, oldest first, with the plan before each."""
    return PlanPage.objects.published().select_related("predecessor").order_by("year", "pk")


def all_successions():
    return with_provenance(
        AgencySuccession.objects.select_related("predecessor", "successor", "entered_by").order_by(
            "effective_from", "pk"
        )
    )
