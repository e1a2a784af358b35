"""The Elasticsearch configuration, checked without a server: no Elasticsearch can
run here, so these tests build Wagtail's real Elasticsearch 8 backend (its client
does not connect until a request is sent) and inspect the index settings, the
mappings, the documents and the queries it would send. The last tests point the
site at an address where nothing listens, to see the friendly 503 page."""

import pytest
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from config.settings.base import search_backends
from plan.models import Indicator, Task
from search.folding import folded_words

pytestmark = pytest.mark.django_db

ES_URL = "http://es.internal:9200"
# Nothing listens on TCP port 9 (discard) here: connections are refused at once.
UNREACHABLE = "http://127.0.0.1:9"


@pytest.fixture
def backend():
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(ES_URL)):
        yield get_search_backend()


def test_settings_select_the_elasticsearch_8_backend_with_a_prefix():
    config = search_backends(ES_URL)["default"]
    assert config["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert config["URLS"] == [ES_URL] and config["INDEX_PREFIX"] == "cchc_"
    database = search_backends("")["default"]
    assert database == {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "vietnamese_unaccent"}


def test_index_names(backend):
    assert backend.get_index_for_model(Task).name == "cchc_plan_task"
    assert backend.get_index_for_model(Indicator).name == "cchc_plan_indicator"


def test_index_settings_fold_full_text_and_autocomplete(backend):
    analysis = backend.settings["settings"]["analysis"]
    folding = {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": ["strip_combining_marks"],
        "filter": ["lowercase", "asciifolding"],
    }
    assert analysis["analyzer"]["default"] == folding  # every text field without its own analyzer
    assert analysis["analyzer"]["standard"] == folding  # autocomplete's search analyzer
    assert analysis["analyzer"]["edgengram_analyzer"]["filter"] == ["lowercase", "asciifolding", "edgengram"]
    assert analysis["analyzer"]["edgengram_analyzer"]["char_filter"] == ["strip_combining_marks"]
    # Wagtail's own filters and index options are kept by the merge.
    assert analysis["filter"]["edgengram"] == {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}
    assert backend.settings["settings"]["index"]["max_ngram_diff"] == 12


def test_task_mapping_uses_the_folding_analyzers(backend):
    properties = backend.mapping_class(Task).get_mapping()["properties"]
    assert properties["folded_search_text"] == {"type": "text", "copy_to": "_all_text"}  # default analyzer: folding
    assert properties["folded_search_text_edgengrams"] == {
        "type": "text",
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "standard",
    }
    assert properties["text"]["type"] == "text" and "analyzer" not in properties["text"]
    assert properties["_all_text"] == {"type": "text"}
    assert properties["area_id_filter"] == {"type": "integer"}


def test_indicator_mapping_can_filter_on_live_and_area(backend):
    properties = backend.mapping_class(Indicator).get_mapping()["properties"]
    assert properties["live_filter"] == {"type": "boolean"}
    assert properties["area_id_filter"] == {"type": "integer"}
    assert "folded_search_text_edgengrams" in properties


def test_documents_carry_the_folded_text(backend):
    task = Task.objects.select_related("lead_agency").get(code="3.1")
    document = backend.mapping_class(Task).get_document(task)
    assert document["folded_search_text"].startswith(folded_words(task.code, task.text))
    assert "kiem soat tthc" in document["folded_search_text"]
    assert "thu tuc hanh chinh" in document["folded_search_text"]  # TTHC spelt out
    assert document["area_id_filter"] == task.area_id
    assert document["_edgengrams"] == [document["folded_search_text"]]


def test_the_query_sent_is_folded_and_filtered_to_published_content(backend):
    queryset = Indicator.objects.filter(live=True, area_id__in=[5, 6])
    compiler = backend.query_compiler_class(queryset, "thanh toan truc tuyen", operator="and")
    query = compiler.get_query()["bool"]
    assert query["must"] == {"match": {"_all_text": {"query": "thanh toan truc tuyen", "operator": "and"}}}
    assert {"match": {"_django_content_type": "plan.Indicator"}} in query["filter"]
    filters = str(query["filter"])
    assert "'live_filter': True" in filters and "'area_id_filter': [5, 6]" in filters


@override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE))
def test_an_unreachable_search_server_gives_a_friendly_503(client):
    response = client.get("/tim-kiem/", {"q": "thanh toán"})
    assert response.status_code == 503
    html = response.content.decode()
    assert "Tìm kiếm tạm thời gián đoạn" in html and "thử lại sau ít phút" in html
    assert response["Retry-After"] == "60"
    suggestions = client.get("/tim-kiem/goi-y/", {"q": "thanh toán"})
    assert suggestions.status_code == 503 and "gián đoạn" in suggestions.json()["error"]


@override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE))
def test_the_empty_search_page_needs_no_search_server(client):
    assert client.get("/tim-kiem/").status_code == 200
