"""The admin's list of tasks ("Nhiệm vụ"): a task is a panel inside its area page, so
this list finds it (by code or words of its text, by the agency that leads it) and
opens its panel in the area's editor (#nhiem-vu-<code>, set by the panel's template:
plan/templates/plan/admin/task_inline_panel_child.html). An agency's editor sees the
tasks their agency leads (plan.editorial.access.editable_tasks)."""

from django import forms
from django.db.models import Q
from django.shortcuts import render

from plan.editorial import access
from plan.editorial.links import task_panel_url
from plan.models import Agency

QUERY_MAX = 200


class TaskFilter(forms.Form):
    q = forms.CharField(label="Tìm theo mã hoặc nội dung", required=False, max_length=QUERY_MAX)
    agency = forms.ModelChoiceField(
        label="Cơ quan chủ trì", queryset=Agency.objects.none(), required=False, empty_label="Mọi cơ quan"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        led = access.editable_tasks(user).exclude(lead_agency=None).values("lead_agency")
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=led).order_by("name")


def task_list(request):
    form = TaskFilter(request.GET or None, user=request.user)
    tasks = (
        access.editable_tasks(request.user).select_related("area", "lead_agency").order_by("area__path", "sort_order")
    )
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        if query:
            tasks = tasks.filter(Q(code__istartswith=query) | Q(text__icontains=query) | Q(output__icontains=query))
        if form.cleaned_data["agency"]:
            tasks = tasks.filter(lead_agency=form.cleaned_data["agency"])
    editable_areas = access.editable_area_ids(request.user)
    rows = [
        {"task": task, "edit_url": task_panel_url(task) if task.area_id in editable_areas else ""} for task in tasks
    ]
    return render(request, "plan/admin/task_list.html", {"form": form, "rows": rows, "bound": form.is_bound})
