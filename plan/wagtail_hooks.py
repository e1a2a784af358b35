"""Admin: indicators and topics as snippets; agencies through wagtail-modeladmin."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

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
