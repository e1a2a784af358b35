"""A table of real queries against the 2024 plan, run on the database backend of
the test run (SQLite, then PostgreSQL): with and without diacritics, phrases,
agency names, codes and filters, each with the results expected on top."""

import unicodedata

import pytest

from plan.models import AreaPage
from tests.search.helpers import result_keys, search

pytestmark = pytest.mark.django_db

THANH_TOAN = {"indicator:3.a.4.1", "indicator:3.a.4.2"}
SO_HOA = {"indicator:3.a.3", "task:3.5"}
MOT_CUA = {"task:3.1", "task:3.2", "task:3.6"}

# (query string, the set of the first results, other results expected somewhere)
TABLE = [
    ("q=thanh+toan+truc+tuyen", THANH_TOAN, {"task:3.8"}),
    ("q=thanh+toán+trực+tuyến", THANH_TOAN, {"task:3.8"}),
    ("q=THANH+TOÁN+TRỰC+TUYẾN", THANH_TOAN, {"task:3.8"}),
    ("q=thanh+toán+truc+tuyen", THANH_TOAN, {"task:3.8"}),
    ("q=chu+ky+so", {"task:7.9"}, {"task:6.3"}),
    ("q=chữ+ký+số", {"task:7.9"}, {"task:6.3"}),
    ("q=so+hoa", SO_HOA, set()),
    ("q=số+hóa", SO_HOA, set()),
    ("q=số+hoá", SO_HOA, set()),
    ("q=Số+Hoá", SO_HOA, set()),
    ("q=dien+tu", {"page:chinh-quyen-dien-tu-chinh-quyen-so"}, {"task:7.8", "indicator:7.a.4"}),
    ("q=điện+tử", {"page:chinh-quyen-dien-tu-chinh-quyen-so"}, {"task:7.8", "indicator:7.a.4"}),
    ("q=mot+cua+lien+thong", MOT_CUA, set()),
    ("q=một+cửa+liên+thông", MOT_CUA, set()),
    ("q=cải+cách+thể+chế", {"page:cai-cach-the-che"}, set()),
    ("q=cai+cach+the+che", {"page:cai-cach-the-che"}, set()),
    ("q=thu+tuc+hanh+chinh", {"page:cai-cach-thu-tuc-hanh-chinh"}, {"indicator:3.a.1"}),
    (
        "q=kiem+soat+thu+tuc+hanh+chinh",
        {"task:3.1", "task:3.2", "task:3.3", "task:3.5"},
        set(),
    ),  # the plan writes "Kiểm soát TTHC"
    ("q=so+noi+vu", {"agency:so-noi-vu"}, {"task:1.1", "task:5.5", "indicator:5.a.3"}),
    ("q=Sở+Tư+pháp", {"agency:so-tu-phap"}, {"task:2.1", "indicator:2.a.1"}),
    ("q=van+phong+ubnd+tinh", {"agency:van-phong-ubnd-tinh"}, {"task:3.1", "indicator:3.a.1"}),
    ("q=sở+tài+chính", {"agency:so-tai-chinh"}, {"task:6.2"}),
    ("q=ngan+hang+nha+nuoc", {"agency:ngan-hang-nha-nuoc-chi-nhanh-hai-duong"}, set()),
    ("q=Trung+tâm+Phục+vụ+hành+chính+công", {"agency:trung-tam-phuc-vu-hanh-chinh-cong-tinh"}, {"task:3.8"}),
    ("q=bo+phan+mot+cua", {"agency:bo-phan-mot-cua-cac-cap"}, {"task:3.4"}),
    ("q=3.4", {"task:3.4"}, set()),
    ("q=3.a.4.1", {"indicator:3.a.4.1"}, set()),
    ("q=dich+vu+cong+truc+tuyen+toan+trinh", {"indicator:7.a.2.1", "indicator:7.a.2.2"}, set()),
    ("q=an+toàn+thông+tin", {"task:7.1", "task:7.12"}, set()),
    ("q=thoi+gian+cho+doi", {"indicator:3.a.8.2"}, set()),
    ("q=vi+tri+viec+lam", {"task:5.1", "task:5.2", "task:5.3", "task:5.6"}, set()),
    ("q=đào+tạo+bồi+dưỡng", {"indicator:5.a.3", "task:5.3", "task:5.5"}, set()),
    ("q=giai+ngan+dau+tu+cong", {"indicator:6.a.1", "task:6.1"}, set()),
    ("q=tai+san+cong", {"indicator:6.a.4.1", "task:6.5"}, set()),
    ("q=hài+lòng", {"indicator:3.a.7"}, set()),
    ("q=ho+so+cong+viec", {"indicator:7.a.3.1", "indicator:7.a.3.2", "indicator:7.a.3.3", "task:7.6"}, set()),
    # filters
    ("q=so+hoa&type=task", {"task:3.5"}, set()),
    (
        "q=so+noi+vu&type=indicator",
        {
            "indicator:1.3.1",
            "indicator:4.a.1.1",
            "indicator:4.a.1.2",
            "indicator:4.a.2.1",
            "indicator:4.a.2.2",
            "indicator:5.a.1",
            "indicator:5.a.2",
            "indicator:5.a.3",
        },
        set(),
    ),
    ("q=mot+cua&agency=van-phong-ubnd-tinh", {"task:3.1", "task:3.2", "task:3.4", "task:3.6"}, set()),
    ("q=chu+ky+so&topic=chu-ky-so", {"task:7.9"}, set()),
]


@pytest.mark.parametrize("query, first, elsewhere", TABLE, ids=[row[0] for row in TABLE])
def test_query_table(query, first, elsewhere):
    # Topics named by the query lead the list (tests/search/test_excerpts.py); the
    # table is about the order of the rest.
    keys = [key for key in result_keys(query) if not key.startswith("topic:")]
    assert set(keys[: len(first)]) == first, keys[:10]
    assert elsewhere <= set(keys), keys


def test_the_table_is_long_enough():
    assert len(TABLE) >= 30


@pytest.mark.parametrize(
    "with_marks, without",
    [
        ("thanh toán trực tuyến", "thanh toan truc tuyen"),
        ("chữ ký số", "chu ky so"),
        ("một cửa", "mot cua"),
        ("đồng bộ", "dong bo"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
    ],
)
def test_with_or_without_diacritics_finds_the_same_items(with_marks, without):
    assert set(result_keys(f"q={with_marks}")) == set(result_keys(f"q={without}")) != set()


def test_decomposed_and_composed_queries_are_the_same_search():
    composed = "thanh toán trực tuyến"
    decomposed = unicodedata.normalize("NFD", composed)
    assert result_keys(f"q={decomposed}") == result_keys(f"q={composed}")


def test_typed_diacritics_rank_above_folded_only_matches():
    # "chữ ký số" as written in 7.9; 6.3 has the words only once folded.
    keys = result_keys("q=chữ+ký+số")
    assert keys.index("task:7.9") < keys.index("task:6.3")
    outcome = search("q=một+cửa+liên+thông")
    tiers = [item.score.tier for item in outcome.page.object_list]
    assert tiers == sorted(tiers, reverse=True) and tiers[0] == 4


def test_area_filter_uses_the_area_page():
    area = AreaPage.objects.get(number=7)
    keys = result_keys(f"q=dien+tu&area={area.pk}")
    assert keys and all(key.startswith(("task:7.", "indicator:7.", "page:chinh-quyen")) for key in keys)


def test_nothing_matches_gibberish():
    outcome = search("q=xyzzy+qwrtp")
    assert outcome.searched and outcome.total == 0 and not outcome.partial


def test_no_item_with_every_word_falls_back_to_items_that_lack_one():
    outcome = search("q=thanh+toan+truc+tuyen+xyzzy")
    assert outcome.partial and outcome.total > 0
    assert {item.score.tier for item in outcome.page.object_list} == {0}
    assert {item.score.matched for item in outcome.page.object_list} == {4}
    assert THANH_TOAN <= set(result_keys("q=thanh+toan+truc+tuyen+xyzzy"))


def test_common_words_around_gibberish_find_nothing():
    outcome = search("q=khong+co+tu+nao+khop+xyzzy")
    assert outcome.total == 0 and not outcome.partial
    assert search("q=xyzzy+3").total == 0  # a word of one character is never enough alone
