"""While the plan's text is an unsigned draft, every public page says so in a banner,
not only the plan page; once the signed text is published, none does."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from plan.models import AppendixPage, AreaPage, Indicator, PlanPage, Task
from plan.vocabulary import DocumentStatus

pytestmark = pytest.mark.django_db


def sample_urls():
    plan = PlanPage.objects.get()
    return [
        "/",
        plan.url,
        plan.url + "tien-do/",
        AreaPage.objects.get(number=3).url,
        Task.objects.get(code="3.9").get_url(),
        Indicator.objects.get(code="3.a.2").get_url(),
        AppendixPage.objects.get().url,
        reverse("plan:agency_list"),
        reverse("plan:agency", args=["so-noi-vu"]),
        reverse("plan:topic_list"),
        reverse("plan:method"),
        reverse("plan:open_data"),
        "/tim-kiem/?q=h%E1%BB%93+s%C6%A1",
    ]


def banners(client):
    found = {}
    for url in sample_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        banner = BeautifulSoup(response.content, "html.parser").select_one(".draft-banner")
        found[url] = banner.get_text(" ", strip=True) if banner else None
    return found


def test_every_page_says_the_text_is_a_draft_until_it_is_signed(client, admin_user):
    plan = PlanPage.objects.get()
    assert plan.document_status == DocumentStatus.DRAFT
    found = banners(client)
    assert all(text and "bản dự thảo, chưa có số và ngày ký" in text for text in found.values()), found

    plan.document_status = DocumentStatus.SIGNED
    plan.save_revision(user=admin_user).publish(user=admin_user)
    assert set(banners(client).values()) == {None}
