"""Public pages for reference data (agencies, topics), the progress method and
open data."""

from django.shortcuts import get_object_or_404, render

from plan.content import queries
from plan.content.provenance_data import attach_provenance
from plan.models import Agency, Topic
from plan.paging import table_page
from plan.progress import rows, rules


def agency_list(request):
    return render(request, "plan/agency_list.html", {"agencies": Agency.objects.order_by("name")})


def agency_detail(request, code):
    agency = get_object_or_404(Agency, code=code)
    data = queries.agency_detail(agency)
    led_tasks, coordinated_tasks = list(data["led_tasks"]), list(data["coordinated_tasks"])
    attach_provenance([*led_tasks, *coordinated_tasks], data["indicators"])
    led = rows.task_rows(led_tasks)
    indicators = rows.indicator_rows(data["indicators"])
    context = {
        **data,
        "agency": agency,
        "led_tasks": table_page(request, led, "trang_chu_tri", "chu-tri"),
        "coordinated_tasks": table_page(request, rows.task_rows(coordinated_tasks), "trang_phoi_hop", "phoi-hop"),
        "indicators": table_page(request, indicators, "trang_chi_tieu", "chi-tieu"),
        "rollups": rows.rollup_views([(agency.name, "", indicators, led)]),
        "has_demo": rows.has_demo_figures(indicators, led),
    }
    return render(request, "plan/agency_detail.html", context)


def topic_list(request):
    return render(request, "plan/topic_list.html", {"topics": Topic.objects.order_by("name")})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    data = queries.topic_detail(topic)
    attach_provenance(data["tasks"], data["indicators"])
    context = {
        "topic": topic,
        "tasks": table_page(request, rows.task_rows(data["tasks"]), "trang_nhiem_vu", "nhiem-vu"),
        "indicators": table_page(request, rows.indicator_rows(data["indicators"]), "trang_chi_tieu", "chi-tieu"),
    }
    return render(request, "plan/topic_detail.html", context)


def progress_method(request):
    context = {
        "labels": rules.STATUS_LABELS,
        "grace_days": rules.REPORTING_GRACE.days,
        "statuses": [rows.StatusView(code) for code in rules.INDICATOR_STATUSES],
        "task_statuses": [rows.StatusView(code) for code in rules.TASK_STATUSES],
    }
    return render(request, "plan/progress_method.html", context)
