"""Targets with several requirements are judged requirement by requirement and met
only when all are; done-type results read "Hoàn thành" / "Chưa hoàn thành"
everywhere, never 1 or 0."""

import csv
import io
from datetime import date
from decimal import Decimal
from random import Random

import pytest
from bs4 import BeautifulSoup

from plan.models import Indicator, Result
from plan.progress.rules import combined_status
from plan.progress.targets import format_result
from plan.results.demo import demo_values
from plan.vocabulary import IndicatorStatus, TargetComparator

MET, NOT_MET, AT_RISK, NO_DATA = (
    IndicatorStatus.MET,
    IndicatorStatus.NOT_MET,
    IndicatorStatus.AT_RISK,
    IndicatorStatus.NO_DATA,
)


@pytest.mark.parametrize(
    "statuses, expected",
    [([MET, MET], MET), ([MET, NOT_MET], NOT_MET), ([MET, AT_RISK], AT_RISK), ([MET, NO_DATA], NO_DATA),
     ([NO_DATA, NOT_MET], NOT_MET)],
)  # fmt: skip
def test_a_joined_target_is_met_only_when_every_requirement_is(statuses, expected):
    assert combined_status(statuses) == expected


def test_done_type_results_read_in_words():
    assert format_result(Decimal(1), TargetComparator.DONE, "") == "Hoàn thành"
    assert format_result(Decimal(0), TargetComparator.DONE, "") == "Chưa hoàn thành"
    assert format_result(Decimal("95.5"), TargetComparator.AT_LEAST, "%") == "95,5%"


def test_demo_counts_of_activities_are_whole_numbers():
    values = demo_values(TargetComparator.AT_LEAST, Decimal(2), None, "hoạt động", 4, Random(1))
    assert all(value == value.to_integral_value() for value in values)


def add(code, value, period="2024"):
    return Result.objects.create(
        indicator=Indicator.objects.get(code=code),
        period=period,
        value=Decimal(value),
        source_name="Nguồn",
        captured_on=date(2024, 12, 20),
    )


@pytest.mark.django_db
def test_the_area_page_judges_the_joined_bullet_as_a_whole(client):
    add("2.a.3.1", "1")  # the inspection of law enforcement was done: that requirement is met
    add("2.a.3.2", "1")  # the survey was done
    add("2.a.3.3", "0")  # the documents were not issued: not met
    page = BeautifulSoup(client.get("/ke-hoach/cchc-2024/cai-cach-the-che/").content, "html.parser")
    combined = page.select_one(".combined-status")
    assert combined is not None and "chỉ đạt khi tất cả cùng đạt" in combined.get_text()
    assert "Không đạt" in combined.get_text()
    table_text = combined.find_next("table").get_text(" ", strip=True)
    assert "Chưa hoàn thành" in table_text and "Đạt" in table_text


@pytest.mark.django_db
def test_a_done_type_result_never_reads_1_or_0(client):
    add("2.a.3.2", "1")
    indicator = Indicator.objects.get(code="2.a.3.2")
    page = BeautifulSoup(client.get(indicator.get_url()).content, "html.parser")
    latest = page.select_one(".result-summary dd strong").get_text(strip=True)
    assert latest == "Hoàn thành"
    assert page.select_one("figure.chart") is None  # no one-dot line chart
    history = [
        row.find_all("td")[0].get_text(strip=True)
        for row in page.select("#dien-bien ~ * tbody tr, table tbody tr")
        if row.find_all("td")
    ]
    assert "1" not in history and "0" not in history
    response = client.get("/du-lieu/ket-qua.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    (row,) = [r for r in rows if r["ma_chi_tieu"] == "2.a.3.2"]
    assert row["hoan_thanh"] == "Hoàn thành" and row["gia_tri"] == ""
