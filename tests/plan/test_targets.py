from decimal import Decimal

import pytest
from django.utils import translation

from plan.progress.targets import describe_target, format_number, target_errors


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    "comparator, value, value_max, unit, expected",
    [
        ("at_least", Decimal("80"), None, "%", "≥ 80%"),
        ("at_least", Decimal("100"), None, "%", "100%"),
        ("at_most", Decimal("15"), None, "phút", "≤ 15 phút"),
        ("between", Decimal("95"), Decimal("100"), "%", "95% – 100%"),
        ("at_least", Decimal("2"), None, "hoạt động", "≥ 2 hoạt động"),
        ("at_least", Decimal("95.5"), None, "%", "≥ 95,5%"),
        ("done", None, None, "", "Hoàn thành"),
    ],
)
def test_describe_target(comparator, value, value_max, unit, expected):
    assert describe_target(comparator, value, value_max, unit) == expected


def test_vietnamese_number_format():
    assert format_number(Decimal("1234")) == "1.234"
    assert format_number(Decimal("1234.50")) == "1.234,5"


@pytest.mark.parametrize(
    "comparator, value, value_max, field",
    [
        ("at_least", None, None, "target_value"),
        ("at_most", Decimal(1), Decimal(2), "target_value_max"),
        ("between", Decimal(95), None, "target_value_max"),
        ("between", Decimal(100), Decimal(95), "target_value_max"),
        ("done", Decimal(1), None, "target_value"),
    ],
)
def test_impossible_targets_are_named(comparator, value, value_max, field):
    assert field in target_errors(comparator, value, value_max)


@pytest.mark.parametrize(
    "comparator, value, value_max",
    [("at_least", Decimal(80), None), ("between", Decimal(95), Decimal(100)), ("done", None, None)],
)
def test_sensible_targets_pass(comparator, value, value_max):
    assert target_errors(comparator, value, value_max) == {}
