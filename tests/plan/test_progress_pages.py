"""Public progress views, open data and the demo figures."""

import csv
import io
import json
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan.models import Indicator, Result, Task, TaskProgress

pytestmark = pytest.mark.django_db

PLAN_URL = "/ke-hoach/cchc-2024/"
AREA_URL = PLAN_URL + "cai-cach-thu-tuc-hanh-chinh/"
INDICATOR_URL = AREA_URL + "chi-tieu/3-a-2/"


def add_result(
    code, period, value, scope="", demo=False, source="Cổng Dịch vụ công quốc gia", url="https://dichvucong.gov.vn/"
):
    return Result.objects.create(
        indicator=Indicator.objects.get(code=code),
        period=period,
        scope=scope,
        value=D(value),
        source_name=source,
        source_url=url,
        captured_on=date(2024, 7, 15),
        is_demo=demo,
    )


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


def test_indicator_page_shows_latest_value_against_target_with_source_and_chart(client):
    add_result("3.a.2", "2024-Q1", "94,0".replace(",", "."))
    add_result("3.a.2", "2024-Q2", "96.5")
    page = html(client, INDICATOR_URL)
    assert "96,5%" in page and "Quý II/2024" in page
    assert "95% – 100%" in page
    assert 'class="status status-met"' in page and "✓" in page and "Đạt" in page
    assert 'href="https://dichvucong.gov.vn/"' in page and "thu thập ngày 15/07/2024" in page
    assert "<svg" in page and 'role="img"' in page and "<script" not in page.split("<svg", 1)[1].split("</svg>")[0]
    assert "<caption>Kết quả chỉ tiêu 3.a.2 qua các kỳ</caption>" in page
    assert "Dữ liệu minh họa" not in page


def test_per_level_indicator_counts_only_its_own_level(client):
    add_result("7.a.3.2", "2024", "80", scope="commune" if False else "district")
    Result.objects.create(
        indicator=Indicator.objects.get(code="7.a.3.3"),
        period="2024",
        scope="commune",
        value=D("60"),
        source_name="Báo cáo",
        captured_on=date(2025, 1, 10),
    )
    page = html(client, PLAN_URL + "chinh-quyen-dien-tu-chinh-quyen-so/chi-tieu/7-a-3-2/")
    assert "status-met" in page and "80%" in page
    page = html(client, PLAN_URL + "chinh-quyen-dien-tu-chinh-quyen-so/chi-tieu/7-a-3-3/")
    assert "status-not_met" in page


def test_missing_data_is_shown_as_missing(client):
    page = html(client, INDICATOR_URL)
    assert "Chưa có số liệu" in page and "0%" not in page.split("Số liệu mới nhất")[1][:300]


def test_demo_figures_are_labelled_everywhere(client):
    add_result("3.a.2", "2024-Q1", "96", demo=True, source="Dữ liệu minh họa – không phải số liệu chính thức", url="")
    for url in (
        INDICATOR_URL,
        AREA_URL,
        PLAN_URL + "tien-do/",
        "/co-quan/van-phong-ubnd-tinh/",
        "/chu-de/thu-tuc-hanh-chinh/",
    ):
        page = html(client, url)
        assert "Dữ liệu minh họa" in page, url
    rows = list(csv.DictReader(io.StringIO(html(client, "/du-lieu/ket-qua.csv").lstrip("\ufeff"))))
    assert rows[0]["du_lieu_minh_hoa"] == "true"


def test_dashboard_counts_filters_and_refuses_unknown_filters(client):
    add_result("3.a.2", "2024", "96")
    add_result("3.a.5", "2024", "50")
    page = html(client, PLAN_URL + "tien-do/")
    assert "Toàn bộ kế hoạch" in page and "Theo lĩnh vực" in page and "Theo cơ quan" in page
    assert "50,0%" in page and "2/38 có số liệu" in page
    page = html(client, PLAN_URL + "tien-do/?linh_vuc=3&trang_thai=not_met")
    assert "3.a.5" in page and "3-a-2/" not in page.split('id="danh-sach"')[1]
    page = html(client, PLAN_URL + "tien-do/?trang_thai=<script>", status=400)
    assert "Bộ lọc không hợp lệ" in page and "<script>" not in page
    html(client, PLAN_URL + "tien-do/?linh_vuc=abc", status=400)


def test_area_and_agency_pages_show_their_rollup(client):
    add_result("3.a.2", "2024", "96")
    TaskProgress.objects.create(
        task=Task.objects.get(code="3.1"), status="done", percent=100, reported_on=date(2024, 3, 1)
    )
    area = html(client, AREA_URL)
    assert "Tiến độ của lĩnh vực" in area and "10,0%" not in area and "100,0%" in area
    assert "1/10 có số liệu" in area
    assert "status-done" in area
    agency = html(client, "/co-quan/van-phong-ubnd-tinh/")
    assert "1/10 có số liệu" in agency


def test_method_page_explains_every_status(client):
    page = html(client, "/cach-tinh-tien-do/")
    for words in (
        "Có nguy cơ không đạt",
        "Chưa có số liệu",
        "Chậm cập nhật số liệu",
        "Quá hạn",
        "không bao giờ coi thiếu số liệu là 0%",
    ):
        assert words in page


def test_open_data_csv_and_json_follow_the_schema(client):
    add_result("3.a.2", "2024-Q1", "95.5")
    docs = html(client, "/du-lieu/")
    indicators_csv = list(csv.DictReader(io.StringIO(html(client, "/du-lieu/chi-tieu.csv").lstrip("\ufeff"))))
    assert len(indicators_csv) == 38
    assert all(f"<code>{field}</code>" in docs for field in indicators_csv[0])
    row = next(r for r in indicators_csv if r["ma"] == "3.a.2")
    assert (row["loai_muc_tieu"], row["muc_tieu"], row["muc_tieu_toi_da"]) == ("between", "95", "100")
    assert row["duong_dan"].endswith(INDICATOR_URL)
    data = json.loads(html(client, "/du-lieu/ket-qua.json"))
    assert data["data"] == [
        {
            "ma_chi_tieu": "3.a.2",
            "ky": "2024-Q1",
            "cap": "",
            "gia_tri": "95.5",
            "hoan_thanh": "",
            "ghi_chu": "",
            "nguon": "Cổng Dịch vụ công quốc gia",
            "duong_dan_nguon": "https://dichvucong.gov.vn/",
            "ngay_thu_thap": "2024-07-15",
            "du_lieu_minh_hoa": False,
        }
    ]
    assert json.loads(html(client, "/du-lieu/chi-tieu.json"))["data"][0]["ma"]
    html(client, "/du-lieu/ket-qua.xml", status=404)


def test_unpublished_indicators_stay_out_of_open_data(client):
    Indicator.objects.filter(code="3.a.2").update(live=False)
    add_result("3.a.2", "2024-Q1", "95.5")
    assert "3.a.2" not in html(client, "/du-lieu/chi-tieu.csv")
    assert json.loads(html(client, "/du-lieu/ket-qua.json"))["data"] == []


def test_wagtail_api_lists_published_pages(client):
    data = json.loads(html(client, "/api/v2/pages/?limit=100"))
    slugs = {item["meta"]["slug"] for item in data["items"]}
    assert {"cchc-2024", "cai-cach-thu-tuc-hanh-chinh", "phu-luc"} <= slugs


def test_demo_loader_is_idempotent_and_never_overwrites_a_real_figure():
    real = add_result("3.a.2", "2024-01", "88")
    call_command("load_demo_results", stdout=io.StringIO())
    count = Result.objects.count()
    assert count > 33 and Result.objects.filter(is_demo=False).count() == 1
    assert Result.objects.exclude(pk=real.pk).filter(is_demo=False).count() == 0
    real.refresh_from_db()
    assert real.value == 88 and not real.is_demo
    assert TaskProgress.objects.filter(is_demo=True).count() == Task.objects.count()
    call_command("load_demo_results", stdout=io.StringIO())
    assert Result.objects.count() == count and TaskProgress.objects.count() == Task.objects.count()


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", [PLAN_URL + "tien-do/", INDICATOR_URL, AREA_URL, "/co-quan/van-phong-ubnd-tinh/", "/du-lieu/ket-qua.csv"]
)
def test_query_counts_do_not_grow_with_results(client, url):
    add_result("3.a.2", "2024-01", "90")
    TaskProgress.objects.create(task=Task.objects.get(code="3.1"), status="in_progress", percent=20)
    before = count_queries(client, url)
    for month in range(2, 13):
        add_result("3.a.2", f"2024-{month:02d}", "96")
        for indicator in Indicator.objects.exclude(code="3.a.2")[:10]:
            add_result(
                indicator.code,
                f"2024-{month:02d}",
                "50" if indicator.comparator != "done" else "1",
                scope=indicator.level,
            )
    for task in Task.objects.all()[:20]:
        TaskProgress.objects.create(task=task, status="in_progress", percent=50)
    assert count_queries(client, url) == before
