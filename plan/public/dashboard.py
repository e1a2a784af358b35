"""The progress dashboard of a plan: counts by status for the whole plan, per area
and per agency, and the list of indicators and tasks, with filters in the URL."""

from django import forms

from plan.content import queries
from plan.content.provenance_data import attach_provenance
from plan.progress import rows, rules
from plan.public import summary


class DashboardFilter(forms.Form):
    linh_vuc = forms.TypedChoiceField(label="Lĩnh vực", required=False, coerce=int, empty_value=None)
    co_quan = forms.ChoiceField(label="Cơ quan", required=False)
    trang_thai = forms.ChoiceField(label="Trạng thái chỉ tiêu", required=False)

    def __init__(self, data, areas, agencies):
        super().__init__(data)
        self.fields["linh_vuc"].choices = [("", "Tất cả")] + [(a.number, f"{a.number}. {a.title}") for a in areas]
        self.fields["co_quan"].choices = [("", "Tất cả")] + [(a.code, a.name) for a in agencies]
        self.fields["trang_thai"].choices = [("", "Tất cả")] + [
            (s, rules.STATUS_LABELS[s]) for s in rules.INDICATOR_STATUSES
        ]


def dashboard_context(request, plan):
    """(context, status) of the dashboard; the plan's presenter renders it."""
    areas = list(queries.live_areas(plan))
    indicators = list(queries.indicators_for_display(queries.public_indicators().filter(area__in=areas)))
    tasks = list(queries.tasks_for_display(queries.public_tasks().filter(area__in=areas)))
    agencies = sorted(
        {a for a in [*(i.responsible_agency for i in indicators), *(t.lead_agency for t in tasks)] if a},
        key=lambda a: a.name,
    )
    form = DashboardFilter(request.GET, areas, agencies)
    if not form.is_valid():
        return {"plan": plan, "form": form, "invalid": True}, 400

    attach_provenance(indicators=indicators)
    indicator_rows = rows.indicator_rows(indicators)
    task_rows = rows.task_rows(tasks)
    by_area = [
        (
            f"{area.number}. {area.title}",
            area.url,
            [r for r in indicator_rows if r.indicator.area_id == area.pk],
            [r for r in task_rows if r.task.area_id == area.pk],
        )
        for area in areas
    ]
    by_agency = [
        (
            agency.name,
            agency.get_absolute_url(),
            [r for r in indicator_rows if r.indicator.responsible_agency_id == agency.pk],
            [r for r in task_rows if r.task.lead_agency_id == agency.pk],
        )
        for agency in agencies
    ]
    filters = form.cleaned_data
    shown = [
        row
        for row in indicator_rows
        if (filters["linh_vuc"] is None or row.indicator.area.number == filters["linh_vuc"])
        and (not filters["co_quan"] or getattr(row.indicator.responsible_agency, "code", None) == filters["co_quan"])
        and (not filters["trang_thai"] or row.status.code == filters["trang_thai"])
    ]
    context = {
        "plan": plan,
        "form": form,
        "whole_plan_list": rows.rollup_views([("Toàn bộ kế hoạch", plan.url, indicator_rows, task_rows)]),
        "area_rollups": rows.rollup_views(by_area),
        "agency_rollups": rows.rollup_views(by_agency),
        "indicator_rows": shown,
        "has_demo": rows.has_demo_figures(indicator_rows, task_rows),
        "only_demo": rows.only_demo_figures(indicator_rows, task_rows),
        "filtered": any(v not in (None, "") for v in filters.values()),
    }
    context["summary"] = summary.summarise(
        plan.year, context["whole_plan_list"][0], context["area_rollups"], context["agency_rollups"]
    )
    return context, 200
