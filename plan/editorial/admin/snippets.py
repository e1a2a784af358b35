"""Indicators and topics as snippets, with drafts, revisions and review."""

from wagtail.snippets.views.snippets import SnippetViewSet

from plan.editorial import access
from plan.models import Indicator, Topic


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
        # An agency's editors see their own agency's indicators only (plan.editorial.access).
        return access.editable_indicators(request.user)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Chủ đề"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]
