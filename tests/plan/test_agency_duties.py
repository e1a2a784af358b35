"""Agency pages show the duties section IV gives each agency: its own sub-section,
and the collective duties of IV.1, said to be assigned by the group's heading."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def duties(client, code):
    page = BeautifulSoup(client.get(f"/co-quan/{code}/").content, "html.parser")
    return page.select_one("#trach-nhiem").find_parent("section").get_text(" ", strip=True)


@pytest.mark.parametrize("code", ["so-tai-chinh", "ubnd-cap-huyen", "ngan-hang-nha-nuoc-chi-nhanh-hai-duong"])
def test_departments_districts_and_the_bank_branch_see_the_collective_duties(client, code):
    text = duties(client, code)
    assert "mục IV.1: nhiệm vụ chung" in text
    assert "suy ra, không phải nguyên văn" in text


def test_a_department_sees_its_own_part_and_the_collective_one(client):
    text = duties(client, "so-noi-vu")
    assert "mục IV.2: phần riêng của cơ quan" in text and "mục IV.1: nhiệm vụ chung" in text


def test_an_agency_outside_the_group_sees_no_collective_duty(client):
    text = duties(client, "ubnd-cap-xa")
    assert "nhiệm vụ chung" not in text and "Kế hoạch không có mục riêng" in text
