import functools

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from wagtail.models import Page

from plan.content.continuity import plan_notices as read_plan_notices
from plan.models import PlanPage
from plan.progress.rules import meets_target as judge
from plan.progress.targets import format_quantity, format_result

register = template.Library()


@register.filter
def quantity(value, unit):
    """A figure in Vietnamese form with its unit: 95,5%, 12 phút."""
    if value is None or value == "":
        return ""
    return format_quantity(value, unit)


@register.filter
def result_text(value, indicator):
    """A result's value as people read it for this indicator: "95,5%", or "Hoàn thành"
    / "Chưa hoàn thành" for a done-type target."""
    if value is None or value == "":
        return ""
    return format_result(value, indicator.comparator, indicator.unit)


@register.simple_tag
def meets_target(indicator, result):
    return judge(indicator.comparator, indicator.target_value, indicator.target_value_max, result.value)


@register.simple_tag(takes_context=True)
def menu_plan_url(context):
    """The address of the plan the site's menu leads to (its document and its
    dashboard): the page's own plan, else the newest published one (kept in the cache
    by the `newest_plan_url` context processor), or "" before any is published."""
    for name in ("plan", "page"):
        page = context.get(name)
        if isinstance(page, Page) and page.specific_class is PlanPage:  # a parent may not be specific
            return page.get_url(context.get("request"))
    return str(context.get("newest_plan_url") or "")


SITE_LINKS = {
    "topics": "plan:topic_list",
    "agencies": "plan:agency_list",
    "search": "search:search",
    "suggest": "search:suggest",
    "open_data": "plan:open_data",
    "method": "plan:method",
}


@register.simple_tag
def site_links():
    """The addresses the menu and the footer of every page link to, worked out once per
    URL configuration and script prefix (ten {% url %} tags cost a quarter of a
    millisecond a page)."""
    return reversed_links(get_urlconf(), get_script_prefix())


@functools.lru_cache(maxsize=16)
def reversed_links(urlconf, prefix):
    return {key: reverse(name, urlconf) for key, name in SITE_LINKS.items()}


@register.inclusion_tag("includes/plan_notices.html", takes_context=True)
def plan_notices(context):
    """On every page of a plan: that a later plan replaces it, and what became of the
    body that issued it (a province that joined another), with the source."""
    pages = [context.get("page"), *reversed(context.get("ancestors") or [])]
    plan = next((p for p in pages if isinstance(p, Page) and p.specific_class is PlanPage), None)
    if plan is None:
        return {}
    plan_wide = context.get("plan_wide")  # plan.public.plan_wide: kept per generation
    following, successions = plan_wide.notices(plan.pk) if plan_wide is not None else read_plan_notices(plan.pk)
    return {"following": following, "successions": successions, "request": context.get("request")}
