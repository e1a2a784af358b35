"""The data registry (wagtail-modeladmin): agencies, results, task progress and the
public sources of figures."""

from django.utils import timezone
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import CreateView, EditView

from plan.editorial import access
from plan.editorial.admin.forms import ResultForm
from plan.models import Agency, Result, ResultHistory, ResultSource, TaskProgress
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


class ResultCreateView(AgencyLimitedFormMixin, CreateView):
    def form_valid(self, form):
        form.instance.updated_by, form.instance.origin = self.request.user, ResultOrigin.MANUAL
        return super().form_valid(form)


class ResultEditView(AgencyLimitedFormMixin, EditView):
    def form_valid(self, form):
        previous = Result.objects.get(pk=form.instance.pk)
        form.instance.updated_by, form.instance.origin = self.request.user, ResultOrigin.MANUAL
        form.instance.updated_at = timezone.now()
        response = super().form_valid(form)
        record_manual_change(form.instance, previous, self.request.user, form.cleaned_data.get("reason", ""))
        return response


class ResultAdmin(ModelAdmin):
    model = Result
    menu_label = "Kết quả"
    menu_icon = "table"
    menu_order = 230
    list_display = ("indicator", "period", "scope", "value", "source_name", "captured_on", "is_demo")
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


class TaskProgressCreateView(AgencyLimitedFormMixin, CreateView):
    limited_field, limited_choices = "task", staticmethod(access.editable_tasks)

    def form_valid(self, form):
        form.instance.entered_by = self.request.user
        return super().form_valid(form)


class TaskProgressAdmin(ModelAdmin):
    model = TaskProgress
    menu_label = "Tiến độ nhiệm vụ"
    menu_icon = "time"
    menu_order = 240
    list_display = ("task_code", "status", "percent", "reported_on", "is_demo")
    list_filter = ("status", "is_demo")
    search_fields = ("task_code", "note")
    form_fields_exclude = ["entered_by"]
    create_view_class = TaskProgressCreateView

    def get_queryset(self, request):
        return access.editable_progress(request.user)


class ResultSourceAdmin(ModelAdmin):
    model = ResultSource
    menu_label = "Nguồn số liệu"
    menu_icon = "link"
    menu_order = 250
    list_display = ("name", "indicator", "format", "enabled", "next_run_at", "last_success_at", "last_failure_at")
    list_filter = ("enabled", "format")


class AgencyAdmin(ModelAdmin):
    model = Agency
    menu_label = "Cơ quan"
    menu_icon = "group"
    menu_order = 220
    add_to_settings_menu = False
    list_display = ("name", "code", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "code")
