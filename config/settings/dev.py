import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, SECRET_KEY

DEBUG = True
# A development key only: production refuses to start without SECRET_KEY.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "media"
WHITENOISE_AUTOREFRESH = True

# One cache for every process of the machine: scripts/run.sh runs the server and the
# import worker side by side, and a purge of the page cache by one (an import approved,
# a command) must reach the other at once, not after PAGE_CACHE_SECONDS. Files need no
# set-up (production keeps it in the database: production.py).
DEV_CACHE_DIR = os.environ.get("DEV_CACHE_DIR", str(BASE_DIR / "var" / "cache"))
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DEV_CACHE_DIR,
        "OPTIONS": {"MAX_ENTRIES": 3_000},
    }
}
