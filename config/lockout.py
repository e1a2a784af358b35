"""django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): the Vietnamese page with 429,
as axes renders it, and Retry-After. Axes counts the cool-off from the last wrong
password and does not count attempts made while locked out, so the whole cool-off
is when a client may certainly try again."""

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, credentials=None):
    cool_off = get_cool_off(request)
    context = {"failure_limit": get_failure_limit(request, credentials), "cooloff_timedelta": cool_off}
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=settings.AXES_HTTP_RESPONSE_CODE)
    if cool_off:
        response["Retry-After"] = str(math.ceil(cool_off.total_seconds()))
    return response
