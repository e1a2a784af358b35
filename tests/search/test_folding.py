"""search.folding: Vietnamese text with or without diacritics, in either tone-mark
placement, composed or decomposed, in any case, compares as it should."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.folding import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    clean_query,
    exact_key,
    fold,
    fold_word,
    folded_words,
    has_marks,
    query_terms,
    words,
)

BASE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]  # none, huyền, sắc, ngã, hỏi, nặng
VOWELS = "aăâeêioôơuưy"
VIETNAMESE_LETTERS = sorted(
    {
        unicodedata.normalize("NFC", letter + tone)
        for letter in BASE_LETTERS
        for tone in (TONES if letter in VOWELS else [""])
    }
    | {
        unicodedata.normalize("NFC", letter + tone).upper()
        for letter in BASE_LETTERS
        for tone in (TONES if letter in VOWELS else [""])
    }
)

vietnamese_text = st.text(alphabet=st.sampled_from(VIETNAMESE_LETTERS + [" ", ",", ".", "-", "0", "7"]), max_size=60)
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Chữ ký số", "chu ky so"),
        ("THANH TOÁN TRỰC TUYẾN", "thanh toan truc tuyen"),
        ("Điện tử, đồng bộ", "dien tu, dong bo"),
        ("đ Đ", "d d"),
        ("Số hóa / số hoá", "so hoa / so hoa"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("Thường xuyên", "thuong xuyen"),
        ("ｔｈａｎｈ ｔｏａｎ", "thanh toan"),  # full-width letters, as some keyboards type
        ("Kiểm soát TTHC", "kiem soat tthc"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded
    assert fold(nfd(text)) == folded


def test_every_vietnamese_letter_folds_to_one_ascii_letter():
    for letter in VIETNAMESE_LETTERS:
        folded = fold(letter)
        assert len(folded) == 1 and folded.isascii() and folded.islower(), letter
        assert fold(nfd(letter)) == folded


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thanh toán trực tuyến; số hóa.", "thanh toan truc tuyen so hoa"),
        ("Nhiệm vụ 3.4 (Quý I/2024)", "nhiem vu 3 4 quy i 2024"),
        ("kinh tế - xã hội", "kinh te xa hoi"),
        ("snake_case", "snake case"),
        ("  ", ""),
    ],
)
def test_folded_words_are_words_between_single_spaces(text, expected):
    assert folded_words(text) == expected
    assert folded_words(nfd(text)) == expected


def test_words_keep_decomposed_marks_inside_the_word():
    assert words(nfd("hoá đơn")) == ["hoá", "đơn"]


@pytest.mark.parametrize(
    "first, second",
    [
        ("hóa", "hoá"),  # new and old tone placement
        ("thủy", "thuỷ"),
        ("quả", "qủa"),
        ("HÓA", "hoá"),
        ("hóa", "ho\u0301a"),  # decomposed, mark on the o
        ("hoá", "hoa\u0301"),  # decomposed, mark on the a
    ],
)
def test_exact_key_ignores_tone_placement_form_and_case(first, second):
    assert exact_key(first) == exact_key(second)


@pytest.mark.parametrize("first, second", [("hoa", "hòa"), ("hòa", "hóa"), ("số", "sổ"), ("da", "đa"), ("tu", "tư")])
def test_exact_key_keeps_the_diacritics_apart(first, second):
    assert exact_key(first) != exact_key(second)


def test_has_marks():
    assert has_marks("số") and has_marks("đ") and has_marks(nfd("hoá"))
    assert not has_marks("so") and not has_marks("D") and not has_marks("2024")


def test_query_terms_leave_unmarked_words_open():
    assert query_terms("thanh toán Truc tuyen") == [
        ("thanh", None),
        ("toan", exact_key("toán")),
        ("truc", None),
        ("tuyen", None),
    ]
    assert query_terms("“—” ... !!") == []
    assert len(query_terms(" ".join(["chu"] * 50))) == MAX_QUERY_WORDS


def test_clean_query_removes_control_characters_and_cuts_long_queries():
    assert clean_query("a\x00b\tc\n\r d\u200b") == ("a b c d", False)
    assert clean_query(None) == ("", False)
    long_query, cut = clean_query("thủ tục " * 100)
    assert cut and len(long_query) <= MAX_QUERY_CHARS
    assert long_query.endswith("tục") or long_query.endswith("thủ")
    unbroken, cut = clean_query("x" * 10_000)
    assert cut and unbroken == "x" * MAX_QUERY_CHARS


@settings(max_examples=200, deadline=None)
@given(vietnamese_text)
def test_vietnamese_text_folds_to_ascii_whatever_its_form(text):
    folded = fold(text)
    assert folded.isascii()
    assert folded == fold(nfd(text)) == fold(unicodedata.normalize("NFC", text)) == fold(text.upper())


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_folding_is_idempotent_and_leaves_no_combining_mark(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert not any(unicodedata.combining(char) for char in folded)
    assert folded_words(folded_words(text)) == folded_words(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(VIETNAMESE_LETTERS), min_size=1, max_size=7).map("".join))
def test_exact_key_survives_every_normal_form_and_case(word):
    key = exact_key(word)
    assert exact_key(nfd(word)) == key
    assert exact_key(word.upper()) == key == exact_key(word.lower())
    assert fold_word(word) == fold_word(nfd(word))


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_query_terms_are_safe_for_any_text(text):
    cleaned, _cut = clean_query(text)
    assert len(cleaned) <= MAX_QUERY_CHARS
    assert not any(unicodedata.category(char).startswith("C") for char in cleaned)
    for folded, key in query_terms(cleaned):
        assert folded and " " not in folded and '"' not in folded and "'" not in folded
        assert key is None or fold_word(key) == folded
