"""The progress dashboard of a plan: counts by status for the whole plan, per area
and per agency, and the list of indicators and tasks, with filters in the URL."""

from django import forms
from django.conf import settings
from django.utils import timezone

from plan.content.provenance_data import attach_provenance
from plan.models import Indicator
from plan.paging import page_of
from plan.progress import rows, rules
from plan.public import dashboard_figures


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


def dashboard_context(request, plan):
    """(context, status) of the dashboard; the plan's presenter renders it. The counts
    cover every indicator and task (dashboard_figures); the list shows PAGE_SIZE
    indicators a page, read for that page only."""
    today = timezone.localdate()
    figures_key = dashboard_figures.key(plan, today)  # read before the figures (see figures())
    figures = dashboard_figures.figures(plan, request, today)
    form = DashboardFilter(request.GET, figures.areas, figures.agencies)
    if not form.is_valid():
        return {"plan": plan, "form": form, "invalid": True}, 400
    filters = form.cleaned_data
    listed = Indicator.objects.published().filter(area__in=[area.pk for area in figures.areas])
    if filters["linh_vuc"] is not None:
        listed = listed.filter(area__number=filters["linh_vuc"])
    if filters["co_quan"]:
        listed = listed.filter(responsible_agency__code=filters["co_quan"])
    if filters["trang_thai"]:
        listed = listed.filter(status=filters["trang_thai"])
    filtered = any(v not in (None, "") for v in filters.values())
    page = page_of(
        listed.for_table().order_by("area__path", "sort_order", "code"),
        PAGE_SIZE,
        request.GET.get("trang"),
        lambda number: page_address(request, number),
        None if filtered else figures.whole.indicators.total,
    )
    attach_provenance(indicators=page.object_list)
    context = {
        "plan": plan,
        "form": form,
        "whole_plan_list": [figures.whole],
        "area_rollups": figures.area_rollups,
        "agency_rollups": figures.agency_rollups,
        "indicator_rows": rows.indicator_rows(page.object_list),
        "indicator_count": page.paginator.count,
        "indicator_page": page,
        "has_demo": figures.has_demo,
        "only_demo": figures.only_demo,
        "filtered": filtered,
        "summary": figures.summary,
        # The summary and tables drawn from the figures are kept as long, under their key.
        "figures_key": figures_key,
        "figures_seconds": max(settings.PROGRESS_SUMMARY_SECONDS, 0),
    }
    return context, 200


def page_address(request, number):
    """The address of another page of the list, with the filters kept."""
    query = request.GET.copy()
    query["trang"] = number
    return "?" + query.urlencode()
