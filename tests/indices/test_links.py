"""Indices where the plan speaks of them: the area pages (their PAR INDEX component
and its latest score, or that none was found), the agency pages, the plan's purpose
and the home page (real figures, labelled as such beside the illustrative progress)."""

import re
from datetime import date
from decimal import Decimal

import pytest

from indices.catalogue import PAR_COMPONENTS
from indices.models import IndexFigure
from plan.models import AreaPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_figures")]

PLAN_URL = "/ke-hoach/cchc-2024/"
AREA_URL = PLAN_URL + "cai-cach-thu-tuc-hanh-chinh/"


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def component_of(page):
    return re.search(r"<dt>Chỉ số thành phần PAR INDEX</dt><dd>(.*?)</dd>", page, re.S).group(1)


def test_every_area_component_is_one_the_index_page_lists():
    components = set(AreaPage.objects.exclude(par_component="").values_list("par_component", flat=True))
    assert components and components <= set(PAR_COMPONENTS)


def test_an_area_shows_its_component_its_agency_and_that_no_score_was_found(client):
    page = text(client, AREA_URL)
    component = component_of(page)
    assert 'href="/chi-so/par-index/#cap-component">Cải cách thủ tục hành chính</a>' in component
    assert "Điểm của Hải Dương: chưa tìm thấy số liệu công bố" in component
    assert "Cơ quan chịu trách nhiệm (theo mục IV)" in page and "Văn phòng UBND tỉnh" in page


def test_an_area_shows_the_latest_published_score_with_its_source(client):
    for year, value in ((2023, "81.5"), (2024, "85.25")):
        IndexFigure.objects.create(
            index="PAR_INDEX", year=year, unit="Hải Dương", level="component",
            measure="Cải cách thủ tục hành chính", value=Decimal(value), source_kind="portal",
            source_name="Bộ Nội vụ", source_url="https://example.org/par", quote=f"đạt {value}",
            read_on=date(2025, 5, 1),
        )  # fmt: skip
    component = component_of(text(client, AREA_URL))
    assert "năm 2024" in component and "<strong>85,25</strong>" in component and "81,5" not in component
    assert 'href="https://example.org/par"' in component and "đạt 85.25" in component


def test_an_agency_shows_the_components_it_answers_for(client):
    page = text(client, "/co-quan/so-noi-vu/")
    section = page.split("Chỉ số thành phần PAR INDEX chịu trách nhiệm")[1].split("</ul>")[0]
    for name in ("Công tác chỉ đạo, điều hành", "Cải cách tổ chức bộ máy", "Cải cách chế độ công vụ"):
        assert name in section
    assert section.count("chưa tìm thấy số liệu công bố") == 3


def test_the_plans_purpose_links_the_four_indices(client):
    purpose = text(client, PLAN_URL).split('id="muc-dich-yeu-cau-h"')[1].split("</section>")[0]
    for slug in ("pci", "par-index", "sipas", "papi"):
        assert f'href="/chi-so/{slug}/"' in purpose


def test_the_home_page_shows_real_figures_labelled_beside_the_illustrative_progress(client):
    page = text(client, "/")
    section = page.split('id="chi-so-thuc"')[1].split("</section>")[0]
    assert "số liệu thật" in section
    assert "năm 2021" in section and "<strong>42,68</strong>" in section  # PAPI's latest total
    assert "năm 2023" in section and "<strong>68,68</strong>" in section  # PCI
    assert 'PAR INDEX</strong></a> – Chỉ số cải cách hành chính: <span class="gap">chưa tìm thấy' in section
    assert "haiduongnews.com" in section and "With 42.68 points" in section
