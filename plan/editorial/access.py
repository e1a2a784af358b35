"""Who may change what: an agency's editors work on their own agency's indicators,
results, tasks and task progress only; reviewers and administrators on everything.
Used by the admin views, the import and a guard on every admin URL of those
objects (so that history, revisions, preview, delete… are covered too)."""

from django.core.exceptions import PermissionDenied
from django.urls import Resolver404, resolve

from plan.editorial.roles import ADMINS, REVIEWERS
from plan.models import Agency, Indicator, Result, Task, TaskProgress


def is_reviewer(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name__in=[ADMINS, REVIEWERS]).exists())


def user_agencies(user):
    return Agency.objects.filter(editor_group__in=user.groups.all())


def editable_indicators(user):
    if is_reviewer(user):
        return Indicator.objects.all()
    return Indicator.objects.filter(responsible_agency__in=user_agencies(user))


def editable_tasks(user):
    if is_reviewer(user):
        return Task.objects.all()
    return Task.objects.filter(lead_agency__in=user_agencies(user))


def editable_results(user):
    return Result.objects.filter(indicator__in=editable_indicators(user))


def editable_progress(user):
    if is_reviewer(user):
        return TaskProgress.objects.all()
    return TaskProgress.objects.filter(task__in=editable_tasks(user))


def guarded_object(url_name, namespace, kwargs):
    """(queryset function, pk) for an admin URL that acts on one guarded object."""
    if namespace == "wagtailsnippets_plan_indicator" and "pk" in kwargs:
        return editable_indicators, kwargs["pk"]
    if url_name and url_name.startswith("plan_result_modeladmin_") and "instance_pk" in kwargs:
        return editable_results, kwargs["instance_pk"]
    if url_name and url_name.startswith("plan_taskprogress_modeladmin_") and "instance_pk" in kwargs:
        return editable_progress, kwargs["instance_pk"]
    return None, None


def object_allowed(queryset, pk):
    pk = str(pk)
    return pk.isdigit() and queryset.filter(pk=int(pk)).exists()


class AgencyAdminGuard:
    """Refuses (403) any admin URL on an indicator, result or progress report that
    belongs to another agency."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and request.user.is_authenticated:
            try:
                match = resolve(request.path)
            except Resolver404:
                match = None
            if match is not None:
                allowed, pk = guarded_object(match.url_name, match.namespace, match.kwargs)
                if allowed is not None and not object_allowed(allowed(request.user), pk):
                    raise PermissionDenied
        return self.get_response(request)
