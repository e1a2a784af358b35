"""Open data and the API carry the plan year, the links between plans, tasks and
indicators across years, and the agencies' successions."""

import csv
import io
from datetime import date

import pytest

from plan.models import Agency, AgencySuccession, AreaPage, PlanPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def succession():
    return AgencySuccession.objects.create(
        predecessor=Agency.objects.get(name="Ủy ban nhân dân tỉnh Hải Dương"),
        successor=Agency.objects.create(code="ubnd-thanh-pho-hai-phong", name="Ủy ban nhân dân thành phố Hải Phòng"),
        effective_from=date(2025, 7, 1),
    )


def test_the_plans_file_gives_year_issuer_programme_and_the_plan_before(client, plan_2025):
    data = client.get("/du-lieu/ke-hoach.json").json()["data"]
    by_slug = {row["ma_ke_hoach"]: row for row in data}
    assert by_slug["cchc-2024"]["nam"] == 2024 and by_slug["cchc-2024"]["ke_hoach_nam_truoc"] == ""
    assert by_slug["cchc-2025"]["ke_hoach_nam_truoc"] == "cchc-2024"
    assert by_slug["cchc-2025"]["co_quan_ban_hanh"] == "Ủy ban nhân dân tỉnh Hải Dương"
    assert by_slug["cchc-2025"]["chuong_trinh"].startswith("Kế hoạch số 4347/KH-UBND")
    rows = list(csv.DictReader(io.StringIO(client.get("/du-lieu/ke-hoach.csv").getvalue().decode("utf-8-sig"))))
    assert {row["ma_ke_hoach"] for row in rows} == set(by_slug)


def test_a_draft_plan_is_not_in_open_data(client, import_report):
    data = client.get("/du-lieu/ke-hoach.json").json()["data"]
    assert [row["ma_ke_hoach"] for row in data] == ["cchc-2024"]
    codes = {row["ma"] for row in client.get("/du-lieu/chi-tieu.json").json()["data"]}
    assert not any(code.startswith("2025.") for code in codes)


def test_each_indicator_carries_its_plan_year_and_the_one_it_carries_on(client, plan_2025):
    data = {row["ma"]: row for row in client.get("/du-lieu/chi-tieu.json").json()["data"]}
    assert data["7.a.3.1"]["nam_ke_hoach"] == 2024 and data["7.a.3.1"]["ma_chi_tieu_nam_truoc"] == ""
    assert data["2025.3.a.1.1"]["nam_ke_hoach"] == 2025
    assert data["2025.3.a.1.1"]["ma_ke_hoach"] == "cchc-2025"
    assert data["2025.3.a.1.1"]["ma_chi_tieu_nam_truoc"] == "7.a.3.1"


def test_the_successions_file_gives_the_decision_and_the_origin(client, succession):
    rows = list(csv.DictReader(io.StringIO(client.get("/du-lieu/ke-tuc-co-quan.csv").getvalue().decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["ma_co_quan_ke_tuc"] == "ubnd-thanh-pho-hai-phong" and row["hieu_luc_tu"] == "2025-07-01"
    assert row["so_van_ban"] == "" and row["nguon_goc"].startswith("Do biên tập viên đặt")


def test_the_data_package_describes_the_new_files(client):
    names = {r["name"] for r in client.get("/du-lieu/datapackage.json").json()["resources"]}
    assert {"ke-hoach", "ke-tuc-co-quan"} <= names
    assert "ke-tuc-co-quan.csv" in client.get("/du-lieu/").content.decode()


def test_the_api_links_plans_tasks_and_indicators_across_years(client, plan_2025, succession):
    plan_2024 = PlanPage.objects.get(slug="cchc-2024")
    old = client.get(f"/api/v2/pages/{plan_2024.pk}/").json()
    new = client.get(f"/api/v2/pages/{plan_2025.pk}/").json()
    assert old["nam_ke_hoach"] == 2024 and new["nam_ke_hoach"] == 2025
    assert old["ke_hoach_nam_sau"]["id"] == plan_2025.pk and old["ke_hoach_nam_truoc"] is None
    assert new["ke_hoach_nam_truoc"]["id"] == plan_2024.pk and new["ke_hoach_nam_sau"] is None
    assert new["chuong_trinh"].startswith("Kế hoạch số 4347/KH-UBND")
    (joined,) = new["ke_tuc_co_quan_ban_hanh"]
    assert joined["co_quan_ke_tuc"]["ma"] == "ubnd-thanh-pho-hai-phong" and joined["hieu_luc_tu"] == "2025-07-01"
    area = AreaPage.objects.child_of(plan_2025).get(number=3)
    content = client.get(f"/api/v2/pages/{area.pk}/").json()
    indicators = {item["ma"]: item for item in content["chi_tieu"]}
    assert indicators["2025.3.a.1.1"]["nam_truoc"]["ma"] == "7.a.3.1"
    tasks = {item["ma"]: item for item in content["nhiem_vu"]}
    assert tasks["3.1"]["nam_truoc"]["ma"] == "7.6"
    assert tasks["3.1"]["nam_truoc"]["duong_dan"].endswith("/nhiem-vu/7-6/")
