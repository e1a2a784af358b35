"""The data registry (wagtail-modeladmin): agencies, results, task progress and the
public sources of figures. Results and progress reports are scoped to the user's
agency (plan.editorial.access): the listings read the scoped querysets, the
permission helper decides buttons and views, the instance views look the object up
in the scoped queryset first, and the forms offer only the user's indicators and
tasks — on create and on edit."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import CreateView, EditView

from plan.editorial import access
from plan.editorial.admin.forms import ResultForm, ResultSourceForm
from plan.models import Agency, Result, ResultHistory, ResultSource, TaskProgress
from plan.progress.targets import format_number
from plan.results.importer import COMPARED_FIELDS, changed_fields
from plan.vocabulary import ResultOrigin


def record_manual_change(result, previous, user, reason=""):
    """A history row for a result changed by hand in the admin (see ResultHistory)."""
    changes = changed_fields(previous, result, COMPARED_FIELDS + ("period", "scope"))
    ResultHistory.objects.create(
        result=result,
        changed_by=user,
        origin=ResultOrigin.MANUAL,
        previous_value=previous.value,
        new_value=result.value,
        changes=changes,
        previous_entered_by_id=previous.updated_by_id,
        previous_entered_at=previous.updated_at,
        reason=reason,
    )


class AgencyLimitedFormMixin:
    """Offer an agency's editor only their own indicators (or tasks) in the form."""

    limited_field, limited_choices = "indicator", staticmethod(access.editable_indicators)

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        field = form.fields.get(self.limited_field)
        if field is not None:
            field.queryset = self.limited_choices(self.request.user)
        return form


class ScopedModelAdmin(ModelAdmin):
    """Every view of one object (inspect, edit, delete, history) first finds it in the
    user's scoped queryset: 400 for an odd id, 404 for another agency's object."""

    permission_helper_class = access.AgencyScopedPermissionHelper

    def refused(self, request, instance_pk):
        return access.refused_or_none(request, self.model, instance_pk)

    def inspect_view(self, request, instance_pk):
        return self.refused(request, instance_pk) or super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        return self.refused(request, instance_pk) or super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        return self.refused(request, instance_pk) or super().delete_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        return self.refused(request, instance_pk) or super().history_view(request, instance_pk)


class ByHandRule:
    """Only reviewers type figures in (access.may_enter_results_by_hand)."""

    def dispatch(self, request, *args, **kwargs):
        if not access.may_enter_results_by_hand(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ResultCreateView(ByHandRule, AgencyLimitedFormMixin, CreateView):
    def form_valid(self, form):
        form.instance.updated_by, form.instance.origin = self.request.user, ResultOrigin.MANUAL
        return super().form_valid(form)


class ResultEditView(ByHandRule, AgencyLimitedFormMixin, EditView):
    def form_valid(self, form):
        previous = Result.objects.get(pk=form.instance.pk)
        form.instance.updated_by, form.instance.origin = self.request.user, ResultOrigin.MANUAL
        form.instance.updated_at = timezone.now()
        response = super().form_valid(form)
        record_manual_change(form.instance, previous, self.request.user, form.cleaned_data.get("reason", ""))
        return response


class ResultAdmin(ScopedModelAdmin):
    model = Result
    menu_label = "Kết quả"
    menu_icon = "table"
    menu_order = 230
    list_display = ("indicator", "period", "scope", "value_display", "source_name", "captured_on", "is_demo")
    list_filter = ("is_demo", "origin", "scope", "indicator__area")
    search_fields = ("indicator__code", "period", "source_name")
    create_view_class = ResultCreateView
    edit_view_class = ResultEditView
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in ("indicator", "period", "scope", "value", "note", "source_name", "source_url", "captured_on")
        ]
        + [FieldPanel("is_demo"), FieldPanel("reason")],
        base_form_class=ResultForm,
    )

    def get_queryset(self, request):
        return access.editable_results(request.user).select_related("indicator")

    @admin.display(description="giá trị", ordering="value")
    def value_display(self, obj):
        """The figure in the public pages' Vietnamese form (77,2), not "77,2000"."""
        return format_number(obj.value)


class TaskProgressCreateView(AgencyLimitedFormMixin, CreateView):
    limited_field, limited_choices = "task", staticmethod(access.editable_tasks)

    def form_valid(self, form):
        form.instance.entered_by = self.request.user
        return super().form_valid(form)


class TaskProgressEditView(AgencyLimitedFormMixin, EditView):
    """An editor's own report may only point at a task their agency leads."""

    limited_field, limited_choices = "task", staticmethod(access.editable_tasks)

    def form_valid(self, form):
        if form.instance.task_id:
            form.instance.task_code = form.instance.task.code
        return super().form_valid(form)


class TaskProgressAdmin(ScopedModelAdmin):
    model = TaskProgress
    menu_label = "Tiến độ nhiệm vụ"
    menu_icon = "time"
    menu_order = 240
    list_display = ("task_code", "status", "percent", "reported_on", "is_demo")
    list_filter = ("status", "is_demo")
    search_fields = ("task_code", "note")
    form_fields_exclude = ["entered_by"]
    create_view_class = TaskProgressCreateView
    edit_view_class = TaskProgressEditView

    def get_queryset(self, request):
        return access.editable_progress(request.user)


class ResultSourceAdmin(ModelAdmin):
    model = ResultSource
    menu_label = "Nguồn số liệu"
    menu_icon = "link"
    menu_order = 250
    list_display = ("name", "indicator", "format", "enabled", "next_run_at", "last_success_at", "last_failure_at")
    list_filter = ("enabled", "format")
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
                "indicator",
                "name",
                "url",
                "format",
                "period_field",
                "value_field",
                "scope_field",
                "filter_field",
                "filter_value",
                "frequency",
                "enabled",
                "next_run_at",
            )
        ],
        base_form_class=ResultSourceForm,
    )


class AgencyAdmin(ModelAdmin):
    model = Agency
    menu_label = "Cơ quan"
    menu_icon = "group"
    menu_order = 220
    add_to_settings_menu = False
    list_display = ("name", "code", "kind", "telephone", "contact_email")
    list_filter = ("kind",)
    search_fields = ("name", "code")
    edit_handler = ObjectList(
        [FieldPanel(name) for name in ("name", "code", "kind")]
        + [
            MultiFieldPanel(
                [FieldPanel(name) for name in ("address", "telephone", "contact_email", "website")],
                heading="Liên hệ (hiện trên trang của cơ quan)",
            )
        ]
    )
