"""The indicator page draws its chart once per process for the same figures, and
anew when a figure or the target changes."""

from decimal import Decimal

import pytest

from plan.public.presenters import areas
from tests import builders

pytestmark = pytest.mark.django_db


def results_for(indicator, values):
    return [
        builders.ResultFactory(indicator=indicator, period=f"2024-{month:02d}", value=Decimal(value))
        for month, value in enumerate(values, start=1)
    ]


def test_the_same_figures_are_drawn_once_and_a_changed_one_anew():
    indicator = builders.IndicatorFactory(target_value=Decimal(100))
    results = results_for(indicator, [90, 95])
    first = areas.history_chart(indicator, results)
    assert areas.history_chart(indicator, list(results)) is first

    results[1].value = Decimal(97)
    redrawn = areas.history_chart(indicator, results)
    assert redrawn is not first and redrawn.html != first.html

    indicator.target_value = Decimal(99)
    assert areas.history_chart(indicator, results).html != redrawn.html
