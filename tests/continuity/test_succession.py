"""Agencies that merge: the succession entered in the admin (who entered it is kept
and shown as the fact's origin), the agency pages, reports and reminders that go to
the successor, and the notice on every page of a plan whose issuing body joined
another. The decision numbers below are invented for the tests."""

from datetime import date

import pytest
from django.urls import reverse

from plan.content.continuity import answering_agency
from plan.editorial import access
from plan.editorial.reminders import reminders_by_agency
from plan.models import Agency, AgencySuccession, Indicator, Task
from tests.builders import editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def science():
    return Agency.objects.create(code="so-khoa-hoc-va-cong-nghe", name="Sở Khoa học và Công nghệ")


@pytest.fixture
def merged(science):
    return AgencySuccession.objects.create(
        predecessor=Agency.objects.get(code="so-thong-tin-va-truyen-thong"),
        successor=science,
        effective_from=date(2025, 3, 1),
        decision_number="99/TEST-HĐND",
        decision_date=date(2025, 2, 20),
        decision_issuer="Hội đồng nhân dân tỉnh (thử nghiệm)",
        decision_url="https://example.org/quyet-dinh-thu-nghiem",
    )


def test_a_reviewer_enters_a_succession_in_the_admin_and_is_recorded_as_its_author(admin_client, science):
    url = reverse("wagtailsnippets_plan_agencysuccession:add")
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "predecessor": Agency.objects.get(code="so-ke-hoach-va-dau-tu").pk,
            "successor": Agency.objects.get(code="so-tai-chinh").pk,
            "kind": "merged",
            "effective_from": "2025-03-01",
        },
    )
    assert response.status_code == 302
    succession = AgencySuccession.objects.get()
    assert succession.entered_by.username == "quantri"


def test_a_succession_onto_itself_is_refused_with_a_vietnamese_message(admin_client):
    agency = Agency.objects.get(code="so-tai-chinh")
    url = reverse("wagtailsnippets_plan_agencysuccession:add")
    response = admin_client.post(
        url, {"predecessor": agency.pk, "successor": agency.pk, "kind": "merged", "effective_from": "2025-03-01"}
    )
    assert response.status_code == 200
    assert "Cơ quan kế tục phải khác cơ quan trước." in response.content.decode()
    assert not AgencySuccession.objects.exists()


def test_the_merged_agency_page_says_what_became_of_it_with_its_source(client, merged):
    html = client.get("/co-quan/so-thong-tin-va-truyen-thong/").content.decode()
    assert "Cơ quan đã được sắp xếp lại." in html
    assert 'href="/co-quan/so-khoa-hoc-va-cong-nghe/"' in html
    assert "01/03/2025" in html
    assert "https://example.org/quyet-dinh-thu-nghiem" in html and "99/TEST-HĐND" in html
    assert "Theo văn bản: văn bản số 99/TEST-HĐND ngày 20/02/2025" in html
    successor_html = client.get("/co-quan/so-khoa-hoc-va-cong-nghe/").content.decode()
    assert 'href="/co-quan/so-thong-tin-va-truyen-thong/"' in successor_html
    assert "cơ quan kế tục: Sở Khoa học và Công nghệ" in client.get("/co-quan/").content.decode()


def test_a_succession_without_a_decision_shows_it_is_an_editors_entry(client, science):
    AgencySuccession.objects.create(
        predecessor=Agency.objects.get(code="so-ke-hoach-va-dau-tu"),
        successor=Agency.objects.get(code="so-tai-chinh"),
        effective_from=date(2025, 3, 1),
    )
    html = client.get("/co-quan/so-ke-hoach-va-dau-tu/").content.decode()
    assert "Do biên tập viên đặt: nhập trong trang quản trị; chưa có văn bản nguồn" in html


def test_tasks_keep_the_agency_of_their_year(client, merged):
    task = Task.objects.filter(lead_agency__code="so-thong-tin-va-truyen-thong").first()
    html = client.get(task.get_url()).content.decode()
    assert "Sở Thông tin và Truyền thông" in html
    task.refresh_from_db()
    assert task.lead_agency.code == "so-thong-tin-va-truyen-thong"


def test_the_successor_reports_for_the_merged_agency_from_the_date(merged, science):
    user = editor(science)
    merged_tasks = Task.objects.filter(lead_agency=merged.predecessor)
    assert merged_tasks.exists()
    assert set(merged_tasks) <= set(access.editable_tasks(user))
    assert set(Indicator.objects.filter(responsible_agency=merged.predecessor)) <= set(access.editable_indicators(user))
    assert not access.editable_tasks(editor(Agency.objects.get(code="so-tu-phap"))).filter(
        lead_agency=merged.predecessor
    )
    assert answering_agency(merged.predecessor, date(2025, 2, 28)) == merged.predecessor
    assert answering_agency(merged.predecessor, date(2025, 3, 1)) == science


def test_reminders_for_a_merged_agency_go_to_its_successor(merged, science):
    grouped = reminders_by_agency(date(2026, 2, 1))
    assert merged.predecessor.pk not in grouped
    assert science.pk in grouped
    codes = {row.indicator.code for _reminder, row in grouped[science.pk].indicators}
    assert codes & set(Indicator.objects.filter(responsible_agency=merged.predecessor).values_list("code", flat=True))


@pytest.fixture
def province_joined():
    city = Agency.objects.create(code="ubnd-thanh-pho-hai-phong", name="Ủy ban nhân dân thành phố Hải Phòng")
    return AgencySuccession.objects.create(
        predecessor=Agency.objects.get(name="Ủy ban nhân dân tỉnh Hải Dương"),
        successor=city,
        effective_from=date(2025, 7, 1),
    )


@pytest.mark.parametrize(
    "path",
    [
        "/ke-hoach/cchc-2024/",
        "/ke-hoach/cchc-2024/cai-cach-the-che/",
        "/ke-hoach/cchc-2024/cai-cach-the-che/nhiem-vu/2-1/",
        "/ke-hoach/cchc-2024/cai-cach-the-che/chi-tieu/2-a-1/",
        "/ke-hoach/cchc-2024/tien-do/",
        "/ke-hoach/cchc-2024/phu-luc/",
    ],
)
def test_every_page_of_a_hai_duong_plan_says_the_province_joined_hai_phong(client, province_joined, path):
    html = client.get(path).content.decode()
    notice = "Từ ngày 01/07/2025, Ủy ban nhân dân tỉnh Hải Dương sáp nhập vào Ủy ban nhân dân thành phố Hải Phòng."
    assert notice in html
    assert "Do biên tập viên đặt" in html  # no decision in the project's sources: the editor's entry, shown so


def test_pages_outside_a_plan_carry_no_plan_notice(client, province_joined):
    assert "Thay đổi về địa giới" not in client.get("/co-quan/").content.decode()
