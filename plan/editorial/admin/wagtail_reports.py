"""Wagtail's own reports, narrowed to the user's agency (plan.editorial.access).

Wagtail 8.0.1 decides who sees a log entry or a workflow state of a snippet by the
model permission alone, so an agency's editor, who may change indicators, would read
every agency's indicators there, drafts included; the page types report names the
last edited page of each type, whoever may see it. These subclasses add the agency
scope and are served at the built-in reports' addresses (`urlpatterns`, included by
config/urls.py before Wagtail's admin), so the menu, links and exports stay Wagtail's. Their user filters list only the
users of the rows the user may read, not every user who ever logged or requested."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet, LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
    get_editable_content_type_ids,
    get_editable_page_ids_query,
)
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page, WorkflowState, get_default_page_content_type
from wagtail.permissions import page_permission_policy

from plan.editorial import access


def users_with_pks(pks):
    User = get_user_model()
    return User.objects.filter(pk__in=pks).order_by(User.USERNAME_FIELD)


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        user, pks = self.request.user, set()
        for log_model in log_action_registry.get_log_entry_models():
            pks.update(access.within_scope(user, log_model.objects.viewable_by_user(user)).get_user_ids())
        return users_with_pks(pks)


class SiteHistoryView(LogEntriesView):
    """Site history: the log entries of the objects the user may reach. Wagtail
    filters each log model's entries here, before it joins them."""

    filterset_class = SiteHistoryFilterSet

    def filter_queryset(self, queryset):
        return access.within_scope(self.request.user, super().filter_queryset(queryset))


def workflow_states_in_scope(request):
    """The workflow states the workflow report lists to this user (WorkflowView's
    own query, with the agency scope)."""
    editable_pages = Q(
        base_content_type_id=get_default_page_content_type().id,
        object_id__in=get_editable_page_ids_query(request),
    )
    editable_objects = Q(content_type_id__in=get_editable_content_type_ids(request))
    return access.within_scope(request.user, WorkflowState.objects.filter(editable_pages | editable_objects))


def requesters_in_scope(request):
    return users_with_pks(workflow_states_in_scope(request).values("requested_by"))


class WorkflowFilterSet(WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(field_name="requested_by", queryset=requesters_in_scope)


class WorkflowReportView(WorkflowView):
    filterset_class = WorkflowFilterSet

    def get_queryset(self):
        return access.within_scope(self.request.user, super().get_queryset())


class WorkflowTasksReportView(WorkflowTasksView):
    def get_queryset(self):
        return access.within_scope(self.request.user, super().get_queryset(), prefix="workflow_state__")


def lockers_in_scope(request):
    """Who locked the pages the locked pages report lists to this user (its own query)."""
    user = request.user
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    pages = editable | Page.objects.filter(locked_by=user)
    return users_with_pks(pages.filter(locked=True).values("locked_by"))


class LockedPagesFilterSet(LockedPagesReportFilterSet):
    locked_by = django_filters.ModelChoiceFilter(
        label=LockedPagesReportFilterSet.base_filters["locked_by"].label,
        empty_label=LockedPagesReportFilterSet.base_filters["locked_by"].extra.get("empty_label"),
        field_name="locked_by",
        queryset=lockers_in_scope,
    )


class LockedPagesReportView(LockedPagesView):
    filterset_class = LockedPagesFilterSet


class PageTypesUsageView(PageTypesUsageReportView):
    """Counts stay; the last edited page is named only when the user may see it."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        reachable = access.reachable_pks(self.request.user, Page)
        if reachable is not None:
            for item in page_types:
                if item.last_edited_page is not None and item.last_edited_page.pk not in reachable:
                    item.last_edited_page = None
        return page_types


def admin_view(view):
    return never_cache(require_admin_access(view))


REPORTS = [
    ("site-history/", SiteHistoryView),
    ("workflow/", WorkflowReportView),
    ("workflow_tasks/", WorkflowTasksReportView),
    ("page-types-usage/", PageTypesUsageView),
    ("locked/", LockedPagesReportView),
]

# Mounted at admin/reports/: the same addresses as Wagtail's (wagtail/admin/urls/reports.py).
urlpatterns = [
    pattern
    for prefix, view in REPORTS
    for pattern in (
        path(prefix, admin_view(view.as_view())),
        path(f"{prefix}results/", admin_view(view.as_view(results_only=True))),
    )
]
