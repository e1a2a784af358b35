"""Targets as data: how an indicator's target reads in Vietnamese, and which
combinations of comparator and values make sense. Pure functions."""

from decimal import Decimal

from django.utils.formats import number_format

from plan.vocabulary import TargetComparator

COMPARATORS_WITH_ONE_VALUE = {TargetComparator.AT_LEAST, TargetComparator.MORE_THAN, TargetComparator.AT_MOST}
SYMBOLS = {TargetComparator.AT_LEAST: "≥", TargetComparator.MORE_THAN: ">", TargetComparator.AT_MOST: "≤"}


def target_errors(comparator, value, value_max):
    """Return {field: message} for a target that cannot be judged."""
    errors = {}
    if comparator in COMPARATORS_WITH_ONE_VALUE:
        if value is None:
            errors["target_value"] = "Cần nhập giá trị mục tiêu."
        if value_max is not None:
            errors["target_value_max"] = "Chỉ dùng giá trị tối đa cho mục tiêu “trong khoảng”."
    elif comparator == TargetComparator.BETWEEN:
        if value is None or value_max is None:
            errors["target_value_max"] = "Mục tiêu “trong khoảng” cần cả giá trị thấp nhất và cao nhất."
        elif Decimal(value) > Decimal(value_max):
            errors["target_value_max"] = "Giá trị cao nhất phải lớn hơn hoặc bằng giá trị thấp nhất."
    elif comparator == TargetComparator.DONE:
        if value is not None or value_max is not None:
            errors["target_value"] = "Mục tiêu “hoàn thành” không có giá trị số."
    return errors


def format_number(value):
    """Vietnamese number form without useless decimals: 95 → "95", 95.5 → "95,5"."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return number_format(int(value), force_grouping=True)
    return number_format(value.normalize(), force_grouping=True)


def format_quantity(value, unit):
    text = format_number(value)
    if not unit:
        return text
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def format_result(value, comparator, unit):
    """A measured figure as people read it: "95,5%", "12 phút", and for a done-type
    target "Hoàn thành" or "Chưa hoàn thành", never 1 or 0."""
    if comparator == TargetComparator.DONE:
        return "Hoàn thành" if Decimal(value) >= 1 else "Chưa hoàn thành"
    return format_quantity(value, unit)


def describe_target(comparator, value, value_max, unit):
    """The target in words, e.g. "≥ 80%", "> 30%", "95% – 100%", "≤ 15 phút", "Hoàn thành"."""
    if comparator == TargetComparator.DONE:
        return "Hoàn thành"
    if comparator == TargetComparator.BETWEEN:
        return f"{format_quantity(value, unit)} – {format_quantity(value_max, unit)}"
    if comparator == TargetComparator.AT_LEAST and unit == "%" and Decimal(value) == 100:
        return "100%"  # "≥ 100%" reads oddly for "all of them"
    return f"{SYMBOLS[comparator]} {format_quantity(value, unit)}"
