"""The index pages: every figure shown equals a row of the data file and points to a
source shown on the page (address and quoted words); a year or measure with no
published figure is shown as a gap; Hải Phòng's figures are labelled as context."""

import html
import re
from decimal import Decimal

import pytest

from indices.catalogue import GAP_TEXT, INDICES
from indices.models import IndexFigure
from tests.indices.helpers import SOURCE_LINK, data_rows, figures_on

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_figures")]

SOURCE_ITEM = re.compile(r'<li id="nguon-(\d+)">(.*?)</li>', re.S)


def page(client, slug):
    response = client.get(f"/chi-so/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def file_rows():
    return {
        (r["chi_so"], int(r["nam"]), r["don_vi"], r["ma_thuoc_do"], r["thuoc_do"], r["duong_dan_nguon"]): r
        for r in data_rows()
    }


@pytest.mark.parametrize("slug", [info.slug for info in INDICES])
def test_each_figure_on_an_index_page_is_in_the_data_file_with_its_source_on_the_page(client, slug):
    text = page(client, slug)
    rows = file_rows()
    sources = dict(SOURCE_ITEM.findall(text))
    shown = figures_on(text)
    assert shown or slug == "par-index"
    for figure_id, value, rank, inner in shown:
        figure = IndexFigure.objects.get(pk=figure_id)
        row = rows[(figure.index, figure.year, figure.unit, figure.measure_code, figure.measure, figure.source_url)]
        assert value == row["gia_tri"] or Decimal(value) == Decimal(row["gia_tri"])
        assert rank == row["hang"]
        if value:
            assert f"<strong>{value.replace('.', ',')}</strong>" in inner
        (number,) = SOURCE_LINK.findall(inner)
        body = html.unescape(sources[number])
        assert f'href="{row["duong_dan_nguon"]}"' in body
        assert row["trich_dan"] in body, "the quoted words are on the page"
        assert "Đọc ngày 07/12/2026" in body


def test_every_figure_of_an_index_is_on_its_page(client):
    text = page(client, "papi")
    shown = {int(figure_id) for figure_id, *_ in figures_on(text)}
    assert shown == set(IndexFigure.objects.filter(index="PAPI").values_list("pk", flat=True))


def test_years_and_measures_without_a_published_figure_are_gaps_never_filled(client):
    papi = page(client, "papi")
    total_row = re.search(r'<th scope="row">PAPI</th>(.*?)</tr>', papi, re.S).group(1)
    cells = re.findall(r"<td>(.*?)</td>", total_row, re.S)
    assert len(cells) == 7  # 2018–2024
    filled = [i for i, cell in enumerate(cells) if "index-figure" in cell]
    assert filled == [2, 3]  # 2020 and 2021 only
    assert all(GAP_TEXT.capitalize() in cells[i] for i in (0, 1, 4, 5, 6))
    par = page(client, "par-index")
    home_section = par.split('id="tham-chieu"')[0]
    assert "index-figure" not in home_section, "no PAR INDEX figure of Hải Dương exists"
    assert home_section.count(GAP_TEXT.capitalize() + " cho năm nào") == 9  # the total and eight components


def test_hai_phong_is_context_after_the_merger(client):
    text = page(client, "par-index")
    context = text.split('id="tham-chieu"')[1]
    assert "Hải Phòng và toàn quốc: số liệu tham chiếu" in text
    assert "Không phải số liệu của Hải Dương" in context and "01/7/2025" in context
    assert "<strong>96,17</strong>" in context


def test_flags_are_shown_as_such(client):
    text = page(client, "papi")
    assert "Có thể in nhầm" in text
    assert "Các nguồn ghi khác nhau" in page(client, "par-index")


def test_the_province_index_lists_units_by_group_with_the_decision(client):
    text = page(client, "cchc-so-nganh-huyen")
    assert "336/QĐ-UBND" in text
    row = re.search(r'<th scope="row">Sở Y tế</th>(.*?)</tr>', text, re.S).group(1)
    assert "Dưới 80%" in row


def test_an_unknown_index_is_not_found(client):
    assert client.get("/chi-so/khong-co/").status_code == 404


def test_an_edited_figure_shows_at_once(client):
    figure = IndexFigure.objects.get(index="PCI", year=2023, unit="Hải Dương")
    page(client, "pci")
    figure.value = Decimal("68.7")
    figure.save()
    assert "<strong>68,7</strong>" in page(client, "pci")
