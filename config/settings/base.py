"""Settings shared by every environment. Values that differ per machine come from
environment variables (see docs/operations.md); each environment module overrides a few."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "home",
    "plan",
    "indices",
    "reports",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

# Order (docs/architecture.md, "Middleware"): static files leave first, before any
# header is built; the security headers wrap every other answer, a 503 of a database
# outage included; the page cache sits above sessions, users, CSRF and messages, which a
# cached anonymous page does not need, and below the headers it must still carry.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML and data compressed for clients that accept it (brotli, zstd or gzip), unless
    # the page cache sent a body it keeps compressed; static files are compressed ahead
    # by whitenoise (production storage).
    "compression_middleware.middleware.CompressionMiddleware",
    # Answers a conditional GET with 304 (from the ETag the page cache sets).
    "django.middleware.http.ConditionalGetMiddleware",
    # A hit costs no query and none of the middleware below: it is sent with the headers
    # they gave the page when it was stored (the CSP, Permissions-Policy, X-Frame-Options).
    "plan.public.page_cache.PageCacheMiddleware",
    # django-csp's, the header built once per policy (public, admin).
    "config.security.ContentSecurityPolicy",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.faults.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "plan.public.identity.site_identity",
                "plan.public.plan_wide.plan_wide",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# DATABASE_URL selects the database; the embedded default is a SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese is the site language: dates as "27/11/2026", numbers as "1.234,5".
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Grouping is applied where numbers are figures (plan.progress.targets.format_number), not to
# every integer a template prints (years, ids).
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["config.formats"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
# The project's Vietnamese catalogue (locale/vi/LC_MESSAGES/django.po, djangojs.po)
# completes Wagtail's, wagtail-modeladmin's and Django's own: LOCALE_PATHS win over the
# apps' catalogues. scripts/compile_messages.py compiles it (run by the set-up scripts);
# scripts/catalogue_coverage.py prints how much of the installed catalogues it covers.
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Who publishes the site, as a new site starts: administrators then edit it in the
# admin (Cài đặt → Thông tin trang, plan.models.SiteIdentity). The one place the
# province is named in the code.
SITE_IDENTITY_DEFAULTS = {
    "province_name": "tỉnh Hải Dương",
    "plan_owner": "Ủy ban nhân dân tỉnh Hải Dương",
    "open_data_licence": "Giấy phép Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
    "open_data_licence_url": "https://creativecommons.org/licenses/by/4.0/deed.vi",
}
WAGTAIL_SITE_NAME = f"Cải cách hành chính {SITE_IDENTITY_DEFAULTS['province_name']}"

# Illustrative figures (manage.py load_demo_results) show the site working; production
# refuses them (config/settings/production.py), and remove_demo_results deletes them.
DEMO_DATA_ALLOWED = os.environ.get("DEMO_DATA_ALLOWED", "1") == "1"

# Full-page cache for anonymous visitors (plan/public/page_cache.py): how long the
# server keeps a page (any change to what pages show drops every page at once), and how
# long browsers and proxies may keep it without asking again.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
# What each worker keeps in its own memory of the pages it served (plan/public/page_cache.py).
PAGE_CACHE_MEMORY_BYTES = int(os.environ.get("PAGE_CACHE_MEMORY_BYTES", str(16 * 1024 * 1024)))
# The dashboard's counts (plan/public/dashboard_figures.py): kept in the same cache until
# something changes (a new page cache generation) or the day ends, at most this long;
# 0 works them out on every request.
PROGRESS_SUMMARY_SECONDS = int(os.environ.get("PROGRESS_SUMMARY_SECONDS", "600"))
# A caching proxy or CDN in front of the site (Varnish, nginx with purge): Wagtail sends
# it a PURGE for each page it publishes (wagtail.contrib.frontend_cache).
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
# The address the site is reached at: links in the workflow e-mails (Wagtail's), the
# results review and the reminder e-mails (plan.editorial.links.absolute_url) start with it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# An admin that works on an intranet: no request leaves the machine. No check for new
# Wagtail releases (releases.wagtail.org), no "what's new" banner linking to
# wagtail.org, no Gravatar avatars (the admin shows its default avatar instead).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's login form with its password field labelled (translated): plan/editorial/admin/locale.py.
WAGTAILADMIN_USER_LOGIN_FORM = "plan.editorial.admin.locale.LoginForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx", "json", "txt"]


def search_backends(elasticsearch_url):
    """The database backend by default; Elasticsearch when ELASTICSEARCH_URL is set.
    Both fold Vietnamese diacritics (see search/folding.py): on PostgreSQL through the
    text-search configuration that search/migrations creates (ignored on SQLite), on
    Elasticsearch through search/elasticsearch.py's analyzers."""
    from search.elasticsearch import index_settings

    if not elasticsearch_url:
        return {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "vietnamese_unaccent"}}
    return {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [elasticsearch_url],
            # Wagtail names each index "<prefix><app>_<model>", e.g. "cchc_plan_task".
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX", "cchc") + "_",
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": index_settings(),
        }
    }


WAGTAILSEARCH_BACKENDS = search_backends(os.environ.get("ELASTICSEARCH_URL", ""))

# The public search (/tim-kiem/) is rate-limited per client with django-ratelimit;
# over the limit it answers 429. Counters live in the default cache: with several
# worker processes, give it a shared cache (memcached, redis) or each process counts
# on its own. Behind N trusted proxies, set SEARCH_TRUSTED_PROXIES=N so that the
# client address is read from X-Forwarded-For (see search/ratelimit.py).
SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "30/m")
SEARCH_SUGGEST_RATE_LIMIT = os.environ.get("SEARCH_SUGGEST_RATE_LIMIT", "120/m")
SEARCH_TRUSTED_PROXIES = int(os.environ.get("SEARCH_TRUSTED_PROXIES", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

from .imports import *  # noqa: E402,F401,F403  (results import and sync: limits and sources)

INSTALLED_APPS += IMPORT_WORKER_APPS

WAGTAILAPI_LIMIT_MAX = 100

# Editorial workflow: reviewers are notified by e-mail (console backend in development).
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_NOTIFICATION_USE_HTML = False
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "khong-tra-loi@cchc.localhost")
DEFAULT_FROM_EMAIL = WAGTAILADMIN_NOTIFICATION_FROM_EMAIL
WAGTAILADMIN_COMMENTS_ENABLED = True


# ---------------------------------------------------------------------------
# Security hardening (issue 11): login throttling, Content-Security-Policy,
# Permissions-Policy, database outages and bad requests. Kept in one block.
# ---------------------------------------------------------------------------
INSTALLED_APPS += ["axes"]

from .security import *  # noqa: E402,F401,F403  (login throttling, CSP and Permissions-Policy)
