import copy
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision

from plan.content.edits import UPDATE
from plan.content.loader import load_plan
from plan.content.plan_data import PlanDataError, read_plan_file
from plan.models import Agency, ImplementationSection, Indicator, Task, Topic

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "tasks": sorted(Task.objects.values_list("pk", "code", "text")),
        "indicators": sorted(Indicator.objects.values_list("pk", "code", "statement")),
        "agencies": Agency.objects.count(),
        "topics": Topic.objects.count(),
        "sections": ImplementationSection.objects.count(),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count() + ModelLogEntry.objects.count(),
    }


def test_loading_twice_changes_nothing():
    before = snapshot()
    out = io.StringIO()
    call_command("load_plan", stdout=out)
    assert snapshot() == before
    assert "Không có thay đổi" in out.getvalue()


def test_by_default_a_changed_file_only_reports_what_differs():
    data = read_plan_file()
    data["areas"][2]["tasks"][3]["text"] = "Nội dung đã sửa."
    data["areas"][2]["indicators"][1]["target_value"] = 96
    before = snapshot()
    report = load_plan(data)
    assert snapshot() == before
    assert report.updated == [] and report.created == []
    found = {d.key: d for d in report.differences}
    area = found["areapage:/home/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"]
    assert area.fields == {"tasks 3.4 · text": [Task.objects.get(code="3.4").text, "Nội dung đã sửa."]}
    assert found["indicator:3.a.2"].fields == {"target_value": ["95", "96"]}
    assert not any(d.applied for d in report.differences)


def test_update_mode_changes_a_task_in_place_with_one_new_revision():
    data = read_plan_file()
    task = Task.objects.get(code="3.4")
    data["areas"][2]["tasks"][3]["text"] = "Nội dung đã sửa."
    revisions = Revision.objects.count()
    report = load_plan(data, mode=UPDATE)
    assert report.updated == ["areapage:/home/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"]
    assert Revision.objects.count() == revisions + 1
    task.refresh_from_db()
    assert task.text == "Nội dung đã sửa."  # same row: anything that points at the task keeps pointing at it


def test_update_mode_publishes_a_changed_indicator():
    data = read_plan_file()
    data["areas"][2]["indicators"][1]["target_value"] = 96
    report = load_plan(data, mode=UPDATE)
    assert report.updated == ["indicator:3.a.2"]
    indicator = Indicator.objects.get(code="3.a.2")
    assert indicator.target_value == 96
    assert indicator.live_revision == indicator.latest_revision


def test_unknown_references_are_refused_before_anything_is_written():
    data = copy.deepcopy(read_plan_file())
    data["areas"][0]["tasks"][0]["lead_agency"] = "so-khong-co"
    data["areas"][0]["tasks"][1]["topics"] = ["chu-de-la"]
    data["areas"][1]["tasks"][0]["text"] = "Không được ghi."
    before = snapshot()
    with pytest.raises(PlanDataError) as error:
        load_plan(data)
    assert "cơ quan “so-khong-co” không có trong danh sách cơ quan" in str(error.value)
    assert "chủ đề “chu-de-la”" in str(error.value)
    assert snapshot() == before


def test_a_failure_half_way_rolls_everything_back(monkeypatch):
    data = read_plan_file()
    data["areas"][0]["tasks"][0]["text"] = "Sửa trước khi lỗi."
    from plan.content import loader

    def explode(*args, **kwargs):
        raise RuntimeError("lỗi giữa chừng")

    monkeypatch.setattr(loader, "sync_indicator", explode)
    before = snapshot()
    with pytest.raises(RuntimeError):
        load_plan(data)
    assert snapshot() == before


def test_command_reports_a_missing_or_malformed_file(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy tệp dữ liệu"):
        call_command("load_plan", str(tmp_path / "khong-co.yaml"))
    broken = tmp_path / "hong.yaml"
    broken.write_text("plan: [khong dong ngoac", encoding="utf-8")
    with pytest.raises(CommandError, match="không đọc được"):
        call_command("load_plan", str(broken))
    incomplete = tmp_path / "thieu.yaml"
    incomplete.write_text("plan: {}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Thiếu mục “agencies”"):
        call_command("load_plan", str(incomplete))
