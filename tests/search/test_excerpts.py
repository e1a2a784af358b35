"""Excerpts that show why a result was found (search.highlight): the rules on small
texts, then the cases of the 2024 plan, searched as the page does."""

import pytest

from search.folding import query_terms
from search.highlight import excerpt
from tests.search.helpers import key, search


def marked(parts):
    return [part.text for part in parts if part.marked]


def shown(parts):
    return "".join(part.text for part in parts)


# -- the rules -------------------------------------------------------------------


def test_the_phrase_alone_is_marked_when_the_text_holds_it():
    text = "Tăng cường công tác thanh tra. Chấn chỉnh kỷ luật, kỷ cương, đề cao trách nhiệm."
    for query in ("ky luat ky cuong", "kỷ luật kỷ cương"):
        assert marked(excerpt(text, query_terms(query))) == ["kỷ", "luật", "kỷ", "cương"]


def test_short_words_alone_mark_nothing_in_a_false_hit():
    text = "Các sở ngành, địa phương chủ động đánh giá; Nghị quyết số 19; định mức kinh tế kỹ thuật."
    assert marked(excerpt(text, query_terms("chu ky so"))) == []


def test_a_run_of_query_words_is_marked_without_the_whole_phrase():
    text = "Ứng dụng chữ ký trên điện thoại; các sở ngành."
    assert marked(excerpt(text, query_terms("chu ky so"))) == ["chữ", "ký"]


def test_a_short_word_typed_with_diacritics_marks_its_own_spelling_only():
    text = "Các sở ngành báo cáo số liệu."
    assert marked(excerpt(text, query_terms("sở"))) == ["sở"]
    assert marked(excerpt(text, query_terms("chủ sở"))) == ["sở"]
    assert marked(excerpt(text, query_terms("so"))) == ["sở", "số"]


def test_a_long_word_alone_is_marked():
    text = "Thanh toán phí; dịch vụ trực tuyến."
    assert marked(excerpt(text, query_terms("thanh toan truc tuyen"))) == ["Thanh", "toán", "trực", "tuyến"]
    assert marked(excerpt("Pháp luật về thanh tra", query_terms("thanh toan"))) == ["thanh"]


def test_abbreviations_are_marked_for_their_long_form_and_back():
    assert marked(excerpt("Kiểm soát TTHC năm 2024", query_terms("thu tuc hanh chinh"))) == ["TTHC"]
    assert marked(excerpt("giải quyết thủ tục hành chính", query_terms("tthc"))) == ["thủ", "tục", "hành", "chính"]


def test_the_excerpt_comes_from_the_text_that_holds_the_phrase():
    texts = ["Nội dung chính không nói đến.", "Sản phẩm: hồ sơ số hóa đầy đủ."]
    assert shown(excerpt(texts, query_terms("so hoa"))) == texts[1]
    assert shown(excerpt(texts, query_terms("khac"))) == texts[0]


def test_the_window_shows_the_phrase_of_a_long_text():
    text = "Tăng cường theo dõi. " + "nội dung khác " * 30 + "tăng cường kỷ luật, kỷ cương trong cơ quan " + "sau " * 40
    parts = excerpt(text, query_terms("ky luat ky cuong"))
    assert "kỷ luật, kỷ cương" in shown(parts) and marked(parts) == ["kỷ", "luật", "kỷ", "cương"]


# -- the 2024 plan ---------------------------------------------------------------


def shown_by_key(query):
    outcome = search(f"q={query}")
    return {key(item): item for item in outcome.page.object_list}, outcome


@pytest.mark.django_db
def test_excerpts_hold_the_matched_words_typed_with_or_without_diacritics():
    plain, _ = shown_by_key("ky luat ky cuong")
    marked_up, _ = shown_by_key("kỷ luật kỷ cương")
    tasks = [name for name in plain if name.startswith("task:")]
    assert tasks and tasks == [name for name in marked_up if name.startswith("task:")]
    for name in tasks:
        for items in (plain, marked_up):
            assert "kỷ luật, kỷ cương" in shown(items[name].excerpt)
            assert marked(items[name].excerpt) == ["kỷ", "luật", "kỷ", "cương"]


@pytest.mark.django_db
def test_a_false_hit_for_chu_ky_so_marks_no_short_word():
    items, _ = shown_by_key("chu ky so")
    assert marked(items["task:7.9"].excerpt) == ["chữ", "ký", "số"]
    false_hits = [item for name, item in items.items() if "chữ ký số" not in shown(item.excerpt).casefold()]
    assert false_hits
    for item in false_hits:
        assert not {"sở", "chủ", "số", "kỹ"} & {word.casefold() for word in marked(item.excerpt)}


@pytest.mark.django_db
def test_the_topic_chu_ky_so_is_offered_first():
    _, outcome = shown_by_key("chu ky so")
    first = outcome.page.object_list[0]
    assert (first.kind, first.title, first.url()) == ("topic", "Chữ ký số", "/chu-de/chu-ky-so/")


@pytest.mark.django_db
def test_topics_areas_and_agencies_named_by_the_query_come_before_tasks_and_indicators():
    results = search("q=mot cua").page.paginator.object_list
    kinds = [item.kind for item in results]
    named = [item for item in results if item.leads and item.score.in_name]
    assert {item.kind for item in named} >= {"topic", "agency"}
    assert kinds[: len(named)] == [item.kind for item in named]
    assert all(kind in ("task", "indicator", "page", "agency", "topic") for kind in kinds)
    area = search("q=cai cach thu tuc hanh chinh").page.object_list[0]
    assert (area.kind, area.obj.slug) == ("page", "cai-cach-thu-tuc-hanh-chinh")
