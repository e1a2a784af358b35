"""Re-users get what readers see: a file of tasks with their latest progress and the
origin of each fact (an editor's wording with its reason), a file of corrections with
their reasons, and the draft status of the document in every file."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from plan.models import AreaPage, Indicator, Result, ResultHistory
from plan.vocabulary import ResultOrigin
from tests.plan.test_progress_pages import count_queries

pytestmark = pytest.mark.django_db
REASON = "Theo chỉ đạo của Văn phòng UBND tỉnh, mở rộng phạm vi đánh giá."


def rows(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_tasks_file_carries_progress_origin_and_draft_status(client, admin_user):
    area = AreaPage.objects.get(number=3)
    tasks = list(area.tasks.all())
    for task in tasks:
        if task.code == "3.9":
            task.text, task.change_reason = "Nội dung đã sửa.", REASON
    area.tasks = tasks
    area.save_revision(user=admin_user).publish(user=admin_user)
    found = {row["ma"]: row for row in rows(client, "/du-lieu/nhiem-vu.csv")}
    assert found["3.9"]["noi_dung"] == "Nội dung đã sửa." and REASON in found["3.9"]["nguon_goc_noi_dung"]
    assert found["3.8"]["nguon_goc_noi_dung"].startswith("Trích Kế hoạch")
    assert {row["van_ban_du_thao"] for row in found.values()} == {"true"}
    assert found["3.9"]["tien_do"] and found["3.9"]["duong_dan"].endswith("/nhiem-vu/3-9/")
    assert client.get("/du-lieu/chi-tieu.json").json()["van_ban_du_thao"] is True
    assert {row["van_ban_du_thao"] for row in rows(client, "/du-lieu/chi-tieu.csv")} == {"true"}


def test_the_corrections_file_lists_real_corrections_with_their_reasons(client):
    indicator = Indicator.objects.get(code="3.a.2")
    result = Result.objects.create(indicator=indicator, period="2024-Q1", value=Decimal(97), source_name="Nguồn",
                                   captured_on=date(2024, 4, 15))  # fmt: skip
    ResultHistory.objects.create(result=result, origin=ResultOrigin.MANUAL, previous_value=Decimal(95),
                                 new_value=Decimal(97), reason="Đính chính.")  # fmt: skip
    ResultHistory.objects.create(result=result, origin=ResultOrigin.IMPORT, previous_value=Decimal(90),
                                 new_value=Decimal(95), changes={"is_demo": ["True", "False"]})  # fmt: skip
    found = rows(client, "/du-lieu/dinh-chinh.csv")
    assert [(r["ma_chi_tieu"], r["ky"], r["gia_tri_cu"], r["gia_tri_moi"], r["ly_do"]) for r in found] == [
        ("3.a.2", "2024-Q1", "95", "97", "Đính chính.")
    ]


def test_the_data_package_describes_the_new_files(client):
    package = client.get("/du-lieu/datapackage.json").json()
    resources = {resource["name"]: resource for resource in package["resources"]}
    for name in ("nhiem-vu", "dinh-chinh"):
        header = list(rows(client, f"/du-lieu/{name}.csv")[0]) if name == "nhiem-vu" else None
        fields = [field["name"] for field in resources[name]["schema"]["fields"]]
        assert header is None or header == fields
    assert "bản dự thảo" in package["description"]


@pytest.mark.parametrize("name", ["chi-tieu", "nhiem-vu"])
def test_a_json_file_reads_what_its_csv_reads(client, name):
    """Whether the plan is a draft is read once, for the rows and the file's own field."""
    assert count_queries(client, f"/du-lieu/{name}.json") == count_queries(client, f"/du-lieu/{name}.csv")
