"""The whole 2024 plan is loaded once per test session (and per database); each test
then runs in a transaction that is rolled back."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_plan", verbosity=0)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: what one test cached (the site identity,
    rate-limit counters) never leaks into the next, whose database was rolled back."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def held_rate_window(monkeypatch):
    """django-ratelimit counts in windows fixed to the clock (a minute, a quarter of an
    hour): a test that crossed a window's end saw its counter start again, now and then
    on a loaded machine. The clock the limiter reads is held where the test began."""
    import time
    from types import SimpleNamespace

    from django_ratelimit import core

    began = time.time()
    monkeypatch.setattr(core, "time", SimpleNamespace(time=lambda: began))


@pytest.fixture
def admin_client(client, django_user_model, db):
    user = django_user_model.objects.create_superuser("quantri", "quantri@example.org", "mat-khau-thu-nghiem")
    client.force_login(user)
    return client


def pytest_collection_modifyitems(items):
    """Browser tests and other tests of a live server use a transactional test case,
    which empties the database when it ends: they run last, after every test that
    needs the plan."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None or "live_server" in item.fixturenames)
