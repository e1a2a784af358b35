"""The reporting calendar's admin screens."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from reports.models import ReportingPeriod


class ReportingPeriodViewSet(SnippetViewSet):
    model = ReportingPeriod
    icon = "date"
    menu_label = "Kỳ báo cáo"
    menu_order = 215
    add_to_admin_menu = True
    list_display = [Column("name", label="Kỳ báo cáo"), "data_from", "data_to", "deadline", "basis"]
    list_filter = ["year", "kind"]
    search_backend_name = None
    search_fields = ["basis"]
    ordering = ["deadline"]
