"""search.postgres: the plain statement that finds tasks and indicators on
PostgreSQL must find what Wagtail's search API finds, in the same order, and keep
the queryset's filters. The statement runs on PostgreSQL only: those tests skip on
SQLite, where the search page goes through Wagtail's search API (tested there by
test_queries.py); the tsquery text is checked on both."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from plan.models import AreaPage, Indicator, Task
from search import candidates, postgres
from search.folding import fold


def test_every_word_is_required():
    assert postgres.tsquery(["chu", "ky", "so"], 3) == "'chu' & 'ky' & 'so'"


def test_any_two_words_of_three():
    assert postgres.tsquery(["a", "b", "c"], 2) == "('a' & 'b') | ('a' & 'c') | ('b' & 'c')"


def test_quotes_and_backslashes_are_escaped():
    assert postgres.lexeme("o'k\\") == "'o''k\\\\'"


@pytest.fixture
def backend():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the statement uses its text search")
    return get_search_backend()


def sources():
    area_ids = list(AreaPage.objects.values_list("pk", flat=True))
    return [
        (Indicator.objects.filter(live=True, area_id__in=area_ids), candidates.INDICATOR_FIELDS),
        (Task.objects.filter(area_id__in=area_ids), candidates.TASK_FIELDS),
    ]


QUERIES = [
    ("thanh toán trực tuyến", None),
    ("chữ ký số", None),
    ("tinh", None),  # in most tasks: the order of equal ranks matters
    ("so hoa ho so", None),
    ("ubnd huyen", None),
    ("3 4", None),
    ("thanh toan xyzw", 2),  # the near matches: any two of three words
    ("dao tao cong chuc vien", 3),
]


@pytest.mark.django_db
@pytest.mark.parametrize("text, minimum", QUERIES)
def test_same_items_in_the_same_order_as_wagtail(backend, text, minimum):
    words = fold(text).split()
    minimum = minimum or len(words)
    found_any = False
    for queryset, fields in sources():
        ranked = minimum >= len(words)
        ours = postgres.search(queryset, fields, words, minimum, 20, ranked, backend.config)
        wagtails = candidates.wagtail_hits(backend, queryset, fields, words, minimum, 20, ranked)
        assert [row.pk for row in ours] == [obj.pk for obj in wagtails]
        for row, obj in zip(ours, wagtails, strict=True):
            assert {name: getattr(row, name) for name in fields} == {name: getattr(obj, name) for name in fields}
        found_any = found_any or bool(ours)
    assert found_any, text


@pytest.mark.django_db
def test_the_filters_of_the_queryset_are_kept(backend):
    area = AreaPage.objects.get(number=3)
    hidden = Indicator.objects.filter(area=area).first()
    Indicator.objects.filter(pk=hidden.pk).update(live=False)
    words = fold(hidden.metric).split()[:2]
    queryset = Indicator.objects.filter(live=True, area_id__in=[area.pk])
    rows = postgres.search(queryset, candidates.INDICATOR_FIELDS, words, len(words), 100, True, backend.config)
    everything = postgres.search(
        Indicator.objects.all(), candidates.INDICATOR_FIELDS, words, len(words), 100, True, backend.config
    )
    assert hidden.pk in {row.pk for row in everything}
    assert hidden.pk not in {row.pk for row in rows}
    assert rows and {row.area_id for row in rows} == {area.pk}


@pytest.mark.django_db
def test_a_filter_nothing_passes_finds_nothing(backend):
    nothing = Task.objects.filter(area_id__in=[])
    assert postgres.search(nothing, candidates.TASK_FIELDS, ["tinh"], 1, 10, True, backend.config) == []


@pytest.mark.django_db
def test_a_quote_in_a_word_is_no_error(backend):
    assert postgres.search(Task.objects.all(), candidates.TASK_FIELDS, ["o'k\\"], 1, 10, True, backend.config) == []


@pytest.mark.django_db
def test_the_search_page_uses_one_statement_per_kind(backend, django_assert_num_queries):
    queryset, fields = sources()[1]
    postgres.search(queryset, fields, ["tinh"], 1, 10, True, backend.config)  # the content type is cached
    with django_assert_num_queries(1):
        postgres.search(queryset, fields, ["tinh"], 1, 10, True, backend.config)


@pytest.mark.django_db
def test_rows_have_the_fields_asked_for_and_their_key(backend):
    rows = postgres.search(Task.objects.all(), ["code", "text"], ["tinh"], 1, 3, True, backend.config)
    task = Task.objects.get(pk=rows[0].pk)
    assert vars(rows[0]) == {"id": task.pk, "pk": task.pk, "code": task.code, "text": task.text}
