"""The production cache is shared by every worker process (issue 11: the search rate
limit counted per worker, 90 a minute got through instead of 30)."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections

from config.cache import SharedDatabaseCache

pytestmark = pytest.mark.django_db(transaction=True)

TABLE = "cchc_cache_test"


@pytest.fixture
def cache_table(settings):
    settings.CACHES = {**settings.CACHES, "shared": {"BACKEND": "config.cache.SharedDatabaseCache", "LOCATION": TABLE}}
    call_command("createcachetable", "--database", "default")
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def test_two_workers_count_on_the_same_counter(cache_table):
    # Two backend objects stand for two gunicorn workers: each has its own memory,
    # the counter lives in the shared table.
    first, second = SharedDatabaseCache(TABLE, {}), SharedDatabaseCache(TABLE, {})
    assert first.add("rl:search:127.0.0.1", 0, 60)
    assert not second.add("rl:search:127.0.0.1", 0, 60)
    for _ in range(15):
        first.incr("rl:search:127.0.0.1")
        second.incr("rl:search:127.0.0.1")
    assert first.get("rl:search:127.0.0.1") == second.get("rl:search:127.0.0.1") == 30


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL, as in production")
def test_concurrent_increments_are_not_lost(cache_table):
    SharedDatabaseCache(TABLE, {}).add("counter", 0, 60)

    def worker():
        cache = SharedDatabaseCache(TABLE, {})
        try:
            for _ in range(20):
                cache.incr("counter")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert SharedDatabaseCache(TABLE, {}).get("counter") == 160
