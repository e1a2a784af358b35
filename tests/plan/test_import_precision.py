"""Values keep what the file says or are refused (issue 21, finding 13): a value with
more digits after the mark than Result.value keeps (4) is refused with a Vietnamese
reason and nothing is written, never rounded; the largest value the column holds
is accepted and stored exactly, the next one up refused."""

from decimal import Decimal as D

import pytest

from plan.models import Result
from plan.results.importer import import_file
from tests import builders
from tests.plan.test_import_results import csv_text, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def count_indicator():
    return builders.IndicatorFactory(unit="hồ sơ", target_value=D(1000))


def row(indicator, value):
    return [indicator.code, "2024", "", value, "", "Báo cáo CCHC", "", "20/01/2025", ""]


def import_value(tmp_path, indicator, value):
    return import_file(write(tmp_path, "ket-qua.csv", csv_text([row(indicator, value)])), "csv")


@pytest.mark.parametrize("value", ["0,00001", "1.234.567.890,12345", "95,12345", "0.00001", "12,3456789"])
def test_more_precision_than_the_column_keeps_is_refused_not_rounded(tmp_path, count_indicator, value):
    report = import_value(tmp_path, count_indicator, value)
    assert not report.ok and not Result.objects.filter(indicator=count_indicator).exists()
    [error] = report.errors
    assert error.column == "gia_tri" and "4 chữ số sau dấu phẩy" in str(error)


@pytest.mark.parametrize(
    "value, stored",
    [
        ("9.999.999.999,9999", D("9999999999.9999")),
        ("1.234.567.890,1234", D("1234567890.1234")),
        ("0,0001", D("0.0001")),
        ("95,50000", D("95.5")),  # trailing zeros add no precision
    ],
)
def test_values_the_column_holds_are_stored_exactly(tmp_path, count_indicator, value, stored):
    report = import_value(tmp_path, count_indicator, value)
    assert report.ok, [str(error) for error in report.errors]
    assert Result.objects.get(indicator=count_indicator).value == stored


def test_past_the_largest_value_is_refused_with_the_maximum_stated(tmp_path, count_indicator):
    report = import_value(tmp_path, count_indicator, "10.000.000.000")
    assert not report.ok and "9.999.999.999,9999" in str(report.errors[0])
    assert not Result.objects.filter(indicator=count_indicator).exists()
