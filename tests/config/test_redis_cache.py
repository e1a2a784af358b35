"""Production's shared cache on a real Redis (REDIS_URL): pages, the page cache's
generation and the search's rate limits live in Redis, not in a worker's memory, so
that every worker and every server sees one state. A new cache connection stands for
another worker: what it reads was written through another one."""

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from plan.models import AreaPage
from tests.config.test_settings import production_page_cache
from tests.servers import start_redis

pytestmark = pytest.mark.django_db
AREA = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    url, process = start_redis(tmp_path_factory.mktemp("redis"))
    yield url
    process.terminate()
    process.wait(timeout=10)


def redis_caches(redis_url):
    backend = "django.core.cache.backends.redis.RedisCache"
    return {"default": {"BACKEND": backend, "LOCATION": redis_url, "KEY_PREFIX": "t"}}


@pytest.fixture
def on_redis(redis_url):
    with override_settings(CACHES=redis_caches(redis_url), PAGE_CACHE_SECONDS=600):
        caches["default"].clear()
        yield redis.Redis.from_url(redis_url)
        caches["default"].clear()


def another_worker(redis_url):
    """Django's cache handler made anew: the next read opens a new connection to Redis."""
    return override_settings(CACHES=redis_caches(redis_url))


def test_production_uses_redis_when_told(redis_url):
    result = production_page_cache({"REDIS_URL": redis_url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["-", "RedisCache"]  # pages too, unless PAGE_CACHE_DIR is set


def test_a_page_cached_by_one_worker_is_served_by_another_without_a_query(client, on_redis, redis_url):
    first = client.get(AREA)
    assert any(b"plan:page:" in key for key in on_redis.keys("*"))
    with another_worker(redis_url), CaptureQueriesContext(connection) as queries:
        again = client.get(AREA)
    assert len(queries) == 0 and again.content == first.content


def test_a_publication_through_one_worker_shows_through_another(client, on_redis, redis_url, admin_user):
    client.get(AREA)
    area = AreaPage.objects.get(slug="cai-cach-thu-tuc-hanh-chinh")
    area.heading_as_written = "Tiêu đề xuất bản qua Redis"
    area.save_revision(user=admin_user).publish(user=admin_user)
    with another_worker(redis_url):
        assert "Tiêu đề xuất bản qua Redis" in client.get(AREA).content.decode()


@override_settings(RATELIMIT_ENABLE=True, SEARCH_RATE_LIMIT="3/m")
def test_the_search_limit_counts_across_workers(client, on_redis, redis_url, held_rate_window):
    for _ in range(3):
        assert client.get("/tim-kiem/", {"q": "so hoa"}, REMOTE_ADDR="203.0.113.7").status_code == 200
    with another_worker(redis_url):
        response = client.get("/tim-kiem/", {"q": "so hoa"}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert client.get("/tim-kiem/", {"q": "so hoa"}, REMOTE_ADDR="203.0.113.8").status_code == 200
