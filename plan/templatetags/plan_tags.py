from django import template

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
