"""The plan page says whether the text is a draft or the signed plan, gives its number
and date when known, and never prints the blanks a draft leaves."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from plan.content.document import date_label, document_heading
from plan.models import PlanPage
from plan.vocabulary import DocumentStatus

PLAN_URL = "/ke-hoach/cchc-2024/"


def test_a_draft_without_number_or_day_reads_as_such():
    heading = document_heading(DocumentStatus.DRAFT, "/KH-UBND", "ngày tháng 12 năm 2023", None)
    assert heading.is_draft and heading.status_label == "Dự thảo"
    assert heading.number == "chưa có số (bản dự thảo)"
    assert heading.date == "tháng 12 năm 2023 (chưa ghi ngày)"
    assert "chưa có số và ngày ký" in heading.notice


def test_a_signed_plan_shows_its_number_and_date():
    heading = document_heading(DocumentStatus.SIGNED, "4012/KH-UBND", "", date(2023, 12, 20))
    assert not heading.is_draft
    assert heading.notice == "Văn bản đã ký ban hành: số 4012/KH-UBND, ngày 20 tháng 12 năm 2023."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ngày 25 tháng 11 năm 2021", "ngày 25 tháng 11 năm 2021"),
        ("ngày   tháng 12 năm 2023", "tháng 12 năm 2023 (chưa ghi ngày)"),
        ("", "chưa ghi ngày"),
    ],
)
def test_date_labels(text, expected):
    assert date_label(text, None) == expected


@pytest.mark.django_db
def test_the_2024_plan_page_says_it_is_a_draft_and_prints_no_blank(client):
    page = BeautifulSoup(client.get(PLAN_URL).content, "html.parser")
    heading = page.select_one(".document-heading").get_text(" ", strip=True)
    assert "Dự thảo." in heading and "chưa có số và ngày ký" in heading
    number_and_date = " ".join(p.get_text(" ", strip=True) for p in page.select(".heading-grid p"))
    assert "/KH-UBND" not in number_and_date and "ngày tháng" not in number_and_date
    assert "Bản dự thảo ghi “Số: /KH-UBND” và “Hải Dương, ngày tháng 12 năm 2023”" in heading


@pytest.mark.django_db
def test_an_editor_records_the_signed_plan(client, admin_user):
    plan = PlanPage.objects.get(slug="cchc-2024")
    plan.document_status = DocumentStatus.SIGNED
    plan.number = "4012/KH-UBND"
    plan.issued_on = date(2023, 12, 20)
    plan.save_revision(user=admin_user).publish(user=admin_user)
    heading = BeautifulSoup(client.get(PLAN_URL).content, "html.parser").select_one(".document-heading")
    text = heading.get_text(" ", strip=True)
    assert "Số: 4012/KH-UBND" in text and "ngày 20 tháng 12 năm 2023" in text
    assert "Dự thảo" not in text
