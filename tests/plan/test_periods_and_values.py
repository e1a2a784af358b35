from datetime import date
from decimal import Decimal as D

import pytest

from plan.progress.periods import parse_period
from plan.results.values import parse_date, parse_done_value, parse_flag, parse_number, parse_scope


@pytest.mark.parametrize(
    "text, code, start, end, label",
    [
        ("2024", "2024", date(2024, 1, 1), date(2024, 12, 31), "Năm 2024"),
        ("2024-H1", "2024-H1", date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024"),
        ("2024-h2", "2024-H2", date(2024, 7, 1), date(2024, 12, 31), "6 tháng cuối năm 2024"),
        ("2024-Q1", "2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "Quý I/2024"),
        ("2024-Q4", "2024-Q4", date(2024, 10, 1), date(2024, 12, 31), "Quý IV/2024"),
        ("2024-02", "2024-02", date(2024, 2, 1), date(2024, 2, 29), "Tháng 02/2024"),
    ],
)
def test_periods(text, code, start, end, label):
    period = parse_period(text)
    assert (period.code, period.start, period.end, period.label) == (code, start, end, label)


@pytest.mark.parametrize("text", ["", "24", "2024-13", "2024-Q5", "2024-H3", "1999", "2024/03", "Quý I/2024"])
def test_bad_periods(text):
    assert parse_period(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("95,5", D("95.5")),
        ("95,5 %", D("95.5")),
        ("95,5%", D("95.5")),
        ("1.234", D("1234")),
        ("1.234,5", D("1234.5")),
        ("95.5", D("95.5")),
        ("1,234,567", D("1234567")),
        (" 80 ", D("80")),
        ("1 234", D("1234")),
        (95.5, D("95.5")),
        (7, D("7")),
        ("-3", D("-3")),
        ("1\u00a0234,5", D("1234.5")),
    ],
)
def test_vietnamese_numbers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "95,5,5", "1..2", "--3", "12a", "%", True])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_done_values_dates_flags_scopes():
    assert (
        parse_done_value("Hoàn thành") == 1 and parse_done_value("chưa hoàn thành") == 0 and parse_done_value("1") == 1
    )
    with pytest.raises(ValueError):
        parse_done_value("2")
    assert parse_date("27/11/2024") == date(2024, 11, 27) == parse_date("2024-11-27")
    with pytest.raises(ValueError):
        parse_date("31/02/2024")
    assert parse_flag("có") is True and parse_flag("") is False
    with pytest.raises(ValueError):
        parse_flag("có lẽ")
    assert parse_scope("Cấp huyện") == "district" and parse_scope("") == ""
    with pytest.raises(ValueError):
        parse_scope("thôn")
