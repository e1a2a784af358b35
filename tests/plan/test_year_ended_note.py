"""Once the plan year has ended, an area's task table does not let tasks still marked
“in progress” or “not started” read as on course: a note says the year has ended and
points to the year-end verdict; before the year ends, and once the year is closed (the
tasks then carry their verdicts), there is no such note."""

from datetime import date

import pytest
import time_machine
from bs4 import BeautifulSoup

from plan.models import AreaPage, Task, TaskProgress
from reports.closing import close_year

pytestmark = pytest.mark.django_db


def note_of(client, area):
    soup = BeautifulSoup(client.get(area.url).content, "html.parser")
    note = soup.select_one("#nhiem-vu ~ .year-ended-note")
    return note and " ".join(note.get_text(" ").split()), soup


def area_with_work_under_way():
    area = AreaPage.objects.get(number=3)
    tasks = list(Task.objects.filter(area=area).order_by("sort_order")[:2])
    TaskProgress.objects.create(task=tasks[0], status="in_progress", percent=40, reported_on=date(2024, 9, 30))
    TaskProgress.objects.create(task=tasks[1], status="not_started", reported_on=date(2024, 9, 30))
    return area


def test_after_the_year_the_area_table_says_open_tasks_are_as_last_reported(client):
    area = area_with_work_under_way()
    with time_machine.travel(date(2025, 2, 3)):
        note, soup = note_of(client, area)
    assert note is not None
    open_tasks = Task.objects.filter(area=area, status__in=["in_progress", "not_started"]).count()
    assert open_tasks >= 2
    assert f"Năm Kế hoạch 2024 đã kết thúc. {open_tasks} nhiệm vụ" in note
    assert "không có nghĩa là nhiệm vụ vẫn đúng tiến độ" in note and "đánh giá cuối năm" in note
    links = [a["href"] for a in soup.select(".year-ended-note a")]
    assert area.get_parent().url + "#bao-cao-dinh-ky" in links and "/cach-tinh-tien-do/" in links


def test_no_note_during_the_year(client):
    area = area_with_work_under_way()
    with time_machine.travel(date(2024, 11, 3)):
        note, _soup = note_of(client, area)
    assert note is None


def test_no_note_once_the_year_is_closed_and_tasks_carry_verdicts(client):
    area = area_with_work_under_way()
    close_year(2024, date(2025, 1, 10))
    with time_machine.travel(date(2025, 2, 3)):
        note, soup = note_of(client, area)
    assert note is None and "đã khép lại" in soup.get_text()
