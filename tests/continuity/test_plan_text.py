"""Reading an official plan's text: targets into data, the 2024 text against the
curated file (the benchmark's figures), and `import_plan_text` making a draft that
publishes nothing."""

import io
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command

from plan.content import carry
from plan.content.plan_text import parse_plan_text
from plan.content.target_text import parse_targets
from plan.models import AreaPage, Indicator, PlanPage
from plan.vocabulary import AdministrativeLevel, TargetComparator

REPO = Path(__file__).resolve().parents[2]
TEXT_2025 = REPO / "tests" / "plan" / "data" / "ke-hoach-cchc-2025-thu-nghiem.txt"


def read(bullet):
    return [(t.comparator, t.value, t.value_max, t.unit, t.level) for t in parse_targets(bullet)]


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        ("100% văn bản được triển khai kịp thời.", [(TargetComparator.AT_LEAST, 100, None, "%", "")]),
        ("Kiểm tra trực tiếp trên 30% các cơ quan.", [(TargetComparator.MORE_THAN, 30, None, "%", "")]),
        ("Phấn đấu tối thiểu 80% hồ sơ.", [(TargetComparator.AT_LEAST, 80, None, "%", "")]),
        ("Thời gian chờ không quá 15 phút/01 lượt giao dịch.", [(TargetComparator.AT_MOST, 15, None, "phút", "")]),
        ("Phấn đấu từ 95% -100% số hồ sơ đúng hạn.", [(TargetComparator.BETWEEN, 95, 100, "%", "")]),
        ("Thực hiện đầy đủ quy định về số lượng cấp phó.", [(TargetComparator.DONE, None, None, "", "")]),
    ],
)
def test_a_target_is_read_where_the_words_state_it(bullet, expected):
    got = read(bullet)
    assert [
        (c, None if v is None else Decimal(v), None if m is None else Decimal(m), u, lv) for c, v, m, u, lv in expected
    ] == got


def test_one_figure_per_level_gives_three_targets_with_their_levels():
    targets = parse_targets("85% hồ sơ tại cấp tỉnh; 75% hồ sơ tại cấp huyện và 65% hồ sơ tại cấp xã được xử lý.")
    assert [(t.value, t.level) for t in targets] == [
        (Decimal(85), AdministrativeLevel.PROVINCE),
        (Decimal(75), AdministrativeLevel.DISTRICT),
        (Decimal(65), AdministrativeLevel.COMMUNE),
    ]


def test_joined_requirements_are_separate_targets_and_a_qualifying_clause_is_not():
    joined = parse_targets("Thực hiện đầy đủ 02 hoạt động theo dõi (kiểm tra; khảo sát) và ban hành đầy đủ văn bản.")
    # the two activities it names, each done or not (two inspections must not pass), and the documents
    assert [(t.statement, t.comparator) for t in joined] == [
        ("kiểm tra", TargetComparator.DONE),
        ("khảo sát", TargetComparator.DONE),
        ("ban hành đầy đủ văn bản.", TargetComparator.DONE),
    ]
    uncounted = parse_targets("Thực hiện 03 hoạt động (kiểm tra; khảo sát).")  # names fewer than it counts
    assert [(t.comparator, t.value) for t in uncounted] == [(TargetComparator.AT_LEAST, Decimal(3))]
    second_sentence = parse_targets("100% cơ quan quản lý đúng tài sản công. Đối với nhà đất, thực hiện phương án.")
    assert [t.comparator for t in second_sentence] == [TargetComparator.AT_LEAST, TargetComparator.DONE]
    repeated = parse_targets("Tiếp tục xây dựng định mức kinh tế - kỹ thuật và xây dựng lộ trình tính giá.")
    assert [t.statement for t in repeated] == [
        "Tiếp tục xây dựng định mức kinh tế - kỹ thuật",
        "xây dựng lộ trình tính giá.",
    ]
    qualified = parse_targets("100% đơn vị thuộc UBND tỉnh; thuộc các sở và thuộc UBND cấp huyện tuyển dụng đúng.")
    assert len(qualified) == 1


def test_two_different_figures_in_one_requirement_are_left_for_an_editor_with_the_reason():
    (target,) = parse_targets("Giải quyết 80% hồ sơ trong 20 ngày.")
    assert not target.parsed
    assert "biên tập viên" in target.notes[0]


def test_the_benchmark_on_the_2024_text_reaches_its_thresholds():
    sys.path.insert(0, str(REPO / "benchmarks"))
    import plan_parser

    (results, _fields, _count, misses, extra), _report = plan_parser.measure()
    for kind, minimum in (("bullets", 0.95), ("tasks", 0.95), ("targets", 0.90), ("sections", 0.90)):
        hits, total = results[kind]
        assert total > 0 and hits / total >= minimum, misses[kind]
    assert extra == 0


def test_the_2025_text_reads_into_areas_tasks_targets_and_section_iv():
    data, report = parse_plan_text(TEXT_2025.read_text(encoding="utf-8"), [("so-noi-vu", "Sở Nội vụ")])
    assert data["plan"]["year"] == 2025
    assert [a["number"] for a in data["areas"]] == [1, 2, 3]
    digital = data["areas"][2]
    assert [t["group"] for t in digital["tasks"]] == ["Phát triển các ứng dụng, dịch vụ"] * 2
    assert [(i["code"], i["level"]) for i in digital["indicators"]][:3] == [
        ("3.a.1.1", "province"),
        ("3.a.1.2", "district"),
        ("3.a.1.3", "commune"),
    ]
    assert data["plan"]["implementation"][0]["agencies"] == ["so-noi-vu"]
    assert any("IV.3" in line and "Sở Khoa học và Công nghệ" in line for line in report.needs_editor)


@pytest.mark.django_db
def test_import_plan_text_makes_a_draft_and_publishes_nothing():
    live_before = PlanPage.objects.live().count()
    out = io.StringIO()
    call_command("import_plan_text", str(TEXT_2025), stdout=out)
    plan = PlanPage.objects.get(slug="cchc-2025")
    assert not plan.live and plan.has_unpublished_changes
    assert PlanPage.objects.live().count() == live_before
    areas = AreaPage.objects.child_of(plan)
    assert areas.count() == 3 and not areas.filter(live=True).exists()
    indicators = Indicator.objects.filter(area__in=areas)
    assert indicators.count() == 8 and not indicators.filter(live=True).exists()
    assert indicators.get(code="2025.2.a.3").comparator == TargetComparator.AT_MOST
    report = out.getvalue()
    assert "Đã đọc" in report and "Đọc được thành số liệu" in report and "Cần biên tập viên" in report
    assert "chưa xuất bản" in report


@pytest.mark.django_db
def test_a_second_import_of_the_same_plan_is_refused_and_changes_nothing():
    call_command("import_plan_text", str(TEXT_2025), stdout=io.StringIO())
    count = Indicator.objects.count()
    with pytest.raises(CommandError, match="Đã có kế hoạch"):
        call_command("import_plan_text", str(TEXT_2025), stdout=io.StringIO())
    assert Indicator.objects.count() == count


@pytest.mark.django_db
def test_a_docx_is_read_with_its_list_paragraphs_as_bullets(tmp_path):
    document = docx.Document()
    for line in TEXT_2025.read_text(encoding="utf-8").splitlines():
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            document.add_paragraph(line)
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    out = io.StringIO()
    call_command("import_plan_text", str(path), "--dry-run", stdout=out)
    assert "Lĩnh vực 2. Cải cách thủ tục hành chính: 4 ý chỉ tiêu" in out.getvalue()
    assert not PlanPage.objects.filter(slug="cchc-2025").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("content", [b"PK\x03\x04 not a zip", b"\xff\xfe\x00bad"])
def test_a_bad_file_gets_a_vietnamese_message_and_nothing_is_written(tmp_path, content):
    path = tmp_path / ("hong.docx" if content.startswith(b"PK") else "hong.txt")
    path.write_bytes(content)
    with pytest.raises(CommandError, match="DOCX|UTF-8"):
        call_command("import_plan_text", str(path), stdout=io.StringIO())
    assert not PlanPage.objects.filter(slug="cchc-2025").exists()


@pytest.mark.django_db
def test_a_too_large_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "lon.txt"
    big.write_bytes(b"- " + b"a" * (3 * 1024 * 1024))
    with pytest.raises(CommandError, match="quá lớn"):
        call_command("import_plan_text", str(big), stdout=io.StringIO())
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (120 * 1024 * 1024))
    with pytest.raises(CommandError, match="giải nén quá lớn"):
        call_command("import_plan_text", str(bomb), stdout=io.StringIO())


def test_carried_changed_new_and_dropped_are_told_apart_within_a_group():
    previous = [(1, "Số hóa 80% hồ sơ công việc tại cấp tỉnh", "a"), (2, "Rà soát thủ tục hành chính nội bộ", "a")]
    following = [
        ("x", "Số hóa 90% hồ sơ công việc tại cấp tỉnh", "a"),
        ("y", "Rà soát thủ tục hành chính nội bộ", "b"),  # same words, another area: not the same task
        ("z", "Một việc hoàn toàn mới của năm sau", "a"),
    ]
    pairs, dropped = carry.match(previous, following)
    assert pairs == {"x": (1, carry.CHANGED)}
    assert dropped == [2]
    same = carry.match(previous, [("w", "Rà soát thủ tục hành chính nội bộ", "a")])
    assert same == ({"w": (2, carry.CARRIED)}, [1])
