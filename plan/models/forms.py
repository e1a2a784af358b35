"""The admin forms of the plan's wording: an editor who changes a fact the plan states
(a task's text, an indicator's wording or target, an agency, a deadline) gives a
public reason, shown beside the changed fact (plan/content/provenance.py)."""

from django.forms.models import ModelForm
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from plan.content.changes import plain
from plan.content.codes import area_key, indicator_key
from plan.content.provenance import INDICATOR_FACTS, TASK_FACTS, reasons_missing
from plan.models.loading import LoadRecord

REASON = "change_reason"


def reason_message(labels):
    return (
        f"Nội dung này khác nguyên văn Kế hoạch ({', '.join(labels)}): hãy ghi lý do sửa. "
        "Lý do được công khai bên cạnh nội dung đã sửa."
    )


def loaded_values(key):
    return LoadRecord.objects.filter(key=key).values_list("values", flat=True).first()


def cleaned_snapshot(form: ModelForm, facts):
    """{field: plain value} of the facts' fields as the form would save them."""
    values = {}
    for fields in facts.values():
        for name in fields:
            value = form.cleaned_data.get(name, getattr(form.instance, name, None))
            if name == "coordinating_agencies":
                value = sorted(plain(agency) for agency in (value or []))
            else:
                value = plain(value)
            values[name] = value
    return values


def require_reason(form, loaded, facts):
    if not form.has_changed() or form.errors:
        return
    labels = reasons_missing(cleaned_snapshot(form, facts), loaded, facts, form.cleaned_data.get(REASON, ""))
    if labels:
        form.add_error(REASON, reason_message(labels))


class AreaPageForm(WagtailAdminPageForm):
    """Each changed task whose wording, agencies or deadline differ from the plan's
    carries a reason."""

    def clean(self):
        cleaned_data = super().clean()
        page = self.instance
        record = loaded_values(area_key(page.url_path)) if page.url_path else None
        loaded = {task["id"]: task for task in (record or {}).get("tasks", [])}
        for form in self.formsets["tasks"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            require_reason(form, loaded.get(form.cleaned_data.get("code")), TASK_FACTS)
        return cleaned_data


class IndicatorForm(WagtailAdminModelForm):
    """An indicator whose wording, target or agency differ from the plan's carries a
    reason."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors:
            require_reason(self, loaded_values(indicator_key(cleaned_data.get("code", ""))), INDICATOR_FACTS)
        return cleaned_data
