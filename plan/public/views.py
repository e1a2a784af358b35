"""Public pages for reference data (agencies, topics), the progress method and
open data."""

from django.shortcuts import get_object_or_404, render

from indices.queries import latest_component_figures
from plan.content import continuity, queries
from plan.content.duty_addressees import duties_for
from plan.content.provenance_data import attach_provenance
from plan.models import Agency, Topic
from plan.paging import table_page
from plan.progress import rows, rules
from reports import calendar
from reports.periods import plan_periods as reporting_periods


def agency_list(request):
    return render(request, "plan/agency_list.html", {"agencies": continuity.agencies_with_successor()})


def agency_detail(request, code):
    agency = get_object_or_404(Agency, code=code)
    data = queries.agency_detail(agency)
    became, succeeded = continuity.successions_of(agency)
    indicator_tally = rows.tallies(data["indicators"].status_counts()).get(None, rows.EMPTY)
    task_tally = rows.tallies(data["led_tasks"].status_counts()).get(None, rows.EMPTY)
    rollup = rows.rollup_view(agency.name, "", indicator_tally, task_tally)
    led = table_page(request, data["led_tasks"], "trang_chu_tri", "chu-tri", rollup.tasks.total)
    coordinated = table_page(request, data["coordinated_tasks"], "trang_phoi_hop", "phoi-hop")
    indicators = table_page(request, data["indicators"], "trang_chi_tieu", "chi-tieu", rollup.indicators.total)
    concerning = list(data["concerning_indicators"])
    attach_provenance([*led.object_list, *coordinated.object_list], [*indicators.object_list, *concerning])
    for table in (led, coordinated):
        table.object_list = rows.task_rows(table.object_list)
    indicators.object_list = rows.indicator_rows(indicators.object_list)
    context = {
        **data,
        "agency": agency,
        "became": became,
        "succeeded": succeeded,
        "led_tasks": led,
        "coordinated_tasks": coordinated,
        "indicators": indicators,
        "concerning_indicators": rows.indicator_rows(concerning),
        "rollups": [rollup],
        "has_demo": rows.has_demo(rollup),
        "par_components": par_components(data["answerable_areas"]),
        "collective_sections": collective_duties(data["collective_sections"], agency),
    }
    return render(request, "plan/agency_detail.html", context)


def collective_duties(sections, agency):
    """[(section, [(duty, FactOrigin, words)])]: of the sections that address a group
    the agency is counted in, the bullets that are for it (plan.content.duty_addressees)."""
    found = []
    for section in sections.prefetch_related("addressed_agencies"):
        members = [(a.code, a.name, a.kind) for a in section.addressed_agencies.all()]
        duties = duties_for([block.value for block in section.duties], section.heading, members, agency.code)
        if duties:
            found.append((section, duties))
    return found


def par_components(areas):
    """[(area, latest published PAR INDEX score of its component or None)], one query."""
    areas = list(areas)
    figures = latest_component_figures([area.par_component for area in areas]) if areas else {}
    return [(area, figures.get(area.par_component)) for area in areas]


def topic_list(request):
    return render(request, "plan/topic_list.html", {"topics": Topic.objects.order_by("name")})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    data = queries.topic_detail(topic)
    tasks = table_page(request, data["tasks"], "trang_nhiem_vu", "nhiem-vu")
    indicators = table_page(request, data["indicators"], "trang_chi_tieu", "chi-tieu")
    attach_provenance(tasks.object_list, indicators.object_list)
    tasks.object_list = rows.task_rows(tasks.object_list)
    indicators.object_list = rows.indicator_rows(indicators.object_list)
    return render(request, "plan/topic_detail.html", {"topic": topic, "tasks": tasks, "indicators": indicators})


def progress_method(request):
    context = {
        "labels": rules.STATUS_LABELS,
        "grace_days": rules.REPORTING_GRACE.days,
        "reporting_periods": reporting_periods(),
        "reporting_source": calendar.SOURCE_URL,
        "reporting_quote": calendar.SOURCE_QUOTE,
        "statuses": [rules.status_view(code) for code in rules.INDICATOR_STATUSES],
        "task_statuses": [rules.status_view(code) for code in rules.ALL_TASK_STATUSES],
    }
    return render(request, "plan/progress_method.html", context)
