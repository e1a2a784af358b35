"""Admin: indicators and topics as snippets; agencies through wagtail-modeladmin."""

from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from plan import access, admin_reports, admin_views
from plan import admin_locale  # noqa: F401  (issue 13: Vietnamese, offline admin; its hooks register on import)
from plan.admin_results import ResultAdmin, ResultSourceAdmin, TaskProgressAdmin
from plan.models import Agency, Indicator, Topic


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ol"
    menu_label = "Chỉ tiêu"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["code", "metric", "target_display", "responsible_agency", "live"]
    list_filter = ["area", "comparator", "level", "frequency", "responsible_agency"]
    search_fields = ["code", "metric", "statement"]
    ordering = ["code"]

    def get_queryset(self, request):
        # An agency's editors see their own agency's indicators only (plan.access).
        return access.editable_indicators(request.user)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Chủ đề"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(IndicatorViewSet)
register_snippet(TopicViewSet)


class AgencyAdmin(ModelAdmin):
    model = Agency
    menu_label = "Cơ quan"
    menu_icon = "group"
    menu_order = 220
    add_to_settings_menu = False
    list_display = ("name", "code", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "code")


modeladmin_register(AgencyAdmin)

modeladmin_register(ResultAdmin)
modeladmin_register(TaskProgressAdmin)
modeladmin_register(ResultSourceAdmin)


@hooks.register("register_admin_urls")
def register_result_import_urls():
    return [
        path("ket-qua/nhap/", admin_views.import_view, name="plan_results_import"),
        path("ket-qua/mau.csv", admin_views.template_csv, name="plan_results_template"),
        path("bao-cao/viec-can-cap-nhat/", admin_reports.reminder_report, name="plan_reminder_report"),
        path("ket-qua/cho-duyet/", admin_views.review_list, name="plan_results_review_list"),
        path("ket-qua/cho-duyet/<int:batch_id>/", admin_views.review_batch, name="plan_results_review"),
    ]


@hooks.register("register_admin_menu_item")
def register_result_import_menu_item():
    return MenuItem("Nhập kết quả", reverse("plan_results_import"), icon_name="upload", order=235)


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_reviewer(request.user)


@hooks.register("register_admin_menu_item")
def register_results_review_menu_item():
    return ReviewerMenuItem("Kết quả chờ duyệt", reverse("plan_results_review_list"), icon_name="tasks", order=236)


@hooks.register("register_reports_menu_item")
def register_reminder_report_menu_item():
    return MenuItem("Việc cần cập nhật", reverse("plan_reminder_report"), icon_name="warning", order=50)


class DueItemsPanel(Component):
    """Dashboard panel: what needs the signed-in editor now."""

    name = "plan_due_items"
    order = 50
    template_name = "plan/admin/due_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        rows = admin_reports.reminder_rows(self.request.user, timezone.localdate())
        return {"rows": rows[:15], "total": len(rows)}


@hooks.register("construct_homepage_panels")
def add_due_items_panel(request, panels):
    panels.insert(0, DueItemsPanel(request))
