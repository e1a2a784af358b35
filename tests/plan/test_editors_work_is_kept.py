"""What editors publish in the admin is the truth once the site runs: neither the
start-up sequence of ./scripts/run.sh (manage.py start_site) nor load_plan, in either
mode, overwrites it; only an explicit --force on that object does."""

import io

import pytest
from django.core.management import call_command

from plan.content.edits import UPDATE
from plan.content.loader import load_plan
from plan.content.plan_data import read_plan_file
from plan.models import AreaPage, Indicator, PlanPage, Task
from tests import builders

pytestmark = pytest.mark.django_db

AREA_KEY = "areapage:/home/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"


@pytest.fixture
def edited(django_user_model):
    """A page, a task and an indicator, each edited and published by an editor."""
    editor = django_user_model.objects.create_superuser("bien-tap-vien", "btv@example.org", "mat-khau")
    plan = PlanPage.objects.get(slug="cchc-2024")
    plan.subtitle = "Trích yếu do biên tập viên sửa"
    plan.save_revision(user=editor).publish(user=editor)

    area = AreaPage.objects.get(slug="cai-cach-thu-tuc-hanh-chinh")
    tasks = list(area.tasks.all())
    for task in tasks:
        if task.code == "3.4":
            task.text = "Nhiệm vụ 3.4 do biên tập viên viết lại."
    area.tasks = tasks
    area.save_revision(user=editor).publish(user=editor)

    indicator = Indicator.objects.get(code="3.a.2")
    indicator.statement = "Chỉ tiêu do biên tập viên sửa."
    indicator.save_revision(user=editor).publish(user=editor)
    return editor


def assert_edits_kept():
    assert PlanPage.objects.get(slug="cchc-2024").subtitle == "Trích yếu do biên tập viên sửa"
    assert Task.objects.get(code="3.4").text == "Nhiệm vụ 3.4 do biên tập viên viết lại."
    assert Indicator.objects.get(code="3.a.2").statement == "Chỉ tiêu do biên tập viên sửa."


def test_the_start_up_sequence_and_every_load_keep_the_edits(edited):
    out = io.StringIO()
    call_command("start_site", stdout=out)  # what ./scripts/run.sh runs on every start
    assert_edits_kept()
    call_command("load_plan", stdout=out)
    assert_edits_kept()
    call_command("load_plan", "--update", stdout=out)
    assert_edits_kept()
    assert "đã được sửa trong trang quản trị: giữ nguyên" in out.getvalue()
    assert "indicator:3.a.2" in out.getvalue() and "statement" in out.getvalue()


def test_a_pending_draft_is_not_overwritten_either():
    editor = builders.reviewer()
    indicator = Indicator.objects.get(code="3.a.5")
    indicator.statement = "Bản nháp chưa xuất bản."
    indicator.save_revision(user=editor)  # draft only: the live row still holds the plan's text
    data = read_plan_file()
    (item,) = [i for area in data["areas"] for i in area["indicators"] if i["code"] == "3.a.5"]
    item["metric"] = "Thước đo mới trong tệp"
    report = load_plan(data, mode=UPDATE)
    (difference,) = [d for d in report.differences if d.key == "indicator:3.a.5"]
    assert difference.edited and not difference.applied
    indicator = Indicator.objects.get(code="3.a.5")
    assert indicator.metric != "Thước đo mới trong tệp"
    assert indicator.latest_revision.content["statement"] == "Bản nháp chưa xuất bản."


def test_force_overwrites_only_the_object_named(edited):
    out = io.StringIO()
    call_command("load_plan", "--update", "--force", "indicator:3.a.2", stdout=out)
    assert Indicator.objects.get(code="3.a.2").statement != "Chỉ tiêu do biên tập viên sửa."
    assert Task.objects.get(code="3.4").text == "Nhiệm vụ 3.4 do biên tập viên viết lại."
    assert "indicator:3.a.2: đã cập nhật theo tệp" in out.getvalue()


def test_force_needs_update_mode():
    with pytest.raises(Exception, match="--force chỉ dùng cùng --update"):
        call_command("load_plan", "--force", "indicator:3.a.2", stdout=io.StringIO())
