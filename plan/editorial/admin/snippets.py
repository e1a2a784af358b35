"""Indicators and topics as snippets, with drafts, revisions and review.

Agency scope (plan.editorial.access) holds on every indicator screen: the listing and
its search read the user's queryset, the registered permission policy decides the
buttons and Wagtail's own instance checks, every view that names one indicator
(edit, history, revisions, compare, preview, usage, delete, lock, workflow…) first
looks it up in that queryset (404 outside it, 400 for an odd id), and the chooser
offers an agency's editor published indicators only."""

from functools import wraps

from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from plan.editorial import access
from plan.models import AgencySuccession, Indicator, Topic


def scoped_view(view, model):
    """The view, answering only for objects of `model` the user may reach."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        refused = access.refused_or_none(request, model, kwargs["pk"]) if "pk" in kwargs else None
        return refused or view(request, *args, **kwargs)

    return checked


def choosable_indicators(user):
    """Reviewers choose any indicator; an agency's editor published ones only, never
    another agency's draft (a filter the search backend can apply: `live`)."""
    if access.is_reviewer(user):
        return Indicator.objects.all()
    return Indicator.objects.filter(live=True)


class ScopedChoices:
    def get_object_list(self):
        return choosable_indicators(self.request.user)


class IndicatorChooseView(ScopedChoices, ChooseView):
    pass


class IndicatorChooseResultsView(ScopedChoices, ChooseResultsView):
    pass


class IndicatorChosenView(SnippetChosenView):
    def get_object(self, pk):
        return choosable_indicators(self.request.user).get(pk=access.checked_pk(pk))


class IndicatorChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return choosable_indicators(self.request.user).filter(pk__in=[access.checked_pk(pk) for pk in pks])


class IndicatorChooserViewSet(SnippetChooserViewSet):
    choose_view_class = IndicatorChooseView
    choose_results_view_class = IndicatorChooseResultsView
    chosen_view_class = IndicatorChosenView
    chosen_multiple_view_class = IndicatorChosenMultipleView


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ol"
    menu_label = "Chỉ tiêu"
    menu_order = 200
    add_to_admin_menu = True
    # A method's column is labelled from its name ("Target display") and a boolean prints
    # "True": both get Vietnamese labels, the boolean an icon named in Vietnamese.
    list_display = [
        "code",
        "metric",
        Column("target_display", label="Mục tiêu"),
        "responsible_agency",
        BooleanColumn("live", label="Đã xuất bản"),
    ]
    list_filter = ["area", "comparator", "level", "frequency", "responsible_agency"]
    # The admin searches with the ORM (the search backend's per-field search fails on
    # SQLite and cannot filter by agency).
    search_backend_name = None
    search_fields = ["code", "metric", "statement", "original_wording"]
    ordering = ["code"]
    chooser_viewset_class = IndicatorChooserViewSet

    def get_queryset(self, request):
        # An agency's editors see their own agency's indicators only (plan.editorial.access).
        return access.editable_indicators(request.user)

    def construct_view(self, view_class, **kwargs):
        return scoped_view(super().construct_view(view_class, **kwargs), Indicator)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Chủ đề"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_backend_name = None
    search_fields = ["name", "slug"]


class AgencySuccessionViewSet(SnippetViewSet):
    """What became of an agency (a merger, a new name), entered by a reviewer from the
    decision that did it; who entered it is recorded and shown with the fact."""

    model = AgencySuccession
    icon = "group"
    menu_label = "Kế tục cơ quan"
    menu_order = 225
    add_to_admin_menu = True
    list_display = ["predecessor", "kind", "successor", "effective_from", "decision_number"]
    search_backend_name = None
    search_fields = ["decision_number"]


def record_who_entered(request, instance):
    """Wagtail's after_create_snippet / after_edit_snippet hook."""
    if isinstance(instance, AgencySuccession):
        instance.entered_by = request.user
        instance.save(update_fields=["entered_by", "entered_at"])
