"""The site holds the whole 2024 plan: counts are taken from the seed text itself."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from plan.models import AreaPage, Indicator, Task
from tests.seed_fidelity import source as seed

pytestmark = [pytest.mark.django_db, pytest.mark.seed]

AREAS = seed.section_ii_areas()
# Who answers for each area in section IV (GLOSSARY.md); area 8 has no single agency.
ANSWERABLE = {
    1: "so-noi-vu",
    2: "so-tu-phap",
    3: "van-phong-ubnd-tinh",
    4: "so-noi-vu",
    5: "so-noi-vu",
    6: "so-tai-chinh",
    7: "so-thong-tin-va-truyen-thong",
}


def test_repo_copy_of_seed_matches_shared_seed():
    if seed.SHARED_SEED.exists():
        assert seed.SEED.read_bytes() == seed.SHARED_SEED.read_bytes()
    assert seed.SEED.exists()


def test_eight_areas_in_order():
    assert sorted(AREAS) == list(range(1, 9))
    assert list(AreaPage.objects.live().order_by("path").values_list("number", flat=True)) == list(range(1, 9))


@pytest.mark.parametrize("number", range(1, 9))
def test_indicator_and_task_counts_per_area(number):
    area = AreaPage.objects.get(number=number)
    expected_indicators = sum(seed.indicator_count(b) for b in seed.target_bullets(AREAS[number]))
    expected_tasks = seed.task_count(AREAS[number]["task_bullets"])
    assert Indicator.objects.filter(area=area, live=True).count() == expected_indicators
    assert Task.objects.filter(area=area).count() == expected_tasks


def test_totals():
    # 31 numeric targets of the "a) Chỉ tiêu" parts, task 1.3's, and the bullets joining
    # several requirements (2.a.3: three; 4.a.1, 4.a.2, 6.a.4, 6.a.5: two each)
    assert Indicator.objects.count() == 38
    assert Task.objects.count() == 57


def test_every_indicator_bullet_is_kept_word_for_word():
    wordings = set(Indicator.objects.values_list("original_wording", flat=True))
    expected = {seed.plain(b[2:]) for area in AREAS.values() for b in seed.target_bullets(area)}
    assert wordings == expected


def test_every_task_bullet_is_a_task():
    texts = {seed.plain(f"{t.group}: {t.text}" if t.group and t.text else t.text) for t in Task.objects.all()}
    task_texts = {seed.plain(t.text) for t in Task.objects.all()}
    for area in AREAS.values():
        bullets = area["task_bullets"]
        for position, bullet in enumerate(bullets):
            body = seed.plain(bullet[2:])
            is_heading = (
                bullet.startswith("- ") and position + 1 < len(bullets) and bullets[position + 1].startswith("+ ")
            )
            if is_heading:
                continue
            assert body in texts or body in task_texts, body


def test_codes_are_stable_and_unique():
    for area in AreaPage.objects.all():
        task_codes = list(area.tasks.order_by("sort_order").values_list("code", flat=True))
        assert task_codes == [f"{area.number}.{i}" for i in range(1, len(task_codes) + 1)]
    assert Indicator.objects.values("code").distinct().count() == Indicator.objects.count()


@pytest.mark.parametrize(
    "code, comparator, value, value_max, unit, level",
    [
        ("3.a.2", "between", "95", "100", "%", ""),
        ("3.a.4.1", "at_least", "80", None, "%", ""),
        ("3.a.4.2", "at_least", "50", None, "%", ""),
        ("3.a.5", "at_least", "70", None, "%", ""),
        ("3.a.8.2", "at_most", "15", None, "phút", ""),
        ("7.a.2.1", "at_least", "80", None, "%", ""),
        ("7.a.2.2", "at_least", "100", None, "%", ""),
        ("7.a.3.1", "at_least", "85", None, "%", "province"),
        ("7.a.3.2", "at_least", "75", None, "%", "district"),
        ("7.a.3.3", "at_least", "65", None, "%", "commune"),
        ("2.a.3.1", "done", None, None, "", ""),
        ("2.a.3.2", "done", None, None, "", ""),
        ("2.a.3.3", "done", None, None, "", ""),
        ("1.3.1", "more_than", "30", None, "%", ""),
        ("4.a.2.1", "done", None, None, "", ""),
        ("4.a.2.2", "done", None, None, "", ""),
        ("6.a.4.1", "at_least", "100", None, "%", ""),
        ("6.a.4.2", "done", None, None, "", ""),
        ("6.a.5.1", "done", None, None, "", ""),
        ("6.a.5.2", "done", None, None, "", ""),
        ("4.a.1.1", "done", None, None, "", ""),
        ("4.a.1.2", "at_least", "100", None, "%", ""),
        ("7.a.1", "done", None, None, "", ""),
    ],
)
def test_targets_as_data(code, comparator, value, value_max, unit, level):
    indicator = Indicator.objects.get(code=code)
    assert indicator.comparator == comparator
    assert indicator.target_value == (Decimal(value) if value else None)
    assert indicator.target_value_max == (Decimal(value_max) if value_max else None)
    assert indicator.unit == unit
    assert indicator.level == level


def test_split_indicators_keep_the_whole_original_wording():
    payment = Indicator.objects.filter(code__startswith="3.a.4.")
    assert payment.count() == 2
    assert len({i.original_wording for i in payment}) == 1
    assert "thanh toán trực tuyến" in payment[0].original_wording and "50%" in payment[0].original_wording
    levels = Indicator.objects.filter(code__startswith="7.a.3.")
    assert sorted(levels.values_list("level", flat=True)) == ["commune", "district", "province"]


@pytest.mark.parametrize("prefix, count", [("2.a.3.", 3), ("4.a.1.", 2), ("4.a.2.", 2), ("6.a.4.", 2), ("6.a.5.", 2)])
def test_joined_requirements_are_one_bullet_each_measured(prefix, count):
    parts = list(Indicator.objects.filter(code__startswith=prefix).order_by("code"))
    assert len(parts) == count and len({part.original_wording for part in parts}) == 1
    for part in parts:
        assert seed.plain(part.statement).rstrip(".") in seed.plain(part.original_wording)


@pytest.mark.parametrize("number, agency", ANSWERABLE.items())
def test_agencies_follow_section_iv(number, agency):
    area = AreaPage.objects.get(number=number)
    assert [a.code for a in area.answerable_agencies.all()] == [agency]
    assert set(Indicator.objects.filter(area=area).values_list("responsible_agency__code", flat=True)) <= {agency}
    tasks = Task.objects.filter(area=area)
    assert set(tasks.values_list("lead_agency__code", flat=True)) == {agency}
    assert all(tasks.values_list("lead_agency_derived", flat=True))


def test_area_8_has_no_single_answerable_agency():
    area = AreaPage.objects.get(number=8)
    assert not area.answerable_agencies.exists()
    investment = Task.objects.get(code="8.2")
    assert investment.lead_agency.code == "so-ke-hoach-va-dau-tu" and investment.lead_agency_derived
    assert Task.objects.filter(area=area, lead_agency__isnull=True).count() == 4


def test_area_7_names_the_provincial_office_as_co_answerable():
    area = AreaPage.objects.get(number=7)
    assert [a.code for a in area.supporting_agencies.all()] == ["van-phong-ubnd-tinh"]


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    return seed.plain(soup.get_text(" ")).lower()


def public_urls():
    from plan.models import AppendixPage, PlanPage

    plan = PlanPage.objects.get()
    urls = [plan.url, AppendixPage.objects.get().url]
    for area in AreaPage.objects.all():
        urls.append(area.url)
    return urls


def test_every_sentence_of_the_seed_is_on_the_site(client):
    text = " ".join(page_text(client, url) for url in public_urls())
    missing = [
        line for line in seed.seed_lines() if seed.plain(line.lstrip("-+ ")).lower().replace(" :", ":") not in text
    ]
    assert missing == []
