"""What the search migrations add on PostgreSQL: a text-search configuration that
folds diacritics (unaccent), used by Wagtail's database backend, and an index on
the vector it matches. On SQLite the migrations do nothing and these tests skip."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")


def lexemes(config, text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector(%s::regconfig, %s)::text", [config, text])
        return cursor.fetchone()[0]


def test_the_configuration_folds_vietnamese():
    assert lexemes("vietnamese_unaccent", "Thủ tục hành chính ĐỒNG BỘ, ặ ế ữ") == lexemes(
        "simple", "thu tuc hanh chinh dong bo, a e u"
    )
    assert lexemes("vietnamese_unaccent", "ho\u0301a đơn") == lexemes("simple", "hoa don")  # decomposed
    assert lexemes("simple", "Thủ tục") != lexemes("simple", "thu tuc")  # what the default does not do


def test_the_backend_uses_it():
    assert get_search_backend().config == "vietnamese_unaccent"


def test_the_search_vector_is_indexed():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'site_search_indexentry_title_body_gin'")
        definition = cursor.fetchone()[0]
    assert "USING gin" in definition and "(title || body)" in definition
