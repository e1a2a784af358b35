"""E-mails read Vietnamese, and their links start with the site's configured address
(WAGTAILADMIN_BASE_URL), never with the development default."""

import io
import re
from datetime import date
from decimal import Decimal as D

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowState

from plan.models import Agency, AreaPage, Indicator, Result, Task
from tests.admin_i18n.visible import english_in_text
from tests.plan.test_roles_workflow import area_edit_data
from tests.plan.worker import upload_and_check

pytestmark = pytest.mark.django_db

SITE = "https://cchc.example.gov.vn"


def links(message):
    return re.findall(r"https?://[^\s\"'<>]+", message.body)


def assert_vietnamese_with_site_links(message):
    assert english_in_text(message.subject) == [], message.subject
    assert english_in_text(message.body) == [], message.body
    assert links(message), message.body
    assert all(link.startswith(SITE + "/") for link in links(message)), links(message)
    assert "127.0.0.1" not in message.body and ":8000" not in message.body


def test_workflow_emails_are_vietnamese_and_link_to_the_configured_site(client, roles, settings):
    settings.WAGTAILADMIN_BASE_URL = SITE
    area = AreaPage.objects.get(number=3)
    client.force_login(roles["editor"])
    client.post(reverse("wagtailadmin_pages:edit", args=[area.pk]), area_edit_data(area, " (sửa)", "action-submit"))
    submitted = [m for m in mail.outbox if "nguoiduyet@example.org" in m.to]
    assert submitted, [m.subject for m in mail.outbox]
    message = submitted[0]
    assert "đã được gửi duyệt" in message.subject and area.title in message.subject
    assert message.body.startswith("Kính gửi ")
    assert_vietnamese_with_site_links(message)
    assert f"{SITE}/admin/pages/{area.pk}/edit/" in message.body

    # The reviewer asks for changes: the editor hears of it, in Vietnamese.
    mail.outbox.clear()
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(area.pk))
    client.force_login(roles["reviewer"])
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[area.pk, "reject", state.current_task_state.pk]),
        {"comment": "Cần bổ sung nguồn"},
    )
    to_editor = [m for m in mail.outbox if "vanphong@example.org" in m.to]
    assert to_editor, [m.subject for m in mail.outbox]
    assert "trả lại để sửa đổi" in to_editor[0].subject
    assert "Cần bổ sung nguồn" in to_editor[0].body
    assert_vietnamese_with_site_links(to_editor[0])


def test_a_results_file_for_review_is_announced_with_a_link_to_the_configured_site(client, roles, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.WAGTAILADMIN_BASE_URL = SITE + "/"  # a trailing slash gives no "//"
    client.force_login(roles["editor"])
    upload = SimpleUploadedFile(
        "ket-qua.csv", "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n3.a.2;2024-Q1;97,3 %;Cổng DVC;15/04/2024\n".encode()
    )
    response = upload_and_check(client, "/admin/ket-qua/nhap/", {"file": upload})
    client.post(response.wsgi_request.path)  # send the checked file for review
    message = next(m for m in mail.outbox if "nguoiduyet@example.org" in m.to)
    assert f"{SITE}/admin/ket-qua/cho-duyet/" in message.body and "//admin" not in message.body


@time_machine.travel(date(2024, 5, 10), tick=False)
def test_reminders_link_to_the_configured_site(roles, settings):
    settings.WAGTAILADMIN_BASE_URL = SITE
    office = Agency.objects.get(code="van-phong-ubnd-tinh")
    office.contact_email = "vp@haiduong.gov.vn"
    office.save()
    Indicator.objects.filter(code="3.a.5").update(frequency="monthly")
    Result.objects.create(
        indicator=Indicator.objects.get(code="3.a.5"),
        period="2024-01",
        value=D(90),
        source_name="N",
        captured_on=date(2024, 5, 1),
    )
    Task.objects.filter(code="3.2").update(due_date=date(2024, 4, 30))
    call_command("remind_due", stdout=io.StringIO())
    message = next(m for m in mail.outbox if "vp@haiduong.gov.vn" in m.to)
    assert f"{SITE}/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/nhiem-vu/3-2/" in message.body
    assert_vietnamese_with_site_links(message)
