"""Searches are rate-limited per client (django-ratelimit): past the limit the page
answers 429 in Vietnamese, other clients are not affected. The test settings turn
the limit off; these tests turn it on with a small rate."""

import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from search.ratelimit import client_ip

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("held_rate_window")]

LIMITED = override_settings(RATELIMIT_ENABLE=True, SEARCH_RATE_LIMIT="3/m", SEARCH_SUGGEST_RATE_LIMIT="2/m")


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@LIMITED
def test_search_past_the_limit_answers_429_in_vietnamese(client):
    for _ in range(3):
        assert client.get("/tim-kiem/", {"q": "so hoa"}, REMOTE_ADDR="203.0.113.7").status_code == 200
    response = client.get("/tim-kiem/", {"q": "so hoa"}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert "Quá nhiều lượt tìm kiếm" in response.content.decode()
    assert client.get("/tim-kiem/", {"q": "so hoa"}, REMOTE_ADDR="203.0.113.8").status_code == 200


@LIMITED
def test_suggestions_have_their_own_limit(client):
    for _ in range(2):
        assert client.get("/tim-kiem/goi-y/", {"q": "mot"}, REMOTE_ADDR="198.51.100.1").status_code == 200
    response = client.get("/tim-kiem/goi-y/", {"q": "mot"}, REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 429 and "thử lại" in response.json()["error"]
    assert client.get("/tim-kiem/", {"q": "mot"}, REMOTE_ADDR="198.51.100.1").status_code == 200


@override_settings(RATELIMIT_ENABLE=True, SEARCH_RATE_LIMIT="2/s")
def test_a_test_that_outlasts_a_window_still_counts_in_one(client):
    """held_rate_window: the clock the limiter reads stays where the test began, so that
    its count goes on past a window's end (a second here)."""
    for _ in range(2):
        assert client.get("/tim-kiem/", {"q": "so hoa"}, REMOTE_ADDR="192.0.2.50").status_code == 200
        time.sleep(1.05)
    assert client.get("/tim-kiem/", {"q": "so hoa"}, REMOTE_ADDR="192.0.2.50").status_code == 429


def request(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/tim-kiem/", REMOTE_ADDR=remote, **extra)


def test_the_client_is_its_address():
    assert client_ip("g", request("203.0.113.7", "1.2.3.4")) == "203.0.113.7"  # no proxy trusted: header ignored
    assert client_ip("g", request("2001:db8:1:2:3:4:5:6")) == "2001:db8:1:2::"  # IPv6 clients by /64
    assert client_ip("g", request("")) == "unknown"


@override_settings(SEARCH_TRUSTED_PROXIES=1)
def test_behind_a_trusted_proxy_the_address_it_saw_counts():
    # The client may write anything in X-Forwarded-For; only the proxy's own entry counts.
    assert client_ip("g", request("10.0.0.2", "6.6.6.6, 203.0.113.9")) == "203.0.113.9"
    assert client_ip("g", request("10.0.0.2", "not-an-ip")) == "unknown"
    assert client_ip("g", request("10.0.0.2")) == "10.0.0.2"
