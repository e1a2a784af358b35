"""Browser fixtures: Playwright's sync API, and Debian's chromium (tests/browser/chromium.py)."""

import pytest

from tests import builders
from tests.browser.chromium import launch


@pytest.fixture
def playwright(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM
    # calls are ordinary synchronous calls all the same.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture
def chromium(playwright):
    browser = launch(playwright)
    yield browser
    browser.close()


@pytest.fixture
def browser_page(chromium):
    return chromium.new_page(locale="vi-VN")


@pytest.fixture
def plan_loaded():
    """The 2024 plan. A browser test's live server works on committed data, so its
    test case empties every table when it ends (which is why browser tests run last:
    tests/conftest.py); the next browser test loads the plan again, after what
    Wagtail's migrations put in an empty database (a locale, the root page and
    collection). Request it before the browser: Playwright's event loop gives the
    test's own ORM calls another connection (see test_review_in_browser.py)."""
    builders.ensure_plan_loaded()
