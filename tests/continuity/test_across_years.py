"""Plans linked across years: the import links the 2025 plan, its tasks and targets to
2024; the plan index, the past-plan banner and an indicator's figures across years."""

from datetime import date
from decimal import Decimal

import pytest

from plan.models import Indicator, PlanPage, Result, Task

pytestmark = pytest.mark.django_db

PLAN_2024 = "/ke-hoach/cchc-2024/"
PLAN_2025 = "/ke-hoach/cchc-2025/"


def test_the_import_report_says_what_is_carried_changed_new_and_dropped(import_report):
    assert "Nhiệm vụ 1.1: giữ nguyên (năm trước: 1.1)." in import_report
    assert "Nhiệm vụ 1.2: thay đổi (năm trước: 1.3)." in import_report
    assert "Nhiệm vụ 1.3: mới." in import_report
    assert "Chỉ tiêu 2.a.1: giữ nguyên (năm trước: 3.a.1)." in import_report
    assert "Chỉ tiêu 2.a.2: thay đổi (năm trước: 3.a.4.1)." in import_report
    assert "Chỉ tiêu 2.a.4: mới." in import_report
    assert "Chỉ tiêu 3.a.1.2: thay đổi (năm trước: 7.a.3.2)." in import_report
    dropped = next(line for line in import_report.splitlines() if "Chỉ tiêu của" in line and "không tiếp tục" in line)
    assert "3.a.2" in dropped and "2.a.1" in dropped


def test_links_survive_publishing(plan_2025):
    plan_2024 = PlanPage.objects.get(slug="cchc-2024")
    assert plan_2025.predecessor == plan_2024 and plan_2025.live
    carried = Task.objects.get(area__in=plan_2025.get_children(), code="1.1")
    assert carried.predecessor.text == carried.text
    assert carried.predecessor.area.get_parent().pk == plan_2024.pk
    assert Indicator.objects.get(code="2025.3.a.1.3").predecessor.code == "7.a.3.3"
    assert not Task.objects.get(area__in=plan_2025.get_children(), code="1.3").predecessor


def test_the_plan_index_lists_both_years_with_issuer_and_programme(client, plan_2025):
    html = client.get("/ke-hoach/").content.decode()
    assert html.index("năm 2025") < html.index("năm 2024")
    assert html.count("Ủy ban nhân dân tỉnh Hải Dương") >= 2
    assert "Kế hoạch số 4347/KH-UBND" in html
    assert "Đã có kế hoạch tiếp theo" in html and "Kế hoạch mới nhất" in html


@pytest.mark.parametrize(
    "path", ["", "cai-cach-thu-tuc-hanh-chinh/", "cai-cach-thu-tuc-hanh-chinh/chi-tieu/3-a-2/", "tien-do/"]
)
def test_every_page_of_the_past_plan_carries_the_banner_linking_its_successor(client, plan_2025, path):
    html = client.get(PLAN_2024 + path).content.decode()
    assert "Kế hoạch đã qua." in html
    assert f'href="{PLAN_2025}"' in html


def test_the_newest_plan_has_no_banner_and_names_the_plan_before(client, plan_2025):
    html = client.get(PLAN_2025).content.decode()
    assert "Kế hoạch đã qua." not in html
    assert f'<a href="{PLAN_2024}">Kế hoạch cải cách hành chính nhà nước tỉnh Hải Dương năm 2024</a>' in html


def test_a_draft_successor_gives_no_banner(client, import_report):
    assert "Kế hoạch đã qua." not in client.get(PLAN_2024).content.decode()


def test_an_indicator_shows_its_figures_and_targets_across_years_on_one_page_and_chart(client, plan_2025):
    old = Indicator.objects.get(code="7.a.3.1")
    Result.objects.create(
        indicator=old,
        period="2024",
        scope=old.level,
        value=Decimal("86.5"),
        source_name="Báo cáo thử nghiệm",
        captured_on=date(2025, 1, 10),
    )
    new = Indicator.objects.get(code="2025.3.a.1.1")
    html = client.get(new.get_url()).content.decode()
    section = html[html.index('id="qua-cac-nam"') : html.index("</section>", html.index('id="qua-cac-nam"'))]
    assert "2024" in section and "2025" in section
    assert "≥ 85%" in section or "85%" in section
    assert "90%" in section
    assert "86,5%" in section
    assert "Chưa có số liệu" in section  # 2025 has no figure yet: a gap, not a guess
    assert "<svg" in section and "Mục tiêu của từng năm" in section
    # The target was read from the wording by the import, not set by an editor.
    assert "Suy ra: đọc từ nguyên văn chỉ tiêu 2025.3.a.1.1 (mục II.3" in html
    old_html = client.get(old.get_url()).content.decode()
    assert new.get_url() in old_html


def test_a_task_carried_on_links_the_other_years(client, plan_2025):
    task = Task.objects.get(area__in=plan_2025.get_children(), code="1.2")
    html = client.get(task.get_url()).content.decode()
    assert "Qua các năm" in html and "lời văn khác năm này" in html
    assert task.predecessor.get_url() in html
