"""The Wagtail API gives each plan, area and appendix page's structured content
(plan.public.api_content): targets as data, latest figures and statuses, in a fixed
number of queries; never a draft or a private page."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from plan.models import AppendixPage, AreaPage, Indicator, PlanPage

pytestmark = pytest.mark.django_db


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_an_area_gives_its_indicators_and_tasks_as_data(client):
    call_command("load_demo_results", verbosity=0)
    area = AreaPage.objects.get(number=3)
    data = detail(client, area)
    tasks = {task["ma"]: task for task in data["nhiem_vu"]}
    indicators = {indicator["ma"]: indicator for indicator in data["chi_tieu"]}
    assert set(tasks) == set(area.tasks.values_list("code", flat=True))
    assert set(indicators) == set(area.indicators.filter(live=True).values_list("code", flat=True))
    ranged = indicators["3.a.2"]
    assert ranged["muc_tieu"]["loai"] == "between" and ranged["muc_tieu"]["don_vi"] == "%"
    assert (Decimal(ranged["muc_tieu"]["gia_tri"]), Decimal(ranged["muc_tieu"]["gia_tri_toi_da"])) == (95, 100)
    latest = ranged["so_lieu_moi_nhat"]
    assert latest["ky"].startswith("2024") and latest["du_lieu_minh_hoa"] is True
    assert ranged["tinh_trang"]["ma"] in ("met", "at_risk", "not_met", "no_data") and ranged["tinh_trang"]["nhan"]
    assert ranged["co_quan_chiu_trach_nhiem"]["ten"]
    assert ranged["duong_dan"].endswith("/cai-cach-thu-tuc-hanh-chinh/chi-tieu/3-a-2/")
    task = tasks["3.4"]
    assert task["co_quan_chu_tri"]["ma"] and task["tinh_trang"]["nhan"]
    assert data["co_quan_chiu_trach_nhiem"]


def test_the_plan_and_appendix_give_their_content(client):
    plan = PlanPage.objects.get(slug="cchc-2024")
    areas = detail(client, plan)["linh_vuc"]
    assert [area["so"] for area in areas] == list(range(1, 9))
    assert all(area["so_nhiem_vu"] > 0 for area in areas)
    appendix = detail(client, AppendixPage.objects.get())
    assert [area["so"] for area in appendix["bang_tu_muc_ii"]] == list(range(1, 9))
    assert appendix["bang_tu_muc_ii"][2]["nhiem_vu"][0]["ma"] == "3.1"


def test_the_number_of_queries_does_not_grow_with_the_content(client):
    call_command("load_demo_results", verbosity=0)
    counts = []
    for number in (2, 3, 7):  # areas with few and many tasks and indicators
        area = AreaPage.objects.get(number=number)
        client.get(f"/api/v2/pages/{area.pk}/")  # caches warmed
        with CaptureQueriesContext(connection) as queries:
            detail(client, area)
        counts.append(len(queries))
    assert len(set(counts)) == 1 and counts[0] <= 25, counts


def test_listings_do_not_compute_content(client):
    response = client.get("/api/v2/pages/?type=plan.AreaPage&fields=nhiem_vu")
    assert response.status_code == 400
    listing = client.get("/api/v2/pages/?type=plan.AreaPage").json()
    assert len(listing["items"]) == 8 and "nhiem_vu" not in listing["items"][0]


def test_drafts_and_private_pages_never_appear(client):
    indicator = Indicator.objects.get(code="3.a.2")
    indicator.live = False
    indicator.save()
    area = AreaPage.objects.get(number=3)
    assert "3.a.2" not in {i["ma"] for i in detail(client, area)["chi_tieu"]}
    plan = PlanPage.objects.get(slug="cchc-2024")
    PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat")
    assert client.get(f"/api/v2/pages/{area.pk}/").status_code == 404
    assert 3 not in [a["so"] for a in detail(client, plan)["linh_vuc"]]
    assert 3 not in [a["so"] for a in detail(client, AppendixPage.objects.get())["bang_tu_muc_ii"]]
    draft = AreaPage.objects.get(number=4)
    draft.unpublish()
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert 4 not in [a["so"] for a in detail(client, plan)["linh_vuc"]]


def test_the_open_data_page_documents_what_the_api_serves(client):
    from plan.public import api_fields

    data = detail(client, AreaPage.objects.get(number=3))
    assert list(data["chi_tieu"][0]) == [name for name, _type, _text in api_fields.INDICATOR_KEYS]
    assert list(data["nhiem_vu"][0]) == [name for name, _type, _text in api_fields.TASK_KEYS]
    page = client.get("/du-lieu/").content.decode()
    assert 'id="api"' in page and "/api/v2/pages/find/?html_path=" in page
    for fields in api_fields.API_FIELDS.values():
        for name, description in fields:
            assert f"<code>{name}</code>" in page and description in page


def test_the_api_carries_origins_demo_flags_and_the_draft_status(client, admin_user):
    call_command("load_demo_results", verbosity=0)
    area = AreaPage.objects.get(number=3)
    tasks = list(area.tasks.all())
    for task in tasks:
        if task.code == "3.9":
            task.text, task.change_reason = "Nội dung đã sửa.", "Lý do công khai."
    area.tasks = tasks
    area.save_revision(user=admin_user).publish(user=admin_user)
    data = detail(client, area)
    assert data["van_ban_du_thao"] is True
    tasks = {task["ma"]: task for task in data["nhiem_vu"]}
    edited = tasks["3.9"]["nguon_goc"]["text"]
    assert edited["loai"] == "editor" and "Lý do công khai." in edited["mo_ta"]
    assert tasks["3.9"]["nguon_goc"]["lead_agency"]["loai"] == "inferred"
    indicator = next(i for i in data["chi_tieu"] if i["ma"] == "3.a.2")
    assert indicator["nguon_goc"]["target"]["loai"] == "inferred"
    assert indicator["tinh_trang"]["du_lieu_minh_hoa"] is indicator["so_lieu_moi_nhat"]["du_lieu_minh_hoa"] is True
    assert tasks["3.4"]["tinh_trang"]["du_lieu_minh_hoa"] is bool(tasks["3.4"]["bao_cao_moi_nhat"])
    assert detail(client, PlanPage.objects.get())["van_ban_du_thao"] is True
