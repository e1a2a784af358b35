"""Registers the reporting calendar and the agencies' periodic reports with Wagtail's
admin. The periods are changed by administrators only (Wagtail's model permissions,
which only the administrators' group holds); the reports follow the agency scope of
plan.editorial.access, registered before the viewset so that its screens use it."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from plan.editorial import access
from reports import admin_views
from reports.models import AgencyReport

register_permission_policy(AgencyReport, access.AgencyScopedPolicy(AgencyReport), exact_class=True)
register_snippet(admin_views.ReportingPeriodViewSet)
register_snippet(admin_views.AgencyReportViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("bao-cao-dinh-ky/", admin_views.period_list, name="reports_periods"),
        path("bao-cao-dinh-ky/khep-nam/<str:year>/", admin_views.close_view, name="reports_close_year"),
        path("bao-cao-dinh-ky/<str:pk>/", admin_views.period_detail, name="reports_period"),
        path("bao-cao-dinh-ky/<str:pk>/nhac/", admin_views.remind_view, name="reports_remind"),
        path("bao-cao-dinh-ky/<str:pk>/lap/", admin_views.start_view, name="reports_start"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("reports.view_agencyreport")


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem("Báo cáo định kỳ", reverse("reports_periods"), icon_name="calendar", order=214)
