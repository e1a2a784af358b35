import os

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
# What `check --deploy` only warns of (security.W009) stops production here.
if (
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    raise ImproperlyConfigured(
        f"SECRET_KEY is weak: use at least {SECRET_KEY_MIN_LENGTH} characters, {SECRET_KEY_MIN_UNIQUE_CHARACTERS} "
        f"of them different, not starting with {SECRET_KEY_INSECURE_PREFIX!r} (generate one with "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

DEBUG = False
# Never illustrative figures on the public site (manage.py load_demo_results refuses).
DEMO_DATA_ALLOWED = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Where collectstatic writes (and whitenoise serves from).
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Links in e-mails: the configured address, else the site's first host over HTTPS
# (never the development default http://127.0.0.1:8000).
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}").rstrip("/")  # noqa: F405
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]  # noqa: F405
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# One database connection per worker, kept between requests (checked before reuse).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405

# ---------------------------------------------------------------------------
# Security hardening (issue 11): HSTS, a cache shared by every worker.
# ---------------------------------------------------------------------------
# HSTS covers subdomains; SECURE_HSTS_PRELOAD=0 leaves the domain off browsers'
# preload lists (only once every subdomain serves HTTPS should it stay on).
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"

# One cache for all gunicorn workers, in the database (no other server), so that the
# search and login limits count across processes: run `manage.py createcachetable`
# once after `migrate`. config.cache.SharedDatabaseCache increments atomically.
CACHES = {
    "default": {
        "BACKEND": "config.cache.SharedDatabaseCache",
        "LOCATION": os.environ.get("CACHE_TABLE", "cchc_cache"),
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
# REDIS_URL (redis://127.0.0.1:6379/0): the cache in Redis instead, shared by every worker
# of every server: rate limits, the site's identity, the page cache's generation and,
# unless PAGE_CACHE_DIR says otherwise, the pages themselves (docs/operations.md).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": 300,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cchc"),
        }
    }
# Whole pages for anonymous visitors (plan/public/page_cache.py) in files that every
# worker of the machine shares: a repeated request reads a file, not the database.
# PAGE_CACHE_DIR="" keeps them in the default cache above (several machines: Redis).
PAGE_CACHE_DIR = os.environ.get("PAGE_CACHE_DIR", "" if REDIS_URL else str(BASE_DIR / "var" / "page-cache"))
if PAGE_CACHE_DIR:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": PAGE_CACHE_DIR,
        # Four entries a page (plain, zstd, brotli, gzip), about 100 KB in all: some 300 MB.
        "OPTIONS": {"MAX_ENTRIES": 12_000},
    }
