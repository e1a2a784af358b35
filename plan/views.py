"""Public pages for reference data (agencies, topics), the progress method and
open data."""

from django.shortcuts import get_object_or_404, render

from plan import dashboard, progress, queries
from plan.models import Agency, Topic


def agency_list(request):
    return render(request, "plan/agency_list.html", {"agencies": Agency.objects.order_by("name")})


def agency_detail(request, code):
    agency = get_object_or_404(Agency, code=code)
    data = queries.agency_detail(agency)
    led = dashboard.task_rows(data["led_tasks"])
    indicators = dashboard.indicator_rows(data["indicators"])
    context = {
        **data,
        "agency": agency,
        "led_tasks": led,
        "coordinated_tasks": dashboard.task_rows(data["coordinated_tasks"]),
        "indicators": indicators,
        "rollups": dashboard.rollup_views([(agency.name, "", indicators, led)]),
        "has_demo": dashboard.has_demo_figures(indicators, led),
    }
    return render(request, "plan/agency_detail.html", context)


def topic_list(request):
    return render(request, "plan/topic_list.html", {"topics": Topic.objects.order_by("name")})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    data = queries.topic_detail(topic)
    context = {
        "topic": topic,
        "tasks": dashboard.task_rows(data["tasks"]),
        "indicators": dashboard.indicator_rows(data["indicators"]),
    }
    return render(request, "plan/topic_detail.html", context)


def progress_method(request):
    context = {
        "labels": progress.STATUS_LABELS,
        "grace_days": progress.REPORTING_GRACE.days,
        "statuses": [dashboard.StatusView(code) for code in progress.INDICATOR_STATUSES],
        "task_statuses": [dashboard.StatusView(code) for code in progress.TASK_STATUSES],
    }
    return render(request, "plan/progress_method.html", context)
