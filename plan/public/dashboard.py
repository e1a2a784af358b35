"""The progress dashboard of a plan: counts by status for the whole plan, per area
and per agency, and the list of indicators and tasks, with filters in the URL."""

from operator import attrgetter

from django import forms

from plan.content import queries
from plan.content.provenance_data import attach_provenance, loaded_record
from plan.models import Agency, Indicator
from plan.paging import page_of
from plan.progress import read_model, rows, rules
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

    def selects(self):
        """[(field, [(value, label, selected)])]: the template writes the three lists
        itself (Django renders each option of a widget through a template of its own)."""
        found = []
        for field in self:
            chosen = str(field.value() or "")
            found.append((field, [(value, label, str(value) == chosen) for value, label in field.field.choices]))
        return found


PAGE_SIZE = 25  # a list a phone can scroll; the open-data files hold every indicator


def dashboard_context(request, plan):
    """(context, status) of the dashboard; the plan's presenter renders it. The counts
    cover every indicator and task, from light rows (read_model.indicator_facts); the
    list shows PAGE_SIZE indicators a page, built in full only for that page."""
    areas = list(queries.live_areas(plan))
    queries.share_site_root_paths(request, [plan, *areas])
    indicator_set = queries.public_indicators().filter(area__in=areas).order_by("area__path", "sort_order", "code")
    task_set = queries.public_tasks().filter(area__in=areas)
    years = {area.pk: plan.year for area in areas}
    indicator_rows = rows.indicator_rows(
        read_model.indicator_facts(indicator_set),
        results=read_model.results_by_indicator(indicator_set.values("pk"), light=True),
        years=years,
    )
    task_rows = rows.counted_task_rows(read_model.task_groups(task_set))
    agency_ids = {r.indicator.responsible_agency_id for r in indicator_rows}
    agency_ids |= {r.task.lead_agency_id for r in task_rows}
    agencies = list(Agency.objects.filter(pk__in=agency_ids - {None}).order_by("name"))
    form = DashboardFilter(request.GET, areas, agencies)
    if not form.is_valid():
        return {"plan": plan, "form": form, "invalid": True}, 400

    indicators_of_area = grouped(indicator_rows, "indicator.area_id")
    tasks_of_area = grouped(task_rows, "task.area_id")
    indicators_of_agency = grouped(indicator_rows, "indicator.responsible_agency_id")
    tasks_of_agency = grouped(task_rows, "task.lead_agency_id")
    by_area = [
        (
            f"{area.number}. {area.title}",
            area.url,
            indicators_of_area.get(area.pk, []),
            tasks_of_area.get(area.pk, []),
        )
        for area in areas
    ]
    by_agency = [
        (
            agency.name,
            agency.get_absolute_url(),
            indicators_of_agency.get(agency.pk, []),
            tasks_of_agency.get(agency.pk, []),
        )
        for agency in agencies
    ]
    filters = form.cleaned_data
    area_pks = {area.number: area.pk for area in areas}
    agency_pks = {agency.code: agency.pk for agency in agencies}
    shown = [
        row
        for row in indicator_rows
        if (filters["linh_vuc"] is None or row.indicator.area_id == area_pks.get(filters["linh_vuc"]))
        and (not filters["co_quan"] or row.indicator.responsible_agency_id == agency_pks.get(filters["co_quan"]))
        and (not filters["trang_thai"] or row.status.code == filters["trang_thai"])
    ]
    page = page_of(shown, PAGE_SIZE, request.GET.get("trang"), lambda number: page_address(request, number))
    context = {
        "plan": plan,
        "form": form,
        "whole_plan_list": rows.rollup_views([("Toàn bộ kế hoạch", plan.url, indicator_rows, task_rows)]),
        "area_rollups": rows.rollup_views(by_area),
        "agency_rollups": rows.rollup_views(by_agency),
        "indicator_rows": full_rows(page.object_list, {area.pk: area for area in areas}),
        "indicator_count": len(shown),
        "indicator_page": page,
        "has_demo": rows.has_demo_figures(indicator_rows, task_rows),
        "only_demo": rows.only_demo_figures(indicator_rows, task_rows),
        "filtered": any(v not in (None, "") for v in filters.values()),
    }
    context["summary"] = summary.summarise(
        plan.year, context["whole_plan_list"][0], context["area_rollups"], context["agency_rollups"]
    )
    return context, 200


def grouped(rows, key):
    """{value of the rows' attribute `key` (dotted): [rows]}, in one pass."""
    groups, value = {}, attrgetter(key)
    for row in rows:
        groups.setdefault(value(row), []).append(row)
    return groups


def full_rows(light, areas):
    """The page's rows with the indicators (and what load_plan wrote of them, for where
    their targets come from) and the results the table shows: two queries."""
    indicators = Indicator.objects.select_related("responsible_agency")
    indicators = indicators.annotate(loaded_values=loaded_record("indicator:", "code"))
    indicators = indicators.order_by().in_bulk([r.indicator.pk for r in light])
    latest = read_model.results_by_indicator(list(indicators))  # full Results, for these rows only
    results = {result.pk: result for found in latest.values() for result in found}
    area_urls = {pk: area.url for pk, area in areas.items()}
    for indicator in indicators.values():
        indicator.area = areas[indicator.area_id]
        indicator.detail_url = queries.detail_url(indicator.area, area_urls[indicator.area_id], indicator)
    loaded = {f"indicator:{i.code}": i.loaded_values for i in indicators.values() if i.loaded_values is not None}
    attach_provenance(indicators=indicators.values(), loaded=loaded)
    return [
        rows.IndicatorRow(
            indicators[r.indicator.pk], r.status, results[r.latest.id] if r.latest else None, r.late, r.next_due
        )
        for r in light
    ]


def page_address(request, number):
    """The address of another page of the list, with the filters kept."""
    query = request.GET.copy()
    query["trang"] = number
    return "?" + query.urlencode()
