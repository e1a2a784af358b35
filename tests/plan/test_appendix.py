"""The appendix page says what it is: the plan's appendix was not published with the
text, and the table is assembled from section II. Editors can enter the real rows."""

import pytest
from bs4 import BeautifulSoup

from plan.models import AppendixPage, AppendixRow, Task

pytestmark = pytest.mark.django_db

URL = "/ke-hoach/cchc-2024/phu-luc/"


def page(client):
    return BeautifulSoup(client.get(URL).content, "html.parser")


def test_title_and_text_say_the_table_is_assembled_from_section_ii(client):
    html = page(client)
    title = html.h1.get_text(strip=True)
    assert "theo mục II" in title and "chưa được công bố" in title
    text = html.get_text(" ", strip=True)
    assert "không kèm Phụ lục" in text and "Đây không phải Phụ lục của Kế hoạch" in text
    assert "Không nêu" not in text.replace("Kế hoạch không nêu", "")
    assert not html.select("#phu-luc-chinh-thuc")


def test_the_plans_contents_list_names_the_page_as_it_is(client):
    contents = BeautifulSoup(client.get("/ke-hoach/cchc-2024/").content, "html.parser").select_one(".toc")
    assert "(Phụ lục của Kế hoạch chưa được công bố)" in contents.get_text()
    assert "Phụ lục Khung Kế hoạch" not in contents.get_text()


def test_rows_an_editor_enters_show_with_their_source_and_editor(client, admin_user):
    appendix = AppendixPage.objects.get()
    appendix.rows = [
        AppendixRow(
            number="1",
            task=Task.objects.get(code="3.4"),
            content="Rà soát, đơn giản hóa TTHC",
            lead="Văn phòng UBND tỉnh",
            deadline="Quý IV/2024",
            source="Phụ lục kèm Kế hoạch số 4012/KH-UBND ngày 20/12/2023",
        )
    ]
    appendix.save_revision(user=admin_user).publish(user=admin_user)
    section = page(client).select_one("#phu-luc-chinh-thuc").find_parent("section")
    text = section.get_text(" ", strip=True)
    assert "Quý IV/2024" in text and "Phụ lục kèm Kế hoạch số 4012/KH-UBND ngày 20/12/2023" in text
    assert f"người nhập: {admin_user.get_username()}" in text


def test_every_task_of_the_plan_is_in_its_appendix(client):
    html = page(client)
    shown = [row.get_text(strip=True) for row in html.select("details.appendix-area tbody th")]
    assert sorted(shown) == sorted(Task.objects.published().values_list("code", flat=True))
    assert "Bảng chỉ hiện" not in html.get_text()
