"""A fresh site has a working review path (issue 23): nobody is in the reviewers'
group yet, so the administrator hears of an agency's file sent for review, by an
e-mail whose link opens the file's review screen; the dashboard says the group is
empty; once a reviewer is named, the notice goes to them instead."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from plan.editorial.roles import REVIEWERS, editor_group_name
from plan.models import Agency, ImportBatch, SiteIdentity
from tests.plan.worker import upload_and_check

pytestmark = pytest.mark.django_db

SITE = "https://cchc.example.gov.vn"
FILE = "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n3.a.2;2024-Q1;97,3 %;Cổng DVC;15/04/2024\n"


@pytest.fixture
def fresh_site(django_user_model, settings, tmp_path):
    """The site as `start_site` leaves it: roles synced, one administrator, no reviewer."""
    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    settings.WAGTAILADMIN_BASE_URL = SITE
    call_command("sync_roles", stdout=io.StringIO())
    call_command("create_admin", email="quantri@haiduong.gov.vn", stdout=io.StringIO())
    assert not Group.objects.get(name=REVIEWERS).user_set.exists()
    editor = django_user_model.objects.create_user("vanphong", "vanphong@example.org", "mat-khau-dai-123")
    editor.groups.add(Group.objects.get(name=editor_group_name(Agency.objects.get(code="van-phong-ubnd-tinh"))))
    return {"admin": django_user_model.objects.get(username="quantri"), "editor": editor}


def send_for_review(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("ket-qua-quy-1.csv", FILE.encode())
    batch_page = upload_and_check(client, "/admin/ket-qua/nhap/", {"file": upload})
    assert batch_page.status_code == 200
    client.post(batch_page.wsgi_request.path)
    return ImportBatch.objects.get(file_name="ket-qua-quy-1.csv")


def link_in(message):
    return re.search(r"https?://\S+", message.body).group()


def test_the_administrator_hears_of_a_file_for_review_on_a_fresh_site(client, fresh_site):
    batch = send_for_review(client, fresh_site["editor"])
    assert batch.status == "pending"
    to_admin = [m for m in mail.outbox if "quantri@haiduong.gov.vn" in m.to]
    assert len(to_admin) == 1, [(m.subject, m.to) for m in mail.outbox]
    link = link_in(to_admin[0])
    assert link == f"{SITE}{reverse('plan_results_review', args=[batch.pk])}"
    # The link works: the administrator opens the file's review screen from it.
    client.force_login(fresh_site["admin"])
    page = client.get(link.removeprefix(SITE))
    assert page.status_code == 200
    assert "ket-qua-quy-1.csv" in page.content.decode() and "Duyệt và xuất bản" in page.content.decode()


def test_the_dashboard_warns_while_the_review_group_is_empty(client, fresh_site, django_user_model):
    client.force_login(fresh_site["admin"])
    dashboard = client.get("/admin/").content.decode()
    assert "Trang cần hoàn thiện" in dashboard and REVIEWERS in dashboard
    # The editor, who cannot name reviewers, is not shown the warning.
    client.force_login(fresh_site["editor"])
    assert "Trang cần hoàn thiện" not in client.get("/admin/").content.decode()

    reviewer = django_user_model.objects.create_user("nguoiduyet", "nguoiduyet@example.org", "mat-khau-dai-123")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.contact_email, identity.contact_address = "cchc@haiduong.gov.vn", "Số 45 Quang Trung, TP Hải Dương"
    identity.save()
    client.force_login(fresh_site["admin"])
    assert "Trang cần hoàn thiện" not in client.get("/admin/").content.decode()

    # A named reviewer now hears of a file; the administrator no longer does.
    mail.outbox.clear()
    send_for_review(client, fresh_site["editor"])
    assert [m.to for m in mail.outbox] == [["nguoiduyet@example.org"]]


def test_the_submitter_hears_of_the_decision_with_a_link(client, fresh_site):
    batch = send_for_review(client, fresh_site["editor"])
    mail.outbox.clear()
    client.force_login(fresh_site["admin"])
    client.post(reverse("plan_results_review", args=[batch.pk]), {"decision": "reject", "comment": "Thiếu nguồn"})
    message = next(m for m in mail.outbox if "vanphong@example.org" in m.to)
    assert link_in(message) == f"{SITE}{reverse('plan_results_batch', args=[batch.pk])}"
    client.force_login(fresh_site["editor"])
    assert client.get(link_in(message).removeprefix(SITE)).status_code == 200


def test_the_contact_line_is_filled_at_set_up_and_never_over_an_edit():
    from plan.content.site_address import fill_contact

    assert fill_contact() == ["contact_email", "contact_address"]
    assert fill_contact("cchc@haiduong.gov.vn", "") == ["contact_address"]
    assert fill_contact("khac@haiduong.gov.vn", "Số 45 Quang Trung") == []
    identity = SiteIdentity.objects.get()
    assert identity.contact_email == "cchc@haiduong.gov.vn"  # kept, not overwritten
    identity.contact_email = ""
    identity.save()
    with pytest.raises(ValidationError):
        fill_contact("khong-phai-thu", "")
    assert SiteIdentity.objects.get().contact_email == ""
