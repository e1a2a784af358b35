"""The progress dashboard of a plan: counts by status for the whole plan, per area
and per agency, and the list of indicators and tasks, with filters in the URL."""

from django import forms

from plan.content.codes import indicator_key
from plan.content.provenance_data import INDICATOR_FIELDS, attach_provenance
from plan.models import AreaPage
from plan.paging import page_of
from plan.progress import read_model, rows, rules
from plan.public import dashboard_figures
from plan.public.dashboard_figures import AGENCY, AREA, LATE, PK, RESULT, STATUS


class DashboardFilter(forms.Form):
    linh_vuc = forms.TypedChoiceField(label="Lĩnh vực", required=False, coerce=int, empty_value=None)
    co_quan = forms.ChoiceField(label="Cơ quan", required=False)
    trang_thai = forms.ChoiceField(label="Trạng thái chỉ tiêu", required=False)

    def __init__(self, data, areas, agencies):
        super().__init__(data, label_suffix="")  # "Lĩnh vực", not "Lĩnh vực:"
        self.fields["linh_vuc"].choices = [("", "Tất cả")] + [(a.number, f"{a.number}. {a.title}") for a in areas]
        self.fields["co_quan"].choices = [("", "Tất cả")] + [(a.code, a.name) for a in agencies]
        self.fields["trang_thai"].choices = [("", "Tất cả")] + [
            (s, rules.STATUS_LABELS[s]) for s in rules.INDICATOR_STATUSES
        ]


PAGE_SIZE = 25  # a list a phone can scroll; the open-data files hold every indicator
# What a row of the list shows of an indicator (rollup_rows.indicator_list_row) and
# where its facts come from; the rest is not read.
SHOWN_FIELDS = ("area", "code", "metric", "level", "live_revision", *INDICATOR_FIELDS)


def dashboard_context(request, plan):
    """(context, status) of the dashboard; the plan's presenter renders it. The counts
    cover every indicator and task (dashboard_figures, kept until something changes);
    the list shows PAGE_SIZE indicators a page, read in full only for that page."""
    figures = dashboard_figures.figures(request, plan)
    form = DashboardFilter(request.GET, figures.areas, figures.agencies)
    if not form.is_valid():
        return {"plan": plan, "form": form, "invalid": True}, 400
    filters = form.cleaned_data
    area = {area.number: area.pk for area in figures.areas}.get(filters["linh_vuc"])
    agency = {agency.code: agency.pk for agency in figures.agencies}.get(filters["co_quan"])
    shown = [
        row
        for row in figures.listed
        if (filters["linh_vuc"] is None or row[AREA] == area)
        and (not filters["co_quan"] or row[AGENCY] == agency)
        and (not filters["trang_thai"] or row[STATUS] == filters["trang_thai"])
    ]
    page = page_of(shown, PAGE_SIZE, request.GET.get("trang"), lambda number: page_address(request, number))
    context = {
        "plan": plan,
        "form": form,
        "whole_plan_list": [figures.whole],
        "area_rollups": figures.area_rollups,
        "agency_rollups": figures.agency_rollups,
        "indicator_rows": full_rows(figures, page.object_list),
        "indicator_count": len(shown),
        "indicator_page": page,
        "has_demo": figures.has_demo,
        "only_demo": figures.only_demo,
        "filtered": any(v not in (None, "") for v in filters.values()),
        "summary": figures.summary,
    }
    return context, 200


def full_rows(figures, listed):
    """IndicatorRows of the page's indicators (tuples of dashboard_figures), with their
    indicators, what load_plan wrote of them (for where their targets come from) and the
    results their statuses rest on, read in one statement. The list shows no due date."""
    indicators = read_model.shown_indicators(
        [r[PK] for r in listed], [r[RESULT] for r in listed if r[RESULT]], SHOWN_FIELDS
    )
    areas = {area.pk: area for area in figures.areas}
    for indicator in indicators.values():
        area = areas[indicator.area_id]
        indicator.area = figures.area_pages[area.pk]
        indicator.detail_url = area.url + AreaPage.item_path("indicator_detail", indicator.code)
    loaded = {indicator_key(i.code): i.loaded_values for i in indicators.values() if i.loaded_values is not None}
    attach_provenance(indicators=indicators.values(), loaded=loaded)
    return [
        rows.IndicatorRow(indicator, rows.status_view(r[STATUS]), indicator.shown_result, r[LATE], None)
        for r in listed
        if r[PK] in indicators  # not one deleted since the figures were worked out
        for indicator in [indicators[r[PK]]]
    ]


def page_address(request, number):
    """The address of another page of the list, with the filters kept."""
    query = request.GET.copy()
    query["trang"] = number
    return "?" + query.urlencode()
