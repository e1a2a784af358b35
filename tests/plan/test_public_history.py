"""What changed between published versions is public: the plan, an area, a task and an
indicator show their text and target differences; an indicator shows every correction
of a published figure with its old and new value, when and why."""

from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from plan.content.history import changes, word_diff
from plan.models import AreaPage, Indicator, PlanPage, Result, ResultHistory, Task
from plan.vocabulary import ResultOrigin

pytestmark = pytest.mark.django_db


def history_text(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return " ".join(page.select_one("#thay-doi").find_parent("section").get_text(" ").split()), page


def test_word_diff_marks_removed_and_added_words():
    assert word_diff("95% hồ sơ đúng hạn", "98% hồ sơ đúng hạn") == [
        ("del", "95%"),
        ("ins", "98%"),
        ("same", "hồ sơ đúng hạn"),
    ]


def test_changes_read_agencies_by_name_and_targets_without_zeros():
    before, after = (
        {"target_value": "95.00", "responsible_agency": 1},
        {"target_value": "96.00", "responsible_agency": 2},
    )
    labels = {"target_value": "Giá trị mục tiêu", "responsible_agency": "Cơ quan"}
    found = changes(before, after, labels, {1: "Sở A", 2: "Sở B"})
    assert [(c.label, c.old, c.new) for c in found] == [("Giá trị mục tiêu", "95", "96"), ("Cơ quan", "Sở A", "Sở B")]


def test_a_new_version_of_an_indicator_shows_its_target_difference(client, admin_user):
    indicator = Indicator.objects.get(code="3.a.2")
    text, _ = history_text(client, indicator.get_url())
    assert "Chưa có thay đổi nào" in text
    indicator.target_value = Decimal(96)
    indicator.save_revision(user=admin_user).publish(user=admin_user)
    text, page = history_text(client, indicator.get_url())
    assert "Giá trị mục tiêu 95 96" in text
    assert page.select_one("#thay-doi ~ dl del, .changes del").get_text() == "95"


def test_an_edited_task_and_area_show_their_text_difference(client, admin_user):
    area = AreaPage.objects.get(slug="cai-cach-thu-tuc-hanh-chinh")
    tasks = list(area.tasks.all())
    for task in tasks:
        if task.code == "3.4":
            task.text = task.text + " Bổ sung theo góp ý."
    area.tasks = tasks
    area.heading_as_written = area.heading_as_written + " (sửa)"
    area.save_revision(user=admin_user).publish(user=admin_user)
    task_text, page = history_text(client, Task.objects.get(code="3.4").get_url())
    assert "Nội dung" in task_text and "Bổ sung theo góp ý." in page.select_one(".changes ins").get_text()
    area_text, _ = history_text(client, area.url)
    assert "Tiêu đề" in area_text and "(sửa)" in area_text


def test_the_plan_page_shows_its_changes(client, admin_user):
    plan = PlanPage.objects.get(slug="cchc-2024")
    plan.subtitle = plan.subtitle + " (bản cập nhật)"
    plan.save_revision(user=admin_user).publish(user=admin_user)
    text, _ = history_text(client, plan.url)
    assert "Trích yếu" in text and "(bản cập nhật)" in text


def test_every_correction_of_a_published_figure_is_public(client):
    indicator = Indicator.objects.get(code="3.a.2")
    result = Result.objects.create(
        indicator=indicator, period="2024-Q1", value=Decimal(97), source_name="Nguồn", captured_on=date(2024, 4, 15)
    )
    ResultHistory.objects.create(
        result=result, origin=ResultOrigin.MANUAL, previous_value=Decimal(95), new_value=Decimal(97),
        reason="Cổng Dịch vụ công đính chính số liệu.",
    )  # fmt: skip
    page = BeautifulSoup(client.get(indicator.get_url()).content, "html.parser")
    row = page.select_one("#dinh-chinh").find_parent("section").select_one("tbody tr")
    cells = [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
    assert cells[:3] == ["Quý I/2024", "95%", "97%"] and cells[4] == "Cổng Dịch vụ công đính chính số liệu."


def section_text(soup, section_id):
    return " ".join(soup.select_one(f"#{section_id}").find_parent("section").get_text(" ").split())


def test_a_changed_task_or_indicator_shows_on_its_area_and_plan_pages_and_in_the_log(client, admin_user):
    area = AreaPage.objects.get(slug="cai-cach-thu-tuc-hanh-chinh")
    tasks = list(area.tasks.all())
    for task in tasks:
        if task.code == "3.9":
            task.text += " Bổ sung theo góp ý."
    area.tasks = tasks
    area.save_revision(user=admin_user).publish(user=admin_user)
    indicator = Indicator.objects.get(code="3.a.2")
    indicator.target_value = Decimal(96)
    indicator.save_revision(user=admin_user).publish(user=admin_user)

    _, area_page = history_text(client, area.url)
    area_changes = section_text(area_page, "thay-doi")
    assert "Nhiệm vụ 3.9 · Nội dung" in area_changes and "Bổ sung theo góp ý." in area_changes
    assert "Chỉ tiêu 3.a.2 · Giá trị mục tiêu 95 96" in area_changes
    assert "Chưa có thay đổi nào" not in area_changes

    plan_page = BeautifulSoup(client.get(PlanPage.objects.get().url).content, "html.parser")
    below = section_text(plan_page, "thay-doi-ben-duoi")
    assert "Lĩnh vực 3 · Nhiệm vụ 3.9 · Nội dung" in below and "Lĩnh vực 3" in below
    assert "Chỉ tiêu 3.a.2 · Giá trị mục tiêu" in below
    log = [" ".join(li.get_text(" ").split()) for li in plan_page.select("#lich-su li")]
    assert any(line.endswith("Cải cách thủ tục hành chính: Nhiệm vụ 3.9 · Nội dung") for line in log), log
