"""The plain-function parts of search: excerpts, facets, URL parameters,
abbreviations and the Elasticsearch analyzers, without a database."""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.http import QueryDict

from search import facets
from search.abbreviations import expansions
from search.elasticsearch import index_settings
from search.folding import query_terms
from search.highlight import ELLIPSIS, excerpt
from search.params import SearchParams, keep_known, parse, parse_page, query_string

# -- excerpts --------------------------------------------------------------------


def marked(parts):
    return [part.text for part in parts if part.marked]


def test_excerpt_marks_words_whatever_their_diacritics():
    parts = excerpt("Triển khai chữ ký số trên điện thoại", query_terms("chu ky so"))
    assert marked(parts) == ["chữ", "ký", "số"]
    assert "".join(part.text for part in parts) == "Triển khai chữ ký số trên điện thoại"


def test_excerpt_centres_on_the_first_match_of_a_long_text():
    text = "Mở đầu. " + "nội dung khác " * 40 + "thanh toán trực tuyến phí, lệ phí " + "phần sau " * 40
    parts = excerpt(text, query_terms("thanh toan"))
    shown = "".join(part.text for part in parts)
    assert shown.startswith(ELLIPSIS + "khác") and shown.endswith(ELLIPSIS)
    assert "thanh toán" in shown and len(shown) <= 260
    assert shown.index("thanh") < 120  # some context before the match, most of it after
    assert marked(parts) == ["thanh", "toán"]


def test_excerpt_without_match_shows_the_start():
    parts = excerpt("Một văn bản ngắn", query_terms("khong"))
    assert parts == [type(parts[0])("Một văn bản ngắn")]
    assert excerpt("", query_terms("x")) == []


# -- facets ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "due_date, text, bucket",
    [
        (datetime.date(2024, 2, 29), "", "2024-q1"),
        (datetime.date(2024, 12, 1), "Quý I/2024", "2024-q4"),  # the normalised date wins
        (None, "Quý III/2024", "2024-q3"),
        (None, "quý 2 năm 2024", "2024-q2"),
        (None, "Thường xuyên", "ongoing"),
        (None, "Năm 2024", "year-2024"),
        (None, "", "unspecified"),
        (None, "Khi có yêu cầu", "other"),
    ],
)
def test_deadline_bucket(due_date, text, bucket):
    assert facets.deadline_bucket(due_date, text) == bucket
    assert facets.DEADLINE_CODE.match(bucket)


def test_deadline_labels_are_vietnamese_and_ordered():
    codes = ["ongoing", "unspecified", "2024-q3", "year-2024", "2024-q1", "other"]
    ordered = sorted(codes, key=facets.deadline_sort_key)
    assert ordered == ["2024-q1", "2024-q3", "year-2024", "ongoing", "other", "unspecified"]
    assert [facets.deadline_label(code) for code in ordered[:4]] == [
        "Quý I/2024",
        "Quý III/2024",
        "Trong năm 2024",
        "Thường xuyên",
    ]


@dataclass
class Doc:
    facet_values: dict = field(default_factory=dict)


DOCS = [
    Doc({"type": {"task"}, "area": {"3"}, "topic": {"mot-cua", "so-hoa"}}),
    Doc({"type": {"task"}, "area": {"7"}, "topic": {"so-hoa"}}),
    Doc({"type": {"indicator"}, "area": {"3"}, "topic": {"mot-cua"}}),
    Doc({"type": {"agency"}}),
]


def test_filters_widen_within_a_facet_and_narrow_across_facets():
    assert facets.apply(DOCS, {}) == DOCS
    assert facets.apply(DOCS, {"area": {"3", "7"}}) == DOCS[:3]
    assert facets.apply(DOCS, {"area": {"3"}, "type": {"task"}}) == DOCS[:1]
    assert facets.apply(DOCS, {"topic": {"nothing"}}) == []


def test_counts_leave_out_the_facet_being_counted():
    counts = facets.counts(DOCS, {"area": {"3"}, "type": {"task"}})
    assert counts["area"] == Counter({"3": 1, "7": 1})  # tasks, any area
    assert counts["type"] == Counter({"task": 1, "indicator": 1})  # area 3, any type
    assert counts["topic"] == Counter({"mot-cua": 1, "so-hoa": 1})  # area 3 and task


def test_options_keep_chosen_values_even_at_zero():
    labels = {"a": "A", "b": "B", "c": "C"}
    options = facets.options(Counter({"b": 2}), {"c"}, labels)
    assert [(o.value, o.count, o.selected) for o in options] == [("b", 2, False), ("c", 0, True)]


# -- URL parameters --------------------------------------------------------------


def test_parse_keeps_valid_values_and_drops_the_rest():
    params = parse(
        QueryDict(
            "q=%20m%E1%BB%99t%20%20c%E1%BB%ADa%00&type=task&type=bogus&area=12&area=-1&area=x"
            "&topic=mot-cua&topic=%3Cscript%3E&status=overdue&deadline=2024-q1&deadline=2024-q9&page=3"
        )
    )
    assert params.query == "một cửa"
    assert params.selected == {
        "type": {"task"},
        "area": {"12"},
        "topic": {"mot-cua"},
        "status": {"overdue"},
        "deadline": {"2024-q1"},
    }
    assert params.page == 3 and params.has_filters


@pytest.mark.parametrize(
    "value, page",
    [(None, 1), ("", 1), ("-1", 1), ("0", 1), ("2", 2), ("abc", 1), ("9" * 50, 1), ("1e3", 1), ("99999", 10_000)],
)
def test_parse_page(value, page):
    assert parse_page(value) == page


def test_keep_known_drops_values_that_name_nothing():
    params = SearchParams(
        "x",
        selected={
            "topic": frozenset({"mot-cua", "khong-co"}),
            "area": frozenset({"9"}),
            "deadline": frozenset({"ongoing"}),
        },
    )
    kept = keep_known(params, {"topic": {"mot-cua"}, "area": {"3"}, "deadline": None})
    assert kept.selected == {"topic": {"mot-cua"}, "deadline": {"ongoing"}}


def test_query_string_is_stable_and_can_leave_a_value_out():
    params = SearchParams(
        "chữ ký số", selected={"topic": frozenset({"so-hoa", "mot-cua"}), "type": frozenset({"task"})}
    )
    assert query_string(params) == "?q=ch%E1%BB%AF+k%C3%BD+s%E1%BB%91&type=task&topic=mot-cua&topic=so-hoa"
    assert query_string(params, page=2, without=("topic", "so-hoa")).endswith("&topic=mot-cua&page=2")
    assert parse(QueryDict(query_string(params)[1:])).selected == params.selected
    assert query_string(SearchParams()) == "?"


# -- abbreviations ---------------------------------------------------------------


def test_abbreviations_are_spelt_out_and_abbreviated():
    assert expansions("kiem soat tthc") == "thu tuc hanh chinh"
    assert expansions("cai cach thu tuc hanh chinh") == "tthc"
    assert expansions("tthcx thu tuc hanh") == ""


# -- Elasticsearch analyzers ------------------------------------------------------


def test_every_elasticsearch_analyzer_strips_marks_lowercases_and_folds():
    analysis = index_settings()["settings"]["analysis"]
    for name in ("default", "standard", "edgengram_analyzer", "ngram_analyzer"):
        analyzer = analysis["analyzer"][name]
        assert analyzer["char_filter"] == ["strip_combining_marks"], name
        assert analyzer["filter"][:2] == ["lowercase", "asciifolding"], name
    assert analysis["analyzer"]["edgengram_analyzer"]["filter"][-1] == "edgengram"


def test_the_combining_marks_pattern_removes_the_marks_of_decomposed_vietnamese():
    # The pattern is Java regex syntax; Python reads "\\uXXXX" escapes the same way.
    pattern = index_settings()["settings"]["analysis"]["char_filter"]["strip_combining_marks"]["pattern"]
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Thủ tục hành chính, số hoá")
    assert re.sub(pattern, "", decomposed) == "Thu tuc hanh chinh, so hoa"


def test_excerpt_prefers_the_place_where_the_words_follow_each_other():
    text = "Số liệu " + "khác " * 60 + "đẩy mạnh số hóa hồ sơ " + "sau " * 60
    shown = "".join(part.text for part in excerpt(text, query_terms("so hoa")))
    assert "số hóa hồ sơ" in shown and not shown.startswith("Số liệu")


def test_area_labels_name_the_plan_year_only_when_there_are_several_plans():
    from types import SimpleNamespace as Obj

    from search.reference import area_labels

    plans = [Obj(path="000100010001", year=2025), Obj(path="000100010002", year=2024)]
    areas = [
        Obj(pk=7, path="0001000100010003", steplen=4, number=3, title="Cải cách thủ tục hành chính"),
        Obj(pk=9, path="0001000100020003", steplen=4, number=3, title="Cải cách thủ tục hành chính"),
    ]
    assert area_labels(areas, plans) == {
        7: "3. Cải cách thủ tục hành chính (2025)",
        9: "3. Cải cách thủ tục hành chính (2024)",
    }
    assert area_labels(areas[1:], plans[1:]) == {9: "3. Cải cách thủ tục hành chính"}
