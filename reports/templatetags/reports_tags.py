"""The notice that a plan year is closed, on the plan's, an area's, a task's pages and
the dashboard."""

from django import template

from reports.verdicts import year_closes

register = template.Library()


@register.inclusion_tag("reports/includes/year_close_notice.html")
def year_close_notice(year):
    return {"close": year_closes().get(year), "year": year}
