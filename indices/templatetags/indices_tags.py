"""Figures of the indices as Vietnamese readers write them: 42,68 (a decimal comma),
every digit the source printed, nothing rounded."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def vi_number(value):
    if value is None or value == "":
        return ""
    return format(Decimal(str(value)).normalize(), "f").replace(".", ",")


@register.filter
def plain_number(value):
    """The same figure with a decimal point, for data-value attributes (tests, scripts)."""
    if value is None or value == "":
        return ""
    return format(Decimal(str(value)).normalize(), "f")
