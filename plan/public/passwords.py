"""Page passwords (a Wagtail view restriction of the password kind) cannot be guessed
freely: wrong passwords are counted per client address (PAGE_PASSWORD_RATE_LIMIT) and
per restriction, whatever the address (PAGE_PASSWORD_RESTRICTION_RATE_LIMIT), with
django-ratelimit in the shared cache, as searches are. Past either limit the form is
not checked at all: 429 in Vietnamese with Retry-After, until the window ends. A right
password is never counted, so a visitor who knows it is held up only while someone
guesses at the same restriction."""

import math

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import get_usage
from wagtail import views as wagtail_views

from search.ratelimit import client_ip


def restriction_key(group, request):
    return str(request.resolver_match.kwargs["page_view_restriction_id"])


def usages(request, increment):
    """django-ratelimit's usage of both counters (none when rate limits are off)."""
    counters = [
        ("page_password.address", client_ip, settings.PAGE_PASSWORD_RATE_LIMIT),
        ("page_password.restriction", restriction_key, settings.PAGE_PASSWORD_RESTRICTION_RATE_LIMIT),
    ]
    found = (
        get_usage(request, group=group, key=key, rate=rate, method="POST", increment=increment)
        for group, key, rate in counters
    )
    return [usage for usage in found if usage is not None]


def seconds_to_wait(request):
    """How long until this request may guess again; 0 when it may now."""
    full = [usage for usage in usages(request, increment=False) if usage["count"] >= usage["limit"]]
    return max((max(usage["time_left"], 1) for usage in full), default=0)


@require_http_methods(["GET", "POST"])
def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view (wagtail.views.authenticate_with_password), its guesses counted."""
    if request.method == "POST":
        wait = seconds_to_wait(request)
        if wait:
            response = render(request, "plan/password_limited.html", {"minutes": math.ceil(wait / 60)}, status=429)
            response["Retry-After"] = str(wait)
            return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code != 302:  # the form again: a wrong password
        usages(request, increment=True)
    return response
