from .base import *  # noqa: F401,F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Tests send many searches from one address; the rate-limit tests switch it back on.
RATELIMIT_ENABLE = False
# The browser tests' live server: one request at a time (tests/browser/serial.py).
MIDDLEWARE = [*MIDDLEWARE[:2], "tests.browser.serial.SerialRequests", *MIDDLEWARE[2:]]  # noqa: F405
# Tests count queries on repeated requests: the page cache is switched on by the
# tests of the cache itself (tests/plan/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
# Likewise the dashboard's counts (switched on by tests/plan/test_dashboard_figures.py).
PROGRESS_SUMMARY_SECONDS = 0
