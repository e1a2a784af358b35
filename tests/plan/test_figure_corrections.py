"""A correction is a change of a published real figure: the first real figure that takes
the place of an illustrative one is not listed as one; a file that changes a real figure
gives a public reason (a column, or one for the whole import) or is refused."""

from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from plan.models import Indicator, Result, ResultHistory
from plan.results.importer import import_rows
from plan.vocabulary import ResultOrigin

pytestmark = pytest.mark.django_db
TODAY = date(2024, 5, 20)


def rows(value, **extra):
    row = {"ma_chi_tieu": "3.a.2", "ky": "2024-Q1", "gia_tri": value, "nguon": "Cổng Dịch vụ công quốc gia",
           "ngay_thu_thap": "15/04/2024", "du_lieu_minh_hoa": "không", **extra}  # fmt: skip
    return lambda: iter([(2, row)])


def corrections_section(client):
    page = BeautifulSoup(client.get(Indicator.objects.get(code="3.a.2").get_url()).content, "html.parser")
    return page.select_one("#dinh-chinh").find_parent("section")


@pytest.fixture
def demo_figure():
    indicator = Indicator.objects.get(code="3.a.2")
    Result.objects.filter(indicator=indicator).delete()
    return Result.objects.create(
        indicator=indicator, period="2024-Q1", value=Decimal(91), source_name="Minh họa", captured_on=date(2024, 4, 1),
        is_demo=True, origin=ResultOrigin.DEMO,
    )  # fmt: skip


def test_the_first_real_figure_replacing_an_illustrative_one_is_no_correction(client, demo_figure):
    assert import_rows(rows("96"), today=TODAY).written
    demo_figure.refresh_from_db()
    assert demo_figure.value == 96 and not demo_figure.is_demo
    assert ResultHistory.objects.filter(result=demo_figure).count() == 1, "the change is kept in the history"
    section = corrections_section(client)
    assert section.select("tbody tr") == [] and "Chưa có số liệu nào bị sửa" in section.get_text()


def test_a_real_figure_changed_by_a_file_needs_a_reason(client, demo_figure):
    assert import_rows(rows("96"), today=TODAY).written
    refused = import_rows(rows("97"), today=TODAY)
    assert not refused.written and [e.column for e in refused.errors] == ["ly_do_sua"]
    assert "96 → 97" in str(refused.errors[0])
    assert Result.objects.get(pk=demo_figure.pk).value == 96, "nothing is written"

    reason = "Cổng Dịch vụ công đính chính số liệu quý I."
    assert import_rows(rows("97", ly_do_sua=reason), today=TODAY).written
    assert import_rows(rows("98"), today=TODAY, reason="Số liệu chốt cuối năm.").written
    cells = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        for tr in corrections_section(client).select("tbody tr")
    ]
    assert [(row[1], row[2], row[4]) for row in cells] == [
        ("97%", "98%", "Số liệu chốt cuối năm."),
        ("96%", "97%", reason),
    ]
