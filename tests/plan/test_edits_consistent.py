"""After an editor edits a task's wording, re-reads a target and corrects a figure (all
through the admin or an import, with their reasons), every place that shows them (the
task, indicator, area and plan pages, the API and the open-data files) marks each
change as such, gives its reason and agrees with the others."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from plan.models import AreaPage, Indicator, PlanPage, Result, Task
from plan.results.importer import import_rows
from plan.vocabulary import ResultOrigin
from tests.plan.admin_forms import area_edit_form, indicator_edit_form

pytestmark = pytest.mark.django_db
TEXT = "Thực hiện đánh giá của người dân, doanh nghiệp đối với 100% thủ tục hành chính."
TASK_REASON = "Theo chỉ đạo của Văn phòng UBND tỉnh, mở rộng phạm vi đánh giá."
TARGET_REASON = "Sở Nội vụ hướng dẫn đọc mục tiêu là mức tối thiểu."
FIGURE_REASON = "Cổng Dịch vụ công đính chính số liệu quý I."


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def csv_rows(client, url):
    return list(csv.DictReader(io.StringIO(client.get(url).content.decode("utf-8-sig"))))


@pytest.fixture
def edited(admin_client):
    area = AreaPage.objects.get(number=3)
    changes = {"3.9": {"text": TEXT, "change_reason": TASK_REASON}}
    assert (
        admin_client.post(reverse("wagtailadmin_pages:edit", args=[area.pk]), area_edit_form(area, changes)).status_code
        == 302
    )
    indicator = Indicator.objects.get(code="3.a.2")
    target = {"comparator": "at_least", "target_value": "95", "target_value_max": "", "change_reason": TARGET_REASON}
    edit = reverse("wagtailsnippets_plan_indicator:edit", args=[indicator.pk])
    assert admin_client.post(edit, indicator_edit_form(indicator, **target)).status_code == 302
    Result.objects.create(indicator=indicator, period="2024-Q1", value=Decimal(96), source_name="Cổng Dịch vụ công",
                          captured_on=date(2024, 4, 15), origin=ResultOrigin.IMPORT)  # fmt: skip
    row = {"ma_chi_tieu": "3.a.2", "ky": "2024-Q1", "gia_tri": "97", "nguon": "Cổng Dịch vụ công",
           "ngay_thu_thap": "15/04/2024", "ly_do_sua": FIGURE_REASON}  # fmt: skip
    assert import_rows(lambda: iter([(2, row)]), today=date(2024, 5, 20)).written
    return area, Task.objects.get(code="3.9"), Indicator.objects.get(code="3.a.2")


def test_each_change_is_marked_explained_and_consistent_everywhere(client, edited):
    area, task, indicator = edited
    task_page = text_of(client, task.get_url())
    assert TEXT in task_page and "Đã sửa so với nguyên văn Kế hoạch" in task_page and TASK_REASON in task_page
    indicator_page = text_of(client, indicator.get_url())
    assert "≥ 95%" in indicator_page and TARGET_REASON in indicator_page and "95% – 100%" in indicator_page
    assert FIGURE_REASON in indicator_page and "Bản dự thảo." in indicator_page
    area_page = text_of(client, area.url)
    assert "Nhiệm vụ 3.9 · Nội dung" in area_page and "Chỉ tiêu 3.a.2 · Loại mục tiêu" in area_page
    plan_page = text_of(client, PlanPage.objects.get().url)
    assert "Lĩnh vực 3 · Nhiệm vụ 3.9 · Nội dung" in plan_page and "Chỉ tiêu 3.a.2" in plan_page

    api = client.get(f"/api/v2/pages/{area.pk}/").json()
    api_task = next(t for t in api["nhiem_vu"] if t["ma"] == "3.9")
    api_indicator = next(i for i in api["chi_tieu"] if i["ma"] == "3.a.2")
    assert api_task["noi_dung"] == TEXT and TASK_REASON in api_task["nguon_goc"]["text"]["mo_ta"]
    assert (
        api_indicator["muc_tieu"]["mo_ta"] == "≥ 95%" and TARGET_REASON in api_indicator["nguon_goc"]["target"]["mo_ta"]
    )
    assert api["van_ban_du_thao"] is True

    task_row = next(r for r in csv_rows(client, "/du-lieu/nhiem-vu.csv") if r["ma"] == "3.9")
    assert task_row["noi_dung"] == TEXT and task_row["nguon_goc_noi_dung"] == api_task["nguon_goc"]["text"]["mo_ta"]
    indicator_row = next(r for r in csv_rows(client, "/du-lieu/chi-tieu.csv") if r["ma"] == "3.a.2")
    assert indicator_row["loai_muc_tieu"] == "at_least" and indicator_row["muc_tieu"] == "95"
    assert indicator_row["nguon_goc_muc_tieu"] == api_indicator["nguon_goc"]["target"]["mo_ta"]
    assert indicator_row["van_ban_du_thao"] == task_row["van_ban_du_thao"] == "true"
    corrections = csv_rows(client, "/du-lieu/dinh-chinh.csv")
    assert [(r["ma_chi_tieu"], r["gia_tri_cu"], r["gia_tri_moi"], r["ly_do"]) for r in corrections] == [
        ("3.a.2", "96", "97", FIGURE_REASON)
    ]


def test_the_changes_feed_announces_text_changes_and_corrections(client, edited):
    from xml.etree import ElementTree

    rss = ElementTree.fromstring(client.get("/du-lieu/thay-doi/rss/").content)
    items = {item.findtext("title"): item.findtext("description") for item in rss.iter("item")}
    assert "Lĩnh vực 3 · Nhiệm vụ 3.9 · Nội dung" in items and TEXT in items["Lĩnh vực 3 · Nhiệm vụ 3.9 · Nội dung"]
    assert "Chỉ tiêu 3.a.2 · Loại mục tiêu" in " ".join(items)
    assert items["Sửa số liệu chỉ tiêu 3.a.2, Quý I/2024: 96% → 97%"] == f"Lý do: {FIGURE_REASON}"
    atom = client.get("/du-lieu/thay-doi/atom/")
    assert atom.status_code == 200 and b"<feed" in atom.content
