"""An editor's change of the plan's wording (a task's text, an indicator's wording or
target) is marked as the editor's wherever it is shown, keeps the plan's original one
click away, and cannot be published without a public reason."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from plan.content.provenance import TASK_FACTS, reasons_missing, task_provenance
from plan.models import AreaPage, Indicator, Task
from plan.vocabulary import FactOrigin
from tests.plan.admin_forms import area_edit_form, indicator_edit_form

NEW_TEXT = "Thực hiện đánh giá của người dân, doanh nghiệp đối với 100% thủ tục hành chính."
REASON = "Theo chỉ đạo của Văn phòng UBND tỉnh ngày 02/5/2024, mở rộng phạm vi đánh giá."


def test_a_changed_wording_needs_a_reason_and_keeps_the_original():
    loaded = {"text": "Nguyên văn.", "output": "", "lead_agency": "a", "lead_agency_derived": False}
    current = {**loaded, "text": "Bản sửa."}
    assert reasons_missing(current, loaded, TASK_FACTS, "") == ["nội dung nhiệm vụ"]
    assert reasons_missing(current, loaded, TASK_FACTS, "  Lý do.  ") == []
    assert reasons_missing(dict(loaded), loaded, TASK_FACTS, "") == []
    fact = task_provenance(current, loaded, 3, "3.9", "Nguyễn Văn A", None, "Lý do.")["text"]
    assert fact.origin == FactOrigin.EDITOR and fact.original == "Nguyên văn." and "lý do: Lý do." in fact.text
    assert task_provenance(loaded, loaded, 3, "3.9")["text"].origin == FactOrigin.QUOTED


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_a_task_edited_in_the_admin_is_the_editors_with_its_reason_and_original(admin_client, client):
    area = AreaPage.objects.get(number=3)
    original = area.tasks.get(code="3.9").text
    url = reverse("wagtailadmin_pages:edit", args=[area.pk])
    refused = admin_client.post(url, area_edit_form(area, {"3.9": {"text": NEW_TEXT}}))
    assert refused.status_code == 200 and "hãy ghi lý do sửa" in refused.content.decode()
    assert Task.objects.get(code="3.9").text == original, "nothing changes without a reason"

    accepted = admin_client.post(url, area_edit_form(area, {"3.9": {"text": NEW_TEXT, "change_reason": REASON}}))
    assert accepted.status_code == 302
    task = Task.objects.get(code="3.9")
    assert task.text == NEW_TEXT

    detail = page(client, task.get_url())
    mark = detail.select_one(".edited-fact")
    assert mark is not None and REASON in mark.get_text() and "Đã sửa so với nguyên văn Kế hoạch" in mark.get_text()
    assert mark.select_one("details summary").get_text(strip=True) == "Xem nguyên văn Kế hoạch"
    assert mark.select_one("details blockquote").get_text(strip=True) == original
    untouched = page(client, Task.objects.get(code="3.8").get_url())
    assert untouched.select_one(".edited-fact") is None

    rows = page(client, area.url).select("tbody tr")
    row = next(tr for tr in rows if tr.th and tr.th.get_text(strip=True) == "3.9")
    cell = row.select_one("td.cell-name")
    assert NEW_TEXT in cell.get_text() and REASON in cell.select_one("sup a")["title"]


@pytest.mark.django_db
def test_a_target_read_anew_needs_a_reason_and_shows_the_reading_it_replaces(admin_client, client):
    indicator = Indicator.objects.get(code="3.a.2")
    url = reverse("wagtailsnippets_plan_indicator:edit", args=[indicator.pk])
    changed = {"comparator": "at_least", "target_value": "95", "target_value_max": ""}
    refused = admin_client.post(url, indicator_edit_form(indicator, **changed))
    assert refused.status_code == 200 and "cách đọc mục tiêu" in refused.content.decode()
    indicator.refresh_from_db()
    assert indicator.comparator == "between"

    reason = "Sở Nội vụ hướng dẫn đọc mục tiêu là mức tối thiểu."
    accepted = admin_client.post(url, indicator_edit_form(indicator, change_reason=reason, **changed))
    assert accepted.status_code == 302
    detail = page(client, Indicator.objects.get(code="3.a.2").get_url())
    target = detail.select_one("dd.target")
    assert reason in target.get_text() and "≥ 95%" in target.get_text()
    assert target.select_one("details").get_text(" ", strip=True).endswith("95% – 100%")
