"""The dashboard lists PAGE_SIZE (25) indicators a page, with page links that keep the filters,
while its counts still cover every indicator."""

import re
from datetime import date
from decimal import Decimal

import pytest

from plan.models import AreaPage, Indicator, Result
from plan.public.dashboard import PAGE_SIZE

pytestmark = pytest.mark.django_db

DASHBOARD = "/ke-hoach/cchc-2024/tien-do/"


def add_indicators(count):
    area = AreaPage.objects.get(number=3)
    model = Indicator.objects.filter(area=area).first()
    for n in range(count):
        Indicator.objects.create(
            area=area,
            code=f"3.a.9.{n}",
            bullet=9,
            sort_order=900 + n,
            original_wording="Chỉ tiêu thêm.",
            statement=f"Chỉ tiêu thêm số {n}",
            metric=f"Thước đo thêm {n}",
            comparator=model.comparator,
            target_value=model.target_value,
            target_value_max=model.target_value_max,
            responsible_agency=model.responsible_agency,
            live=True,
        )
    return Indicator.objects.filter(live=True).count()


def listed_codes(page):
    table = page.split('id="danh-sach"')[1]
    return re.findall(r'<th scope="row"[^>]*><a href="[^"]+">([^<]+)</a>', table)


def test_the_list_is_paginated_and_the_counts_cover_everything(client):
    total = add_indicators(PAGE_SIZE)
    last = Indicator.objects.get(code=f"3.a.9.{PAGE_SIZE - 1}")
    Result.objects.create(
        indicator=last, period="2024", value=Decimal("99"), source_name="Nguồn", captured_on=date(2024, 12, 31)
    )
    pages = -(-total // PAGE_SIZE)
    assert pages >= 2
    first = client.get(DASHBOARD).content.decode()
    assert f"1/{total} có số liệu" in first  # the whole plan's roll-up counts every indicator
    assert f"{total} chỉ tiêu. Trang 1/{pages}." in first
    listed = [listed_codes(client.get(DASHBOARD + f"?trang={n}").content.decode()) for n in range(1, pages + 1)]
    assert [len(codes) for codes in listed] == [PAGE_SIZE] * (pages - 1) + [total - PAGE_SIZE * (pages - 1)]
    every = [code for codes in listed for code in codes]
    assert len(set(every)) == total and last.code in every
    second = client.get(DASHBOARD + "?trang=2").content.decode()
    assert 'aria-current="page">2<' in second and 'rel="prev"' in second


def test_page_links_keep_the_filters(client):
    add_indicators(PAGE_SIZE)
    page = client.get(DASHBOARD + "?linh_vuc=3").content.decode()
    assert 'href="?linh_vuc=3&amp;trang=2"' in page
    second = client.get(DASHBOARD + "?linh_vuc=3&trang=2").content.decode()
    assert listed_codes(second) and all(code.startswith("3.") for code in listed_codes(second))


def test_a_short_list_has_no_page_links(client):
    page = client.get(DASHBOARD + "?linh_vuc=2").content.decode()
    shown = Indicator.objects.filter(live=True, area__number=2).count()
    assert 0 < shown <= PAGE_SIZE
    assert "trang=" not in page and len(listed_codes(page)) == shown


def test_the_per_agency_parts_fold_only_when_there_are_many_agencies(client):
    def folded(html):
        return html.count('<details class="section-more">'), html.count('<details class="section-more" open>')

    assert folded(client.get(DASHBOARD).content.decode()) == (0, 2)  # the plan's few agencies: shown open
    from plan.models import Agency

    area = AreaPage.objects.get(number=3)
    model = Indicator.objects.filter(area=area).first()
    for n in range(11):
        agency = Agency.objects.create(code=f"co-quan-them-{n}", name=f"Cơ quan thêm {n}")
        Indicator.objects.create(
            area=area, code=f"3.a.97.{n}", bullet=97, sort_order=970 + n, original_wording="Chỉ tiêu thêm.",
            statement=f"Chỉ tiêu thêm {n}", metric=f"Thước đo {n}", comparator=model.comparator,
            target_value=model.target_value, target_value_max=model.target_value_max,
            responsible_agency=agency, live=True,
        )  # fmt: skip
    html = client.get(DASHBOARD).content.decode()
    assert folded(html) == (2, 0)
    assert 'href="#theo-co-quan"' in html and 'id="theo-co-quan"' in html  # its heading stays outside the fold
