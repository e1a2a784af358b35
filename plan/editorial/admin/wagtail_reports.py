"""Wagtail's own reports, narrowed to the user's agency (plan.editorial.access).

Wagtail 8.0.1 decides who sees a log entry or a workflow state of a snippet by the
model permission alone, so an agency's editor, who may change indicators, would read
every agency's indicators there, drafts included; the page types report names the
last edited page of each type, whoever may see it. These subclasses add the agency
scope and are served at the built-in reports' addresses (`urlpatterns`, included by
config/urls.py before Wagtail's admin), so the menu, links and exports stay Wagtail's."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.models import Page

from plan.editorial import access


class SiteHistoryView(LogEntriesView):
    """Site history: the log entries of the objects the user may reach. Wagtail
    filters each log model's entries here, before it joins them."""

    def filter_queryset(self, queryset):
        return access.within_scope(self.request.user, super().filter_queryset(queryset))


class WorkflowReportView(WorkflowView):
    def get_queryset(self):
        return access.within_scope(self.request.user, super().get_queryset())


class WorkflowTasksReportView(WorkflowTasksView):
    def get_queryset(self):
        return access.within_scope(self.request.user, super().get_queryset(), prefix="workflow_state__")


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
