"""The reporting calendar's and the agencies' reports' admin screens: the periods
(administrators only), each agency's report as a snippet in its agency's scope and
through the review workflow, and the per-period overview of who has reported."""

from functools import wraps

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from plan.editorial import access
from plan.models import Agency, Indicator, Task
from reports import calendar, overview
from reports.closing import close_year, may_close
from reports.models import AgencyReport, ReportingPeriod
from reports.reminders import remind
from reports.starting import start_report
from reports.verdicts import year_closes


def limited(form_class, field_name, queryset):
    """`form_class` whose `field_name` offers `queryset` only."""

    class Limited(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[field_name].queryset = queryset

    return Limited


class AgencyReportForm(WagtailAdminModelForm):
    LINES = (("task_lines", "task"), ("figure_lines", "indicator"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not access.is_reviewer(user):
            self.fields["agency"].queryset = access.user_agencies(user)
        tasks = access.editable_tasks(user) if user is not None else Task.objects.all()
        indicators = access.editable_indicators(user) if user is not None else Indicator.objects.all()
        scopes = {"task_lines": tasks.order_by("code"), "figure_lines": indicators.order_by("code")}
        for name, field_name in self.LINES:
            if name in self.formsets:  # the formset's forms are made on first use, after this
                formset = self.formsets[name]
                formset.form = limited(formset.form, field_name, scopes[name])

    def is_valid(self):
        """Valid, and no task or indicator twice (the lines' own checks keep each to the
        report's agency: reports.models.agency)."""
        valid = super().is_valid()
        for name, field_name in self.LINES:
            seen = set()
            for form in self.formsets[name].forms if name in self.formsets else []:
                item = getattr(form, "cleaned_data", {}).get(field_name)
                if item is None or form.cleaned_data.get("DELETE"):
                    continue
                if item.pk in seen:
                    self.add_error(None, f"{item.code} được ghi hai lần trong báo cáo.")
                    valid = False
                seen.add(item.pk)
        return valid


class ReportingPeriodViewSet(SnippetViewSet):
    model = ReportingPeriod
    icon = "date"
    menu_label = "Kỳ báo cáo"
    menu_order = 215
    add_to_admin_menu = True
    list_display = [Column("name", label="Kỳ báo cáo"), "data_from", "data_to", "deadline", "basis"]
    list_filter = ["year", "kind"]
    search_backend_name = None
    search_fields = ["basis"]
    ordering = ["deadline"]


def scoped_view(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        refused = access.refused_or_none(request, AgencyReport, kwargs["pk"]) if "pk" in kwargs else None
        return refused or view(request, *args, **kwargs)

    return checked


class AgencyReportViewSet(SnippetViewSet):
    model = AgencyReport
    icon = "doc-full"
    menu_label = "Báo cáo của cơ quan"
    menu_order = 216
    add_to_admin_menu = True
    list_display = [
        "agency",
        Column("period", label="Kỳ báo cáo"),
        DateColumn("sent_at", label="Ngày gửi"),
        BooleanColumn("live", label="Đã duyệt"),
        BooleanColumn("is_demo", label="Dữ liệu minh họa"),
    ]
    list_filter = ["period", "agency"]
    search_backend_name = None
    search_fields = ["agency__name", "summary"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel([FieldPanel("agency"), FieldPanel("period")], heading="Cơ quan và kỳ báo cáo"),
            FieldPanel("summary"),
            InlinePanel(
                "task_lines",
                heading="Nhiệm vụ do cơ quan chủ trì",
                label="nhiệm vụ",
                panels=[
                    FieldPanel("task"),
                    FieldPanel("status"),
                    FieldPanel("done"),
                    FieldPanel("difficulties"),
                    FieldPanel("proposals"),
                    FieldPanel("evidence"),
                    FieldPanel("verdict"),
                    FieldPanel("verdict_reason"),
                ],
            ),
            InlinePanel(
                "figure_lines",
                heading="Số liệu chỉ tiêu trong kỳ",
                label="chỉ tiêu",
                panels=[FieldPanel("indicator"), FieldPanel("value"), FieldPanel("source"), FieldPanel("note")],
            ),
            FieldPanel("difficulties"),
            FieldPanel("proposals"),
        ],
        base_form_class=AgencyReportForm,
    )

    def get_queryset(self, request):
        return access.editable_agency_reports(request.user).select_related("agency", "period")

    def construct_view(self, view_class, **kwargs):
        return scoped_view(super().construct_view(view_class, **kwargs))


def user_scope(user):
    """None for reviewers (every agency), else the user's agencies."""
    return None if access.is_reviewer(user) else list(access.user_agencies(user))


def period_list(request):
    today, scope = timezone.localdate(), user_scope(request.user)
    periods = []
    for period in ReportingPeriod.objects.filter(year__in=overview.plan_years()):
        rows = overview.period_rows(period, today, scope)
        periods.append({"period": period, "counts": overview.counts(rows), "rows": rows})
    closes = year_closes()
    years = [
        {"year": year, "close": closes.get(year), "refused": may_close(year, today)}
        for year in sorted(overview.plan_years())
    ]
    context = {
        "periods": periods,
        "labels": calendar.REPORT_STATE_LABELS,
        "reviewer": scope is None,
        "today": today,
        "years": years,
    }
    return render(request, "reports/admin/period_list.html", context)


def period_detail(request, pk):
    period = get_object_or_404(ReportingPeriod, pk=access.checked_pk(pk))
    today, scope = timezone.localdate(), user_scope(request.user)
    rows = overview.period_rows(period, today, scope)
    context = {
        "period": period,
        "rows": rows,
        "tally": [(calendar.REPORT_STATE_LABELS[state], n) for state, n in overview.counts(rows).items()],
        "reviewer": scope is None,
        "today": today,
    }
    return render(request, "reports/admin/period_detail.html", context)


@require_POST
def remind_view(request, pk):
    if not access.is_reviewer(request.user):
        return HttpResponseForbidden("Chỉ Sở Nội vụ gửi thư nhắc.", content_type="text/plain; charset=utf-8")
    period = get_object_or_404(ReportingPeriod, pk=access.checked_pk(pk))
    rows = overview.period_rows(period, timezone.localdate())
    code = request.POST.get("co_quan", "")[:80]
    if code:
        rows = [row for row in rows if row.agency.code == code]
    reached = remind(period, rows)
    if reached:
        messages.success(request, f"Đã gửi thư nhắc tới {len(reached)} cơ quan.")
    else:
        messages.warning(request, "Không có cơ quan nào cần nhắc hoặc có địa chỉ thư điện tử.")
    return redirect("reports_period", pk=period.pk)


@require_POST
def start_view(request, pk):
    """Open the agency's report of the period, made with a line per task and indicator."""
    period = get_object_or_404(ReportingPeriod, pk=access.checked_pk(pk))
    agency = Agency.objects.filter(code=request.POST.get("co_quan", "")[:80]).first()
    scope = user_scope(request.user)
    if (
        agency is None
        or (scope is not None and agency not in scope)
        or not request.user.has_perm("reports.add_agencyreport")
    ):
        return HttpResponseForbidden("Bạn không lập báo cáo cho cơ quan này.", content_type="text/plain; charset=utf-8")
    report = start_report(agency, period)
    return redirect(reverse("wagtailsnippets_reports_agencyreport:edit", args=[report.pk]))


@require_POST
def close_view(request, year):
    """Close a plan year after its year report (Sở Nội vụ)."""
    if not access.is_reviewer(request.user):
        return HttpResponseForbidden("Chỉ Sở Nội vụ khép lại năm.", content_type="text/plain; charset=utf-8")
    year = access.checked_pk(year)
    if year not in overview.plan_years():
        return HttpResponseForbidden("Không có kế hoạch của năm này.", content_type="text/plain; charset=utf-8")
    refused = may_close(year, timezone.localdate())
    if refused:
        messages.error(request, refused)
    else:
        close_year(year, timezone.localdate(), request.user)
        messages.success(request, f"Đã khép lại năm {year}: các nhiệm vụ hiện đánh giá cuối năm.")
    return redirect("reports_periods")
