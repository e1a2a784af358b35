"""The notice that a plan year is closed, on the plan's, an area's, a task's pages and
the dashboard; the links to a plan's periodic reports, on the plan's page and the
dashboard. Both read through `plan_wide` (plan.public.plan_wide: kept per generation)
when the template has it."""

from django import template

from reports.periods import plan_reports
from reports.verdicts import year_closes

register = template.Library()


@register.inclusion_tag("reports/includes/year_close_notice.html", takes_context=True)
def year_close_notice(context, year):
    plan_wide = context.get("plan_wide")
    close = plan_wide.year_close(year) if plan_wide is not None else year_closes().get(year)
    return {"close": close, "year": year}


@register.inclusion_tag("reports/includes/report_links.html", takes_context=True)
def period_report_links(context, plan):
    """The plan's published periodic reports, newest period first."""
    plan_wide = context.get("plan_wide")
    reports = plan_wide.reports(plan) if plan_wide is not None else plan_reports(plan.path)
    return {"reports": reports, "request": context.get("request")}
