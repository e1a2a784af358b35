"""Faults (issue 11): the database down gives a Vietnamese 503 with Retry-After,
never a truncated 200 or a 500; odd parameters give 400 (or are dropped), never 500."""

from unittest import mock

import pytest
from django.db import connection
from django.db.utils import OperationalError
from django.test import Client

from config import faults

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down():
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    with (
        mock.patch.object(connection, "cursor", side_effect=refuse),
        mock.patch.object(connection, "ensure_connection", side_effect=refuse),
    ):
        yield


@pytest.mark.parametrize(
    "url", ["/du-lieu/ket-qua.csv", "/du-lieu/chi-tieu.csv", "/du-lieu/ket-qua.json", "/ke-hoach/cchc-2024/", "/"]
)
def test_a_database_outage_answers_503_in_vietnamese(url, database_down):
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == 503, url
    assert response["Retry-After"] == str(faults.RETRY_AFTER_SECONDS)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert "tạm thời không phục vụ được" in body.decode().lower()


def test_the_503_page_needs_no_database(database_down):
    assert faults.unavailable_response().status_code == 503
    assert not faults.database_available()


def test_a_bug_is_still_a_500():
    with mock.patch("plan.public.open_files.documentation", side_effect=ValueError("bug")):
        client = Client(raise_request_exception=False)
        assert client.get("/du-lieu/").status_code in (200, 500)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?offset=1000000000000000000000000000000",
        "/api/v2/pages/?search=cai+cach&search_operator=xx",
        "/api/v2/pages/?offset=²",
        "/api/v2/pages/?limit=١٠",
        "/api/v2/pages/?child_of=²",
    ],
)
def test_odd_api_parameters_answer_400(client, url):
    assert client.get(url).status_code == 400


def test_the_api_still_answers_normal_requests(client):
    assert client.get("/api/v2/pages/?offset=10&limit=5").status_code == 200
    assert client.get("/api/v2/pages/?search=cai+cach&search_operator=and").status_code == 200


def test_an_odd_search_page_number_is_page_one(client):
    assert client.get("/tim-kiem/?q=cai+cach&page=²").status_code == 200
    assert client.get("/tim-kiem/?page=²").status_code == 200
