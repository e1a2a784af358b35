"""Registers the project's admin screens with Wagtail: snippets, the data registry,
the results import and review, the reminders report, the dashboard panel and the
editors' guide in the help menu. The screens themselves live in plan/editorial/admin/."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from plan.editorial import access
from plan.editorial.admin import bulk, guide, imports, locale, page_chooser, reports, tasks
from plan.editorial.admin.dashboard import DueItemsPanel, SetupWarningsPanel
from plan.editorial.admin.registry import AgencyAdmin, ResultAdmin, ResultSourceAdmin, TaskProgressAdmin
from plan.editorial.admin.snippets import AgencySuccessionViewSet, IndicatorViewSet, TopicViewSet, record_who_entered
from plan.models import Indicator, Result, TaskProgress

# Agency scope (plan.editorial.access) in Wagtail's own permission checks: registered
# before the viewsets, which then use these policies rather than the plain ones.
for scoped_model in (Indicator, Result, TaskProgress):
    register_permission_policy(scoped_model, access.AgencyScopedPolicy(scoped_model), exact_class=True)

locale.label_page_permission_fields()
hooks.register("construct_explorer_page_queryset", locale.list_plan_children_in_plan_order)
hooks.register("before_move_page", bulk.refuse_move_without_permission)
hooks.register("construct_page_chooser_queryset", page_chooser.only_choosable_pages)
for bulk_action in bulk.BULK_ACTIONS:  # after Wagtail's own (order), which they replace
    hooks.register("register_bulk_action", bulk_action, order=100)
register_snippet(IndicatorViewSet)
register_snippet(TopicViewSet)
register_snippet(AgencySuccessionViewSet)
hooks.register("after_create_snippet", record_who_entered)
hooks.register("after_edit_snippet", record_who_entered)
modeladmin_register(AgencyAdmin)
modeladmin_register(ResultAdmin)
modeladmin_register(TaskProgressAdmin)
modeladmin_register(ResultSourceAdmin)


@hooks.register("register_admin_urls")
def register_result_import_urls():
    return [
        path("ket-qua/nhap/", imports.import_view, name="plan_results_import"),
        path("ket-qua/nhap/<int:batch_id>/", imports.batch_view, name="plan_results_batch"),
        path("ket-qua/mau.csv", imports.template_csv, name="plan_results_template"),
        path("bao-cao/viec-can-cap-nhat/", reports.reminder_report, name="plan_reminder_report"),
        path("ket-qua/cho-duyet/", imports.review_list, name="plan_results_review_list"),
        path("ket-qua/cho-duyet/<int:batch_id>/", imports.review_batch, name="plan_results_review"),
        path("huong-dan-bien-tap/", guide.editor_guide, name="plan_editor_guide"),
        path("nhiem-vu/", tasks.task_list, name="plan_task_list"),
    ]


@hooks.register("register_admin_menu_item")
def register_task_list_menu_item():
    return MenuItem("Nhiệm vụ", reverse("plan_task_list"), icon_name="list-ul", order=205)


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


@hooks.register("construct_homepage_panels")
def add_due_items_panel(request, panels):
    panels.insert(0, DueItemsPanel(request))
    panels.insert(0, SetupWarningsPanel(request))


# The help menu ("Trợ giúp"). Wagtail 8 has no setting for its "Editor Guide" item,
# which opens Wagtail's English guide, nor for "What's new in Wagtail", its English
# release notes; the construct hook drops both and the project's own guide
# (docs/huong-dan-bien-tap.md, shown by plan/editorial/admin/guide.py) takes the
# guide's place. The keyboard shortcuts stay.
EDITOR_GUIDE_MENU_NAME = "huong-dan-bien-tap"
WAGTAIL_HELP_ITEMS_REPLACED = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem(
        "Hướng dẫn biên tập",
        reverse("plan_editor_guide"),
        name=EDITOR_GUIDE_MENU_NAME,
        icon_name="help",
        order=1100,
    )


@hooks.register("construct_help_menu")
def drop_wagtails_english_guides(request, items):
    items[:] = [item for item in items if not item.name.startswith(WAGTAIL_HELP_ITEMS_REPLACED)]
