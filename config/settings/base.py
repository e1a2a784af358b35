"""Settings shared by every environment. Values that differ per machine come from
environment variables (see README); each environment module overrides a few."""

import os
from datetime import timedelta
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
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
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

# Public sources of results (manage.py sync_results / import_results URL): only these
# hosts, never internal addresses, at most this many bytes and seconds.
RESULT_SOURCES_ALLOWED_HOSTS = env_list(
    "RESULT_SOURCES_ALLOWED_HOSTS", "dichvucong.gov.vn,.dichvucong.gov.vn,.haiduong.gov.vn"
)
RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES = False
RESULT_SOURCES_MAX_BYTES = int(os.environ.get("RESULT_SOURCES_MAX_BYTES", str(20 * 1024 * 1024)))
RESULT_SOURCES_TIMEOUT = float(os.environ.get("RESULT_SOURCES_TIMEOUT", "20"))
RESULT_UPLOAD_DIR = os.environ.get("RESULT_UPLOAD_DIR", str(BASE_DIR / "var" / "imports"))
RESULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
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

# Outermost: the Content-Security-Policy and Permissions-Policy headers go on every
# answer, the 503 of a database outage included. django-axes' middleware comes last.
MIDDLEWARE.insert(1, "csp.middleware.CSPMiddleware")
MIDDLEWARE.insert(2, "django_permissions_policy.PermissionsPolicyMiddleware")
MIDDLEWARE.insert(3, "config.faults.DatabaseOutageMiddleware")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# user name from one address, that pair is locked out for AXES_COOLOFF_MINUTES; the
# lockout page (templates/lockout.html) is in Vietnamese and answers 429.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Behind trusted proxies the client address comes from X-Forwarded-For, as for search.
AXES_IPWARE_PROXY_COUNT = SEARCH_TRUSTED_PROXIES or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if SEARCH_TRUSTED_PROXIES else ["REMOTE_ADDR"]
)

# Content-Security-Policy (django-csp 4). Public pages: no inline script, nothing
# from another origin. Styles allow 'unsafe-inline' because the indicator charts are
# pygal SVG embedded in the page with their own <style>. The admin's extra needs
# (Wagtail's inline scripts and styles, images and previews) are added for /admin/
# only by config.security.AdminContentSecurityPolicy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
MIDDLEWARE.insert(MIDDLEWARE.index("csp.middleware.CSPMiddleware") + 1, "config.security.AdminContentSecurityPolicy")
# No avatars from gravatar.com: editors' e-mail hashes stay here, and the admin's
# images come from this site only (img-src).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Permissions-Policy (django-permissions-policy): the site uses none of these.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}
