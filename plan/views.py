"""Public pages for reference data: agencies and topics."""

from django.shortcuts import get_object_or_404, render

from plan import queries
from plan.models import Agency, Topic


def agency_list(request):
    return render(request, "plan/agency_list.html", {"agencies": Agency.objects.order_by("name")})


def agency_detail(request, code):
    agency = get_object_or_404(Agency, code=code)
    return render(request, "plan/agency_detail.html", {"agency": agency, **queries.agency_detail(agency)})


def topic_list(request):
    return render(request, "plan/topic_list.html", {"topics": Topic.objects.order_by("name")})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return render(request, "plan/topic_detail.html", {"topic": topic, **queries.topic_detail(topic)})
