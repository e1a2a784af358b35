"""The notice that a plan year is closed, on the plan's, an area's, a task's pages and
the dashboard; the links to a plan's periodic reports, on the plan's page and the
dashboard."""

from django import template

from reports.models import PeriodReportPage
from reports.verdicts import year_closes

register = template.Library()


@register.inclusion_tag("reports/includes/year_close_notice.html")
def year_close_notice(year):
    return {"close": year_closes().get(year), "year": year}


@register.inclusion_tag("reports/includes/report_links.html")
def period_report_links(plan):
    """The plan's published periodic reports, newest period first."""
    pages = PeriodReportPage.objects.child_of(plan).live().select_related("period", "agency")
    return {"reports": pages.order_by("-period__deadline", "agency__name")}
