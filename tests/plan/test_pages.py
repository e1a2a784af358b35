import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from plan.models import Agency, AppendixPage, AreaPage, Indicator, PlanIndexPage, PlanPage, Task, Topic, UpdatePage
from reports.models import PeriodReportPage

pytestmark = pytest.mark.django_db

PLAN_URL = "/ke-hoach/cchc-2024/"
AREA_URL = PLAN_URL + "cai-cach-thu-tuc-hanh-chinh/"


class PageTypeTests(WagtailPageTestCase):
    def test_parents_and_children(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {PlanIndexPage})
        self.assertAllowedParentPageTypes(PlanIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PlanIndexPage, {PlanPage})
        self.assertAllowedParentPageTypes(PlanPage, {PlanIndexPage})
        self.assertAllowedSubpageTypes(PlanPage, {AreaPage, AppendixPage, UpdatePage, PeriodReportPage})
        self.assertAllowedParentPageTypes(UpdatePage, {PlanPage})
        self.assertAllowedSubpageTypes(UpdatePage, set())
        self.assertAllowedParentPageTypes(AreaPage, {PlanPage})
        self.assertAllowedSubpageTypes(AreaPage, set())
        self.assertAllowedParentPageTypes(AppendixPage, {PlanPage})
        self.assertAllowedSubpageTypes(AppendixPage, set())

    def test_wrong_parents_are_refused(self):
        self.assertCanNotCreateAt(HomePage, AreaPage)
        self.assertCanNotCreateAt(PlanPage, PlanPage)
        self.assertCanNotCreateAt(AreaPage, AreaPage)
        self.assertCanNotCreateAt(PlanIndexPage, AreaPage)

    def test_every_page_is_renderable(self):
        for page in Page.objects.live().exclude(depth=1).specific():
            self.assertPageIsRenderable(page)


def test_urls_are_readable_vietnamese_slugs():
    assert AreaPage.objects.get(number=3).url == AREA_URL
    assert AppendixPage.objects.get().url == PLAN_URL + "phu-luc/"
    assert Task.objects.get(code="3.4").get_url() == AREA_URL + "nhiem-vu/3-4/"
    assert Indicator.objects.get(code="3.a.4.1").get_url() == AREA_URL + "chi-tieu/3-a-4-1/"


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def test_layout_is_accessible(client):
    html = get_html(client, PLAN_URL)
    assert '<html lang="vi">' in html
    assert 'class="skip-link" href="#noi-dung"' in html
    assert '<main id="noi-dung"' in html
    assert 'role="banner"' in html and 'role="contentinfo"' in html
    assert html.count("<h1") == 1
    assert 'aria-label="Đường dẫn"' in html


def test_plan_page_has_heading_toc_and_sections(client):
    html = get_html(client, PLAN_URL)
    # the draft's blanks are quoted as such, never printed as the heading's number and date
    assert "Bản dự thảo ghi “Số: /KH-UBND” và “Hải Dương, ngày tháng 12 năm 2023”" in html
    assert "<p>Số: /KH-UBND</p>" not in html
    assert 'aria-labelledby="muc-luc"' in html
    for anchor in ("#can-cu", "#muc-dich-yeu-cau", "#chi-tieu-nhiem-vu", "#kinh-phi", "#to-chuc-thuc-hien"):
        assert f'href="{anchor}"' in html
    for area in AreaPage.objects.all():
        assert f'href="{area.url}"' in html
    assert "Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021" in html
    assert 'href="/co-quan/so-noi-vu/"' in html


def test_area_page_lists_indicators_and_tasks(client):
    html = get_html(client, AREA_URL)
    assert "Phấn đấu từ 95% -100% số hồ sơ TTHC" in html
    assert "95% – 100%" in html
    assert "≤ 15 phút" in html
    assert "Xây dựng Kế hoạch Kiểm soát TTHC" in html
    assert html.count('href="/co-quan/van-phong-ubnd-tinh/"') >= 9
    assert "Suy ra: theo mục IV “Tổ chức thực hiện”, nơi giao trách nhiệm lĩnh vực 3" in html
    assert "Suy ra, không phải nguyên văn Kế hoạch" in html


def test_indicator_and_task_pages(client):
    html = get_html(client, AREA_URL + "chi-tieu/3-a-8-2/")
    assert "≤ 15 phút" in html and "Nguyên văn trong Kế hoạch" in html
    assert "Giảm thời gian chờ đợi" in html
    html = get_html(client, AREA_URL + "nhiem-vu/3-1/")
    assert "Xây dựng Kế hoạch Kiểm soát TTHC" in html
    assert "Văn phòng UBND tỉnh" in html


def test_agency_page_shows_duties_tasks_and_indicators(client):
    html = get_html(client, "/co-quan/so-noi-vu/")
    assert "Trực tiếp theo dõi, tham mưu, chịu trách nhiệm về kết quả các chỉ số thành phần" in html
    assert "Công tác chỉ đạo, điều hành cải cách hành chính" in html
    for code in ("1.1", "4.1", "5.7"):
        assert Task.objects.get(code=code).get_url() in html
    assert Indicator.objects.get(code="5.a.1").get_url() in html
    assert "/nhiem-vu/3-1/" not in html


def test_topic_page_lists_its_tasks_and_indicators(client):
    topic = Topic.objects.get(slug="thanh-toan-truc-tuyen")
    html = get_html(client, "/chu-de/thanh-toan-truc-tuyen/")
    for task in topic.tasks.all():
        assert task.get_url() in html
    for indicator in topic.indicators.all():
        assert indicator.get_url() in html
    assert topic.indicators.filter(code="3.a.4.1").exists()


def test_appendix_table_is_built_from_the_tasks(client):
    html = get_html(client, PLAN_URL + "phu-luc/")
    assert html.count('<th scope="row" data-label="STT">') == Task.objects.count()
    for heading in ("Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"):
        assert f'<th scope="col">{heading}</th>' in html
    assert "Thường xuyên" in html


def test_lists_home_agencies_topics(client):
    assert PLAN_URL in get_html(client, "/")
    assert "/co-quan/so-tu-phap/" in get_html(client, "/co-quan/")
    assert "/chu-de/mot-cua/" in get_html(client, "/chu-de/")
    assert Agency.objects.count() >= 13


@pytest.mark.parametrize(
    "url",
    [
        AREA_URL + "nhiem-vu/99-99/",
        AREA_URL + "chi-tieu/khong-co/",
        "/co-quan/khong-co/",
        "/chu-de/khong-co/",
        "/ke-hoach/khong-co/",
        "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/nhiem-vu/3.4/",
    ],
)
def test_wrong_urls_give_a_vietnamese_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_unpublished_content_stays_hidden(client):
    area = AreaPage.objects.get(number=3)
    indicator = Indicator.objects.get(code="3.a.1")
    indicator.live = False
    indicator.save()
    assert client.get(indicator.get_url()).status_code == 404
    assert "3.a.1" not in get_html(client, AREA_URL)
    area.unpublish()
    assert client.get(AREA_URL).status_code == 404
    assert Task.objects.get(code="3.4").get_url() not in get_html(client, "/co-quan/van-phong-ubnd-tinh/")
