"""search.ranking: typed diacritics first, phrases above scattered words, and the
backend's order only to break ties."""

from dataclasses import dataclass

import pytest

from search.folding import query_terms
from search.ranking import (
    EXACT_PHRASE,
    EXACT_WORDS,
    FOLDED_PHRASE,
    FOLDED_WORDS,
    SOME_WORDS,
    analyse,
    match_field,
    rank,
    score,
)


@dataclass(eq=False)
class Doc:
    label: str
    body: str
    name: str = ""
    backend_position: int = 0
    score: object = None


def tier(query, body, name=""):
    return score(query_terms(query), name, body).tier


@pytest.mark.parametrize(
    "query, body, expected",
    [
        ("số hóa", "Đẩy mạnh số hóa hồ sơ", EXACT_PHRASE),
        ("số hóa", "Đẩy mạnh số hoá hồ sơ", EXACT_PHRASE),  # old tone placement
        ("số hóa", "ĐẨY MẠNH SỐ HÓA", EXACT_PHRASE),
        ("số hóa", "hóa đơn và số liệu", EXACT_WORDS),
        ("số hóa", "sổ hoá đơn", FOLDED_PHRASE),
        ("số hóa", "hòa giải và sở", FOLDED_WORDS),
        ("số hóa", "số liệu", SOME_WORDS),
        ("so hoa", "sổ hòa", EXACT_PHRASE),  # no diacritic typed: none asked for
        ("so hoa", "hòa sổ", EXACT_WORDS),
        ("thanh toán truc tuyen", "thanh toán trực tuyến", EXACT_PHRASE),
        ("thanh toán truc tuyen", "thanh toan truc tuyen", FOLDED_PHRASE),
        ("chữ ký số", "chữ ký số trên điện thoại", EXACT_PHRASE),
        ("chu ky so", "Chữ Ký Số", EXACT_PHRASE),
        ("dien tu", "chính quyền điện tử", EXACT_PHRASE),  # d = đ
        ("thủ tục hành chính", "kiểm soát TTHC", FOLDED_PHRASE),  # abbreviation, folded only
        ("tthc", "thủ tục hành chính", EXACT_PHRASE),
        ("3.4", "Nhiệm vụ 3.4", EXACT_PHRASE),
    ],
)
def test_tiers(query, body, expected):
    assert tier(query, body) == expected


def test_decomposed_text_ranks_as_composed():
    decomposed = "Đẩy mạnh so\u0302\u0301 ho\u0301a"
    assert tier("số hóa", decomposed) == EXACT_PHRASE


def test_match_field_reports_each_word():
    match = match_field(query_terms("số hóa văn bản"), "Hóa đơn số: văn bản")
    assert match.found == (True, True, True, True)
    assert match.exact == (True, True, True, True)
    assert match.phrase is False
    match = match_field(query_terms("số hóa"), "so hoa")
    assert match.found == (True, True) and match.exact == (False, False) and match.phrase and not match.exact_phrase


def test_exact_phrase_needs_one_occurrence_with_every_typed_mark():
    # "số hoá" exactly once, "sở hòa" folded elsewhere: the exact occurrence counts.
    assert tier("số hóa", "sở hòa, và số hoá") == EXACT_PHRASE
    # Both words exact somewhere, the phrase only folded: typed marks win over the phrase.
    assert tier("số hóa", "sở hòa; số liệu; hóa chất") == EXACT_WORDS


def test_name_breaks_ties_within_a_tier():
    terms = query_terms("sở nội vụ")
    agency = score(terms, "Sở Nội vụ", "")
    task = score(terms, "", "Sở Nội vụ chủ trì")
    assert agency.tier == task.tier == EXACT_PHRASE
    assert agency.sort_key() < task.sort_key()


def test_rank_orders_by_tier_then_backend_position():
    docs = [
        Doc("scattered", "hóa chất và số liệu", backend_position=0),
        Doc("folded phrase", "sổ hoá", backend_position=1),
        Doc("exact phrase, late", "số hóa hồ sơ", backend_position=5),
        Doc("exact phrase, early", "số hoá kết quả", backend_position=2),
        Doc("some words", "số liệu", backend_position=0),
    ]
    ranked = [doc.label for doc in rank(docs, query_terms("số hóa"))]
    assert ranked == ["exact phrase, early", "exact phrase, late", "scattered", "folded phrase", "some words"]


def test_more_words_found_rank_first_when_none_has_all():
    docs = [Doc("one", "thanh"), Doc("three", "thanh toán trực"), Doc("two", "toán thanh")]
    assert [doc.label for doc in rank(docs, query_terms("thanh toán trực tuyến"))] == ["three", "two", "one"]


def test_empty_query_or_texts_score_nothing():
    assert score([], "Sở Nội vụ", "text").tier == SOME_WORDS
    assert score(query_terms("so"), "", "").matched == 0


def test_analysis_appends_abbreviations_and_is_cached():
    text = "Kiểm soát TTHC của UBND"
    analysed = analyse(text)
    assert " thu tuc hanh chinh " in analysed.joined and " uy ban nhan dan " in analysed.joined
    assert analyse(text) is analysed
    assert analysed.phrase_starts("kiem soat") == [0]
    assert analysed.positions("tthc") == [2]


def test_words_closer_together_rank_first_among_scattered_matches():
    docs = [
        Doc("far", "giải ngân " + "chữ " * 30 + "đầu tư công"),
        Doc("near", "giải ngân vốn đầu tư công", backend_position=3),
    ]
    assert [doc.label for doc in rank(docs, query_terms("giải ngân đầu tư công"))] == ["near", "far"]
    assert docs[1].score.span == 6


@pytest.mark.parametrize(
    "lists, span",
    [([[0], [1]], 2), ([[5, 20], [9, 21], [22]], 3), ([[3], [3]], 1), ([[0, 100], [50]], 51)],
)
def test_min_span(lists, span):
    from search.ranking import min_span

    assert min_span(lists) == span
