"""The "edit" link of a public task or indicator page, for a signed-in editor who may
edit it. Only a request that carries a session is asked who its user is: an anonymous
request, the only kind the page cache keeps (plan/public/page_cache.py), never reads
the user, so no cached page carries the link, and a page that does is marked private
for browsers and proxies."""

from django.conf import settings
from django.utils.cache import patch_cache_control

from plan.editorial import access
from plan.editorial.links import indicator_edit_url, task_panel_url


def signed_in_user(request):
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = request.user
    return user if user.is_authenticated and user.is_active else None


def task_edit_url(request, task):
    user = signed_in_user(request)
    return task_panel_url(task) if user and access.may_edit_task(user, task) else ""


def indicator_url_for_editor(request, indicator):
    user = signed_in_user(request)
    return indicator_edit_url(indicator) if user and access.may_edit_indicator(user, indicator) else ""


def private_if(response, edit_url):
    if edit_url:
        patch_cache_control(response, private=True)
    return response
